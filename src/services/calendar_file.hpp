#pragma once
// The bank-holiday calendar a deployment runs on: <share_dir>/calendars/bank-holidays.json,
// bundled with Assent in the GOV.UK shape (see publication/calendar_data.hpp).

#include <string>

#include "core/result.hpp"
#include "publication/calendar_data.hpp"

namespace assent::services {

// The bundled calendar's path under a calendars directory (app::SharePaths::calendars).
std::string BundledCalendarPath(const std::string& calendars_dir);

// Reads and parses a GOV.UK-shaped file; errors name the file (and line, or key).
Result<publication::Calendar> LoadCalendarFile(const std::string& path);

}  // namespace assent::services
