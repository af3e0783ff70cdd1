// Staff handlers of the strategy register: the strategies a person may update, one
// strategy's deliverables, a deliverable's forms (record progress, change the status),
// and "start a new version". Each parses, calls services/strategy_progress (which checks
// the body role: strategy_lead or chief_executive), and renders; a refusal is shown on
// the page it came from, with the error beside its field and nothing stored.
#include <fmt/format.h>

#include "core/instant.hpp"
#include "core/text.hpp"
#include "render/staff_strategy_pages.hpp"
#include "services/strategy_progress.hpp"
#include "web/handlers.hpp"
#include "web/staff_handlers.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kNoStrategy = "There is no such strategy or deliverable on this register.";

const strategy::Catalogue& Strategies(const Site& site) {
  static const strategy::Catalogue kEmpty;
  return site.strategies ? *site.strategies : kEmpty;
}

Result<services::StaffStrategy> Load(const StaffCall& call, Site& site, const workflow::Actor& actor) {
  return services::GetStaffStrategy(site.store, Strategies(site), call.Param("body"), call.Param("id"),
                                    actor);
}

Response Refused(const StaffCall& call, const Site& site, const Error& e) {
  if (e.code == ErrorCode::kNotFound) return StaffErrorPage(site, call.current, 404, kNoStrategy);
  return StaffErrorPage(site, call.current, HttpStatus(e.code), RefusalFor(e).message);
}

const services::StaffDeliverable* FindItem(const services::StaffStrategy& st, std::string_view id) {
  for (const auto& item : st.deliverables) {
    if (item.deliverable->id == id) return &item;
  }
  return nullptr;
}

std::string Today() { return Instant::Now().UkDate().ToIso(); }

// The deliverable page, with the forms as typed and any errors.
Response DeliverablePage(const StaffCall& call, Site& site, int status, render::DeliverableForms values,
                         std::vector<render::FieldError> errors) {
  auto actor = services::ActorFor(call.current->user);
  auto st = Load(call, site, actor);
  if (!st) return Refused(call, site, st.error());
  const auto* item = FindItem(*st, call.Param("deliverable"));
  if (!item) return StaffErrorPage(site, call.current, 404, kNoStrategy);
  render::StaffDeliverableView view{*st, item, std::move(values), std::move(errors), Today()};
  return StaffHtml(status, render::StaffStrategyPages(site.html).Deliverable(ChromeFor(call.current), view));
}

// Both deliverable forms: `status_form` is "change the status" (a status is required and
// its fields carry the "status-" prefix on the page).
Response RecordPost(const StaffCall& call, Site& site, bool status_form) {
  render::DeliverableForms values;
  values.form = status_form ? "status" : "progress";
  std::string when(Trim(call.form.Get("when")));
  std::string text(call.form.Get("text"));
  std::string status(Trim(call.form.Get("status")));
  if (status_form) {
    values.status_when = when;
    values.status_text = text;
    values.status_new = status;
  } else {
    values.when = when;
    values.text = text;
    values.status = status;
  }
  services::ProgressInput input{std::string(call.Param("deliverable")), when, text, status, status_form};
  auto actor = services::ActorFor(call.current->user);
  auto ok = services::RecordProgress(site.store, Strategies(site), call.Param("body"), call.Param("id"), input,
                                     actor, Instant::Now());
  if (!ok) {
    if (ok.error().code == ErrorCode::kNotFound) return StaffErrorPage(site, call.current, 404, kNoStrategy);
    if (ok.error().code == ErrorCode::kForbidden) return Refused(call, site, ok.error());
    render::FieldError e = RefusalFor(ok.error(), {"when", "text", "status"});
    if (status_form && !e.field.empty()) e.field = e.field == "status" ? "status-new" : "status-" + e.field;
    return DeliverablePage(call, site, HttpStatus(ok.error().code), std::move(values), {std::move(e)});
  }
  return SeeOther(render::StaffStrategyUrl(call.Param("body"), call.Param("id")) +
                  (status_form ? "?done=status" : "?done=progress"));
}

}  // namespace

Response StaffStrategiesPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto rows = services::ListEditableStrategies(site.store, Strategies(site), actor);
  if (!rows) return Refused(call, site, rows.error());
  render::StaffStrategiesView view{std::move(*rows)};
  return StaffHtml(200, render::StaffStrategyPages(site.html).List(ChromeFor(call.current), view));
}

Response StaffStrategyPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto st = Load(call, site, actor);
  if (!st) return Refused(call, site, st.error());
  auto done = QueryParam(call.req.query, "done").value_or("");
  std::string notice = done == "progress" ? "Progress recorded. It is on the public strategy page now."
                       : done == "status" ? "Status changed. The public strategy page shows it now."
                                          : "";
  render::StaffStrategyView view{*st, notice};
  return StaffHtml(200, render::StaffStrategyPages(site.html).Strategy(ChromeFor(call.current), view));
}

Response StaffDeliverablePage(const StaffCall& call, Site& site) {
  return DeliverablePage(call, site, 200, {}, {});
}

Response StaffProgressPost(const StaffCall& call, Site& site) { return RecordPost(call, site, false); }

Response StaffStatusPost(const StaffCall& call, Site& site) { return RecordPost(call, site, true); }

Response NewVersionPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto st = Load(call, site, actor);
  if (!st) return Refused(call, site, st.error());
  render::NewVersionView view{*st, {}, {}, {}};
  return StaffHtml(200, render::StaffStrategyPages(site.html).NewVersion(ChromeFor(call.current), view));
}

Response NewVersionPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto st = Load(call, site, actor);
  if (!st) return Refused(call, site, st.error());
  if (!site.catalogue) return StaffErrorPage(site, call.current, 404, kNoStrategy);
  services::VersionInput input{std::string(Trim(call.form.Get("label"))), std::string(call.form.Get("changes"))};
  auto id = services::ProposeVersion(site.store, {*site.catalogue, site.base_url}, Strategies(site),
                                     call.Param("body"), call.Param("id"), input, actor, Instant::Now());
  if (!id) {
    render::NewVersionView view{*st, input.label, input.changes, {RefusalFor(id.error(), {"label"})}};
    return StaffHtml(HttpStatus(id.error().code),
                     render::StaffStrategyPages(site.html).NewVersion(ChromeFor(call.current), view));
  }
  return SeeOther(fmt::format("/staff/decisions/{}/edit?done=created", *id));
}

}  // namespace assent::web
