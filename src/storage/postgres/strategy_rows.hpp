#pragma once
// The PostgreSQL backend's strategy register rows (schema migration 4): progress entries
// and version proposals. Called from PostgresStore; included by storage/postgres/*.cpp only.

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/store.hpp"

namespace assent::storage::postgres {

// Inside the caller's transaction, after the decisions (`applied` holds their ids).
// kInvalidInput for an unknown body, or a proposal whose decision is not a decision of
// that body.
Result<void> WriteStrategyRows(Connection& db, const ChangeSet& changes, const ApplyResult& applied);

Result<std::vector<strategy::RecordedProgress>> ReadStrategyProgress(Connection& db, std::string_view body,
                                                                     std::string_view strategy);
Result<std::vector<strategy::VersionProposal>> ReadStrategyProposals(Connection& db, std::string_view body,
                                                                     std::string_view strategy);

}  // namespace assent::storage::postgres
