#pragma once
// The import review queue's SQL for SQLite (table import_reviews, migration 4), called
// from SqliteStore. Included by storage/sqlite/*.cpp only.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::storage::sqlite {

class Database;

// Inside Apply's transaction, after the decisions are written (`result.inserted_ids`).
Result<void> WriteImportReviews(Database& db, const ChangeSet& changes, ApplyResult& result);
Result<std::vector<ImportReview>> ListImportReviews(Database& db, const ImportReviewQuery& query);
Result<ImportReview> FindImportReview(Database& db, std::int64_t id);
Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(Database& db, std::string_view hash);

}  // namespace assent::storage::sqlite
