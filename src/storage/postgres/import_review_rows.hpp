#pragma once
// The import review queue's SQL for PostgreSQL (table import_reviews, migration 4), called
// from PostgresStore. Included by storage/postgres/*.cpp only.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::storage::postgres {

class Connection;

// Inside Apply's transaction, after the decisions are written (`result.inserted_ids`).
Result<void> WriteImportReviews(Connection& db, const ChangeSet& changes, ApplyResult& result);
Result<std::vector<ImportReview>> ListImportReviews(Connection& db, const ImportReviewQuery& query);
Result<ImportReview> FindImportReview(Connection& db, std::int64_t id);
Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(Connection& db, std::string_view hash);

}  // namespace assent::storage::postgres
