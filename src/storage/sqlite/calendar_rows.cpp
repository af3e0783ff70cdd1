#include "storage/sqlite/calendar_rows.hpp"

namespace assent::storage::sqlite {
namespace {

constexpr const char* kAppend = R"sql(
INSERT INTO calendar_imports (seq, imported_at, source, sha256, json)
SELECT COALESCE(MAX(seq), 0) + 1, ?1, ?2, ?3, ?4 FROM calendar_imports)sql";
constexpr const char* kCopy = R"sql(
INSERT INTO calendar_imports (seq, imported_at, source, sha256, json) VALUES (?5, ?1, ?2, ?3, ?4))sql";
constexpr const char* kList =
    "SELECT seq, imported_at, source, sha256, json FROM calendar_imports ORDER BY seq";

Result<void> Write(Database& db, const char* sql, const CalendarImport& c, bool with_seq) {
  auto st = db.Prepare(sql);
  if (!st) return st.error();
  st->Bind(1, c.imported_at).Bind(2, c.source).Bind(3, c.sha256).Bind(4, c.json);
  if (with_seq) st->Bind(5, c.seq);
  return st->Run();
}

}  // namespace

Result<void> WriteCalendarImports(Database& db, const ChangeSet& changes) {
  for (const auto& c : changes.copy_calendar_imports) {
    if (auto r = Write(db, kCopy, c, true); !r) return r.error();
  }
  for (const auto& c : changes.add_calendar_imports) {
    if (auto r = Write(db, kAppend, c, false); !r) return r.error();
  }
  return Ok();
}

Result<std::vector<CalendarImport>> ReadCalendarImports(Database& db) {
  auto st = db.Prepare(kList);
  if (!st) return st.error();
  std::vector<CalendarImport> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back({st->Int(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4)});
  }
  return out;
}

}  // namespace assent::storage::sqlite
