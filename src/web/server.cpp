// The only translation unit that includes Boost.Beast (≈20 s and 650 MB to compile).
#include <utility>  // before Asio under g++ 12 -std=c++20

#include "web/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

#include "core/text.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// "Date: Sat, 21 Nov 2026 20:00:00 GMT\r\n\r\n", remade at most once a second per thread.
std::string_view DateTail() {
  thread_local std::time_t last = 0;
  thread_local std::string line;
  std::time_t now = std::time(nullptr);
  if (now != last) {
    last = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    std::strftime(buf, sizeof(buf), "Date: %a, %d %b %Y %H:%M:%S GMT\r\n\r\n", &tm);
    line = buf;
  }
  return line;
}

Method ToMethod(http::verb v) {
  switch (v) {
    case http::verb::get: return Method::kGet;
    case http::verb::head: return Method::kHead;
    case http::verb::post: return Method::kPost;
    default: return Method::kOther;
  }
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Service& service;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  std::vector<std::thread> threads;
  asio::thread_pool workers;
  std::atomic<int> connections{0};
  std::atomic<int> in_flight{0};  // responses being computed or written
  std::atomic<bool> stopping{false};
  std::mutex stop_mu;
  bool stopped = false;
  bool started = false;

  Impl(ServerOptions o, Service& s)
      : options(std::move(o)), service(s), workers(static_cast<size_t>(std::max(1, options.worker_threads))) {}

  void Accept(size_t index);
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }
  ~Session() { server_.connections.fetch_sub(1, std::memory_order_relaxed); }

  void Start() { ReadHeader(); }

 private:
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    // The larger of the two limits until the target is known (OnHeader).
    parser_->body_limit(std::max(server_.options.body_limit, server_.options.upload_body_limit));
    stream_.expires_after(buffer_.size() == 0 ? server_.options.idle_timeout
                                              : server_.options.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->OnHeader(ec);
                            });
  }

  void OnHeader(beast::error_code ec) {
    if (ec == http::error::body_limit) return SendPlain(413, "Request body too large\n");
    if (ec) return Fail(ec);
    // Uploads (multipart posts to an upload route) may be larger than other requests.
    const auto& head = parser_->get();
    std::string_view target(head.target().data(), head.target().size());
    auto path = PercentDecode(target.substr(0, target.find('?')), false);
    bool upload = head.method() == http::verb::post && path && IsUploadPath(*path);
    std::size_t limit = upload ? server_.options.upload_body_limit : server_.options.body_limit;
    if (auto length = parser_->content_length(); length && *length > limit) {
      return SendPlain(413, upload ? "The file is too large. The largest file you can upload is 20 MB.\n"
                                   : "Request body too large\n");
    }
    parser_->body_limit(limit);  // for chunked bodies, counted as they arrive
    stream_.expires_after(server_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code e, std::size_t) { self->OnRead(e); });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::body_limit) return SendPlain(413, "Request body too large\n");
    if (ec) return Fail(ec);
    auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive() && !server_.stopping.load(std::memory_order_relaxed);
    head_only_ = msg.method() == http::verb::head;

    Request req;
    req.method = ToMethod(msg.method());
    req.target = std::string(msg.target());
    req.remote = remote_;
    std::string_view target = req.target;
    size_t q = target.find('?');
    auto path = PercentDecode(target.substr(0, q), false);
    if (!path || path->empty() || (*path)[0] != '/') return SendPlain(400, "Bad request path\n");
    req.path = std::move(*path);
    if (q != std::string_view::npos) req.query = std::string(target.substr(q + 1));
    for (const auto& field : msg) {
      auto name = field.name_string();
      req.headers.emplace_back(ToLowerAscii(std::string_view(name.data(), name.size())),
                               std::string(field.value()));
    }
    req.body = std::move(msg.body());

    if (auto fast = server_.service.TryFast(req)) return Send(std::move(*fast));
    // Blocking work (store, rendering) runs on the worker pool, then comes back here.
    server_.in_flight.fetch_add(1, std::memory_order_relaxed);
    asio::post(server_.workers, [self = shared_from_this(), req = std::move(req)]() {
      Response r = self->server_.service.Handle(req);
      asio::post(self->stream_.get_executor(), [self, r = std::move(r)]() mutable {
        self->server_.in_flight.fetch_sub(1, std::memory_order_relaxed);
        self->Send(std::move(r));
      });
    });
  }

  void SendPlain(int status, std::string_view text) {
    keep_alive_ = false;
    head_only_ = false;
    Send(MakeResponse(status, "text/plain; charset=utf-8", std::string(text), "no-store"));
  }

  void Send(Response r) {
    server_.in_flight.fetch_add(1, std::memory_order_relaxed);
    response_ = std::move(r);
    if (!keep_alive_) close_head_ = HeadWithClose(response_);
    date_ = DateTail();  // the thread-local line may change before the write completes
    std::string_view body = head_only_ ? std::string_view() : response_.BodyView();
    std::array<asio::const_buffer, 3> buffers = {
        keep_alive_ ? asio::const_buffer(response_.head->data(), response_.head->size())
                    : asio::const_buffer(close_head_.data(), close_head_.size()),
        asio::const_buffer(date_.data(), date_.size()), asio::const_buffer(body.data(), body.size())};
    stream_.expires_after(server_.options.read_timeout);
    asio::async_write(stream_, buffers,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->OnWrite(ec);
                      });
  }

  void OnWrite(beast::error_code ec) {
    server_.in_flight.fetch_sub(1, std::memory_order_relaxed);
    if (ec) return Fail(ec);
    response_ = Response{};
    if (!keep_alive_) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      return;
    }
    ReadHeader();
  }

  void Fail(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == asio::error::eof ||
        ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset) {
      beast::error_code ignored;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return;
    }
    if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
      // A malformed request: answer 400 and close.
      return SendPlain(400, "Bad request\n");
    }
    spdlog::debug("connection from {}: {}", remote_, ec.message());
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Response response_;
  std::string close_head_;
  std::string date_;
  std::string remote_;
  bool keep_alive_ = true;
  bool head_only_ = false;
};

}  // namespace

