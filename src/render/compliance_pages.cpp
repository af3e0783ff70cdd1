// The compliance view (StaffPages::Compliance), the forward plan's staff page
// (StaffPages::ForwardPlan) and its public page (HtmlPages::ForwardPlan).
#include <fmt/format.h>

#include "render/staff_parts.hpp"

namespace assent::render {

using namespace detail;

namespace {

mu::data Opt(std::string_view s) { return s.empty() ? mu::data(false) : Str(s); }
std::string Long(const std::optional<Date>& d) { return d ? d->ToLong() : ""; }
std::string Days(int n) { return fmt::format("{} working day{}", n, n == 1 || n == -1 ? "" : "s"); }

std::string ValueOf(const ForwardPlanView& v, std::string_view key, std::string fallback = {}) {
  auto it = v.values.find(key);
  return it == v.values.end() ? fallback : it->second;
}

std::string SlipTag(publication::SlipKind kind, int days) {
  switch (kind) {
    case publication::SlipKind::kUpcoming: return "govuk-tag--blue";
    case publication::SlipKind::kDue: return "govuk-tag--yellow";
    case publication::SlipKind::kSlipping: return "govuk-tag--red";
    case publication::SlipKind::kTaken: return days > 0 ? "govuk-tag--orange" : "govuk-tag--green";
  }
  return "";
}

mu::data PlanRows(const std::vector<services::ForwardPlanRow>& rows, std::string_view edit_base) {
  mu::data list = List();
  for (const auto& r : rows) {
    mu::data d;
    d.set("id", Str(std::to_string(r.item.id)));
    d.set("title", Str(r.item.title));
    d.set("summary", Str(r.item.summary));
    d.set("decision_maker", Str(r.item.decision_maker));
    d.set("planned", Str(r.item.planned_date.ToLong()));
    d.set("part2", Str(r.item.part2_expected ? "Yes" : "No"));
    d.set("reference", Opt(r.decision_reference));
    d.set("decision_url", Opt(r.decision_url));
    d.set("taken", Opt(Long(r.taken)));
    if (r.slippage_problem.empty()) {
      d.set("slip", Str(r.slippage.text));
      d.set("slip_class", Str(SlipTag(r.slippage.kind, r.slippage.working_days)));
    } else {
      d.set("slip", Str("Not known: " + r.slippage_problem));
      d.set("slip_class", Str("govuk-tag--grey"));
    }
    d.set("edit_href", Opt(edit_base.empty() ? "" : fmt::format("{}/{}", edit_base, r.item.id)));
    list.push_back(d);
  }
  return list;
}

}  // namespace

std::string StaffPages::Compliance(const StaffChrome& chrome, const services::StaffCompliance& c) const {
  const auto& v = c.view;
  const auto& s = c.settings;
  mu::data d;
  std::string base = fmt::format("/staff/{}/compliance", c.body.slug);
  d.set("body_name", Str(c.body.name));
  d.set("summary", Str(v.summary));
  d.set("today", Str(s.today.ToLong()));
  d.set("rule", Str(s.rule));
  d.set("working_days", Str(std::to_string(s.working_days)));
  d.set("soon", Str(std::to_string(s.due_soon_working_days)));
  d.set("window", Str(std::to_string(s.review_window_days)));
  d.set("csv_href", Str(s.year ? fmt::format("{}.csv?year={}", base, *s.year) : base + ".csv"));
  d.set("forward_plan_href", Str(fmt::format("/staff/{}/forward-plan", c.body.slug)));
  mu::data years = List();
  {
    mu::data all;
    all.set("label", Str("All years"));
    all.set("href", Str(base));
    all.set("current", mu::data(!s.year));
    years.push_back(all);
  }
  for (int y : v.years) {
    mu::data yd;
    yd.set("label", Str(std::to_string(y)));
    yd.set("href", Str(fmt::format("{}?year={}", base, y)));
    yd.set("current", mu::data(s.year && *s.year == y));
    years.push_back(yd);
  }
  d.set("years", years);
  d.set("year", Opt(s.year ? std::to_string(*s.year) : ""));

  // The columns every row of the late, due, deferral and review tables starts with.
  auto row_head = [](const auto& r) {
    mu::data rd;
    rd.set("href", Str(fmt::format("/staff/decisions/{}/publication", r.id)));
    rd.set("reference", Str(r.reference));
    rd.set("title", Str(r.title));
    rd.set("decision_date", Str(Long(r.decision_date)));
    return rd;
  };
  mu::data late = List();
  for (const auto& r : v.late) {
    mu::data rd = row_head(r);
    rd.set("due", Str(r.due.ToLong()));
    rd.set("published_on", Str(r.published_on.ToLong()));
    rd.set("late_by", Str(Days(r.working_days_late)));
    late.push_back(rd);
  }
  d.set("late", late);
  d.set("has_late", mu::data(!v.late.empty()));
  d.set("published", Str(std::to_string(v.published)));

  mu::data due = List();
  for (const auto& r : v.due) {
    mu::data rd = row_head(r);
    rd.set("due", Str(r.due.ToLong()));
    rd.set("left", Str(std::to_string(r.working_days_left)));
    rd.set("state", Str(r.overdue ? fmt::format("Overdue by {}", Days(-r.working_days_left))
                                  : r.working_days_left == 0 ? "Due today"
                                                             : fmt::format("{} left", Days(r.working_days_left))));
    rd.set("state_class", Str(r.overdue ? "govuk-tag--red" : "govuk-tag--yellow"));
    rd.set("note", Opt(r.note));
    due.push_back(rd);
  }
  d.set("due", due);
  d.set("has_due", mu::data(!v.due.empty()));

  mu::data deferrals = List();
  for (const auto& r : v.deferrals) {
    mu::data rd = row_head(r);
    rd.set("until", Str(r.until.ToLong()));
    rd.set("reason", Str(r.reason));
    deferrals.push_back(rd);
  }
  d.set("deferrals", deferrals);
  d.set("has_deferrals", mu::data(!v.deferrals.empty()));

  mu::data reviews = List();
  for (const auto& r : v.reviews) {
    mu::data rd = row_head(r);
    rd.set("review_date", Str(r.review_date.ToLong()));
    rd.set("ground", Str(r.ground_label));
    rd.set("what", Str(r.withheld_what));
    rd.set("overdue", mu::data(r.overdue));
    reviews.push_back(rd);
  }
  d.set("reviews", reviews);
  d.set("has_reviews", mu::data(!v.reviews.empty()));

  mu::data problems = List();
  for (const auto& p : v.problems) {
    mu::data pd;
    pd.set("href", Str(fmt::format("/staff/decisions/{}/publication", p.id)));
    pd.set("name", Str(p.reference.empty() ? p.title : p.reference + " " + p.title));
    pd.set("message", Str(p.message));
    problems.push_back(pd);
  }
  d.set("problems", problems);
  d.set("has_problems", mu::data(!v.problems.empty()));

  mu::data crumbs = List();
  crumbs.push_back(Crumb("Your work", "/staff"));
  return InStaffLayout(html_.templates_, "Publication compliance: " + c.body.name, crumbs,
                       RenderWith(html_.templates_, "staff_compliance", d), ChromeData(chrome));
}

std::string StaffPages::ForwardPlan(const StaffChrome& chrome, const ForwardPlanView& v) const {
  const auto& plan = v.plan;
  mu::data d;
  SetErrors(d, v.errors);
  d.set("notice", Opt(v.notice));
  d.set("csrf", Str(chrome.csrf));
  std::string base = fmt::format("/staff/{}/forward-plan", plan.body.slug);
  d.set("base", Str(base));
  d.set("public_href", Str(fmt::format("/{}/forward-plan", plan.body.slug)));
  d.set("body_name", Str(plan.body.name));
  d.set("may_edit", mu::data(plan.may_edit));
  d.set("rows", PlanRows(plan.rows, plan.may_edit ? base : ""));
  d.set("has_rows", mu::data(!plan.rows.empty()));
  for (const char* f : {"title", "summary", "decision_maker", "planned_date", "decision"}) {
    d.set(std::string(f) + "_error", FieldErrorData(v.errors, f));
  }
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));

  const publication::ForwardPlanItem* editing = nullptr;
  for (const auto& r : plan.rows) {
    if (r.item.id == v.editing) editing = &r.item;
  }
  std::string title = "Forward plan: " + plan.body.name;
  if (editing) {
    d.set("editing", mu::data(true));
    d.set("action", Str(fmt::format("{}/{}", base, editing->id)));
    d.set("version", Str(ValueOf(v, "version", std::to_string(editing->version))));
    d.set("title", Str(ValueOf(v, "title", editing->title)));
    d.set("summary", Str(ValueOf(v, "summary", editing->summary)));
    d.set("decision_maker", Str(ValueOf(v, "decision_maker", editing->decision_maker)));
    d.set("planned_date", Str(ValueOf(v, "planned_date", editing->planned_date.ToIso())));
    bool part2 = v.values.empty() ? editing->part2_expected : ValueOf(v, "part2_expected") == "yes";
    d.set("part2_expected", mu::data(part2));
    std::string chosen = ValueOf(v, "decision", editing->decision_id ? std::to_string(editing->decision_id) : "");
    mu::data choices = List();
    mu::data none;
    none.set("id", Str(""));
    none.set("label", Str("Not taken yet (no decision)"));
    none.set("selected", mu::data(chosen.empty()));
    choices.push_back(none);
    for (const auto& c : plan.choices) {
      mu::data cd;
      cd.set("id", Str(std::to_string(c.id)));
      cd.set("label", Str(c.label));
      cd.set("selected", mu::data(std::to_string(c.id) == chosen));
      choices.push_back(cd);
    }
    d.set("choices", choices);
    title = "Edit forward plan item: " + editing->title;
  } else {
    d.set("editing", mu::data(false));
    d.set("action", Str(base));
    d.set("title", Str(ValueOf(v, "title")));
    d.set("summary", Str(ValueOf(v, "summary")));
    d.set("decision_maker", Str(ValueOf(v, "decision_maker")));
    d.set("planned_date", Str(ValueOf(v, "planned_date")));
    d.set("part2_expected", mu::data(ValueOf(v, "part2_expected") == "yes"));
  }
  mu::data crumbs = List();
  crumbs.push_back(Crumb("Your work", "/staff"));
  if (editing) crumbs.push_back(Crumb("Forward plan", base));
  return InStaffLayout(html_.templates_, PageTitle(title, v.errors), crumbs,
                       RenderWith(html_.templates_, "staff_forward_plan", d), ChromeData(chrome));
}

std::string HtmlPages::ForwardPlan(const services::PublicForwardPlan& plan) const {
  mu::data d;
  d.set("body_name", Str(plan.body.name));
  d.set("register_href", Str(fmt::format("/{}/decisions", plan.body.slug)));
  d.set("rows", PlanRows(plan.rows, ""));
  d.set("has_rows", mu::data(!plan.rows.empty()));
  mu::data crumbs = List();
  crumbs.push_back(Crumb("Home", "/"));
  crumbs.push_back(Crumb(plan.body.name, fmt::format("/{}/decisions", plan.body.slug)));
  return InLayout(templates_, "Forward plan – " + plan.body.name, crumbs,
                  RenderWith(templates_, "forward_plan", d));
}

}  // namespace assent::render
