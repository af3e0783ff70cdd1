#pragma once
// A small SMTP server for tests: listens on 127.0.0.1 (an ephemeral port) in a thread of
// its own and keeps every message it is given. Enough of RFC 5321 for libcurl: EHLO,
// HELO, MAIL FROM, RCPT TO, DATA (with dot-unstuffing), RSET, NOOP, QUIT. No TLS, no AUTH.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace assent::testing_support {

struct SmtpMessage {
  std::string from;             // the envelope sender, without <>
  std::vector<std::string> to;  // the envelope recipients, without <>
  std::string data;             // the message as sent (headers and body), dots unstuffed
};

class SmtpSink {
 public:
  SmtpSink();  // check ok()
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  bool ok() const { return port_ != 0; }
  std::uint16_t port() const { return port_; }
  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // Waits until at least `n` messages have arrived; false on timeout.
  bool WaitFor(size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  std::vector<SmtpMessage> Messages() const;
  // RCPT TO this address is answered 550 from now on.
  void RejectRecipient(const std::string& address);

 private:
  void Run();
  void Serve(int fd);

  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<SmtpMessage> messages_;
  std::set<std::string> rejected_;
  std::vector<std::thread> connections_;  // used by the accepting thread only
  std::thread thread_;
};

}  // namespace assent::testing_support
