#pragma once
// The bank-holiday calendar a deployment runs on: <share_dir>/calendars/bank-holidays.json,
// bundled with Assent in the GOV.UK shape (see publication/calendar_data.hpp).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "publication/calendar_data.hpp"
#include "services/catalogue.hpp"
#include "storage/store.hpp"

namespace assent::services {

// The bundled calendar's path under a calendars directory (app::SharePaths::calendars).
std::string BundledCalendarPath(const std::string& calendars_dir);

// Reads and parses a GOV.UK-shaped file; errors name the file (and line, or key).
Result<publication::Calendar> LoadCalendarFile(const std::string& path);

// The calendar in force: the bundled file with every stored import (assent calendar
// import) merged in, oldest first. A stored import that no longer parses is an error
// naming it, never silently skipped.
Result<publication::Calendar> EffectiveCalendar(storage::Store& store,
                                                const std::string& calendars_dir);

// Keeps a running server's calendar in force: when the store holds another number of
// calendar imports than `imports_seen` (an `assent calendar import` by another process), the
// calendar is rebuilt and replaces `calendar`, and `imports_seen` is updated; true when it
// was replaced. Pass std::nullopt as `imports_seen` to load unconditionally. On an error
// nothing is replaced (the calendar in use stays).
Result<bool> RefreshCalendar(storage::Store& store, const std::string& calendars_dir,
                             CalendarInForce& calendar, std::optional<std::size_t>& imports_seen);

struct CalendarImportReport {
  std::vector<publication::CalendarChange> changes;  // none: the file brought nothing new
  bool stored = false;                                // false on a dry run or with no changes
};

// Merges a newer GOV.UK file (its text, named `source` in messages and the record) into the
// calendar in force and, unless `dry_run` or it changes nothing, stores the file as given
// with an audit event, in one transaction. Due dates are computed from the calendar in force
// whenever they are shown, so open decisions follow at once. A file that does not parse is
// an error naming it (line and column, or key) and nothing is stored.
Result<CalendarImportReport> ImportCalendar(storage::Store& store, const std::string& calendars_dir,
                                            const std::string& json_text, const std::string& source,
                                            const std::string& actor, Instant now, bool dry_run);

}  // namespace assent::services
