#pragma once
// A deliberately small blocking HTTP/1.1 client over POSIX sockets, for tests against a
// real server on loopback. It sends exactly the bytes it is given.

#include <cstdint>
#include <map>
#include <string>

namespace assent::testing_support {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string raw;
};

// Sends `raw_request` and reads until the server closes the connection.
HttpReply SendRaw(std::uint16_t port, const std::string& raw_request, int timeout_ms = 10000);
// GET with "Connection: close".
HttpReply Get(std::uint16_t port, const std::string& target,
              const std::string& extra_headers = "");
// Parses one response from raw bytes (status line, headers, body by Content-Length).
HttpReply ParseReply(const std::string& raw);

// A connected socket for tests that need to hold connections open; -1 on failure.
int Connect(std::uint16_t port);

}  // namespace assent::testing_support
