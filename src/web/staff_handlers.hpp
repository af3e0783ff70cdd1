#pragma once
// Staff handlers: plain functions from a StaffCall to a Response. Service::Dispatch has
// already checked the session, the role the route needs and the CSRF token; handlers
// parse, call the services, and render. The services check each decision's body role
// (404 outside the actor's bodies, 403 for an action the role does not allow).

#include <string>
#include <string_view>

#include "render/staff_pages.hpp"
#include "services/accounts.hpp"
#include "web/form_data.hpp"
#include "web/routes.hpp"

namespace assent::web {

struct StaffCall {
  const Request& req;
  const RouteParams& params;
  const FormData& form;  // the posted form (empty for GET)
  // The signed-in account and session; null only on the sign-in routes (kSignIn).
  const services::CurrentSession* current = nullptr;
  std::string_view session_token;  // the session cookie's token, if any
  std::string_view presession;     // the pre-session cookie's token, if any (sign-in)

  std::string_view Param(std::string_view name) const;
};

// Sign-in, sign-out, password, staff home, accounts (staff_account_handlers.cpp).
Response SignInPage(const StaffCall& call, Site& site);
Response SignInPost(const StaffCall& call, Site& site);
Response SignOutPost(const StaffCall& call, Site& site);
Response PasswordPage(const StaffCall& call, Site& site);
Response PasswordPost(const StaffCall& call, Site& site);
Response StaffHomePage(const StaffCall& call, Site& site);
Response UsersPage(const StaffCall& call, Site& site);

// Decisions (staff_decision_handlers.cpp).
Response NewDecisionPage(const StaffCall& call, Site& site);
Response NewDecisionPost(const StaffCall& call, Site& site);
Response StaffDecisionPage(const StaffCall& call, Site& site);
Response EditPage(const StaffCall& call, Site& site);
Response EditPost(const StaffCall& call, Site& site);
Response AttachmentPost(const StaffCall& call, Site& site);
Response AttachmentDownload(const StaffCall& call, Site& site);
Response SignPage(const StaffCall& call, Site& site);
Response SignPost(const StaffCall& call, Site& site);
Response DecidePage(const StaffCall& call, Site& site);
Response DecidePost(const StaffCall& call, Site& site);
Response ReturnPost(const StaffCall& call, Site& site);
Response WithdrawPost(const StaffCall& call, Site& site);
Response SignedContentPage(const StaffCall& call, Site& site);

// The strategy register (staff_strategy_handlers.cpp).
Response StaffStrategiesPage(const StaffCall& call, Site& site);
Response StaffStrategyPage(const StaffCall& call, Site& site);
Response StaffDeliverablePage(const StaffCall& call, Site& site);
Response StaffProgressPost(const StaffCall& call, Site& site);
Response StaffStatusPost(const StaffCall& call, Site& site);
Response NewVersionPage(const StaffCall& call, Site& site);
Response NewVersionPost(const StaffCall& call, Site& site);
// The import review queue (staff_import_handlers.cpp).
Response ImportQueuePage(const StaffCall& call, Site& site);
Response ImportReviewPage(const StaffCall& call, Site& site);
Response ImportConfirmPost(const StaffCall& call, Site& site);
Response ImportRejectPost(const StaffCall& call, Site& site);
Response ImportOriginalDownload(const StaffCall& call, Site& site);
// Publication (staff_publication_handlers.cpp).
Response PublicationPage(const StaffCall& call, Site& site);
Response PublicationPlanPost(const StaffCall& call, Site& site);
Response RedactionPost(const StaffCall& call, Site& site);
Response RedactionSignOffPost(const StaffCall& call, Site& site);
Response RedactionCancelPost(const StaffCall& call, Site& site);
Response PublishPost(const StaffCall& call, Site& site);
Response CorrectPost(const StaffCall& call, Site& site);
// Compliance and the forward plan (compliance_handlers.cpp).
Response CompliancePage(const StaffCall& call, Site& site);
Response ComplianceCsv(const StaffCall& call, Site& site);
Response ForwardPlanPage(const StaffCall& call, Site& site);
Response ForwardPlanPost(const StaffCall& call, Site& site);
Response ForwardPlanItemPage(const StaffCall& call, Site& site);
Response ForwardPlanItemPost(const StaffCall& call, Site& site);

// Shared by the pipeline and the handlers.
inline constexpr std::string_view kStaffCache = "no-store";
inline constexpr std::string_view kCsrfRefusal =
    "This form has expired or did not come from this site. Go back, reload the page and try again.";

// A staff error page (the staff header, no-store). `current` may be null.
Response StaffErrorPage(const Site& site, const services::CurrentSession* current, int status,
                        std::string_view message);
// 303 See Other to a same-site path, no-store, with optional Set-Cookie values.
Response SeeOther(std::string_view location, const std::vector<std::string>& set_cookies = {});
// `next` if it is a same-site path ("/..." but not "//" or "/\"), else "/staff".
std::string SafeNext(std::string_view next);
// Percent-encodes a query value.
std::string UrlEncode(std::string_view text);
// The staff header for this account (or signed out).
render::StaffChrome ChromeFor(const services::CurrentSession* current);
// A staff HTML page: no-store, never in the page cache.
Response StaffHtml(int status, std::string body, const std::vector<Header>& extra = {});
// A service's refusal for the page's error summary: its message with a capital letter,
// the field it names (where it names one of `fields`), or a safe generic text for
// internal and availability errors.
render::FieldError RefusalFor(const Error& e, std::initializer_list<std::string_view> fields = {});

}  // namespace assent::web
