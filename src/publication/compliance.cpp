#include "publication/compliance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "publication/grounds.hpp"
#include "publication/working_days.hpp"

namespace assent::publication {
namespace {

using decisions::PlanKind;
using decisions::Status;

bool InYear(const std::optional<int>& year, const std::optional<Date>& date) {
  return !year || (date && date->year() == *year);
}

ComplianceProblem ProblemOf(const ComplianceRecord& r, std::string message) {
  return {r.id, r.reference, r.title, std::move(message)};
}

std::string Plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string Summary(const ComplianceView& v, const std::optional<int>& year) {
  std::string out = year ? fmt::format("{} published in {}", v.published, *year)
                         : fmt::format("{} published", v.published);
  out += fmt::format(", {} late", v.late.size());
  int soon = static_cast<int>(v.due.size()) - v.overdue;
  out += fmt::format("; {} overdue now, {} due soon", v.overdue, soon);
  out += "; " + Plural(static_cast<int>(v.deferrals.size()), "open deferral", "open deferrals");
  out += "; " + Plural(static_cast<int>(v.reviews.size()), "withheld decision due for review",
                       "withheld decisions due for review");
  return out;
}

}  // namespace

Result<ComplianceView> MakeComplianceView(const Calendar& calendar,
                                          std::span<const ComplianceRecord> records,
                                          const ComplianceSettings& s) {
  if (auto rule = FindCalendarRule(s.rule); !rule) return rule.error();
  if (s.working_days < 0 || s.due_soon_working_days < 0 || s.review_window_days < 0) {
    return Fail(ErrorCode::kInvalidInput, "working days and windows cannot be negative");
  }
  ComplianceView v;
  std::set<int, std::greater<>> years;
  const Date review_horizon{std::chrono::year_month_day{s.today.days() + std::chrono::days{s.review_window_days}}};

  for (const auto& r : records) {
    if (r.decision_date) years.insert(r.decision_date->year());
    if (r.published_on) years.insert(r.published_on->year());

    // Published in Assent: on time or late against the recorded due date.
    const bool was_published = r.published_on &&
                               (r.status == Status::kPublished || r.status == Status::kWithdrawn);
    if (was_published) {
      if (!InYear(s.year, r.published_on)) continue;
      ++v.published;
      std::optional<Date> due = r.recorded_due;
      if (!due) {
        if (!r.decision_date) {
          v.problems.push_back(ProblemOf(r, "no decision date, so no due date"));
          continue;
        }
        auto calc = DueDate(calendar, *r.decision_date, s.working_days, s.rule);
        if (!calc) {
          v.problems.push_back(ProblemOf(r, calc.error().message));
          continue;
        }
        due = calc->due;
      }
      if (r.plan.kind == PlanKind::kDefer && r.plan.until && *r.plan.until > *due) due = r.plan.until;
      if (*r.published_on > *due) {
        auto late = WorkingDaysBetween(calendar, *due, *r.published_on, s.rule);
        if (!late) {
          v.problems.push_back(ProblemOf(r, late.error().message));
          continue;
        }
        v.late.push_back({r.id, r.reference, r.title, r.decision_date, *due, *r.published_on, *late});
      }
      continue;
    }
    if (r.status != Status::kDecided) continue;
    if (!InYear(s.year, r.decision_date)) continue;

    if (r.plan.kind == PlanKind::kWithhold) {
      if (!r.plan.review_date) {
        v.problems.push_back(ProblemOf(r, "withheld without a review date"));
        continue;
      }
      if (*r.plan.review_date <= review_horizon) {
        auto g = FindGround(r.plan.ground);
        v.reviews.push_back({r.id, r.reference, r.title, r.decision_date, *r.plan.review_date, r.plan.ground,
                             g ? std::string(g->label) : r.plan.ground, r.plan.withheld_what,
                             *r.plan.review_date < s.today});
      }
      continue;
    }
    if (r.plan.kind == PlanKind::kDefer && r.plan.until && *r.plan.until > s.today) {
      v.deferrals.push_back({r.id, r.reference, r.title, r.decision_date, *r.plan.until, r.plan.reason});
      continue;
    }

    // Due: no plan, a publish plan, or a deferral whose date has come.
    if (!r.decision_date) {
      v.problems.push_back(ProblemOf(r, "no decision date, so no due date"));
      continue;
    }
    auto calc = DueDate(calendar, *r.decision_date, s.working_days, s.rule);
    if (!calc) {
      v.problems.push_back(ProblemOf(r, calc.error().message));
      continue;
    }
    Date due = calc->due;
    std::string note;
    if (r.plan.kind == PlanKind::kDefer && r.plan.until) {
      note = fmt::format("deferral ended {}", r.plan.until->ToLong());
      if (*r.plan.until > due) due = *r.plan.until;
    } else if (r.plan.kind == PlanKind::kNone) {
      note = "no publication plan yet";
    }
    auto left = WorkingDaysBetween(calendar, s.today, due, s.rule);
    if (!left) {
      v.problems.push_back(ProblemOf(r, left.error().message));
      continue;
    }
    const bool overdue = s.today > due;
    if (!overdue && *left > s.due_soon_working_days) continue;
    if (overdue) ++v.overdue;
    v.due.push_back({r.id, r.reference, r.title, r.decision_date, due, *left, overdue, std::move(note)});
  }

  std::sort(v.late.begin(), v.late.end(), [](const LateRow& a, const LateRow& b) {
    return std::tie(a.due, a.reference) < std::tie(b.due, b.reference);
  });
  std::sort(v.due.begin(), v.due.end(), [](const DueRow& a, const DueRow& b) {
    return std::tie(a.due, a.reference) < std::tie(b.due, b.reference);
  });
  std::sort(v.deferrals.begin(), v.deferrals.end(), [](const DeferralRow& a, const DeferralRow& b) {
    return std::tie(a.until, a.reference) < std::tie(b.until, b.reference);
  });
  std::sort(v.reviews.begin(), v.reviews.end(), [](const ReviewRow& a, const ReviewRow& b) {
    return std::tie(a.review_date, a.reference) < std::tie(b.review_date, b.reference);
  });
  v.years.assign(years.begin(), years.end());
  v.summary = Summary(v, s.year);
  return v;
}

}  // namespace assent::publication
