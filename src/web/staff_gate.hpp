#pragma once
// The one place where staff requests are let in: the session cookie, sign-in, the
// password-change gate, the route's role, and the CSRF checks of every form post.
// Called by Service::Dispatch for every route that is not public.

#include <string_view>

#include "web/routes.hpp"

namespace assent::web {

// Checks, then runs the route's handler. Never caches; staff answers are no-store.
Response StaffDispatch(const Route& route, const Request& req, const RouteParams& params, Site& site);

// Whether a form post comes from this site: its Origin (or, without one, its Referer)
// names the request's Host or the configured base URL's host. A request with neither
// header passes (the CSRF token still has to match); Origin "null" never passes.
bool SameSiteRequest(const Request& req, std::string_view base_url);

}  // namespace assent::web
