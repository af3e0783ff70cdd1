// The only file that includes libcurl.
#include "services/mail_sender.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>

#include "core/instant.hpp"

namespace assent::services {
namespace {

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// "Jane <jane@example.org>" -> "jane@example.org"; a bare address as it is.
std::string BareAddress(std::string_view text) {
  size_t lt = text.rfind('<');
  size_t gt = text.rfind('>');
  if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt) {
    return std::string(text.substr(lt + 1, gt - lt - 1));
  }
  size_t b = text.find_first_not_of(" \t");
  size_t e = text.find_last_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(text.substr(b, e - b + 1));
}

bool HasLineBreak(std::string_view s) {
  return s.find('\r') != std::string_view::npos || s.find('\n') != std::string_view::npos;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  auto at = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    unsigned n = at(i) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (rest == 2) {
    unsigned n = (at(i) << 16) | (at(i + 1) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

}  // namespace

namespace mail_format {

// A header value: line breaks removed (a value can never add a header); plain ASCII as
// it is, anything else as RFC 2047 encoded words (UTF-8, base64), each at most 75
// characters and never splitting a character, folded onto continuation lines.
std::string EncodeHeaderValue(std::string_view value) {
  std::string clean;
  for (char c : value) clean += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
  bool ascii = true;
  for (unsigned char c : clean) {
    if (c >= 0x80 || (c < ' ' && c != ' ') || c == 0x7f) ascii = false;
  }
  if (ascii && clean.find("=?") == std::string::npos) return clean;
  // "=?UTF-8?B?" + base64 + "?=" <= 75: at most 45 bytes of text per word (60 base64).
  constexpr size_t kChunk = 45;
  std::string out;
  size_t i = 0;
  while (i < clean.size()) {
    size_t end = std::min(clean.size(), i + kChunk);
    while (end < clean.size() && end > i && (static_cast<unsigned char>(clean[end]) & 0xC0) == 0x80) --end;
    if (end == i) end = std::min(clean.size(), i + kChunk);  // not UTF-8: cut anywhere
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(std::string_view(clean).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

// The date as RFC 5322 writes it: "Sat, 21 Nov 2026 10:15:00 +0000".
std::string MailDate(std::int64_t unix_seconds) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", kDays[tm.tm_wday], tm.tm_mday,
                     kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

// The whole message (headers and body, CRLF line ends; curl does the dot-stuffing).
std::string FormatMessage(const storage::Mail& mail, std::string_view from, std::int64_t now) {
  std::string from_address = BareAddress(from);
  size_t at = from_address.find('@');
  std::string domain = at == std::string::npos ? "assent.invalid" : from_address.substr(at + 1);
  unsigned char random[12];
  randombytes_buf(random, sizeof random);
  std::string token;
  for (unsigned char c : random) token += fmt::format("{:02x}", c);
  std::string out;
  out += "Date: " + MailDate(now) + "\r\n";
  out += "From: " + EncodeHeaderValue(from) + "\r\n";
  out += "To: " + EncodeHeaderValue(mail.to) + "\r\n";
  out += "Subject: " + EncodeHeaderValue(mail.subject) + "\r\n";
  out += fmt::format("Message-ID: <{}.{}.{}@{}>\r\n", mail.id, now, token, domain);
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: 8bit\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  // Body: CRLF line ends; lines longer than SMTP's 998 octets are broken.
  std::string line;
  auto flush = [&] {
    while (line.size() > 998) {
      size_t cut = 998;
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
      out += line.substr(0, cut) + "\r\n";
      line.erase(0, cut);
    }
    out += line + "\r\n";
    line.clear();
  };
  for (size_t i = 0; i < mail.body.size(); ++i) {
    char c = mail.body[i];
    if (c == '\r') {
      if (i + 1 < mail.body.size() && mail.body[i + 1] == '\n') ++i;
      flush();
    } else if (c == '\n') {
      flush();
    } else {
      line += c;
    }
  }
  if (!line.empty()) flush();
  return out;
}

}  // namespace mail_format

namespace {

struct Upload {
  std::string_view data;
  size_t pos = 0;
};

size_t ReadPart(char* buffer, size_t size, size_t nitems, void* userdata) {
  auto* up = static_cast<Upload*>(userdata);
  size_t room = size * nitems;
  size_t n = std::min(room, up->data.size() - up->pos);
  std::memcpy(buffer, up->data.data() + up->pos, n);
  up->pos += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// Errors that say the server cannot be reached at all: the rest of this pass would fail
// the same way, so it stops rather than charging every mail an attempt.
bool ServerUnreachable(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
         code == CURLE_OPERATION_TIMEDOUT || code == CURLE_UNSUPPORTED_PROTOCOL ||
         code == CURLE_URL_MALFORMAT || code == CURLE_LOGIN_DENIED ||
         code == CURLE_USE_SSL_FAILED || code == CURLE_SSL_CONNECT_ERROR ||
         code == CURLE_PEER_FAILED_VERIFICATION;
}

// Sends one message; empty string on success, else the reason (never the body).
std::string SendOne(CURL* curl, const SmtpSettings& smtp, const storage::Mail& mail, CURLcode* code) {
  *code = CURLE_OK;
  std::string to = BareAddress(mail.to);
  if (to.empty() || HasLineBreak(to) || to.find('@') == std::string::npos) {
    return fmt::format("'{}' is not an e-mail address", mail.to);
  }
  std::string message = mail_format::FormatMessage(mail, smtp.from, Instant::Now().unix_seconds);
  Upload up{message, 0};
  std::string from = "<" + BareAddress(smtp.from) + ">";
  std::unique_ptr<curl_slist, SlistDeleter> rcpt(curl_slist_append(nullptr, ("<" + to + ">").c_str()));
  char errors[CURL_ERROR_SIZE] = {0};

  curl_easy_reset(curl);  // keeps the connection to the server for the next message
  curl_easy_setopt(curl, CURLOPT_URL, smtp.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, &ReadPart);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
  if (smtp.starttls) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!smtp.username.empty()) curl_easy_setopt(curl, CURLOPT_USERNAME, smtp.username.c_str());
  if (!smtp.password.empty()) curl_easy_setopt(curl, CURLOPT_PASSWORD, smtp.password.c_str());

  *code = curl_easy_perform(curl);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  if (*code == CURLE_OK) return {};
  std::string why = errors[0] ? std::string(errors) : std::string(curl_easy_strerror(*code));
  while (!why.empty() && (why.back() == '\n' || why.back() == '\r')) why.pop_back();
  return why;
}

Result<SendReport> SendPending(storage::Store& store, const SmtpSettings& smtp, int limit,
                               int max_attempts, const std::function<bool()>& stopping) {
  if (smtp.url.empty()) return Fail(ErrorCode::kInvalidInput, "mail is off: set smtp_url", "smtp_url");
  if (BareAddress(smtp.from).empty()) {
    return Fail(ErrorCode::kInvalidInput, "set smtp_from, the address mail is sent from", "smtp_from");
  }
  GlobalInit();
  auto pending = store.PendingMail(limit, max_attempts);
  if (!pending) return pending.error();
  SendReport report;
  if (pending->empty()) return report;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Fail(ErrorCode::kInternal, "curl_easy_init failed");
  for (const auto& mail : *pending) {
    if (stopping && stopping()) break;
    CURLcode code = CURLE_OK;
    std::string error = SendOne(curl.get(), smtp, mail, &code);
    if (auto r = store.RecordMailAttempt(mail.id, error); !r) return r.error();
    if (!error.empty()) {
      spdlog::warn("mail {} to {}: not delivered (attempt {}): {}", mail.id, mail.to,
                   mail.attempts + 1, error);
    }
    if (error.empty()) {
      ++report.sent;
    } else {
      ++report.failed;
      if (ServerUnreachable(code)) break;
    }
  }
  return report;
}

}  // namespace

Result<SendReport> SendPendingMail(storage::Store& store, const SmtpSettings& smtp, int limit,
                                   int max_attempts) {
  return SendPending(store, smtp, limit, max_attempts, {});
}

MailSender::MailSender(storage::Store& store, SmtpSettings smtp, std::chrono::milliseconds interval)
    : store_(store), smtp_(std::move(smtp)), interval_(interval) {
  GlobalInit();
  thread_ = std::thread([this] { Run(); });
}

MailSender::~MailSender() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MailSender::Wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void MailSender::Run() {
  auto stopping = [this] {
    std::lock_guard lock(mu_);
    return stop_;
  };
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, interval_, [this] { return stop_ || woken_; });
      if (stop_) return;
      woken_ = false;
    }
    // Errors are in the outbox (last_error) and reported by `assent mail send`; a store
    // that is down is tried again at the next interval.
    for (;;) {
      auto r = SendPending(store_, smtp_, 50, kMaxMailAttempts, stopping);
      if (!r) {
        spdlog::warn("mail: {}", r.error().ToString());
        break;
      }
      if (r->sent + r->failed > 0) spdlog::info("mail: {} sent, {} failed", r->sent, r->failed);
      if (r->sent + r->failed < 50 || r->failed > 0 || stopping()) break;
    }
  }
}

}  // namespace assent::services
