#pragma once
// The embedded default backend: one SQLite file in WAL mode, a writer connection and
// a small pool of reader connections. Opened through storage::OpenStore.

#include <memory>
#include <string_view>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::storage::sqlite {

// `path` is a file path, or ":memory:" for a private in-memory database (tests).
// Creates the file and migrates the schema as needed.
Result<std::unique_ptr<Store>> OpenSqliteStore(std::string_view path, int read_connections);

}  // namespace assent::storage::sqlite
