#pragma once
// The compliance view of one body (issue 5): for the office and the Police and Crime
// Panel, how the body keeps its publication duty. Pure: the decisions, the calendar and
// today come in as plain values; no I/O.
//
//   published late    published after the due date, by how many working days (the due
//                     date recorded in the first published version; for a deferral the
//                     later of that and the until-date, since a deferral is lawful)
//   due now           decided, not published, no deferral or withholding in force: due
//                     date and working days left (negative: overdue); a deferral whose
//                     until-date has come but that is not published is due too
//   open deferrals    deferred with an until-date still to come, with the reason
//   reviews           withheld, review date passed or within the review window
//
// Dates a calendar does not cover, and decisions without a date, are listed as problems
// rather than guessed.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/decision.hpp"
#include "publication/calendar_data.hpp"

namespace assent::publication {

// One decision as the view needs it.
struct ComplianceRecord {
  std::int64_t id = 0;
  std::string reference;
  std::string title;
  decisions::Status status = decisions::Status::kDecided;
  std::optional<Date> decision_date;
  decisions::PublicationPlan plan;
  std::optional<Date> published_on;  // first published in Assent (empty: never, or imported)
  std::optional<Date> recorded_due;  // the due date its first published version recorded
};

struct ComplianceSettings {
  Date today;
  int working_days = 0;      // the body's N (publication_working_days)
  std::string rule;          // the body's calendar rule
  int due_soon_working_days = 5;  // "due soon": this many working days left, or fewer
  int review_window_days = 30;    // reviews due within this many calendar days are listed
  std::optional<int> year;   // published rows: year published; open rows: decision year
};

struct LateRow {
  std::int64_t id = 0;
  std::string reference;
  std::string title;
  std::optional<Date> decision_date;
  Date due;
  Date published_on;
  int working_days_late = 0;  // working days after the due date up to publication
};

struct DueRow {
  std::int64_t id = 0;
  std::string reference;
  std::string title;
  std::optional<Date> decision_date;
  Date due;
  int working_days_left = 0;  // negative: overdue by that many working days
  bool overdue = false;       // today is after the due date
  std::string note;           // "deferral ended 1 May 2026", or empty
};

struct DeferralRow {
  std::int64_t id = 0;
  std::string reference;
  std::string title;
  std::optional<Date> decision_date;
  Date until;
  std::string reason;
};

struct ReviewRow {
  std::int64_t id = 0;
  std::string reference;
  std::string title;
  std::optional<Date> decision_date;
  Date review_date;
  std::string ground;        // "s43"
  std::string ground_label;  // "Section 43: commercial interests"
  std::string withheld_what;
  bool overdue = false;      // the review date has passed
};

struct ComplianceProblem {
  std::int64_t id = 0;
  std::string reference;
  std::string title;
  std::string message;  // "no decision date", "2031-01-02 is after the calendar's last year ..."
};

struct ComplianceView {
  int published = 0;            // published in Assent (in the year, when one is given)
  std::vector<LateRow> late;    // oldest due first
  std::vector<DueRow> due;      // soonest due first (overdue first)
  int overdue = 0;
  std::vector<DeferralRow> deferrals;  // soonest until-date first
  std::vector<ReviewRow> reviews;      // earliest review first
  std::vector<ComplianceProblem> problems;
  std::vector<int> years;       // years with a publication or a decision, newest first
  // "12 published in 2026, 2 late; 1 overdue now, 3 due soon; 2 open deferrals;
  //  1 withheld decision due for review"
  std::string summary;
};

// kInvalidInput for an unknown calendar rule or a negative setting; every per-decision
// difficulty is a problem row instead.
Result<ComplianceView> MakeComplianceView(const Calendar& calendar,
                                          std::span<const ComplianceRecord> records,
                                          const ComplianceSettings& settings);

}  // namespace assent::publication
