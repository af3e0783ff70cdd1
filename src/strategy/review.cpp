#include "strategy/review.hpp"

#include <fmt/format.h>

namespace assent::strategy {

Date AddYears(const Date& d, int years) {
  using namespace std::chrono;
  year_month_day ymd = d.ymd() + std::chrono::years{years};
  if (!ymd.ok()) ymd = year_month_day{year_month_day_last{ymd.year(), month_day_last{ymd.month()}}};
  return Date(ymd);
}

std::optional<ReviewDue> NextReview(const Strategy& s) {
  if (s.versions.empty()) return std::nullopt;
  std::optional<ReviewDue> next;
  if (s.review.annual_update) {
    next = ReviewDue{AddYears(s.Latest().approved, 1), "annual update"};
  }
  if (s.review.refresh_years > 0) {
    ReviewDue refresh{AddYears(s.versions.front().approved, s.review.refresh_years),
                      fmt::format("refresh {} years after first approval", s.review.refresh_years)};
    if (!next || refresh.date < next->date) next = refresh;
  }
  return next;
}

}  // namespace assent::strategy
