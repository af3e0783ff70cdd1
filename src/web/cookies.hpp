#pragma once
// Cookies: reading a request's Cookie headers and writing Set-Cookie values. The staff
// session and the sign-in form's pre-session token are the only cookies Assent sets;
// public pages set none (they are cached and the same for everyone).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "web/http.hpp"

namespace assent::web {

// The value of the first cookie with this name in any Cookie header; nullopt if none.
std::optional<std::string> CookieValue(const Request& req, std::string_view name);

struct CookieOptions {
  bool secure = true;            // Secure (and the __Host- prefix the caller chose)
  std::int64_t max_age = -1;     // seconds; -1: a browser-session cookie; 0: delete now
};
// "name=value; Path=/; HttpOnly; SameSite=Strict[; Secure][; Max-Age=N]".
std::string SetCookieValue(std::string_view name, std::string_view value, const CookieOptions& options);

// The staff cookies' names: "__Host-" prefixed when Secure (config cookie_secure), so a
// browser only accepts them over HTTPS from this host with Path=/ and no Domain.
std::string SessionCookieName(bool secure);     // __Host-assent_session | assent_session
std::string PresessionCookieName(bool secure);  // __Host-assent_presession | assent_presession

}  // namespace assent::web
