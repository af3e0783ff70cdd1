#include "services/calendar_file.hpp"

#include <fmt/format.h>

#include "audit/event.hpp"
#include "core/hash.hpp"
#include "services/catalogue.hpp"

namespace assent::services {

std::string BundledCalendarPath(const std::string& calendars_dir) {
  return calendars_dir + "/bank-holidays.json";
}

Result<publication::Calendar> LoadCalendarFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text) return text.error();
  return publication::ParseGovUkCalendar(*text, path);
}

Result<publication::Calendar> EffectiveCalendar(storage::Store& store,
                                                const std::string& calendars_dir) {
  auto calendar = LoadCalendarFile(BundledCalendarPath(calendars_dir));
  if (!calendar) return calendar.error();
  auto imports = store.ListCalendarImports();
  if (!imports) return imports.error();
  for (const auto& i : *imports) {
    auto newer = publication::ParseGovUkCalendar(
        i.json, fmt::format("calendar import {} ({}, {})", i.seq, i.source, i.imported_at));
    if (!newer) return newer.error();
    publication::MergeCalendar(*calendar, *newer);
  }
  return calendar;
}

Result<bool> RefreshCalendar(storage::Store& store, const std::string& calendars_dir,
                             CalendarInForce& calendar, std::optional<std::size_t>& imports_seen) {
  auto imports = store.ListCalendarImports();
  if (!imports) return imports.error();
  if (imports_seen && *imports_seen == imports->size()) return false;
  auto rebuilt = EffectiveCalendar(store, calendars_dir);
  if (!rebuilt) return rebuilt.error();
  calendar = std::move(*rebuilt);
  imports_seen = imports->size();
  return true;
}

Result<CalendarImportReport> ImportCalendar(storage::Store& store, const std::string& calendars_dir,
                                            const std::string& json_text, const std::string& source,
                                            const std::string& actor, Instant now, bool dry_run) {
  auto newer = publication::ParseGovUkCalendar(json_text, source);
  if (!newer) return newer.error();
  auto calendar = EffectiveCalendar(store, calendars_dir);
  if (!calendar) return calendar.error();
  CalendarImportReport report;
  report.changes = publication::MergeCalendar(*calendar, *newer);
  if (dry_run || report.changes.empty()) return report;
  storage::ChangeSet cs;
  storage::CalendarImport record;
  record.imported_at = now.ToIso();
  record.source = source;
  record.sha256 = Sha256Hex(json_text);
  record.json = json_text;
  cs.add_calendar_imports.push_back(std::move(record));
  audit::NewEvent event;
  event.at = now.ToIso();
  event.actor = actor;
  event.action = std::string(audit::action::kCalendarImport);
  event.detail = fmt::format("bank holidays imported from {}: {} change{}", source,
                             report.changes.size(), report.changes.size() == 1 ? "" : "s");
  event.decision_id = 0;
  cs.audit.push_back(std::move(event));
  if (auto r = store.Apply(cs); !r) return r.error();
  report.stored = true;
  return report;
}

}  // namespace assent::services
