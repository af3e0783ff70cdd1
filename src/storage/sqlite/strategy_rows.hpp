#pragma once
// The SQLite backend's strategy register rows (schema migration 4): progress entries and
// version proposals. Called from SqliteStore; included by storage/sqlite/*.cpp only.

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/store.hpp"

namespace assent::storage::sqlite {

// Inside the caller's transaction, after the decisions (`applied` holds their ids).
// kInvalidInput for an unknown body, or a proposal whose decision is not a decision of
// that body.
Result<void> WriteStrategyRows(Database& db, const ChangeSet& changes, const ApplyResult& applied);

Result<std::vector<strategy::RecordedProgress>> ReadStrategyProgress(Database& db, std::string_view body,
                                                                     std::string_view strategy);
Result<std::vector<strategy::VersionProposal>> ReadStrategyProposals(Database& db, std::string_view body,
                                                                     std::string_view strategy);

}  // namespace assent::storage::sqlite
