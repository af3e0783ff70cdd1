#pragma once
// Assent's own small HTTP request and response types. Only web/server.cpp converts
// to and from the HTTP library, so handlers are plain functions testable without a socket.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace assent::web {

enum class Method { kGet, kHead, kPost, kOther };

struct Request {
  Method method = Method::kGet;
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded path, without the query
  std::string query;   // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote;  // peer address, for logs

  // The first value of a header (name in lower case), or empty.
  std::string_view Header(std::string_view lower_name) const;
};

// What a 304 needs, made once with the full response: its ETag and the ready 304 head.
struct Revalidation {
  std::string etag;  // quoted strong validator
  std::shared_ptr<const std::string> not_modified_head;
};

// A complete response, serialised once: the status line and headers (`head`, ending
// in CRLF but without the blank line and without Date, which the server adds) and the
// body. All parts are shared, so cached pages and assets are answered without copying
// or allocating.
struct Response {
  int status = 200;
  std::shared_ptr<const std::string> head;
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const Revalidation> revalidation;  // null: no validator

  std::string_view BodyView() const { return body ? std::string_view(*body) : std::string_view(); }
};

struct Header {
  std::string name;
  std::string value;
};

// Builds a response with the security headers every response carries, Content-Type,
// Content-Length, Cache-Control and a strong ETag over the body.
Response MakeResponse(int status, std::string_view content_type, std::string body,
                      std::string_view cache_control = "no-cache",
                      const std::vector<Header>& extra = {});
// The same response with "Connection: close" added (for clients that asked to close).
std::string HeadWithClose(const Response& response);
// The 304 Not Modified answer for `response` when `if_none_match` names its ETag;
// nullopt otherwise.
std::optional<Response> NotModifiedIfMatches(const Response& response, std::string_view if_none_match);

std::string_view ReasonPhrase(int status);

// The headers on every response: CSP without inline script, no framing, no sniffing.
const std::vector<Header>& SecurityHeaders();

}  // namespace assent::web
