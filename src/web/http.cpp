#include "web/http.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace assent::web {
namespace {

std::string Fnv1aHex(std::string_view data) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

}  // namespace

std::string_view Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
  }
}

const std::vector<Header>& SecurityHeaders() {
  static const std::vector<Header> kHeaders = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return kHeaders;
}

Response MakeResponse(int status, std::string_view content_type, std::string body,
                      std::string_view cache_control, const std::vector<Header>& extra) {
  auto validators = std::make_shared<Revalidation>();
  validators->etag = "\"" + Fnv1aHex(body) + "\"";
  std::string security;
  for (const auto& h : SecurityHeaders()) security += fmt::format("{}: {}\r\n", h.name, h.value);

  std::string head = fmt::format("HTTP/1.1 {} {}\r\nServer: assent\r\n{}", status,
                                 ReasonPhrase(status), security);
  head += fmt::format("Content-Type: {}\r\nContent-Length: {}\r\nCache-Control: {}\r\nETag: {}\r\n",
                      content_type, body.size(), cache_control, validators->etag);
  for (const auto& h : extra) head += fmt::format("{}: {}\r\n", h.name, h.value);
  // Cache-Control must repeat on a 304.
  validators->not_modified_head = std::make_shared<const std::string>(
      fmt::format("HTTP/1.1 304 Not Modified\r\nServer: assent\r\n{}ETag: {}\r\nCache-Control: {}\r\n",
                  security, validators->etag, cache_control));

  Response r;
  r.status = status;
  r.head = std::make_shared<const std::string>(std::move(head));
  r.body = std::make_shared<const std::string>(std::move(body));
  r.revalidation = std::move(validators);
  return r;
}

std::string HeadWithClose(const Response& response) { return *response.head + "Connection: close\r\n"; }

std::optional<Response> NotModifiedIfMatches(const Response& response, std::string_view if_none_match) {
  if (if_none_match.empty() || !response.revalidation ||
      if_none_match.find(response.revalidation->etag) == std::string_view::npos) {
    return std::nullopt;
  }
  static const auto kEmpty = std::make_shared<const std::string>();
  return Response{304, response.revalidation->not_modified_head, kEmpty, response.revalidation};
}

}  // namespace assent::web
