#include "web/handlers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "render/json_views.hpp"
#include "services/register.hpp"
#include "services/strategy_register.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";
constexpr std::string_view kJson = "application/json";
// Public pages may be cached briefly by browsers and proxies; the ETag revalidates.
constexpr std::string_view kPublicCache = "public, max-age=60";

// Parses ?year=; an empty or absent value means every year.
Result<std::optional<int>> YearParam(const Request& req) {
  auto raw = QueryParam(req.query, "year");
  if (!raw || raw->empty()) return std::optional<int>();
  int year = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), year);
  if (ec != std::errc() || ptr != raw->data() + raw->size() || raw->size() != 4 || year < 1900) {
    return Fail(ErrorCode::kInvalidInput, "year must be a four-digit year, such as 2017",
                "query year");
  }
  return std::optional<int>(year);
}

std::string_view PublicMessage(const Error& e) {
  switch (e.code) {
    case ErrorCode::kNotFound:
      return "If you typed the web address, check it is correct. If you followed a link, the "
             "decision may not have been published yet.";
    case ErrorCode::kInvalidInput: return e.message;
    case ErrorCode::kForbidden: return "You do not have access to this page.";
    case ErrorCode::kConflict:
    case ErrorCode::kIllegalTransition: return e.message;
    case ErrorCode::kUnavailable:
      return "The register is not available at the moment. Please try again later.";
    case ErrorCode::kInternal:
      return "Sorry, something went wrong on our side. Please try again later.";
  }
  return "Sorry, something went wrong.";
}

}  // namespace

const std::vector<Header>& JsonHeaders() {
  // Open data: any site may read the public JSON.
  static const std::vector<Header> kHeaders = {{"Access-Control-Allow-Origin", "*"}};
  return kHeaders;
}

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return 400;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kIllegalTransition: return 409;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ErrorPage(const Site& site, int status, std::string_view message) {
  std::string_view title = status == 404   ? "Page not found"
                           : status == 400 ? "There is a problem with the request"
                           : status == 403 ? "You cannot see this page"
                           : status == 405 ? "That action is not allowed here"
                           : status == 503 ? "Sorry, the service is unavailable"
                                           : "Sorry, there is a problem with the service";
  return MakeResponse(status, kHtml, site.html.Error(status, title, message), "no-store");
}

Response ErrorJsonResponse(int status, std::string_view message) {
  return MakeResponse(status, kJson, render::ErrorJson(status, message), "no-store", JsonHeaders());
}

Response HtmlError(const Site& site, const Error& e) {
  return ErrorPage(site, HttpStatus(e.code), PublicMessage(e));
}
Response JsonError(const Error& e) { return ErrorJsonResponse(HttpStatus(e.code), PublicMessage(e)); }

Response HomePage(const Request&, const RouteParams&, Site& site) {
  auto bodies = services::ListPublicBodies(site.store);
  if (!bodies) return HtmlError(site, bodies.error());
  return MakeResponse(200, kHtml, site.html.Home(*bodies), kPublicCache);
}

Response BodiesJsonHandler(const Request&, const RouteParams&, Site& site) {
  auto bodies = services::ListPublicBodies(site.store);
  if (!bodies) return JsonError(bodies.error());
  return MakeResponse(200, kJson, render::BodiesJson(*bodies), kPublicCache, JsonHeaders());
}

Response RegisterPageHandler(const Request& req, const RouteParams& params, Site& site) {
  auto year = YearParam(req);
  if (!year) return HtmlError(site, year.error());
  auto page = services::GetRegister(site.store, params.find("body")->second, *year);
  if (!page) return HtmlError(site, page.error());
  return MakeResponse(200, kHtml, site.html.Register(*page), kPublicCache);
}

Response RegisterJsonHandler(const Request& req, const RouteParams& params, Site& site) {
  auto year = YearParam(req);
  if (!year) return JsonError(year.error());
  auto page = services::GetRegister(site.store, params.find("body")->second, *year);
  if (!page) return JsonError(page.error());
  return MakeResponse(200, kJson, render::RegisterJson(*page), kPublicCache, JsonHeaders());
}

Response DecisionPageHandler(const Request&, const RouteParams& params, Site& site) {
  auto d = services::GetPublicDecision(site.store, params.find("body")->second,
                                       params.find("ref")->second);
  if (!d) return HtmlError(site, d.error());
  auto approves = services::VersionsApprovedBy(site.store, site.strategies, d->body.slug, d->reference);
  if (!approves) return HtmlError(site, approves.error());
  return MakeResponse(200, kHtml, site.html.Decision(*d, approves->versions), kPublicCache);
}

Response DecisionJsonHandler(const Request&, const RouteParams& params, Site& site) {
  auto d = services::GetPublicDecision(site.store, params.find("body")->second,
                                       params.find("ref")->second);
  if (!d) return JsonError(d.error());
  auto approves = services::VersionsApprovedBy(site.store, site.strategies, d->body.slug, d->reference);
  if (!approves) return JsonError(approves.error());
  return MakeResponse(200, kJson, render::DecisionJson(*d, approves->versions), kPublicCache, JsonHeaders());
}

Response HealthHandler(const Request&, const RouteParams&, Site& site) {
  auto token = site.store.ChangeToken();
  if (!token) return ErrorJsonResponse(503, "store unavailable");
  return MakeResponse(200, kJson,
                      fmt::format("{{\"status\": \"ok\", \"schema_version\": {}}}\n",
                                  site.store.SchemaVersion()),
                      "no-store");
}

}  // namespace assent::web
