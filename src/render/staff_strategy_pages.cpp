#include "render/staff_strategy_pages.hpp"

#include <fmt/format.h>

#include "render/mustache_parts.hpp"
#include "render/staff_parts.hpp"

namespace assent::render {

using namespace detail;

namespace {

mu::data Opt(std::string_view s) { return s.empty() ? mu::data(false) : Str(s); }

std::string TagClass(strategy::DeliverableStatus s) {
  switch (s) {
    case strategy::DeliverableStatus::kPlanned: return "govuk-tag--grey";
    case strategy::DeliverableStatus::kInProgress: return "govuk-tag--blue";
    case strategy::DeliverableStatus::kDelivered: return "govuk-tag--green";
    case strategy::DeliverableStatus::kOngoing: return "govuk-tag--turquoise";
    case strategy::DeliverableStatus::kNotStated: return "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

mu::data Crumbs(std::initializer_list<std::pair<std::string_view, std::string>> items) {
  mu::data crumbs = List();
  for (const auto& [text, href] : items) crumbs.push_back(Crumb(text, href));
  return crumbs;
}

mu::data StatusOptions(std::string_view selected) {
  mu::data list = List();
  for (auto s : strategy::kDeliverableStatuses) {
    mu::data o;
    o.set("value", Str(strategy::StatusName(s)));
    o.set("label", Str(strategy::StatusLabel(s)));
    o.set("selected", mu::data(strategy::StatusName(s) == selected));
    list.push_back(o);
  }
  return list;
}

mu::data EntryData(const strategy::ProgressEntry& e) {
  mu::data d;
  d.set("when", Str(e.when.ToText()));
  d.set("when_iso", Str(e.when.ToIso()));
  d.set("text", Opt(e.text));
  d.set("status_change", Opt(e.status_change ? strategy::StatusLabel(*e.status_change) : ""));
  d.set("recorded", Opt(e.recorded.empty() ? "data file"
                        : e.recorded == strategy::kStaffSource ? "" : "imported from " + e.recorded));
  d.set("source", Opt(e.source));
  return d;
}

void SetStrategyHead(mu::data& d, const services::StaffStrategy& st) {
  d.set("body_name", Str(st.body.name));
  d.set("title", Str(st.merged->title));
  d.set("url", Str(StaffStrategyUrl(st.body.slug, st.merged->id)));
  d.set("public_url", Str(fmt::format("/{}/strategies/{}", st.body.slug, st.merged->id)));
}

}  // namespace

std::string StaffStrategyUrl(std::string_view body, std::string_view id) {
  return fmt::format("/staff/strategies/{}/{}", body, id);
}

std::string StaffStrategyPages::List(const StaffChrome& chrome, const StaffStrategiesView& v) const {
  mu::data d;
  mu::data rows = render::detail::List();
  for (const auto& r : v.rows) {
    mu::data row;
    row.set("body_name", Str(r.body.name));
    row.set("title", Str(r.strategy->title));
    row.set("href", Str(StaffStrategyUrl(r.body.slug, r.strategy->id)));
    row.set("period", Str(fmt::format("{} to {}", r.strategy->start_year, r.strategy->end_year)));
    rows.push_back(row);
  }
  d.set("rows", rows);
  d.set("has_rows", mu::data(!v.rows.empty()));
  return InStaffLayout(html_.templates_, "Strategies", Crumbs({{"Your work", "/staff"}}),
                       RenderWith(html_.templates_, "staff_strategies", d), ChromeData(chrome));
}

std::string StaffStrategyPages::Strategy(const StaffChrome& chrome, const StaffStrategyView& v) const {
  const auto& st = v.staff;
  mu::data d;
  SetStrategyHead(d, st);
  d.set("notice", Opt(v.notice));
  mu::data rows = render::detail::List();
  for (const auto& item : st.deliverables) {
    mu::data row;
    row.set("theme", Str(item.theme->title));
    row.set("title", Str(item.deliverable->title));
    row.set("href", Str(StaffStrategyUrl(st.body.slug, st.merged->id) + "/deliverables/" +
                        item.deliverable->id));
    row.set("status", Str(strategy::StatusLabel(item.deliverable->status)));
    row.set("status_class", Str(TagClass(item.deliverable->status)));
    row.set("last", item.last ? EntryData(*item.last) : mu::data(false));
    rows.push_back(row);
  }
  d.set("rows", rows);
  mu::data proposals = render::detail::List();
  for (const auto& p : st.proposals) {
    mu::data row;
    row.set("label", Str(p.proposal.label));
    row.set("href", Str(fmt::format("/staff/decisions/{}", p.proposal.decision_id)));
    row.set("reference", Opt(p.reference));
    row.set("status", Str(decisions::StatusLabel(p.status)));
    proposals.push_back(row);
  }
  d.set("proposals", proposals);
  d.set("has_proposals", mu::data(!st.proposals.empty()));
  return InStaffLayout(html_.templates_, st.merged->title,
                       Crumbs({{"Your work", "/staff"}, {"Strategies", "/staff/strategies"}}),
                       RenderWith(html_.templates_, "staff_strategy", d), ChromeData(chrome));
}

std::string StaffStrategyPages::Deliverable(const StaffChrome& chrome, const StaffDeliverableView& v) const {
  const auto& st = v.staff;
  const auto& dl = *v.item->deliverable;
  mu::data d;
  SetStrategyHead(d, st);
  SetErrors(d, v.errors);
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  d.set("csrf", Str(chrome.csrf));
  d.set("theme", Str(v.item->theme->title));
  d.set("deliverable", Str(dl.title));
  d.set("description", Opt(dl.description));
  d.set("status", Str(strategy::StatusLabel(dl.status)));
  d.set("status_class", Str(TagClass(dl.status)));
  d.set("due", Str(dl.due ? dl.due->ToText() : "Not stated"));
  std::string base = StaffStrategyUrl(st.body.slug, st.merged->id) + "/deliverables/" + dl.id;
  d.set("progress_action", Str(base + "/progress"));
  d.set("status_action", Str(base + "/status"));
  mu::data entries = render::detail::List();
  for (auto it = dl.progress.rbegin(); it != dl.progress.rend(); ++it) entries.push_back(EntryData(*it));
  d.set("entries", entries);
  d.set("has_entries", mu::data(!dl.progress.empty()));
  const auto& f = v.values;
  bool progress_form = f.form != "status";
  d.set("when", Str(progress_form && !f.form.empty() ? f.when : v.today));
  d.set("text", Str(f.text));
  d.set("status_options", StatusOptions(f.status));
  d.set("status_when", Str(!progress_form ? f.status_when : v.today));
  d.set("status_text", Str(f.status_text));
  d.set("status_new_options", StatusOptions(f.status_new));
  for (const char* field : {"when", "text", "status", "status-when", "status-new", "status-text"}) {
    std::string key = std::string(field);
    for (char& c : key) if (c == '-') c = '_';
    d.set(key + "_error", FieldErrorData(v.errors, field));
  }
  return InStaffLayout(html_.templates_, PageTitle(dl.title, v.errors),
                       Crumbs({{"Your work", "/staff"}, {"Strategies", "/staff/strategies"},
                               {st.merged->title, StaffStrategyUrl(st.body.slug, st.merged->id)}}),
                       RenderWith(html_.templates_, "staff_deliverable", d), ChromeData(chrome));
}

std::string StaffStrategyPages::NewVersion(const StaffChrome& chrome, const NewVersionView& v) const {
  const auto& st = v.staff;
  mu::data d;
  SetStrategyHead(d, st);
  SetErrors(d, v.errors);
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  d.set("csrf", Str(chrome.csrf));
  d.set("action", Str(StaffStrategyUrl(st.body.slug, st.merged->id) + "/versions/new"));
  d.set("label", Str(v.label));
  d.set("changes", Str(v.changes));
  d.set("label_error", FieldErrorData(v.errors, "label"));
  d.set("changes_error", FieldErrorData(v.errors, "changes"));
  return InStaffLayout(html_.templates_, PageTitle("Start a new version", v.errors),
                       Crumbs({{"Your work", "/staff"}, {"Strategies", "/staff/strategies"},
                               {st.merged->title, StaffStrategyUrl(st.body.slug, st.merged->id)}}),
                       RenderWith(html_.templates_, "staff_version", d), ChromeData(chrome));
}

}  // namespace assent::render