void Server::Impl::Accept(size_t index) {
  acceptors[index]->async_accept(
      *contexts[index], [this, index](beast::error_code ec, tcp::socket socket) {
        if (ec) {
          if (ec == asio::error::operation_aborted || stopping) return;
          spdlog::warn("accept failed: {}", ec.message());
        } else if (connections.fetch_add(1, std::memory_order_relaxed) >= options.max_connections) {
          connections.fetch_sub(1, std::memory_order_relaxed);
          beast::error_code ignored;
          socket.close(ignored);  // over the limit: refuse at once rather than queue
        } else {
          std::make_shared<Session>(std::move(socket), *this)->Start();
        }
        if (!stopping) Accept(index);
      });
}

Server::Server(ServerOptions options, Service& service)
    : impl_(std::make_unique<Impl>(std::move(options), service)) {}

Server::~Server() { Stop(); }

Result<std::uint16_t> Server::Start() {
  Impl& s = *impl_;
  beast::error_code ec;
  auto address = asio::ip::make_address(s.options.host, ec);
  if (ec) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("'{}' is not an IP address", s.options.host),
                "listen");
  }
  std::uint16_t port = s.options.port;
  int n = std::max(1, s.options.io_threads);
  for (int i = 0; i < n; ++i) {
    auto ctx = std::make_unique<asio::io_context>(1);
    auto acc = std::make_unique<tcp::acceptor>(*ctx);
    tcp::endpoint ep(address, port);
    acc->open(ep.protocol(), ec);
    if (!ec) acc->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) {
      int one = 1;
      // Each I/O thread accepts on its own socket; the kernel spreads connections.
      if (::setsockopt(acc->native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) != 0) {
        ec = beast::error_code(errno, boost::system::system_category());
      }
    }
    if (!ec) acc->bind(ep, ec);
    if (!ec) acc->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return Fail(ErrorCode::kUnavailable, fmt::format("cannot listen: {}", ec.message()),
                  fmt::format("{}:{}", s.options.host, port));
    }
    if (port == 0) port = acc->local_endpoint().port();
    s.contexts.push_back(std::move(ctx));
    s.acceptors.push_back(std::move(acc));
  }
  for (size_t i = 0; i < s.contexts.size(); ++i) {
    s.Accept(i);
    s.threads.emplace_back([ctx = s.contexts[i].get()] { ctx->run(); });
  }
  s.started = true;
  return port;
}

void Server::Stop() {
  Impl& s = *impl_;
  std::lock_guard lock(s.stop_mu);
  if (s.stopped || !s.started) return;
  s.stopped = true;
  s.stopping = true;
  for (size_t i = 0; i < s.acceptors.size(); ++i) {
    asio::post(*s.contexts[i], [acc = s.acceptors[i].get()] {
      beast::error_code ignored;
      acc->close(ignored);
    });
  }
  // Requests in progress finish within a grace period; idle keep-alive connections
  // are not waited for.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (s.in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  for (auto& ctx : s.contexts) ctx->stop();
  for (auto& t : s.threads) t.join();
  s.workers.join();
}

void Server::RunUntilSignal() {
  asio::io_context ctx;
  asio::signal_set signals(ctx, SIGINT, SIGTERM);
  signals.async_wait([](beast::error_code, int sig) {
    spdlog::info("received signal {}, shutting down", sig);
  });
  ctx.run();
  Stop();
}

}  // namespace assent::web
