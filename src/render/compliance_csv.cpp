#include "render/compliance_csv.hpp"

#include <optional>

#include "render/csv_row.hpp"

namespace assent::render {
namespace {

std::string Iso(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

// Free text goes through SpreadsheetSafe; the working-day counts we write ourselves stay
// numbers (a negative count must not gain the formula guard's apostrophe).
std::string Safe(std::string_view text) { return SpreadsheetSafe(text); }

}  // namespace

std::string ComplianceCsv(const services::StaffCompliance& c) {
  std::string out;
  AppendCsvRow(out, {"section", "reference", "title", "decision_date", "due_date", "published_on", "working_days",
                     "until_or_review", "reason_or_ground", "note"});
  const auto& v = c.view;
  for (const auto& r : v.late) {
    AppendCsvRow(out,
                 {"late", Safe(r.reference), Safe(r.title), Iso(r.decision_date), r.due.ToIso(), r.published_on.ToIso(),
                  std::to_string(r.working_days_late), "", "", ""});
  }
  for (const auto& r : v.due) {
    AppendCsvRow(out,
                 {r.overdue ? "overdue" : "due", Safe(r.reference), Safe(r.title), Iso(r.decision_date), r.due.ToIso(), "",
                  std::to_string(r.working_days_left), "", "", Safe(r.note)});
  }
  for (const auto& r : v.deferrals) {
    AppendCsvRow(out, {"deferred", Safe(r.reference), Safe(r.title), Iso(r.decision_date), "", "", "", r.until.ToIso(),
                       Safe(r.reason), ""});
  }
  for (const auto& r : v.reviews) {
    AppendCsvRow(out,
                 {"review", Safe(r.reference), Safe(r.title), Iso(r.decision_date), "", "", "", r.review_date.ToIso(),
                  Safe(r.ground_label), r.overdue ? "review date passed" : ""});
  }
  for (const auto& p : v.problems) {
    AppendCsvRow(out, {"problem", Safe(p.reference), Safe(p.title), "", "", "", "", "", "", Safe(p.message)});
  }
  return out;
}

}  // namespace assent::render
