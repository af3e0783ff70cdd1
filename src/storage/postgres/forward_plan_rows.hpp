#pragma once
// The PostgreSQL backend's forward plan rows (table forward_plan_items). Called from
// PostgresStore; included by storage/postgres/*.cpp only.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/store.hpp"

namespace assent::storage::postgres {

// Inside Apply's transaction. kInvalidInput for an unknown body or a linked decision of
// another body; kConflict for an update of a moved row.
Result<void> WriteForwardPlanItems(Connection& db, const ChangeSet& changes, ApplyResult& result);
Result<std::vector<publication::ForwardPlanItem>> ReadForwardPlan(Connection& db, std::string_view body);
Result<publication::ForwardPlanItem> ReadForwardPlanItem(Connection& db, std::int64_t id);

}  // namespace assent::storage::postgres
