#pragma once
// The calendar_imports table on PostgreSQL: written inside Apply's transaction, read whole.

#include <vector>

#include "core/result.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/store.hpp"

namespace assent::storage::postgres {

// Appends changes.add_calendar_imports (seq = last + 1) and copies
// changes.copy_calendar_imports with their seq.
Result<void> WriteCalendarImports(Connection& db, const ChangeSet& changes);
Result<std::vector<CalendarImport>> ReadCalendarImports(Connection& db);

}  // namespace assent::storage::postgres
