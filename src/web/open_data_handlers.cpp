// The open register's public handlers: search (page, Atom, API), a register's Atom feed
// and CSV, the printable notice, and the /api/v1 routes. Parse, call one service, render.
#include <fmt/format.h>

#include <charconv>

#include "render/api_json.hpp"
#include "render/decision_feeds.hpp"
#include "render/register_csv.hpp"
#include "services/search.hpp"
#include "services/strategy_register.hpp"
#include "web/handlers.hpp"
#include "web/openapi_document.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";
constexpr std::string_view kJson = "application/json";
constexpr std::string_view kAtom = "application/atom+xml; charset=utf-8";
constexpr std::string_view kCsv = "text/csv; charset=utf-8; header=present";
constexpr std::string_view kPublicCache = "public, max-age=60";
constexpr int kFeedEntries = 50;

// The value of ?name= ("" when absent). A malformed escape is an error naming the parameter.
Result<std::string> Text(const Request& req, std::string_view name) {
  auto v = QueryParam(req.query, name);
  if (v) return std::move(*v);
  std::string key = std::string(name) + "=";
  std::string_view q = req.query;
  bool present = q.substr(0, key.size()) == key || q.find("&" + key) != std::string_view::npos;
  if (present) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("{} is not correctly encoded (check the web address)", name),
                std::string(name));
  }
  return std::string();
}

Result<std::optional<int>> Number(const Request& req, std::string_view name, int min, int max,
                                  std::string_view what) {
  auto raw = Text(req, name);
  if (!raw) return raw.error();
  if (raw->empty()) return std::optional<int>();
  int value = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  if (ec != std::errc() || ptr != raw->data() + raw->size() || value < min || value > max) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("{} must be {}", name, what), std::string(name));
  }
  return std::optional<int>(value);
}

Result<std::optional<int>> Year(const Request& req) {
  auto raw = Text(req, "year");
  if (!raw) return raw.error();
  if (!raw->empty() && raw->size() != 4) {
    return Fail(ErrorCode::kInvalidInput, "year must be a four-digit year, such as 2017", "year");
  }
  return Number(req, "year", 1900, 9999, "a four-digit year, such as 2017");
}

Result<services::SearchForm> SearchFormOf(const Request& req) {
  services::SearchForm f;
  for (auto [name, field] : {std::pair{"q", &f.text}, {"body", &f.body},
                             {"decision_maker", &f.decision_maker}, {"status", &f.status},
                             {"classification", &f.classification}}) {
    auto v = Text(req, name);
    if (!v) return v.error();
    *field = std::move(*v);
  }
  auto year = Year(req);
  if (!year) return year.error();
  f.year = *year;
  auto limit = Number(req, "limit", 1, services::kMaxSearchLimit,
                      fmt::format("a whole number from 1 to {}", services::kMaxSearchLimit));
  if (!limit) return limit.error();
  f.limit = limit->value_or(20);
  auto offset = Number(req, "offset", 0, services::kMaxSearchOffset,
                       fmt::format("a whole number from 0 to {}", services::kMaxSearchOffset));
  if (!offset) return offset.error();
  f.offset = offset->value_or(0);
  return f;
}

std::string Base(const Site& site) { return PublicBaseUrl(site); }

// The query string of the same request without its paging parameters (offset, limit,
// after), ending in '&' when anything is kept.
std::string WithoutPaging(const Request& req) {
  std::string out;
  std::string_view q = req.query;
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    auto key = pair.substr(0, pair.find('='));
    if (!pair.empty() && key != "offset" && key != "limit" && key != "after") {
      out += pair;
      out += '&';
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return out;
}

// The query string of the same request for the next page by offset.
std::string NextQuery(const Request& req, int offset, int limit) {
  return WithoutPaging(req) + fmt::format("limit={}&offset={}", limit, offset + limit);
}

Response AtomResponse(const render::AtomFeed& feed, std::string_view cache) {
  return MakeResponse(200, kAtom, render::AtomXml(feed), cache, JsonHeaders());
}

}  // namespace

