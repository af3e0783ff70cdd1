#include "storage/open_store.hpp"

#include <fmt/format.h>

#include "storage/postgres/postgres_store.hpp"
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

}  // namespace assent::storage
