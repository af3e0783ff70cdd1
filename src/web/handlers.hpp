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
Response HealthHandler(const Request& req, const RouteParams& params, Site& site);

// Error answers in the page's own format; `message` must be safe for anyone to read.
Response ErrorPage(const Site& site, int status, std::string_view message);
Response ErrorJsonResponse(int status, std::string_view message);
// The status for an ErrorCode (a switch without default: -Wswitch flags a new code).
int HttpStatus(ErrorCode code);

}  // namespace assent::web