std::string PublicBaseUrl(const Site& site) {
  std::string base = site.base_url.empty() ? "http://localhost" : site.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

Response SearchPageHandler(const Request& req, const RouteParams&, Site& site) {
  auto form = SearchFormOf(req);
  if (!form) return HtmlError(site, form.error());
  auto page = services::Search(site.store, *form);
  if (!page) return HtmlError(site, page.error());
  return MakeResponse(200, kHtml, site.html.Search(*page, req.query), kPublicCache);
}

Response SearchAtomHandler(const Request& req, const RouteParams&, Site& site) {
  auto form = SearchFormOf(req);
  if (!form) return ErrorPage(site, HttpStatus(form.error().code), form.error().message);
  auto page = services::Search(site.store, *form);
  if (!page) return HtmlError(site, page.error());
  return AtomResponse(render::SearchFeed(*page, Base(site), req.query), kPublicCache);
}

Response ApiSearchHandler(const Request& req, const RouteParams&, Site& site) {
  auto form = SearchFormOf(req);
  if (!form) return JsonError(form.error());
  auto page = services::Search(site.store, *form);
  if (!page) return JsonError(page.error());
  std::string next;
  if (form->offset + static_cast<int>(page->hits.size()) < page->total &&
      form->offset + form->limit <= services::kMaxSearchOffset) {
    next = "/api/v1/search?" + NextQuery(req, form->offset, form->limit);
  }
  return MakeResponse(200, kJson, render::ApiSearchJson(*page, next), kPublicCache, JsonHeaders());
}

Response RegisterAtomHandler(const Request&, const RouteParams& params, Site& site) {
  auto reg = services::LatestDecisions(site.store, params.find("body")->second, kFeedEntries);
  if (!reg) return HtmlError(site, reg.error());
  return AtomResponse(render::RegisterFeed(*reg, Base(site)), kPublicCache);
}

Response RegisterCsvHandler(const Request& req, const RouteParams& params, Site& site) {
  auto year = Year(req);
  if (!year) return HtmlError(site, year.error());
  const std::string& body = params.find("body")->second;
  auto page = services::GetRegister(site.store, body, *year);
  if (!page) return HtmlError(site, page.error());
  std::string name = *year ? fmt::format("{}-decisions-{}.csv", body, **year)
                           : fmt::format("{}-decisions.csv", body);
  return MakeResponse(200, kCsv, render::RegisterCsv(*page, Base(site)), kPublicCache,
                      {{"Content-Disposition", "attachment; filename=\"" + name + "\""},
                       {"Access-Control-Allow-Origin", "*"}});
}

Response NoticeHandler(const Request&, const RouteParams& params, Site& site) {
  auto d = services::GetPublicDecision(site.store, params.find("body")->second,
                                       params.find("ref")->second);
  if (!d) return HtmlError(site, d.error());
  return MakeResponse(200, kHtml, site.html.Notice(*d), kPublicCache);
}

Response ApiRegisterHandler(const Request& req, const RouteParams& params, Site& site) {
  services::RegisterFilter filter;
  auto year = Year(req);
  if (!year) return JsonError(year.error());
  filter.year = *year;
  auto status = Text(req, "status");
  if (!status) return JsonError(status.error());
  filter.status = *status;
  auto limit = Number(req, "limit", 1, services::kMaxSearchLimit,
                      fmt::format("a whole number from 1 to {}", services::kMaxSearchLimit));
  if (!limit) return JsonError(limit.error());
  filter.limit = limit->value_or(50);
  auto offset = Number(req, "offset", 0, 1000000, "a whole number, 0 or more");
  if (!offset) return JsonError(offset.error());
  filter.offset = offset->value_or(0);
  auto after = Text(req, "after");
  if (!after) return JsonError(after.error());
  if (!after->empty()) {
    auto cursor = services::ParseRegisterCursor(*after);
    if (!cursor) return JsonError(cursor.error());
    filter.after = *cursor;
  }
  const std::string& body = params.find("body")->second;
  auto slice = services::ListRegister(site.store, body, filter);
  if (!slice) return JsonError(slice.error());
  std::string next;
  if (slice->more && slice->next_after) {
    // Keyset paging: the next page starts after this page's last row, however deep.
    next = "/api/v1/bodies/" + body + "/decisions?" + WithoutPaging(req) +
           fmt::format("limit={}&after={}", filter.limit,
                       PercentEncode(services::RegisterCursorText(*slice->next_after)));
  }
  return MakeResponse(200, kJson, render::ApiRegisterJson(*slice, next), kPublicCache, JsonHeaders());
}

Response ApiDecisionHandler(const Request&, const RouteParams& params, Site& site) {
  auto d = services::GetPublicDecision(site.store, params.find("body")->second,
                                       params.find("ref")->second);
  if (!d) return JsonError(d.error());
  auto approves = services::VersionsApprovedBy(site.store, site.strategies, d->body.slug, d->reference);
  if (!approves) return JsonError(approves.error());
  return MakeResponse(200, kJson, render::ApiDecisionJson(*d, approves->versions), kPublicCache, JsonHeaders());
}

Response OpenApiHandler(const Request&, const RouteParams&, Site&) {
  return MakeResponse(200, kJson, std::string(OpenApiDocument()), kPublicCache, JsonHeaders());
}

Response ApiNotFound() {
  return ErrorJsonResponse(404, "There is no such path in the API: see /api/v1/openapi.json");
}

}  // namespace assent::web
