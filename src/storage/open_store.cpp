#include "storage/open_store.hpp"

#include <fmt/format.h>

#include "storage/postgres/postgres_store.hpp"
#include "storage/sqlite/backup.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace assent::storage {

Result<std::unique_ptr<Store>> OpenStore(std::string_view url, const StoreOptions& options) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.substr(0, kSqlite.size()) == kSqlite) {
    std::string_view path = url.substr(kSqlite.size());
    if (path.empty()) {
      return Fail(ErrorCode::kInvalidInput, "sqlite: needs a file path, e.g. sqlite:/var/lib/assent/assent.db");
    }
    return sqlite::OpenSqliteStore(path, options.connections);
  }
  if (url.substr(0, 13) == "postgresql://" || url.substr(0, 11) == "postgres://") {
    return postgres::OpenPostgresStore(url, options.connections);
  }
  return Fail(ErrorCode::kInvalidInput,
              fmt::format("'{}' is not a store URL; expected sqlite:PATH or postgresql://...", url));
}

std::optional<std::string> SqlitePath(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.substr(0, kSqlite.size()) != kSqlite) return std::nullopt;
  return std::string(url.substr(kSqlite.size()));
}

Result<void> BackupStore(std::string_view url, const std::string& dest) {
  auto path = SqlitePath(url);
  if (!path) {
    return Fail(ErrorCode::kInvalidInput,
                "assent backup copies SQLite stores; back up PostgreSQL with pg_dump "
                "(see docs/operations.md)");
  }
  if (*path == ":memory:") return Fail(ErrorCode::kInvalidInput, "an in-memory store has no file to back up");
  if (auto r = sqlite::CopyDatabaseFile(*path, dest); !r) return r;
  return sqlite::CheckDatabaseFile(dest);
}

Result<void> CheckBackupFile(const std::string& file) { return sqlite::CheckDatabaseFile(file); }

Result<void> RestoreSqliteStore(std::string_view url, const std::string& file) {
  auto path = SqlitePath(url);
  if (!path || *path == ":memory:") {
    return Fail(ErrorCode::kInvalidInput, "restoring a file needs a sqlite: store with a file path");
  }
  if (auto r = sqlite::CheckDatabaseFile(file); !r) return r;
  return sqlite::CopyDatabaseFile(file, *path);
}

}  // namespace assent::storage
