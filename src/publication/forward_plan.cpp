#include "publication/forward_plan.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "publication/working_days.hpp"

namespace assent::publication {
namespace {

constexpr std::size_t kTitleMax = 300;
constexpr std::size_t kSummaryMax = 4000;
constexpr std::size_t kMakerMax = 200;

std::string WorkingDays(int n) { return fmt::format("{} working day{}", n, n == 1 ? "" : "s"); }

}  // namespace

std::vector<Error> ForwardPlanProblems(const ForwardPlanInput& in) {
  std::vector<Error> out;
  auto need = [&](std::string_view text, std::size_t max, std::string_view field, std::string_view what) {
    std::string_view t = Trim(text);
    if (t.empty()) {
      out.push_back(Fail(ErrorCode::kInvalidInput, fmt::format("enter {}", what), std::string(field)));
    } else if (t.size() > max) {
      out.push_back(Fail(ErrorCode::kInvalidInput,
                         fmt::format("{} must be {} characters or fewer", what, max), std::string(field)));
    }
  };
  need(in.title, kTitleMax, "title", "the title");
  need(in.summary, kSummaryMax, "summary", "a summary of the decision");
  need(in.decision_maker, kMakerMax, "decision_maker", "who will take the decision");
  std::string_view date = Trim(in.planned_date);
  if (date.empty()) {
    out.push_back(Fail(ErrorCode::kInvalidInput, "enter the planned date", "planned_date"));
  } else if (!Date::ParseIso(date)) {
    out.push_back(Fail(ErrorCode::kInvalidInput,
                       fmt::format("'{}' is not a date: enter it as YYYY-MM-DD, such as 2026-06-01", date),
                       "planned_date"));
  }
  return out;
}

Result<ForwardPlanItem> ApplyForwardPlanInput(ForwardPlanItem item, const ForwardPlanInput& in) {
  auto problems = ForwardPlanProblems(in);
  if (!problems.empty()) return problems.front();
  item.title = std::string(Trim(in.title));
  item.summary = std::string(Trim(in.summary));
  item.decision_maker = std::string(Trim(in.decision_maker));
  item.planned_date = *Date::ParseIso(Trim(in.planned_date));
  item.part2_expected = in.part2_expected;
  return item;
}

Result<Slippage> SlippageOf(const Calendar& calendar, std::string_view rule, Date planned,
                            std::optional<Date> taken, Date today) {
  Slippage s;
  if (taken) {
    auto n = WorkingDaysBetween(calendar, planned, *taken, rule);
    if (!n) return n.error();
    s.kind = SlipKind::kTaken;
    s.working_days = *n;
    if (*taken == planned || *n == 0) {
      s.text = *taken == planned ? "Taken on the planned date"
                                 : fmt::format("Taken on {}, no working day from the planned date",
                                               taken->ToLong());
    } else if (*n > 0) {
      s.text = fmt::format("Taken {} late", WorkingDays(*n));
    } else {
      s.text = fmt::format("Taken {} early", WorkingDays(-*n));
    }
    return s;
  }
  if (today < planned) {
    s.kind = SlipKind::kUpcoming;
    s.text = fmt::format("Planned for {}", planned.ToLong());
    return s;
  }
  if (today == planned) {
    s.kind = SlipKind::kDue;
    s.text = "Due today";
    return s;
  }
  auto n = WorkingDaysBetween(calendar, planned, today, rule);
  if (!n) return n.error();
  s.kind = SlipKind::kSlipping;
  s.working_days = *n;
  s.text = fmt::format("Slipped by {}", WorkingDays(*n));
  return s;
}

}  // namespace assent::publication
