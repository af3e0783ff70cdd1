#pragma once
// The HTTP server: Boost.Beast on Asio, one io_context per I/O thread, each with its own
// SO_REUSEPORT acceptor; blocking work on a separate worker pool. Beast stays inside
// server.cpp; this header is free of it.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "web/service.hpp"

namespace assent::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  int io_threads = 2;         // one io_context each; default: one per core
  int worker_threads = 4;     // store and rendering work
  int max_connections = 2000; // further connections are closed at once
  std::chrono::seconds read_timeout{15};  // to read one request, headers then body
  std::chrono::seconds idle_timeout{30};  // keep-alive wait between requests
  std::size_t body_limit = 1 << 20;       // bytes of request body accepted
  std::size_t upload_body_limit = kUploadBodyLimit;  // on upload routes (routes.hpp)
};

class Server {
 public:
  Server(ServerOptions options, Service& service);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the threads. Returns the bound port. Errors name the address.
  Result<std::uint16_t> Start();
  // Stops accepting, lets requests in progress finish (up to a short grace period),
  // and joins every thread. Safe to call twice.
  void Stop();
  // Blocks until SIGINT or SIGTERM, then stops gracefully.
  void RunUntilSignal();

  struct Impl;  // in server.cpp; public only so that connection code there can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace assent::web
