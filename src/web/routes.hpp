#pragma once
// The route table: every route with the access it requires and whether its answer may
// be cached. One wrapper (Service::Handle) checks access before any handler runs, so no
// handler can forget it; a unit test reads this table.

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "render/html_pages.hpp"
#include "storage/store.hpp"
#include "strategy/catalogue.hpp"
#include "web/http.hpp"

namespace assent::web {

enum class Access {
  kPublic,  // anyone; may only show PublicDecision data
  kStaff,   // a signed-in member of staff of the body (not yet: issue 4)
  kAdmin,   // an administrator (not yet: issue 4)
};

struct Site {
  storage::Store& store;
  const render::HtmlPages& html;
  // The strategy register's catalogue, loaded at start; null: no strategies.
  const strategy::Catalogue* strategies = nullptr;
};

using RouteParams = std::map<std::string, std::string, std::less<>>;
using Handler = Response (*)(const Request&, const RouteParams&, Site&);

struct Route {
  Method method;
  std::string_view pattern;  // "/{body}/decisions/{ref}.json": {name} matches one segment
  Access access;
  bool cacheable;  // public, depends only on the store: kept in the page cache
  Handler handler;
};

std::span<const Route> Routes();

// Matches a decoded path against a pattern, filling `params`.
bool MatchRoute(std::string_view pattern, std::string_view path, RouteParams& params);

}  // namespace assent::web
