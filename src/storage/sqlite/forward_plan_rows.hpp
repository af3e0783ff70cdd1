#pragma once
// The SQLite backend's forward plan rows (table forward_plan_items). Called from
// SqliteStore; included by storage/sqlite/*.cpp only.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/store.hpp"

namespace assent::storage::sqlite {

// Inside Apply's transaction. kInvalidInput for an unknown body or a linked decision of
// another body; kConflict for an update of a moved row.
Result<void> WriteForwardPlanItems(Database& db, const ChangeSet& changes, ApplyResult& result);
Result<std::vector<publication::ForwardPlanItem>> ReadForwardPlan(Database& db, std::string_view body);
Result<publication::ForwardPlanItem> ReadForwardPlanItem(Database& db, std::int64_t id);

}  // namespace assent::storage::sqlite
