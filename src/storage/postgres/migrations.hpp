#pragma once
// Numbered schema migrations for PostgreSQL, reaching the same kSchemaVersion as the
// SQLite list (storage/sqlite/migrations.hpp) in PostgreSQL's own dialect. The version
// reached is held in assent_schema; migrations run under an advisory lock, so several
// application servers starting at once migrate exactly once.

#include "core/result.hpp"

namespace assent::storage::postgres {

class Connection;

// Brings the database up to storage::sqlite::kSchemaVersion's twin, kSchemaVersion
// below. Refuses a database newer than this build.
inline constexpr int kSchemaVersion = 10;

// Returns the version the database was at before (0 for a new database).
Result<int> Migrate(Connection& conn);

}  // namespace assent::storage::postgres
