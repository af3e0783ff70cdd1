#include "storage/postgres/calendar_rows.hpp"

namespace assent::storage::postgres {
namespace {

constexpr const char* kAppend = R"sql(
INSERT INTO calendar_imports (seq, imported_at, source, sha256, json)
SELECT COALESCE(MAX(seq), 0) + 1, $1, $2, $3, $4 FROM calendar_imports)sql";
constexpr const char* kCopy = R"sql(
INSERT INTO calendar_imports (seq, imported_at, source, sha256, json) VALUES ($5, $1, $2, $3, $4))sql";
constexpr const char* kList =
    "SELECT seq, imported_at, source, sha256, json FROM calendar_imports ORDER BY seq";

Params ImportParams(const CalendarImport& c) {
  return Params().Add(c.imported_at).Add(c.source).Add(c.sha256).Add(c.json);
}

}  // namespace

Result<void> WriteCalendarImports(Connection& db, const ChangeSet& changes) {
  for (const auto& c : changes.copy_calendar_imports) {
    if (auto r = db.Query(kCopy, ImportParams(c).Add(c.seq)); !r) return r.error();
  }
  for (const auto& c : changes.add_calendar_imports) {
    if (auto r = db.Query(kAppend, ImportParams(c)); !r) return r.error();
  }
  return Ok();
}

Result<std::vector<CalendarImport>> ReadCalendarImports(Connection& db) {
  auto rows = db.Query(kList);
  if (!rows) return rows.error();
  std::vector<CalendarImport> out;
  for (int i = 0; i < rows->size(); ++i) {
    out.push_back({rows->Int(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                   rows->Text(i, 4)});
  }
  return out;
}

}  // namespace assent::storage::postgres
