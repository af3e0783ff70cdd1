#pragma once
// Public handlers: parse, call one service, render. No SQL, no rules.

#include "web/routes.hpp"

namespace assent::web {

Response HomePage(const Request& req, const RouteParams& params, Site& site);
Response BodiesJsonHandler(const Request& req, const RouteParams& params, Site& site);
Response RegisterPageHandler(const Request& req, const RouteParams& params, Site& site);
Response RegisterJsonHandler(const Request& req, const RouteParams& params, Site& site);
Response DecisionPageHandler(const Request& req, const RouteParams& params, Site& site);
Response DecisionJsonHandler(const Request& req, const RouteParams& params, Site& site);
// The strategy register (strategy_handlers.cpp). ?as_of=YYYY-MM-DD sets the date that
// statuses, overdue marks and the next review are judged on (default: today, UTC).
Response StrategiesPageHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategiesJsonHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategyListPageHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategyListJsonHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategyPageHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategyJsonHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategyReportHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategyReportCsvHandler(const Request& req, const RouteParams& params, Site& site);
// A body's published forward plan (compliance_handlers.cpp).
Response ForwardPlanPageHandler(const Request& req, const RouteParams& params, Site& site);
Response StrategyAtomHandler(const Request& req, const RouteParams& params, Site& site);
Response HealthHandler(const Request& req, const RouteParams& params, Site& site);
// The open register (open_data_handlers.cpp): search as a page, a feed and JSON; a
// register's Atom feed and CSV; the printable notice; the /api/v1 routes.
Response SearchPageHandler(const Request& req, const RouteParams& params, Site& site);
Response SearchAtomHandler(const Request& req, const RouteParams& params, Site& site);
Response ApiSearchHandler(const Request& req, const RouteParams& params, Site& site);
Response RegisterAtomHandler(const Request& req, const RouteParams& params, Site& site);
Response RegisterCsvHandler(const Request& req, const RouteParams& params, Site& site);
Response NoticeHandler(const Request& req, const RouteParams& params, Site& site);
Response ApiRegisterHandler(const Request& req, const RouteParams& params, Site& site);
Response ApiDecisionHandler(const Request& req, const RouteParams& params, Site& site);
Response OpenApiHandler(const Request& req, const RouteParams& params, Site& site);
// Any other path under /api/: a JSON 404.
Response ApiNotFound();

// Error answers in the page's own format; `message` must be safe for anyone to read.
Response ErrorPage(const Site& site, int status, std::string_view message);
Response ErrorJsonResponse(int status, std::string_view message);
// The status for an ErrorCode (a switch without default: -Wswitch flags a new code).
int HttpStatus(ErrorCode code);
// Errors as pages or JSON, with the public message for the code.
Response HtmlError(const Site& site, const Error& e);
Response JsonError(const Error& e);
// The headers every public JSON answer carries (CORS for open data).
const std::vector<Header>& JsonHeaders();
// The public address for absolute links in feeds and CSV, without a trailing slash.
std::string PublicBaseUrl(const Site& site);

}  // namespace assent::web
