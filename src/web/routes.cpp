#include "web/routes.hpp"

#include <array>

#include "web/handlers.hpp"

namespace assent::web {
namespace {

// Order matters: the first match wins, so ".json" forms come before the HTML ones.
// Strategy pages are not cached: their statuses and overdue marks depend on today's date,
// and the cache is only invalidated by changes to the store.
constexpr std::array<Route, 17> kRoutes = {{
    // method        pattern                          who             cache  handler
    {Method::kGet, "/", Access::kPublic, true, &HomePage},
    {Method::kGet, "/healthz", Access::kPublic, false, &HealthHandler},
    {Method::kGet, "/bodies.json", Access::kPublic, true, &BodiesJsonHandler},
    {Method::kGet, "/api/v1/bodies", Access::kPublic, true, &BodiesJsonHandler},
    {Method::kGet, "/{body}/decisions.json", Access::kPublic, true, &RegisterJsonHandler},
    {Method::kGet, "/{body}/decisions", Access::kPublic, true, &RegisterPageHandler},
    {Method::kGet, "/{body}/decisions/{ref}.json", Access::kPublic, true, &DecisionJsonHandler},
    {Method::kGet, "/{body}/decisions/{ref}", Access::kPublic, true, &DecisionPageHandler},
    {Method::kGet, "/strategies", Access::kPublic, false, &StrategiesPageHandler},
    {Method::kGet, "/strategies.json", Access::kPublic, false, &StrategiesJsonHandler},
    {Method::kGet, "/api/v1/strategies", Access::kPublic, false, &StrategiesJsonHandler},
    {Method::kGet, "/{body}/strategies.json", Access::kPublic, false, &StrategyListJsonHandler},
    {Method::kGet, "/{body}/strategies", Access::kPublic, false, &StrategyListPageHandler},
    {Method::kGet, "/{body}/strategies/{id}.json", Access::kPublic, false, &StrategyJsonHandler},
    {Method::kGet, "/{body}/strategies/{id}", Access::kPublic, false, &StrategyPageHandler},
    {Method::kGet, "/{body}/strategies/{id}/report.csv", Access::kPublic, false, &StrategyReportCsvHandler},
    {Method::kGet, "/{body}/strategies/{id}/report", Access::kPublic, false, &StrategyReportHandler},
}};

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

bool MatchRoute(std::string_view pattern, std::string_view path, RouteParams& params) {
  params.clear();
  if (pattern.empty() || path.empty() || path[0] != '/') return false;
  if (pattern == "/") return path == "/";
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  while (true) {
    size_t ps = pattern.find('/');
    size_t qs = path.find('/');
    std::string_view pseg = pattern.substr(0, ps);
    std::string_view seg = path.substr(0, qs);
    if (!pseg.empty() && pseg.front() == '{') {
      size_t close = pseg.find('}');
      std::string_view name = pseg.substr(1, close - 1);
      std::string_view suffix = pseg.substr(close + 1);
      if (seg.size() <= suffix.size() || seg.substr(seg.size() - suffix.size()) != suffix) {
        return false;
      }
      params.emplace(std::string(name), std::string(seg.substr(0, seg.size() - suffix.size())));
    } else if (pseg != seg) {
      return false;
    }
    if (ps == std::string_view::npos || qs == std::string_view::npos) {
      return ps == std::string_view::npos && qs == std::string_view::npos;
    }
    pattern.remove_prefix(ps + 1);
    path.remove_prefix(qs + 1);
  }
}

}  // namespace assent::web
