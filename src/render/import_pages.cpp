// The import review queue's pages (see import_pages.hpp). Every value is escaped by Mustache.
#include <fmt/format.h>

#include <tuple>

#include "render/mustache_parts.hpp"
#include "render/staff_pages.hpp"
#include "render/staff_parts.hpp"

namespace assent::render {

using namespace detail;

namespace {

mu::data Opt(std::string_view s) { return s.empty() ? mu::data(false) : Str(s); }

mu::data Crumbs(std::initializer_list<std::pair<std::string_view, std::string>> items) {
  mu::data list = List();
  for (const auto& [text, href] : items) list.push_back(Crumb(text, href));
  return list;
}

std::string ItemUrl(std::int64_t id) { return fmt::format("/staff/imports/{}", id); }

std::string StateClass(storage::ReviewState s) {
  switch (s) {
    case storage::ReviewState::kAwaiting: return "govuk-tag--yellow";
    case storage::ReviewState::kConfirmed: return "govuk-tag--green";
    case storage::ReviewState::kRejected: return "govuk-tag--red";
  }
  return "govuk-tag--grey";
}

mu::data StateData(storage::ReviewState s) {
  mu::data d;
  d.set("label", Str(storage::ReviewStateLabel(s)));
  d.set("class", Str(StateClass(s)));
  return d;
}

std::string Percent(double confidence) { return fmt::format("{:.0f}%", confidence * 100); }

mu::data FieldRows(const std::vector<services::ReviewField>& fields) {
  mu::data list = List();
  for (const auto& f : fields) {
    mu::data d;
    d.set("key", Str(f.key));
    d.set("label", Str(f.label));
    d.set("value", Str(f.value.empty() ? "Unknown" : f.value));
    d.set("known", mu::data(!f.value.empty()));
    d.set("confidence", Str(f.unknown ? "–" : Percent(f.confidence)));
    d.set("unknown", mu::data(f.unknown));
    d.set("low", mu::data(f.low));
    d.set("flagged", mu::data(f.unknown || f.low));
    d.set("note", Opt(f.note));
    d.set("where", Opt(f.text_line > 0 ? fmt::format("page {}, line {}", f.page, f.line) : ""));
    d.set("anchor", Str(fmt::format("#line-{}", f.text_line)));
    list.push_back(d);
  }
  return list;
}

}  // namespace

std::string StaffPages::ImportQueue(const StaffChrome& chrome, const ImportQueueView& v) const {
  mu::data rows = List();
  for (const auto& r : v.rows) {
    const auto& it = r.item;
    mu::data d;
    d.set("href", Str(ItemUrl(it.id)));
    d.set("file", Str(it.source_name));
    d.set("body_name", Str(r.body_name.empty() ? "Unknown" : r.body_name));
    d.set("reference", Str(it.reference.empty() ? "Unknown" : it.reference));
    d.set("unknown", Str(std::to_string(it.unknown_fields)));
    d.set("low", Str(std::to_string(it.low_confidence_fields)));
    d.set("state", StateData(it.state));
    rows.push_back(d);
  }
  mu::data d;
  d.set("rows", rows);
  d.set("has_rows", mu::data(!v.rows.empty()));
  d.set("all", mu::data(v.all));
  d.set("notice", Opt(v.notice));
  return InStaffLayout(html_.templates_, "Imported records to review", Crumbs({{"Your work", "/staff"}}),
                       RenderWith(html_.templates_, "staff_imports", d), ChromeData(chrome));
}

std::string StaffPages::ImportReview(const StaffChrome& chrome, const ImportReviewView& v) const {
  const auto& p = v.page;
  const auto& it = p.item;
  mu::data d;
  SetErrors(d, v.errors);
  d.set("staff_errors", Partial(html_.templates_, "staff_errors"));
  d.set("notice", Opt(v.notice));
  d.set("file", Str(it.source_name));
  d.set("href", Str(ItemUrl(it.id)));
  d.set("download", Str(ItemUrl(it.id) + "/original"));
  d.set("size", Str(fmt::format("{} bytes", it.file_size)));
  d.set("kind", Str(it.source_kind == "pdf" ? "PDF" : "text"));
  d.set("sha256", Str(it.file_sha256));
  d.set("body_name", Str(p.body_name.empty() ? "Unknown" : p.body_name));
  d.set("state", StateData(it.state));
  d.set("awaiting", mu::data(it.state == storage::ReviewState::kAwaiting));
  d.set("rejected", mu::data(it.state == storage::ReviewState::kRejected));
  d.set("confirmed", mu::data(it.state == storage::ReviewState::kConfirmed));
  d.set("reason", Str(it.reason));
  d.set("reviewed_by", Str(it.reviewed_by));
  d.set("reviewed_at", Str(InstantText(it.reviewed_at)));
  d.set("queued_at", Str(InstantText(it.queued_at)));
  d.set("queued_by", Str(it.queued_by));
  d.set("decision_href", Str(fmt::format("/staff/decisions/{}", it.decision_id)));
  d.set("unknown_count", Str(std::to_string(it.unknown_fields)));
  d.set("low_count", Str(std::to_string(it.low_confidence_fields)));
  mu::data reasons = List();
  for (const auto& r : p.needs_review) reasons.push_back(Str(r));
  d.set("needs_review", reasons);
  d.set("has_needs_review", mu::data(!p.needs_review.empty()));
  d.set("key_fields", FieldRows(p.key_fields));
  d.set("other_fields", FieldRows(p.other_fields));
  d.set("has_other_fields", mu::data(!p.other_fields.empty()));
  mu::data lines = List();
  for (const auto& l : p.lines) {
    mu::data ld;
    ld.set("id", Str(fmt::format("line-{}", l.number)));
    ld.set("number", Str(std::to_string(l.number)));
    ld.set("where", Str(fmt::format("page {}, line {}", l.page, l.page_line)));
    ld.set("text", Str(l.text));
    ld.set("cited", mu::data(l.cited));
    lines.push_back(ld);
  }
  d.set("lines", lines);
  // The correction form.
  const auto& f = v.values;
  d.set("csrf", Str(chrome.csrf));
  d.set("version", Str(std::to_string(f.version)));
  mu::data bodies = List();
  bool chosen = false;
  for (const auto& b : p.bodies) {
    mu::data bd;
    bd.set("slug", Str(b.slug));
    bd.set("name", Str(b.name));
    bd.set("selected", mu::data(b.slug == f.body));
    chosen = chosen || b.slug == f.body;
    bodies.push_back(bd);
  }
  d.set("bodies", bodies);
  d.set("no_body", mu::data(!chosen));
  d.set("reference", Str(f.reference));
  d.set("title", Str(f.title));
  d.set("decision_maker_role", Str(f.decision_maker_role));
  d.set("decision_date", Str(f.decision_date));
  d.set("outcome_approved", mu::data(f.outcome == "approved"));
  d.set("outcome_not_approved", mu::data(f.outcome == "not_approved"));
  d.set("outcome_unknown", mu::data(f.outcome.empty()));
  d.set("reject_reason", Str(f.reason));
  // The rest of the record: text and date inputs, yes/no choices, sign-offs.
  auto input = [&](const std::string& key, const std::string& label, const std::string& value, std::string hint) {
    mu::data in;
    in.set("key", Str(key));
    in.set("label", Str(label));
    in.set("value", Str(value));
    in.set("hint", Opt(std::move(hint)));
    in.set("error", FieldErrorData(v.errors, key));
    return in;
  };
  static const std::pair<std::string_view, std::string_view> kLabels[] = {
      {"classification", "Classification"}, {"report_by", "Report by"}, {"report_date", "Report date"},
      {"enquiries_to", "Enquiries to"}};
  mu::data inputs = List();
  for (const auto& [key, value] : f.fields) {
    std::string label = key;
    for (const auto& [k, l] : kLabels) {
      if (k == key) label = std::string(l);
    }
    inputs.push_back(input(key, label, value, key == "report_date" ? "For example 27/3/2018" : ""));
  }
  inputs.push_back(input("deferral_reason", "Reason publication is deferred", f.deferral_reason, ""));
  inputs.push_back(input("deferred_until", "Publication deferred until", f.deferred_until, "For example 27/3/2018"));
  d.set("other_inputs", inputs);
  mu::data choices = List();
  for (const auto& [key, label, value] :
       {std::tuple<std::string, std::string, std::string>{"for_publication", "For publication", f.for_publication},
        {"part2_exists", "Part 2 exists", f.part2_exists},
        {"deferred", "Publication deferred", f.deferred},
        {"press_release_required", "Press release required", f.press_release_required}}) {
    mu::data c;
    c.set("key", Str(key));
    c.set("label", Str(label));
    c.set("yes", mu::data(value == "yes"));
    c.set("no", mu::data(value == "no"));
    c.set("error", FieldErrorData(v.errors, key));
    choices.push_back(c);
  }
  d.set("yes_no", choices);
  mu::data signoffs = List();
  for (size_t i = 0; i < f.signoffs.size(); ++i) {
    const auto& so = f.signoffs[i];
    mu::data sd;
    sd.set("label", Str(so.label));
    sd.set("name_key", Str(fmt::format("signoff_name_{}", i)));
    sd.set("date_key", Str(fmt::format("signoff_date_{}", i)));
    sd.set("name", Str(so.name));
    sd.set("date", Str(so.date));
    sd.set("date_error", FieldErrorData(v.errors, fmt::format("signoff_date_{}", i)));
    signoffs.push_back(sd);
  }
  d.set("signoffs", signoffs);
  d.set("has_signoffs", mu::data(!f.signoffs.empty()));
  for (const char* field : {"body", "reference", "title", "decision_maker_role", "outcome", "decision_date",
                            "reason"}) {
    d.set(std::string(field) + "_error", FieldErrorData(v.errors, field));
  }
  return InStaffLayout(html_.templates_, PageTitle("Review " + it.source_name, v.errors),
                       Crumbs({{"Your work", "/staff"}, {"Imported records to review", "/staff/imports"}}),
                       RenderWith(html_.templates_, "staff_import", d), ChromeData(chrome));
}

}  // namespace assent::render
