#pragma once
// Numbered schema migrations for SQLite. PRAGMA user_version holds the version reached;
// each migration runs in its own transaction. The PostgreSQL backend keeps its own
// list that must reach the same version (kSchemaVersion).

#include "core/result.hpp"

namespace assent::storage::sqlite {

class Database;

inline constexpr int kSchemaVersion = 10;

// Brings the database up to kSchemaVersion and returns the version it was at before
// (0 for a new database). Refuses a database newer than this build.
Result<int> Migrate(Database& db);

}  // namespace assent::storage::sqlite
