#pragma once
// The route table: every route with the access it requires, whether its answer may be
// cached, and whether it is a form post that must carry the CSRF token. One wrapper
// (Service::Dispatch) checks sign-in, role and CSRF before any handler runs, so no
// handler can forget them; a unit test reads this table.

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "render/html_pages.hpp"
#include "services/catalogue.hpp"
#include "storage/store.hpp"
#include "strategy/catalogue.hpp"
#include "web/http.hpp"

namespace assent::web {

enum class Access {
  kPublic,         // anyone; may only show PublicDecision data; the only cacheable level
  kSignIn,         // anyone, on the staff side: the sign-in form (pre-session CSRF cookie)
  kSignedIn,       // any signed-in staff account; the service checks the body role
  kAdministrator,  // a signed-in administrator (of any body, or "*")
};

struct Site {
  storage::Store& store;
  const render::HtmlPages& html;
  // The strategy register's catalogue, loaded at start; null: no strategies.
  const strategy::Catalogue* strategies = nullptr;
  // Forms and schemes of delegation, for the staff pages; null: the staff side is off
  // (its routes answer 404).
  const services::Catalogue* catalogue = nullptr;
  // The public address ("https://decisions.example.org"), for links in e-mails; a form
  // post whose Origin names this host is same-site even when a proxy rewrote Host.
  std::string base_url;
  // Secure, __Host- prefixed staff cookies (config cookie_secure). Off only for plain
  // http on a host other than localhost.
  bool cookie_secure = true;
};

using RouteParams = std::map<std::string, std::string, std::less<>>;
using Handler = Response (*)(const Request&, const RouteParams&, Site&);
struct StaffCall;  // web/staff_handlers.hpp
using StaffHandler = Response (*)(const StaffCall&, Site&);

struct Route {
  Method method;
  std::string_view pattern;  // "/{body}/decisions/{ref}.json": {name} matches one segment
  Access access;
  bool cacheable = false;  // public, depends only on the store: kept in the page cache
  bool csrf = false;       // a form post: its `csrf` field must match (every non-GET route)
  bool upload = false;     // multipart upload: the larger body limit (kUploadBodyLimit)
  // Reachable while the account must change its password (every other staff page
  // sends the person to /staff/password first).
  bool before_password_change = false;
  Handler handler = nullptr;     // public routes
  StaffHandler staff = nullptr;  // every other access level
};

std::span<const Route> Routes();

// The largest upload accepted on an `upload` route (other requests: body_limit).
inline constexpr std::size_t kUploadBodyLimit = 20 * 1024 * 1024;

// Matches a decoded path against a pattern, filling `params`.
bool MatchRoute(std::string_view pattern, std::string_view path, RouteParams& params);

// Whether a POST to this decoded path goes to an upload route.
bool IsUploadPath(std::string_view path);

}  // namespace assent::web
