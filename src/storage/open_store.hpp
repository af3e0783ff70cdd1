#pragma once
// Opens a store from its URL: "sqlite:/var/lib/assent/assent.db", "sqlite::memory:",
// or a libpq URI "postgresql://assent@db.internal:5432/assent" (also "postgres://").
// Only open_store.cpp knows which backends exist.

#include <memory>
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

}  // namespace assent::storage
