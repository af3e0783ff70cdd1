// How a notification is written as an Internet message (RFC 5322, RFC 2047). Delivery
// over SMTP is tested against a sink in tests/services/mail_delivery_test.cpp.
#include "services/mail_sender.hpp"

#include <gtest/gtest.h>

namespace assent::services {
namespace {

using mail_format::EncodeHeaderValue;
using mail_format::FormatMessage;
using mail_format::MailDate;

std::string DecodeBase64(std::string_view in) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    size_t v = kAlphabet.find(c);
    if (v == std::string::npos) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// Decodes a header value made of RFC 2047 words, for checking.
std::string DecodeWords(const std::string& value) {
  std::string out;
  size_t pos = 0;
  while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
    size_t start = pos + 10;
    size_t end = value.find("?=", start);
    out += DecodeBase64(value.substr(start, end - start));
    pos = end + 2;
  }
  return out;
}

TEST(MailFormat, AsciiHeaderValuesStayAsTheyAre) {
  EXPECT_EQ(EncodeHeaderValue("001/2026: waiting for your signature"),
            "001/2026: waiting for your signature");
}

TEST(MailFormat, LineBreaksCannotAddHeaders) {
  std::string v = EncodeHeaderValue("Title\r\nBcc: victim@example.org");
  EXPECT_EQ(v.find('\r'), std::string::npos);
  EXPECT_EQ(v.find('\n'), std::string::npos);
}

TEST(MailFormat, NonAsciiBecomesEncodedWordsThatNeverSplitACharacter) {
  std::string title = "Décision £25,000 – Ysgol Gymraeg café ";
  for (int i = 0; i < 4; ++i) title += title;  // long enough to need several words
  std::string v = EncodeHeaderValue(title);
  EXPECT_EQ(v.rfind("=?UTF-8?B?", 0), 0u) << v;
  // Every encoded word is at most 75 characters; words are folded with CRLF SP.
  size_t start = 0;
  while (start < v.size()) {
    size_t end = v.find("\r\n ", start);
    std::string word = v.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(word.size(), 75u) << word;
    // Each word decodes to whole UTF-8 characters on its own.
    std::string decoded = DecodeBase64(word.substr(10, word.size() - 12));
    ASSERT_FALSE(decoded.empty());
    EXPECT_NE(static_cast<unsigned char>(decoded[0]) & 0xC0, 0x80u);
    if (end == std::string::npos) break;
    start = end + 3;
  }
  EXPECT_EQ(DecodeWords(v), title);
}

TEST(MailFormat, DateIsRfc5322) {
  EXPECT_EQ(MailDate(1795250100), "Sat, 21 Nov 2026 08:35:00 +0000");
  EXPECT_EQ(MailDate(0), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(MailFormat, MessageHasEveryHeaderAndCrlfLines) {
  storage::Mail m;
  m.id = 42;
  m.to = "jane@example.org";
  m.subject = "001/2026: waiting for your signature - Café";
  m.body = "Dear Jane,\n\n.a line that starts with a dot\nend";
  std::string msg = FormatMessage(m, "Assent <decisions@example.org>", 1795250100);
  size_t blank = msg.find("\r\n\r\n");
  ASSERT_NE(blank, std::string::npos);
  std::string headers = msg.substr(0, blank + 2);
  for (const char* h : {"Date: Sat, 21 Nov 2026 08:35:00 +0000\r\n", "From: Assent <decisions@example.org>\r\n",
                        "To: jane@example.org\r\n", "MIME-Version: 1.0\r\n",
                        "Content-Type: text/plain; charset=UTF-8\r\n",
                        "Content-Transfer-Encoding: 8bit\r\n"}) {
    EXPECT_NE(headers.find(h), std::string::npos) << h << "\n" << headers;
  }
  EXPECT_NE(headers.find("Message-ID: <42."), std::string::npos) << headers;
  EXPECT_NE(headers.find("@example.org>\r\n"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Subject: =?UTF-8?B?"), std::string::npos) << headers;
  // The body: every line ends CRLF, no bare LF anywhere; dots are left to curl.
  std::string body = msg.substr(blank + 4);
  EXPECT_EQ(body, "Dear Jane,\r\n\r\n.a line that starts with a dot\r\nend\r\n");
  for (size_t i = 0; i < msg.size(); ++i) {
    if (msg[i] == '\n') {
      ASSERT_TRUE(i > 0 && msg[i - 1] == '\r') << "bare LF at " << i;
    }
  }
}

TEST(MailFormat, OverlongLinesAreBroken) {
  storage::Mail m;
  m.to = "a@example.org";
  m.subject = "s";
  m.body = std::string(2500, 'x');
  std::string msg = FormatMessage(m, "d@example.org", 0);
  std::string body = msg.substr(msg.find("\r\n\r\n") + 4);
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 998u);
    start = end + 2;
  }
}

}  // namespace
}  // namespace assent::services
