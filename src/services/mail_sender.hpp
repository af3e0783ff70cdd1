#pragma once
// Delivers the outbox (storage::Mail queued with workflow changes) over SMTP with
// libcurl. The server runs one MailSender thread; `assent mail send` drains once.
// A failed delivery is retried on later passes up to kMaxAttempts, then left in the
// outbox with its last error (operations.md says how to see and retry it).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::services {

struct SmtpSettings {
  std::string url;       // "smtp://127.0.0.1:2525", "smtps://mail.example.org:465"; empty: mail off
  std::string from;      // "decisions@example.org"
  std::string username;  // optional
  std::string password;  // optional
  bool starttls = false; // require STARTTLS on smtp://
};

inline constexpr int kMaxMailAttempts = 5;

struct SendReport {
  int sent = 0;
  int failed = 0;
};
// Sends up to `limit` pending mails once. Never logs message bodies.
// (services-v3: `max_attempts` added with the old behaviour as default, so
// `assent mail send --retry-failed` can retry messages given up on.)
Result<SendReport> SendPendingMail(storage::Store& store, const SmtpSettings& smtp, int limit = 50,
                                   int max_attempts = kMaxMailAttempts);

// How a message is written, exposed for tests.
namespace mail_format {
// A header value on one line; non-ASCII as RFC 2047 encoded words (UTF-8, base64).
std::string EncodeHeaderValue(std::string_view value);
// "Sat, 21 Nov 2026 10:15:00 +0000".
std::string MailDate(std::int64_t unix_seconds);
// Headers (Date, From, To, Subject, Message-ID, MIME-Version, Content-Type,
// Content-Transfer-Encoding) and the body with CRLF line ends.
std::string FormatMessage(const storage::Mail& mail, std::string_view from, std::int64_t now);
}  // namespace mail_format

class MailSender {
 public:
  MailSender(storage::Store& store, SmtpSettings smtp, std::chrono::milliseconds interval);
  ~MailSender();
  MailSender(const MailSender&) = delete;
  MailSender& operator=(const MailSender&) = delete;
  void Wake();  // a change queued mail: send now rather than at the next interval

 private:
  void Run();
  storage::Store& store_;
  SmtpSettings smtp_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace assent::services
