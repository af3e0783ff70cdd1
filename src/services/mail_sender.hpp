#pragma once
// Delivers the outbox (storage::Mail queued with workflow changes) over SMTP with
// libcurl. The server runs one MailSender thread; `assent mail send` drains once.
// A failed delivery is retried on later passes up to kMaxAttempts, then left in the
// outbox with its last error (operations.md says how to see and retry it).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
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
Result<SendReport> SendPendingMail(storage::Store& store, const SmtpSettings& smtp, int limit = 50);

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
