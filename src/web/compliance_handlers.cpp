// The compliance view (staff page and CSV) and the forward plan (staff pages and forms,
// and the public page). Parse, call services/compliance, render; the services hold every
// rule, including who may see and change what.
#include <fmt/format.h>

#include "core/instant.hpp"
#include "core/text.hpp"
#include "render/compliance_csv.hpp"
#include "services/compliance.hpp"
#include "web/handlers.hpp"
#include "web/staff_forms.hpp"
#include "web/staff_handlers.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kCsv = "text/csv; charset=utf-8";
constexpr std::string_view kHtml = "text/html; charset=utf-8";
constexpr std::string_view kNoBody = "There is no such body.";

services::WorkflowSetup Setup(const Site& site) { return {*site.catalogue, site.base_url}; }

Response Refused(const StaffCall& call, const Site& site, const Error& e) {
  if (e.code == ErrorCode::kNotFound) return StaffErrorPage(site, call.current, 404, kNoBody);
  return StaffErrorPage(site, call.current, HttpStatus(e.code), RefusalFor(e).message);
}

// ?year=YYYY, or every year when absent or empty.
Result<std::optional<int>> YearOf(const Request& req) {
  auto raw = QueryParam(req.query, "year");
  if (!raw || raw->empty()) return std::optional<int>();
  int year = 0;
  for (char c : *raw) {
    if (c < '0' || c > '9' || raw->size() != 4) {
      return Fail(ErrorCode::kInvalidInput, "year must be a year such as 2026", "query year");
    }
    year = year * 10 + (c - '0');
  }
  return std::optional<int>(year);
}

Result<services::StaffCompliance> Compliance(const StaffCall& call, Site& site) {
  auto year = YearOf(call.req);
  if (!year) return year.error();
  return services::GetCompliance(site.store, Setup(site), call.Param("body"),
                                 services::ActorFor(call.current->user), Instant::Now().UkDate(), *year);
}

std::map<std::string, std::string, std::less<>> Typed(const StaffCall& call) {
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [k, v] : call.form.fields) out[k] = v;
  return out;
}

publication::ForwardPlanInput InputOf(const StaffCall& call) {
  return {std::string(call.form.Get("title")), std::string(call.form.Get("summary")),
          std::string(call.form.Get("decision_maker")), std::string(call.form.Get("planned_date")),
          call.form.Get("part2_expected") == "yes"};
}

std::string NoticeFor(std::string_view done) {
  if (done == "added") return "The decision was added to the forward plan.";
  if (done == "saved") return "The forward plan item was saved.";
  return "";
}

// The forward plan page (or one item's form), with `errors` and what was typed.
Response PlanPage(const StaffCall& call, Site& site, std::int64_t editing, int status,
                  std::vector<render::FieldError> errors, std::map<std::string, std::string, std::less<>> values) {
  auto actor = services::ActorFor(call.current->user);
  auto plan = services::GetStaffForwardPlan(site.store, Setup(site), call.Param("body"), actor,
                                            Instant::Now().UkDate());
  if (!plan) return Refused(call, site, plan.error());
  if (editing != 0) {
    bool found = false;
    for (const auto& r : plan->rows) found = found || r.item.id == editing;
    if (!found) return StaffErrorPage(site, call.current, 404, "There is no such item on this body's forward plan.");
    if (!plan->may_edit) return Refused(call, site, services::MayEditForwardPlan(call.Param("body"), actor).error());
  }
  render::ForwardPlanView view{*plan, editing, std::move(errors),
                               status == 200 ? NoticeFor(QueryParam(call.req.query, "done").value_or("")) : "",
                               std::move(values)};
  return StaffHtml(status, render::StaffPages(site.html).ForwardPlan(ChromeFor(call.current), view));
}

// Every field problem of the input, for the error summary and beside each field.
std::vector<render::FieldError> ProblemsOf(const publication::ForwardPlanInput& in) {
  std::vector<render::FieldError> out;
  for (const auto& e : publication::ForwardPlanProblems(in)) out.push_back(RefusalFor(e, {e.where}));
  return out;
}

}  // namespace

