#include "web/staff_gate.hpp"

#include <spdlog/spdlog.h>

#include <optional>

#include "accounts/secrets.hpp"
#include "core/instant.hpp"
#include "core/text.hpp"
#include "services/accounts.hpp"
#include "web/cookies.hpp"
#include "web/staff_handlers.hpp"

namespace assent::web {
namespace {

// "https://host:port/path" -> "host:port", lower-cased; empty when not an http(s) URL.
std::string Authority(std::string_view url) {
  std::string_view rest;
  if (StartsWithNoCase(url, "https://")) {
    rest = url.substr(8);
  } else if (StartsWithNoCase(url, "http://")) {
    rest = url.substr(7);
  } else {
    return {};
  }
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (rest.find('@') != std::string_view::npos) return {};  // no credentials in an origin
  return ToLowerAscii(rest);
}

// "host:80" and "host" name the same http authority; keep it simple: compare as sent,
// and also with a default port dropped.
bool SameAuthority(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  auto strip = [](std::string_view s) {
    for (std::string_view port : {":80", ":443"}) {
      if (s.size() > port.size() && s.substr(s.size() - port.size()) == port) {
        return s.substr(0, s.size() - port.size());
      }
    }
    return s;
  };
  return a == b || strip(a) == strip(b);
}

bool IsRead(Method m) { return m == Method::kGet || m == Method::kHead; }

}  // namespace

bool SameSiteRequest(const Request& req, std::string_view base_url) {
  std::string host = ToLowerAscii(Trim(req.Header("host")));
  std::string configured = Authority(base_url);
  std::string_view origin = Trim(req.Header("origin"));
  std::string claimed;
  if (!origin.empty()) {
    if (origin == "null") return false;
    claimed = Authority(origin);
  } else {
    std::string_view referer = Trim(req.Header("referer"));
    if (referer.empty()) return true;
    claimed = Authority(referer);
  }
  if (claimed.empty()) return false;
  return SameAuthority(claimed, host) || SameAuthority(claimed, configured);
}

Response StaffDispatch(const Route& route, const Request& req, const RouteParams& params, Site& site) {
  if (!site.catalogue || !route.staff) {
    return StaffErrorPage(site, nullptr, 404, "There is no staff area on this register.");
  }
  const bool read = IsRead(req.method);
  const std::string cookie_name = SessionCookieName(site.cookie_secure);
  std::optional<std::string> token = CookieValue(req, cookie_name);
  std::optional<services::CurrentSession> current;
  if (token && !token->empty()) {
    auto found = services::FindSession(site.store, *token, Instant::Now());
    if (found) {
      current = std::move(*found);
    } else if (found.error().code != ErrorCode::kNotFound) {
      spdlog::warn("session lookup failed: {}", found.error().ToString());
      return StaffErrorPage(site, nullptr, 503,
                            "The staff area is not available at the moment. Please try again later.");
    }
  }
  const services::CurrentSession* me = current ? &*current : nullptr;

  if (route.access != Access::kSignIn && !me) {
    if (read) {
      // A stale cookie is dropped on the way to the sign-in page.
      std::vector<std::string> clear;
      if (token) clear.push_back(SetCookieValue(cookie_name, "", {.secure = site.cookie_secure, .max_age = 0}));
      return SeeOther("/staff/sign-in?next=" + UrlEncode(req.target), clear);
    }
    return StaffErrorPage(site, nullptr, 403,
                          "You are not signed in, or your session has ended. Sign in and try again.");
  }
  if (me && me->user.must_change_password && !route.before_password_change) {
    if (read) return SeeOther("/staff/password");
    return StaffErrorPage(site, me, 403, "You need to change your password before you go on.");
  }
  if (route.access == Access::kAdministrator && !me->user.IsAdministrator()) {
    return StaffErrorPage(site, me, 403, "Only administrators can see this page.");
  }

  FormData form;
  std::optional<std::string> presession = CookieValue(req, PresessionCookieName(site.cookie_secure));
  if (!read) {
    // Every state-changing request is a form post carrying the CSRF token: the
    // session's, or before sign-in the pre-session cookie's (double submit).
    if (!route.csrf) return StaffErrorPage(site, me, 403, kCsrfRefusal);
    auto parsed = ParseFormBody(req.Header("content-type"), req.body);
    if (!parsed) return StaffErrorPage(site, me, 400, parsed.error().message);
    form = std::move(*parsed);
    if (!SameSiteRequest(req, site.base_url)) return StaffErrorPage(site, me, 403, kCsrfRefusal);
    std::string_view expected;
    if (route.access == Access::kSignIn) {
      if (presession) expected = *presession;
    } else {
      expected = me->session.csrf_token;
    }
    if (expected.empty() || !accounts::SameSecret(form.Get("csrf"), expected)) {
      return StaffErrorPage(site, me, 403, kCsrfRefusal);
    }
  }
  StaffCall call{req, params, form, me, token ? std::string_view(*token) : std::string_view(),
                 presession ? std::string_view(*presession) : std::string_view()};
  return route.staff(call, site);
}

}  // namespace assent::web
