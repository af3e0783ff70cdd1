#pragma once
// The calendar_imports table on SQLite: written inside Apply's transaction, read whole.

#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/store.hpp"

namespace assent::storage::sqlite {

// Appends changes.add_calendar_imports (seq = last + 1) and copies
// changes.copy_calendar_imports with their seq.
Result<void> WriteCalendarImports(Database& db, const ChangeSet& changes);
Result<std::vector<CalendarImport>> ReadCalendarImports(Database& db);

}  // namespace assent::storage::sqlite
