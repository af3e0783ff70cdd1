#include "tests/support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

namespace assent::testing_support {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "MAIL FROM:<a@b> SIZE=12" -> "a@b"
std::string PathOf(const std::string& line) {
  size_t lt = line.find('<');
  size_t gt = line.find('>', lt == std::string::npos ? 0 : lt);
  if (lt == std::string::npos || gt == std::string::npos) {
    size_t colon = line.find(':');
    return colon == std::string::npos ? std::string() : line.substr(colon + 1);
  }
  return line.substr(lt + 1, gt - lt - 1);
}

bool SendAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::send(fd, s.data() + done, s.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

SmtpSink::SmtpSink() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listen_fd_ < 0) return;
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 16) != 0) {
    ::close(listen_fd_);
    listen_fd_ = -1;
    return;
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Run(); });
}

SmtpSink::~SmtpSink() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

bool SmtpSink::WaitFor(size_t n, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return messages_.size() >= n; });
}

std::vector<SmtpMessage> SmtpSink::Messages() const {
  std::lock_guard lock(mu_);
  return messages_;
}

void SmtpSink::RejectRecipient(const std::string& address) {
  std::lock_guard lock(mu_);
  rejected_.insert(address);
}

void SmtpSink::Run() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    // A thread per connection: a client may keep one connection open while it opens
    // another.
    connections_.emplace_back([this, fd] {
      Serve(fd);
      ::close(fd);
    });
  }
  for (auto& t : connections_) t.join();
}

void SmtpSink::Serve(int fd) {
  std::string buffer;
  // The next line (without CRLF); false when the peer closed or the sink stops.
  auto read_line = [&](std::string& line) -> bool {
    for (;;) {
      size_t eol = buffer.find("\r\n");
      if (eol != std::string::npos) {
        line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        return true;
      }
      if (stop_) return false;
      pollfd p{fd, POLLIN, 0};
      int r = ::poll(&p, 1, 100);
      if (r == 0) continue;
      if (r < 0) return false;
      char chunk[4096];
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<size_t>(n));
    }
  };
  if (!SendAll(fd, "220 127.0.0.1 assent-test-sink ESMTP\r\n")) return;
  SmtpMessage current;
  bool have_from = false;
  std::string line;
  while (read_line(line)) {
    std::string verb = Upper(line.substr(0, line.find(' ')));
    std::string upper = Upper(line);
    if (verb == "EHLO") {
      if (!SendAll(fd, "250-127.0.0.1\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 SMTPUTF8\r\n")) return;
    } else if (verb == "HELO") {
      if (!SendAll(fd, "250 127.0.0.1\r\n")) return;
    } else if (upper.rfind("MAIL FROM:", 0) == 0) {
      current = SmtpMessage{};
      current.from = PathOf(line);
      have_from = true;
      if (!SendAll(fd, "250 OK\r\n")) return;
    } else if (upper.rfind("RCPT TO:", 0) == 0) {
      std::string to = PathOf(line);
      bool reject;
      {
        std::lock_guard lock(mu_);
        reject = rejected_.count(to) > 0;
      }
      if (!have_from) {
        if (!SendAll(fd, "503 MAIL first\r\n")) return;
      } else if (reject) {
        if (!SendAll(fd, "550 no such mailbox here\r\n")) return;
      } else {
        current.to.push_back(to);
        if (!SendAll(fd, "250 OK\r\n")) return;
      }
    } else if (verb == "DATA") {
      if (!have_from || current.to.empty()) {
        if (!SendAll(fd, "503 need MAIL and RCPT first\r\n")) return;
        continue;
      }
      if (!SendAll(fd, "354 go ahead; end with <CRLF>.<CRLF>\r\n")) return;
      std::string data;
      bool ended = false;
      while (read_line(line)) {
        if (line == ".") {
          ended = true;
          break;
        }
        if (!line.empty() && line[0] == '.') line.erase(0, 1);  // dot-unstuffing
        data += line + "\r\n";
      }
      if (!ended) return;
      current.data = std::move(data);
      {
        std::lock_guard lock(mu_);
        messages_.push_back(current);
      }
      cv_.notify_all();
      current = SmtpMessage{};
      have_from = false;
      if (!SendAll(fd, "250 OK queued\r\n")) return;
    } else if (verb == "RSET") {
      current = SmtpMessage{};
      have_from = false;
      if (!SendAll(fd, "250 OK\r\n")) return;
    } else if (verb == "NOOP") {
      if (!SendAll(fd, "250 OK\r\n")) return;
    } else if (verb == "QUIT") {
      SendAll(fd, "221 bye\r\n");
      return;
    } else {
      if (!SendAll(fd, "502 command not implemented\r\n")) return;
    }
  }
}

}  // namespace assent::testing_support