Response CompliancePage(const StaffCall& call, Site& site) {
  auto c = Compliance(call, site);
  if (!c) return Refused(call, site, c.error());
  return StaffHtml(200, render::StaffPages(site.html).Compliance(ChromeFor(call.current), *c));
}

Response ComplianceCsv(const StaffCall& call, Site& site) {
  auto c = Compliance(call, site);
  if (!c) return Refused(call, site, c.error());
  std::string name = fmt::format("{}-compliance-{}{}.csv", c->body.slug,
                                 c->settings.year ? std::to_string(*c->settings.year) + "-" : "",
                                 c->settings.today.ToIso());
  return MakeResponse(200, kCsv, render::ComplianceCsv(*c), kStaffCache,
                      {{"Content-Disposition", "attachment; filename=\"" + name + "\""}});
}

Response ForwardPlanPage(const StaffCall& call, Site& site) { return PlanPage(call, site, 0, 200, {}, {}); }

Response ForwardPlanItemPage(const StaffCall& call, Site& site) {
  auto id = ParseId(call.Param("id"));
  if (!id) return StaffErrorPage(site, call.current, 404, "There is no such item on this body's forward plan.");
  return PlanPage(call, site, *id, 200, {}, {});
}

Response ForwardPlanPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto in = InputOf(call);
  if (auto may = services::MayEditForwardPlan(call.Param("body"), actor); !may) return Refused(call, site, may.error());
  if (auto problems = ProblemsOf(in); !problems.empty()) {
    return PlanPage(call, site, 0, 400, std::move(problems), Typed(call));
  }
  auto added = services::AddForwardPlanItem(site.store, call.Param("body"), in, actor, Instant::Now());
  if (!added) {
    if (added.error().code == ErrorCode::kInvalidInput) {
      return PlanPage(call, site, 0, 400, {RefusalFor(added.error(), {added.error().where})}, Typed(call));
    }
    return Refused(call, site, added.error());
  }
  return SeeOther(fmt::format("/staff/{}/forward-plan?done=added", call.Param("body")));
}

Response ForwardPlanItemPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto id = ParseId(call.Param("id"));
  if (!id) return StaffErrorPage(site, call.current, 404, "There is no such item on this body's forward plan.");
  if (auto may = services::MayEditForwardPlan(call.Param("body"), actor); !may) return Refused(call, site, may.error());
  auto in = InputOf(call);
  auto problems = ProblemsOf(in);
  std::int64_t decision = 0;
  if (std::string_view raw = Trim(call.form.Get("decision")); !raw.empty()) {
    auto parsed = ParseId(raw);
    if (!parsed) {
      problems.push_back({"decision", "Choose one of this body's decisions"});
    } else {
      decision = *parsed;
    }
  }
  auto version = ParseId(call.form.Get("version"));
  if (!version) problems.push_back({"", "The form is missing its version; reload the page and try again"});
  if (!problems.empty()) return PlanPage(call, site, *id, 400, std::move(problems), Typed(call));
  auto r = services::EditForwardPlanItem(site.store, call.Param("body"), *id, *version, in, decision, actor,
                                         Instant::Now());
  if (!r) {
    const Error& e = r.error();
    if (e.code == ErrorCode::kInvalidInput || e.code == ErrorCode::kConflict) {
      return PlanPage(call, site, *id, HttpStatus(e.code), {RefusalFor(e, {e.where})}, Typed(call));
    }
    if (e.code == ErrorCode::kNotFound) {
      return StaffErrorPage(site, call.current, 404, "There is no such item on this body's forward plan.");
    }
    return Refused(call, site, e);
  }
  return SeeOther(fmt::format("/staff/{}/forward-plan?done=saved", call.Param("body")));
}

Response ForwardPlanPageHandler(const Request&, const RouteParams& params, Site& site) {
  std::shared_ptr<const publication::Calendar> calendar;
  if (site.catalogue) calendar = site.catalogue->calendar.Get();
  auto plan = services::GetPublicForwardPlan(site.store, calendar.get(), params.find("body")->second,
                                             Instant::Now().UkDate());
  if (!plan) return HtmlError(site, plan.error());
  return MakeResponse(200, kHtml, site.html.ForwardPlan(*plan), "no-cache");
}

}  // namespace assent::web
