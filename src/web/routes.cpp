#include "web/routes.hpp"

#include "web/handlers.hpp"
#include "web/staff_handlers.hpp"

namespace assent::web {
namespace {

// Order matters: the first match wins, so ".json" forms come before the HTML ones.
// Strategy pages are not cached: their statuses and overdue marks depend on today's date,
// and the cache is only invalidated by changes to the store.
constexpr Route Public(std::string_view pattern, bool cacheable, Handler handler) {
  return Route{.method = Method::kGet, .pattern = pattern, .access = Access::kPublic,
               .cacheable = cacheable, .handler = handler};
}

constexpr Route kRoutes[] = {
    // Staff, first: "/staff/decisions/1" must not reach the public "/{body}/decisions/{ref}".
    // Never cached; every POST carries the CSRF token.
    {.method = Method::kGet, .pattern = "/staff/sign-in", .access = Access::kSignIn,
     .before_password_change = true, .staff = &SignInPage},
    {.method = Method::kPost, .pattern = "/staff/sign-in", .access = Access::kSignIn, .csrf = true,
     .before_password_change = true, .staff = &SignInPost},
    {.method = Method::kPost, .pattern = "/staff/sign-out", .access = Access::kSignedIn, .csrf = true,
     .before_password_change = true, .staff = &SignOutPost},
    {.method = Method::kGet, .pattern = "/staff/password", .access = Access::kSignedIn,
     .before_password_change = true, .staff = &PasswordPage},
    {.method = Method::kPost, .pattern = "/staff/password", .access = Access::kSignedIn, .csrf = true,
     .before_password_change = true, .staff = &PasswordPost},
    {.method = Method::kGet, .pattern = "/staff", .access = Access::kSignedIn, .staff = &StaffHomePage},
    {.method = Method::kGet, .pattern = "/staff/users", .access = Access::kAdministrator,
     .staff = &UsersPage},
    {.method = Method::kGet, .pattern = "/staff/{body}/decisions/new", .access = Access::kSignedIn,
     .staff = &NewDecisionPage},
    {.method = Method::kPost, .pattern = "/staff/{body}/decisions/new", .access = Access::kSignedIn,
     .csrf = true, .staff = &NewDecisionPost},
    {.method = Method::kGet, .pattern = "/staff/decisions/{id}", .access = Access::kSignedIn,
     .staff = &StaffDecisionPage},
    {.method = Method::kGet, .pattern = "/staff/decisions/{id}/edit", .access = Access::kSignedIn,
     .staff = &EditPage},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/edit", .access = Access::kSignedIn,
     .csrf = true, .staff = &EditPost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/attachments", .access = Access::kSignedIn,
     .csrf = true, .upload = true, .staff = &AttachmentPost},
    {.method = Method::kGet, .pattern = "/staff/decisions/{id}/attachments/{sha256}",
     .access = Access::kSignedIn, .staff = &AttachmentDownload},
    {.method = Method::kGet, .pattern = "/staff/decisions/{id}/sign", .access = Access::kSignedIn,
     .staff = &SignPage},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/sign", .access = Access::kSignedIn,
     .csrf = true, .staff = &SignPost},
    {.method = Method::kGet, .pattern = "/staff/decisions/{id}/decide", .access = Access::kSignedIn,
     .staff = &DecidePage},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/decide", .access = Access::kSignedIn,
     .csrf = true, .staff = &DecidePost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/return", .access = Access::kSignedIn,
     .csrf = true, .staff = &ReturnPost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/withdraw", .access = Access::kSignedIn,
     .csrf = true, .staff = &WithdrawPost},
    {.method = Method::kGet, .pattern = "/staff/decisions/{id}/signed/{content_hash}",
     .access = Access::kSignedIn, .staff = &SignedContentPage},
    // The strategy register: the services check the body role (strategy_lead, chief_executive).
    {.method = Method::kGet, .pattern = "/staff/strategies", .access = Access::kSignedIn,
     .staff = &StaffStrategiesPage},
    {.method = Method::kGet, .pattern = "/staff/strategies/{body}/{id}", .access = Access::kSignedIn,
     .staff = &StaffStrategyPage},
    {.method = Method::kGet, .pattern = "/staff/strategies/{body}/{id}/deliverables/{deliverable}",
     .access = Access::kSignedIn, .staff = &StaffDeliverablePage},
    {.method = Method::kPost, .pattern = "/staff/strategies/{body}/{id}/deliverables/{deliverable}/progress",
     .access = Access::kSignedIn, .csrf = true, .staff = &StaffProgressPost},
    {.method = Method::kPost, .pattern = "/staff/strategies/{body}/{id}/deliverables/{deliverable}/status",
     .access = Access::kSignedIn, .csrf = true, .staff = &StaffStatusPost},
    {.method = Method::kGet, .pattern = "/staff/strategies/{body}/{id}/versions/new",
     .access = Access::kSignedIn, .staff = &NewVersionPage},
    {.method = Method::kPost, .pattern = "/staff/strategies/{body}/{id}/versions/new",
     .access = Access::kSignedIn, .csrf = true, .staff = &NewVersionPost},
    // The import review queue: the services let in a body's governance officer, chief
    // executive, monitoring officer or administrator (docs/import.md).
    {.method = Method::kGet, .pattern = "/staff/imports", .access = Access::kSignedIn, .staff = &ImportQueuePage},
    {.method = Method::kGet, .pattern = "/staff/imports/{id}", .access = Access::kSignedIn,
     .staff = &ImportReviewPage},
    {.method = Method::kPost, .pattern = "/staff/imports/{id}/confirm", .access = Access::kSignedIn,
     .csrf = true, .staff = &ImportConfirmPost},
    {.method = Method::kPost, .pattern = "/staff/imports/{id}/reject", .access = Access::kSignedIn,
     .csrf = true, .staff = &ImportRejectPost},
    {.method = Method::kGet, .pattern = "/staff/imports/{id}/original", .access = Access::kSignedIn,
     .staff = &ImportOriginalDownload},
    // publication (staff_publication_handlers.cpp); the services check the body roles
    {.method = Method::kGet, .pattern = "/staff/decisions/{id}/publication", .access = Access::kSignedIn,
     .staff = &PublicationPage},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/publication/plan",
     .access = Access::kSignedIn, .csrf = true, .staff = &PublicationPlanPost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/publication/redactions",
     .access = Access::kSignedIn, .csrf = true, .staff = &RedactionPost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/publication/redactions/{n}/sign-off",
     .access = Access::kSignedIn, .csrf = true, .staff = &RedactionSignOffPost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/publication/redactions/{n}/cancel",
     .access = Access::kSignedIn, .csrf = true, .staff = &RedactionCancelPost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/publication/publish",
     .access = Access::kSignedIn, .csrf = true, .staff = &PublishPost},
    {.method = Method::kPost, .pattern = "/staff/decisions/{id}/publication/correct",
     .access = Access::kSignedIn, .csrf = true, .staff = &CorrectPost},
    // compliance and the forward plan (compliance_handlers.cpp); the services check the body roles
    {.method = Method::kGet, .pattern = "/staff/{body}/compliance", .access = Access::kSignedIn,
     .staff = &CompliancePage},
    {.method = Method::kGet, .pattern = "/staff/{body}/compliance.csv", .access = Access::kSignedIn,
     .staff = &ComplianceCsv},
    {.method = Method::kGet, .pattern = "/staff/{body}/forward-plan", .access = Access::kSignedIn,
     .staff = &ForwardPlanPage},
    {.method = Method::kPost, .pattern = "/staff/{body}/forward-plan", .access = Access::kSignedIn,
     .csrf = true, .staff = &ForwardPlanPost},
    {.method = Method::kGet, .pattern = "/staff/{body}/forward-plan/{id}", .access = Access::kSignedIn,
     .staff = &ForwardPlanItemPage},
    {.method = Method::kPost, .pattern = "/staff/{body}/forward-plan/{id}", .access = Access::kSignedIn,
     .csrf = true, .staff = &ForwardPlanItemPost},

    // public: pattern                             cache  handler
    Public("/", true, &HomePage),
    Public("/healthz", false, &HealthHandler),
    Public("/bodies.json", true, &BodiesJsonHandler),
    Public("/api/v1/bodies", true, &BodiesJsonHandler),
    Public("/{body}/decisions.json", true, &RegisterJsonHandler),
    Public("/{body}/decisions", true, &RegisterPageHandler),
    Public("/{body}/decisions/{ref}.json", true, &DecisionJsonHandler),
    Public("/{body}/decisions/{ref}", true, &DecisionPageHandler),
    // Slippage depends on today's date: not cached (like the strategy pages).
    Public("/{body}/forward-plan", false, &ForwardPlanPageHandler),
    Public("/strategies", false, &StrategiesPageHandler),
    Public("/strategies.json", false, &StrategiesJsonHandler),
    Public("/api/v1/strategies", false, &StrategiesJsonHandler),
    Public("/{body}/strategies.json", false, &StrategyListJsonHandler),
    // Only store changes move the feed (recorded progress, a decision published): cacheable.
    Public("/{body}/strategies.atom", true, &StrategyAtomHandler),
    Public("/{body}/strategies", false, &StrategyListPageHandler),
    Public("/{body}/strategies/{id}.json", false, &StrategyJsonHandler),
    Public("/{body}/strategies/{id}", false, &StrategyPageHandler),
    Public("/{body}/strategies/{id}/report.csv", false, &StrategyReportCsvHandler),
    Public("/{body}/strategies/{id}/report", false, &StrategyReportHandler),
    // The open register. Searches are not kept in the page cache: any query string would
    // be a new entry, and a crawler's queries would push the register's pages out.
    Public("/search", false, &SearchPageHandler),
    Public("/search.atom", false, &SearchAtomHandler),
    Public("/{body}/decisions.atom", true, &RegisterAtomHandler),
    Public("/{body}/decisions.csv", true, &RegisterCsvHandler),
    Public("/{body}/decisions/{ref}/print", true, &NoticeHandler),
    Public("/api/v1/openapi.json", true, &OpenApiHandler),
    Public("/api/v1/search", false, &ApiSearchHandler),
    Public("/api/v1/bodies/{body}/decisions", true, &ApiRegisterHandler),
    Public("/api/v1/bodies/{body}/decisions/{ref}", true, &ApiDecisionHandler),
    Public("/api/v1/bodies/{body}/strategies", false, &StrategyListJsonHandler),
    Public("/api/v1/bodies/{body}/strategies/{id}", false, &StrategyJsonHandler),
};

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

bool IsUploadPath(std::string_view path) {
  RouteParams params;
  for (const Route& r : kRoutes) {
    if (r.method == Method::kPost && MatchRoute(r.pattern, path, params)) return r.upload;
  }
  return false;
}

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
