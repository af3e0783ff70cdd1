#pragma once
// Opens a store from its URL: "sqlite:/var/lib/assent/assent.db", "sqlite::memory:".
// (PostgreSQL, "postgresql://...", is planned: see docs/architecture.md.)
// Only open_store.cpp knows which backends exist.

#include <memory>
#include <string_view>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::storage {

struct StoreOptions {
  // Connections used for reads in parallel (SQLite WAL readers).
  int read_connections = 4;
};

Result<std::unique_ptr<Store>> OpenStore(std::string_view url, const StoreOptions& options = {});

}  // namespace assent::storage
