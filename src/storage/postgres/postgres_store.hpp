#pragma once
// The server backend: PostgreSQL through libpq, a fixed pool of connections with
// prepared statements, for shared and national deployments where several application
// servers write to one database. Opened through storage::OpenStore.

#include <memory>
#include <string_view>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::storage::postgres {

// `url` is a libpq URI ("postgresql://assent@db.example/assent"). Connects
// `connections` times and migrates the schema as needed.
Result<std::unique_ptr<Store>> OpenPostgresStore(std::string_view url, int connections);

}  // namespace assent::storage::postgres
