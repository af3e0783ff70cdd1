// Public handlers of the strategy register: parse, call one service, render.
#include <fmt/format.h>

#include "render/atom_feed.hpp"
#include "render/strategy_csv.hpp"
#include "render/strategy_feed.hpp"
#include "render/strategy_json.hpp"
#include "services/strategy_register.hpp"
#include "web/handlers.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";
constexpr std::string_view kJson = "application/json";
constexpr std::string_view kCsv = "text/csv; charset=utf-8";
constexpr std::string_view kAtom = "application/atom+xml; charset=utf-8";
// Progress entries in a body's strategy feed (its approved versions are all listed).
constexpr int kFeedEntries = 50;
constexpr std::string_view kPublicCache = "public, max-age=60";

const strategy::Catalogue& Strategies(const Site& site) {
  static const strategy::Catalogue kEmpty;
  return site.strategies ? *site.strategies : kEmpty;
}

// ?as_of=YYYY-MM-DD, or today (UTC) when absent or empty.
Result<Date> AsOf(const Request& req) {
  auto raw = QueryParam(req.query, "as_of");
  if (!raw || raw->empty()) return Date::TodayUtc();
  auto d = Date::ParseIso(*raw);
  if (!d) {
    return Fail(ErrorCode::kInvalidInput, "as_of must be a date such as 2017-02-24", "query as_of");
  }
  return *d;
}

Result<services::StrategyPage> Page(const Request& req, const RouteParams& params, Site& site) {
  auto as_of = AsOf(req);
  if (!as_of) return as_of.error();
  return services::GetStrategyPage(site.store, Strategies(site), params.find("body")->second,
                                   params.find("id")->second, *as_of);
}

}  // namespace

Response StrategiesPageHandler(const Request& req, const RouteParams&, Site& site) {
  auto as_of = AsOf(req);
  if (!as_of) return HtmlError(site, as_of.error());
  auto t = services::GetStrategyTimeline(site.store, Strategies(site), *as_of);
  if (!t) return HtmlError(site, t.error());
  return MakeResponse(200, kHtml, site.html.StrategyTimeline(*t), kPublicCache);
}

Response StrategiesJsonHandler(const Request& req, const RouteParams&, Site& site) {
  auto as_of = AsOf(req);
  if (!as_of) return JsonError(as_of.error());
  auto t = services::GetStrategyTimeline(site.store, Strategies(site), *as_of);
  if (!t) return JsonError(t.error());
  return MakeResponse(200, kJson, render::StrategyTimelineJson(*t, *as_of), kPublicCache, JsonHeaders());
}

Response StrategyListPageHandler(const Request& req, const RouteParams& params, Site& site) {
  auto as_of = AsOf(req);
  if (!as_of) return HtmlError(site, as_of.error());
  auto page = services::GetStrategyList(site.store, Strategies(site), params.find("body")->second, *as_of);
  if (!page) return HtmlError(site, page.error());
  return MakeResponse(200, kHtml, site.html.StrategyList(*page), kPublicCache);
}

Response StrategyListJsonHandler(const Request& req, const RouteParams& params, Site& site) {
  auto as_of = AsOf(req);
  if (!as_of) return JsonError(as_of.error());
  auto page = services::GetStrategyList(site.store, Strategies(site), params.find("body")->second, *as_of);
  if (!page) return JsonError(page.error());
  return MakeResponse(200, kJson, render::StrategyListJson(*page), kPublicCache, JsonHeaders());
}

Response StrategyPageHandler(const Request& req, const RouteParams& params, Site& site) {
  auto page = Page(req, params, site);
  if (!page) return HtmlError(site, page.error());
  return MakeResponse(200, kHtml, site.html.Strategy(*page), kPublicCache);
}

Response StrategyJsonHandler(const Request& req, const RouteParams& params, Site& site) {
  auto page = Page(req, params, site);
  if (!page) return JsonError(page.error());
  return MakeResponse(200, kJson, render::StrategyJson(*page), kPublicCache, JsonHeaders());
}

Response StrategyReportHandler(const Request& req, const RouteParams& params, Site& site) {
  auto page = Page(req, params, site);
  if (!page) return HtmlError(site, page.error());
  return MakeResponse(200, kHtml, site.html.StrategyReport(*page), kPublicCache);
}

Response StrategyReportCsvHandler(const Request& req, const RouteParams& params, Site& site) {
  auto page = Page(req, params, site);
  if (!page) return JsonError(page.error());
  std::string name = fmt::format("{}-{}-delivery-report-{}.csv", page->body.slug, page->strategy->id,
                                 page->as_of.ToIso());
  return MakeResponse(200, kCsv, render::StrategyReportCsv(*page), kPublicCache,
                      {{"Access-Control-Allow-Origin", "*"},
                       {"Content-Disposition", "attachment; filename=\"" + name + "\""}});
}

Response StrategyAtomHandler(const Request&, const RouteParams& params, Site& site) {
  auto feed = services::GetStrategyFeed(site.store, Strategies(site), params.find("body")->second,
                                        kFeedEntries);
  if (!feed) return HtmlError(site, feed.error());
  return MakeResponse(200, kAtom, render::AtomXml(render::StrategyFeed(*feed, PublicBaseUrl(site))),
                      kPublicCache, JsonHeaders());
}

}  // namespace assent::web
