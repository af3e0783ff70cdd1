#include "storage/register_paging.hpp"

namespace assent::storage {

KeysetSteps PlanKeyset(const RegisterQuery& q) {
  KeysetSteps steps;
  if (!q.after) return steps;
  const RegisterCursor& c = *q.after;
  if (c.decision_date) {
    RegisterCursor from = c;
    if (q.year && c.decision_date->year() > *q.year) {
      auto next_year = Date::FromYmd(*q.year + 1, 1, 1);
      if (next_year) from = {*next_year, "", 0};
    }
    steps.dated_after = from;
    steps.undated = !q.year;
  } else {
    steps.undated = !q.year;
    steps.undated_after = c;
  }
  return steps;
}

}  // namespace assent::storage
