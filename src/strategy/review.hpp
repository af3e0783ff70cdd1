#pragma once
// The review schedule's next date: an annual update a year after the latest version, a
// refresh N years after the first; the sooner wins. A live document with no dates has none.

#include <optional>
#include <string>

#include "strategy/strategy.hpp"

namespace assent::strategy {

struct ReviewDue {
  Date date;
  std::string reason;  // "annual update", "refresh 4 years after first approval"
};

std::optional<ReviewDue> NextReview(const Strategy& s);

// `d` plus whole years; 29 February becomes 28 February in a common year.
Date AddYears(const Date& d, int years);

}  // namespace assent::strategy
