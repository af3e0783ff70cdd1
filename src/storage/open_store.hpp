#pragma once
// Opens a store from its URL: "sqlite:/var/lib/assent/assent.db", "sqlite::memory:",
// or a libpq URI "postgresql://assent@db.internal:5432/assent" (also "postgres://").
// Only open_store.cpp knows which backends exist.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::storage {

struct StoreOptions {
  // SQLite: reader connections beside the one writer. PostgreSQL: the pool size (reads
  // and writes share it).
  int connections = 4;
};

Result<std::unique_ptr<Store>> OpenStore(std::string_view url, const StoreOptions& options = {});

// The file behind a sqlite: URL, or nullopt for other backends.
std::optional<std::string> SqlitePath(std::string_view url);

// Writes a consistent copy of a SQLite store to `dest` while the service runs (SQLite's
// online backup API) and checks the copy. For PostgreSQL, kInvalidInput: use pg_dump
// (docs/operations.md).
Result<void> BackupStore(std::string_view url, const std::string& dest);

// Checks that `file` is a sound Assent SQLite database (a backup) this build can open.
Result<void> CheckBackupFile(const std::string& file);

// Replaces the SQLite store at `url` with the backup `file` (checked first). The service
// must be stopped. For other backends, copy with services::CopyStore instead.
Result<void> RestoreSqliteStore(std::string_view url, const std::string& file);

}  // namespace assent::storage
