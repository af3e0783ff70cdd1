#include "web/form_data.hpp"

#include <gtest/gtest.h>

#include "web/cookies.hpp"

namespace assent::web {
namespace {

TEST(FormData, UrlEncodedFieldsInOrderWithNewlinesNormalised) {
  auto f = ParseUrlEncoded("title=Fleet+%26+estates&csrf=abc&text=one%0D%0Atwo%0Dthree&empty=&flag");
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->Get("title"), "Fleet & estates");
  EXPECT_EQ(f->Get("csrf"), "abc");
  EXPECT_EQ(f->Get("text"), "one\ntwo\nthree");
  EXPECT_TRUE(f->Has("empty"));
  EXPECT_TRUE(f->Has("flag"));
  EXPECT_EQ(f->Get("absent"), "");
  EXPECT_FALSE(f->Has("absent"));
  auto repeated = ParseUrlEncoded("a=1&a=2&b=3");
  ASSERT_TRUE(repeated);
  ASSERT_EQ(repeated->All("a").size(), 2u);
  EXPECT_EQ(repeated->All("a")[1], "2");
  EXPECT_FALSE(ParseUrlEncoded("a=%zz"));
  EXPECT_FALSE(ParseUrlEncoded("a=%00"));
}

TEST(FormData, BoundaryFromContentType) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=----WebKitFormBoundaryX3"),
            "----WebKitFormBoundaryX3");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""), "a b");
  EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary="));
  EXPECT_FALSE(MultipartBoundary("multipart/mixed; boundary=x"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

std::string Sample() {
  using namespace std::string_literals;  // the file's bytes hold a NUL
  return "--XyZ\r\n"s +
         "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
         "tok\r\n"
         "--XyZ\r\n"
         "Content-Disposition: form-data; name=\"name\"\r\n\r\n"
         "Business case\r\nline two\r\n"
         "--XyZ\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\me\\\\case.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n"
         "%PDF-1.4\r\n"s + std::string("\x00\x01", 2) + "binary\r\n--not-the-boundary\r\n"
         "--XyZ--\r\n"
         "epilogue ignored";
}

TEST(FormData, MultipartFieldsAndFiles) {
  std::string body = Sample();
  auto f = ParseMultipart(body, "XyZ");
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->Get("csrf"), "tok");
  EXPECT_EQ(f->Get("name"), "Business case\nline two");
  const UploadedFile* file = f->File("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "case.pdf");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->bytes, std::string("%PDF-1.4\r\n") + std::string("\x00\x01", 2) + "binary\r\n--not-the-boundary");
  auto via = ParseFormBody("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(via);
  EXPECT_EQ(via->files.size(), 1u);
}

TEST(FormData, MultipartWithPreambleAndEmptyFile) {
  std::string body =
      "preamble\r\n--b\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n"
      "\r\n--b--";
  auto f = ParseMultipart(body, "b");
  ASSERT_TRUE(f) << f.error().ToString();
  ASSERT_NE(f->File("file"), nullptr);
  EXPECT_EQ(f->File("file")->filename, "");
  EXPECT_EQ(f->File("file")->bytes, "");
}

TEST(FormData, MalformedMultipartIsRefused) {
  // Cut short: no closing delimiter.
  std::string body = Sample();
  EXPECT_FALSE(ParseMultipart(body.substr(0, 120), "XyZ"));
  // No name.
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "b"));
  // Not form-data.
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--", "b"));
  // Wrong boundary.
  EXPECT_FALSE(ParseMultipart(body, "other"));
  // Headers never end.
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n" +
                                  std::string(kMaxPartHeaderBytes + 10, 'x'),
                              "b"));
  // Too many parts.
  std::string many;
  for (size_t i = 0; i < kMaxFormParts + 2; ++i) {
    many += "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  }
  many += "--b--";
  EXPECT_FALSE(ParseMultipart(many, "b"));
  // A body of another type is not a form.
  EXPECT_FALSE(ParseFormBody("application/json", "{\"csrf\": \"x\"}"));
  EXPECT_FALSE(ParseFormBody("text/plain", "csrf=x"));
  EXPECT_TRUE(ParseFormBody("", ""));
  EXPECT_TRUE(ParseFormBody("application/x-www-form-urlencoded; charset=UTF-8", "a=b"));
}

TEST(Cookies, ReadsAndWrites) {
  Request req;
  req.headers = {{"cookie", "a=1; __Host-assent_session=tok123; b=\"q\""}, {"cookie", "c=3"}};
  EXPECT_EQ(CookieValue(req, "__Host-assent_session"), "tok123");
  EXPECT_EQ(CookieValue(req, "b"), "q");
  EXPECT_EQ(CookieValue(req, "c"), "3");
  EXPECT_FALSE(CookieValue(req, "assent_session"));
  EXPECT_EQ(SetCookieValue("__Host-assent_session", "v", {.secure = true, .max_age = 60}),
            "__Host-assent_session=v; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=60");
  EXPECT_EQ(SetCookieValue("assent_session", "", {.secure = false, .max_age = 0}),
            "assent_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  EXPECT_EQ(SessionCookieName(true), "__Host-assent_session");
  EXPECT_EQ(SessionCookieName(false), "assent_session");
  EXPECT_EQ(PresessionCookieName(true), "__Host-assent_presession");
}

}  // namespace
}  // namespace assent::web
