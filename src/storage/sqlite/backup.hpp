#pragma once
// Whole-file copies of a SQLite store with SQLite's online backup API: consistent while
// the service keeps reading and writing, page by page so writers are not held up.

#include <string>

#include "core/result.hpp"

namespace assent::storage::sqlite {

// Copies the database at `from` into the file `to` (created or overwritten).
Result<void> CopyDatabaseFile(const std::string& from, const std::string& to);

// Checks that `path` is a sound Assent database: SQLite's integrity check passes and its
// schema version is one this build can open. The error names the file.
Result<void> CheckDatabaseFile(const std::string& path);

}  // namespace assent::storage::sqlite
