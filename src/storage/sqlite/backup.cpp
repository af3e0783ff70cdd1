#include "storage/sqlite/backup.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "storage/sqlite/migrations.hpp"

namespace assent::storage::sqlite {
namespace {

using Handle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Result<Handle> OpenFile(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Handle h(raw, &sqlite3_close);
  if (rc != SQLITE_OK) {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot open: {}", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
                path);
  }
  sqlite3_busy_timeout(raw, 5000);
  return h;
}

constexpr int kPagesPerStep = 256;

}  // namespace

Result<void> CopyDatabaseFile(const std::string& from, const std::string& to) {
  if (!std::filesystem::exists(from)) {
    return Fail(ErrorCode::kInvalidInput, "no such database file", from);
  }
  auto src = OpenFile(from, SQLITE_OPEN_READONLY);
  if (!src) return src.error();
  auto dst = OpenFile(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!dst) return dst.error();
  sqlite3_backup* backup = sqlite3_backup_init(dst->get(), "main", src->get(), "main");
  if (!backup) {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("cannot start the backup: {}", sqlite3_errmsg(dst->get())), to);
  }
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  int finish = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finish != SQLITE_OK) {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("the backup failed: {}", sqlite3_errmsg(dst->get())), to);
  }
  return Ok();
}

Result<void> CheckDatabaseFile(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return Fail(ErrorCode::kInvalidInput, "no such database file", path);
  }
  auto db = OpenFile(path, SQLITE_OPEN_READONLY);
  if (!db) return db.error();
  const auto single = [&](const char* sql) -> Result<std::string> {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db->get(), sql, -1, &st, nullptr) != SQLITE_OK) {
      std::string msg = sqlite3_errmsg(db->get());
      sqlite3_finalize(st);
      return Fail(ErrorCode::kInvalidInput, fmt::format("not an Assent database ({})", msg), path);
    }
    std::string value;
    if (sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      value = t ? reinterpret_cast<const char*>(t) : "";
    }
    sqlite3_finalize(st);
    return value;
  };
  auto integrity = single("PRAGMA integrity_check");
  if (!integrity) return integrity.error();
  if (*integrity != "ok") {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the database is damaged (integrity check: {})", *integrity), path);
  }
  auto version = single("PRAGMA user_version");
  if (!version) return version.error();
  int v = std::atoi(version->c_str());
  auto decisions = single("SELECT count(*) FROM sqlite_master WHERE name = 'decisions'");
  if (!decisions) return decisions.error();
  if (v < 1 || *decisions != "1") {
    return Fail(ErrorCode::kInvalidInput, "not an Assent database (no decisions table)", path);
  }
  if (v > kSchemaVersion) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the database is at schema version {}, newer than this build ({})", v,
                            kSchemaVersion),
                path);
  }
  return Ok();
}

}  // namespace assent::storage::sqlite
