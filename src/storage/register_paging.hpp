#pragma once
// Keyset paging of a register (RegisterQuery::after), shared by both backends: which rows
// to ask for after a cursor, in two steps, because undated rows follow every dated one
// and a row comparison on a NULL date never holds.

#include <optional>

#include "storage/store.hpp"

namespace assent::storage {

struct KeysetSteps {
  // Dated rows after this place (skip the step when absent). Never past the end of the
  // query's year: a cursor dated after it becomes the first day of the next year.
  std::optional<RegisterCursor> dated_after;
  // Then undated rows (never with a year filter): after `undated_after`, or from the first.
  bool undated = false;
  std::optional<RegisterCursor> undated_after;
};

// For a query whose `after` is set.
KeysetSteps PlanKeyset(const RegisterQuery& query);

}  // namespace assent::storage
