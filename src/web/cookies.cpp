#include "web/cookies.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace assent::web {

std::optional<std::string> CookieValue(const Request& req, std::string_view name) {
  for (const auto& [header, value] : req.headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t semi = rest.find(';');
      std::string_view pair = Trim(rest.substr(0, semi));
      size_t eq = pair.find('=');
      if (eq != std::string_view::npos && Trim(pair.substr(0, eq)) == name) {
        std::string_view v = Trim(pair.substr(eq + 1));
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        return std::string(v);
      }
      if (semi == std::string_view::npos) break;
      rest.remove_prefix(semi + 1);
    }
  }
  return std::nullopt;
}

std::string SetCookieValue(std::string_view name, std::string_view value, const CookieOptions& options) {
  std::string out = fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", name, value);
  if (options.secure) out += "; Secure";
  if (options.max_age >= 0) out += fmt::format("; Max-Age={}", options.max_age);
  return out;
}

std::string SessionCookieName(bool secure) {
  return secure ? "__Host-assent_session" : "assent_session";
}

std::string PresessionCookieName(bool secure) {
  return secure ? "__Host-assent_presession" : "assent_presession";
}

}  // namespace assent::web
