// The outbox delivered over SMTP (libcurl) to a sink on loopback, on SQLite and
// PostgreSQL: what arrives, to whom, and what happens when delivery fails.
#include "services/mail_sender.hpp"

#include <gtest/gtest.h>

#include "services/workflow.hpp"
#include "tests/services/service_fixture.hpp"
#include "tests/support/smtp_sink.hpp"

namespace assent::testing_support {
namespace {

// The Subject header of a message, unfolded and with RFC 2047 words (UTF-8, base64) decoded.
std::string DecodedSubject(const std::string& data) {
  size_t start = data.find("\r\nSubject: ");
  if (start == std::string::npos) return {};
  start += 11;
  std::string value;
  for (size_t i = start; i < data.size(); ++i) {
    if (data.compare(i, 2, "\r\n") == 0) {
      if (i + 2 < data.size() && data[i + 2] == ' ') {
        i += 2;  // folded: the next line continues the header
        continue;
      }
      break;
    }
    value += data[i];
  }
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t pos = 0;
  while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
    size_t end = value.find("?=", pos + 10);
    unsigned buffer = 0;
    int bits = 0;
    for (size_t i = pos + 10; i < end && value[i] != '='; ++i) {
      buffer = (buffer << 6) | static_cast<unsigned>(kAlphabet.find(value[i]));
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((buffer >> bits) & 0xFF);
      }
    }
    pos = end + 2;
  }
  return out.empty() ? value : out;
}

class MailDelivery : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(sink_.ok());
    oo_ = AddUser("olive", "cumbria:originating_officer");  // no e-mail address: not told
    AddUser("chris", "cumbria:chief_executive", "chris@cumbria.example.org");
    id_ = CumbriaDraft(ActorOf(oo_), "Café refurbishment – phase 2");
    auto s = services::Submit(*store_, Wf(), id_, SignAs(id_, "originating_officer"), ActorOf(oo_), now_);
    ASSERT_TRUE(s) << s.error().ToString();
  }
  services::SmtpSettings Smtp() const { return {sink_.Url(), "Assent <decisions@example.org>"}; }
  std::vector<storage::Mail> Pending(int max_attempts = services::kMaxMailAttempts) const {
    return *store_->PendingMail(100, max_attempts);
  }

  SmtpSink sink_;
  accounts::User oo_;
  std::int64_t id_ = 0;
};

TEST_P(MailDelivery, TheNextSignatoryGetsAPlainTextMessageWithoutPart2) {
  ASSERT_EQ(Pending().size(), 1u);
  auto sent = services::SendPendingMail(*store_, Smtp());
  ASSERT_TRUE(sent) << sent.error().ToString();
  EXPECT_EQ(sent->sent, 1);
  EXPECT_EQ(sent->failed, 0);
  ASSERT_TRUE(sink_.WaitFor(1));
  auto messages = sink_.Messages();
  ASSERT_EQ(messages.size(), 1u);
  const SmtpMessage& m = messages[0];
  EXPECT_EQ(m.from, "decisions@example.org");
  EXPECT_EQ(m.to, (std::vector<std::string>{"chris@cumbria.example.org"}));
  EXPECT_NE(m.data.find("To: chris@cumbria.example.org\r\n"), std::string::npos) << m.data;
  EXPECT_NE(m.data.find("Subject: =?UTF-8?B?"), std::string::npos) << "the title is not ASCII: " << m.data;
  std::string subject = DecodedSubject(m.data);
  EXPECT_EQ(subject.rfind("001/2026: ", 0), 0u) << subject;
  EXPECT_NE(subject.find("Café refurbishment – phase 2"), std::string::npos) << subject;
  EXPECT_NE(m.data.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(m.data.find("001/2026"), std::string::npos) << "the reference is in the body too";
  EXPECT_NE(m.data.find("https://decisions.example.org/staff/decisions/" + std::to_string(id_)),
            std::string::npos);
  EXPECT_NE(m.data.find("Café refurbishment"), std::string::npos) << "8bit UTF-8 body";
  EXPECT_EQ(m.data.find(kPart2Marker), std::string::npos);
  EXPECT_EQ(m.data.find("Refurbish the custody suite."), std::string::npos) << "no section text";
  EXPECT_TRUE(Pending(1000).empty()) << "a delivered message leaves the outbox";

  auto again = services::SendPendingMail(*store_, Smtp());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->sent, 0);
}

TEST_P(MailDelivery, ARefusedRecipientIsRetriedThenGivenUp) {
  sink_.RejectRecipient("chris@cumbria.example.org");
  for (int i = 1; i <= services::kMaxMailAttempts; ++i) {
    auto r = services::SendPendingMail(*store_, Smtp());
    ASSERT_TRUE(r) << r.error().ToString();
    EXPECT_EQ(r->failed, 1);
    auto all = Pending(1000);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].attempts, i);
    EXPECT_FALSE(all[0].last_error.empty());
  }
  EXPECT_TRUE(Pending().empty()) << "given up after kMaxMailAttempts";
  auto r = services::SendPendingMail(*store_, Smtp());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->sent + r->failed, 0);
  EXPECT_EQ(Pending(1000).size(), 1u) << "kept in the outbox with its last error";
}

TEST_P(MailDelivery, AServerThatIsDownCostsOneAttempt) {
  auto r = services::SendPendingMail(*store_, {"smtp://127.0.0.1:1", "decisions@example.org"});
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->failed, 1);
  auto all = Pending(1000);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].attempts, 1);
  EXPECT_FALSE(all[0].last_error.empty());
  auto off = services::SendPendingMail(*store_, {});
  ASSERT_FALSE(off);
  EXPECT_EQ(off.error().code, ErrorCode::kInvalidInput);
}

TEST_P(MailDelivery, TheSenderThreadDeliversWhenWoken) {
  {
    services::MailSender sender(*store_, Smtp(), std::chrono::hours(1));
    sender.Wake();
    ASSERT_TRUE(sink_.WaitFor(1)) << "woken, the sender does not wait for its interval";
  }
  EXPECT_TRUE(Pending(1000).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, MailDelivery, ServiceBackends(), BackendName);

}  // namespace
}  // namespace assent::testing_support
