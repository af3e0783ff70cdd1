// The staff publication page (StaffPages::Publication).
#include <fmt/format.h>

#include "publication/grounds.hpp"
#include "publication/working_days.hpp"
#include "render/staff_parts.hpp"

namespace assent::render {

using namespace detail;

namespace {

mu::data Opt(std::string_view s) { return s.empty() ? mu::data(false) : Str(s); }

std::string ValueOf(const PublicationView& v, std::string_view key, std::string fallback = {}) {
  auto it = v.values.find(key);
  return it == v.values.end() ? fallback : it->second;
}

mu::data GroundOptions(std::string_view selected) {
  mu::data list = List();
  mu::data none;
  none.set("code", Str(""));
  none.set("label", Str("Choose a ground"));
  none.set("selected", mu::data(selected.empty()));
  list.push_back(none);
  for (const auto& g : publication::Grounds()) {
    mu::data item;
    item.set("code", Str(g.code));
    item.set("label", Str(g.label));
    item.set("selected", mu::data(g.code == selected));
    list.push_back(item);
  }
  return list;
}

std::string GroundLabel(std::string_view code) {
  auto g = publication::FindGround(code);
  return g ? std::string(g->label) : std::string(code);
}

}  // namespace

std::string StaffPages::Publication(const StaffChrome& chrome, const PublicationView& v) const {
  const auto& dec = v.decision;
  const auto& pub = v.publication;
  mu::data d;
  SetErrors(d, v.errors);
  d.set("notice", Opt(v.notice));
  d.set("csrf", Str(chrome.csrf));
  std::string href = fmt::format("/staff/decisions/{}", dec.id);
  d.set("href", Str(href));
  d.set("reference", Str(dec.reference));
  d.set("title", Str(dec.title));
  d.set("status", StatusData(dec.status));
  d.set("decision_date", Opt(dec.decision_date ? dec.decision_date->ToLong() : ""));
  d.set("public_url", Opt(pub.public_url));
  d.set("published_on", Opt(dec.published_on ? dec.published_on->ToLong() : ""));
  if (pub.due) {
    d.set("due_date", Str(pub.due->due.ToLong()));
    d.set("due_summary", Str(pub.due->summary));
    d.set("due_days", Str(std::to_string(pub.due->working_days)));
    d.set("due_rule", Str(pub.due->rule));
  } else {
    d.set("due_date", mu::data(false));
    d.set("due_problem", Opt(pub.due_problem));
  }
  d.set("plan_summary", Str(pub.plan_summary));
  d.set("plan_set_by", Opt(dec.plan.set_by_name));
  d.set("plan_set_at", Opt(InstantText(dec.plan.set_at)));

  // The plan form, with the stored plan (or what was typed) filled in.
  std::string kind = ValueOf(v, "plan", std::string(decisions::PlanKindName(dec.plan.kind)));
  d.set("may_set_plan", mu::data(pub.may_set_plan));
  d.set("plan_publish", mu::data(kind == "publish"));
  d.set("plan_defer", mu::data(kind == "defer"));
  d.set("plan_withhold", mu::data(kind == "withhold"));
  d.set("deferral_reason", Str(ValueOf(v, "deferral_reason", dec.plan.reason)));
  d.set("deferred_until", Str(ValueOf(v, "deferred_until", dec.plan.until ? dec.plan.until->ToIso() : "")));
  d.set("withheld_what", Str(ValueOf(v, "withheld_what", dec.plan.withheld_what)));
  d.set("review_date", Str(ValueOf(v, "review_date", dec.plan.review_date ? dec.plan.review_date->ToIso() : "")));
  d.set("plan_grounds", GroundOptions(ValueOf(v, "ground", dec.plan.ground)));
  for (const char* f : {"plan", "deferral_reason", "deferred_until", "ground", "withheld_what", "review_date",
                        "section", "text", "reason", "change_note", "redaction"}) {
    d.set(std::string(f) + "_error", FieldErrorData(v.errors, f));
  }
  d.set("redaction_ground_error", FieldErrorData(v.errors, "redaction-ground"));

  // Redactions: the records, and the proposal form.
  mu::data reds = List();
  int n = 0;
  for (const auto& r : dec.redactions) {
    ++n;
    mu::data rd;
    rd.set("number", Str(std::to_string(n)));
    rd.set("where", Str(publication::RedactionWhere(dec, r)));
    rd.set("text", Opt(r.text));
    rd.set("ground", Str(GroundLabel(r.ground)));
    rd.set("reason", Str(r.reason));
    rd.set("proposed", Str(fmt::format("{}, {}", r.proposed_by_name, InstantText(r.proposed_at))));
    rd.set("signed_off", Opt(r.signed_off() ? fmt::format("{} ({}), {}", r.signed_off_by_name,
                                                         accounts::RoleLabel(r.signed_off_role),
                                                         InstantText(r.signed_off_at))
                                            : ""));
    rd.set("can_sign_off", mu::data(!r.signed_off() && !r.cancelled() && pub.may_sign_off));
    rd.set("cancelled", Opt(r.cancelled() ? fmt::format("by {}, {}: {}", r.cancelled_by_name,
                                                       InstantText(r.cancelled_at), r.cancel_reason)
                                          : ""));
    bool can_cancel = static_cast<size_t>(n - 1) < pub.may_cancel.size() && pub.may_cancel[static_cast<size_t>(n - 1)];
    rd.set("can_cancel", mu::data(can_cancel));
    rd.set("cancel_error", FieldErrorData(v.errors, "cancel-reason-" + std::to_string(n)));
    reds.push_back(rd);
  }
  d.set("redactions", reds);
  d.set("has_redactions", mu::data(n > 0));
  d.set("may_propose", mu::data(pub.may_propose));
  mu::data sections = List();
  std::string chosen = ValueOf(v, "section");
  for (const auto& s : dec.sections) {
    if (s.part != decisions::Part::kPart1 || s.text.empty()) continue;
    mu::data sd;
    sd.set("key", Str(s.key));
    sd.set("heading", Str(s.heading));
    sd.set("selected", mu::data(s.key == chosen));
    sd.set("text", Str(ValueOf(v, "section." + s.key, s.text)));
    sections.push_back(sd);
  }
  d.set("sections", sections);
  d.set("redaction_text", Str(ValueOf(v, "text")));
  d.set("redaction_reason", Str(ValueOf(v, "reason")));
  d.set("redaction_grounds", GroundOptions(ValueOf(v, "redaction_ground")));

  d.set("may_publish", mu::data(pub.may_publish));
  d.set("publish_blocked", Opt(pub.publish_blocked));
  d.set("may_correct", mu::data(pub.may_correct));
  d.set("correct_title", Str(ValueOf(v, "title", dec.title)));
  d.set("change_note", Str(ValueOf(v, "change_note")));
  d.set("may_withdraw", mu::data(pub.may_withdraw));

  mu::data versions = List();
  for (const auto& ver : pub.versions) {
    mu::data vd;
    vd.set("number", Str(std::to_string(ver.number)));
    vd.set("kind", Str(ver.kind));
    vd.set("at", Str(InstantText(ver.published_at)));
    vd.set("note", Opt(ver.change_note));
    vd.set("sha256", Str(ver.sha256));
    versions.push_back(vd);
  }
  d.set("versions", versions);
  d.set("has_versions", mu::data(!pub.versions.empty()));
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  std::string name = dec.reference.empty() ? dec.title : dec.reference + " " + dec.title;
  mu::data crumbs = List();
  crumbs.push_back(Crumb("Your work", "/staff"));
  crumbs.push_back(Crumb(name, href));
  return InStaffLayout(html_.templates_, PageTitle("Publication: " + name, v.errors), crumbs,
                       RenderWith(html_.templates_, "staff_publication", d), ChromeData(chrome));
}

}  // namespace assent::render
