#include "storage/sqlite/database.hpp"

#include <fmt/format.h>

#include "storage/sqlite/fts_rank.hpp"

namespace assent::storage::sqlite {

Error SqliteError(sqlite3* db, int rc, std::string_view doing) {
  int primary = rc & 0xff;
  ErrorCode code = ErrorCode::kInternal;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_FULL ||
      primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY ||
      primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    code = ErrorCode::kUnavailable;
  } else if (primary == SQLITE_CONSTRAINT) {
    code = ErrorCode::kConflict;
  }
  const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Fail(code, fmt::format("database error while {}: {}", doing, msg));
}

Statement::~Statement() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, std::optional<bool> value) {
  if (!value) return BindNull(index);
  return Bind(index, static_cast<std::int64_t>(*value ? 1 : 0));
}

Statement& Statement::Bind(int index, const std::optional<Date>& value) {
  if (!value) return BindNull(index);
  return Bind(index, value->ToIso());
}

Statement& Statement::Bind(int index, const std::optional<std::string>& value) {
  if (!value) return BindNull(index);
  return Bind(index, std::string_view(*value));
}

Statement& Statement::Bind(int index, const std::optional<std::int64_t>& value) {
  if (!value) return BindNull(index);
  return Bind(index, *value);
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  // A zero-length blob is bound as a blob too, not as NULL.
  sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(),
                      SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, "running a statement");
}

Result<void> Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return row.error();
    if (!*row) return Ok();
  }
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

std::string Statement::Blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::optional<std::string> Statement::OptText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

std::optional<std::int64_t> Statement::OptInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<bool> Statement::OptBool(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column) != 0;
}

std::optional<Date> Statement::OptDate(int column) const {
  if (IsNull(column)) return std::nullopt;
  auto d = Date::ParseIso(Text(column));
  if (!d) return std::nullopt;
  return *d;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Fail(ErrorCode::kUnavailable, fmt::format("cannot open database: {}", msg), path);
  }
  std::unique_ptr<Database> db(new Database(raw));
  sqlite3_busy_timeout(raw, 5000);
  if (int ranked = RegisterFtsRank(raw); ranked != SQLITE_OK) {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot register the search ranking with FTS5: {}", sqlite3_errstr(ranked)),
                path);
  }
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL",
                             "PRAGMA synchronous = NORMAL"}) {
    if (auto r = db->Exec(pragma); !r) {
      return Fail(ErrorCode::kUnavailable, r.error().message, path);
    }
  }
  return db;
}

Database::~Database() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<void> Database::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    Error e = SqliteError(db_, rc, "running SQL");
    e.message = fmt::format("database error: {}", msg);
    return e;
  }
  return Ok();
}

Result<Statement> Database::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, "preparing a statement");
    it = cache_.emplace(sql, stmt).first;
  }
  return Statement(it->second, db_);
}

std::int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Database::Changes() { return sqlite3_changes(db_); }

Result<Transaction> Transaction::Begin(Database& db) {
  if (auto r = db.Exec("BEGIN IMMEDIATE"); !r) return r.error();
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_) (void)db_->Exec("ROLLBACK");
}

Result<void> Transaction::Commit() {
  if (!db_) return Fail(ErrorCode::kInternal, "transaction already finished");
  auto r = db_->Exec("COMMIT");
  if (r) db_ = nullptr;
  return r;
}

}  // namespace assent::storage::sqlite
