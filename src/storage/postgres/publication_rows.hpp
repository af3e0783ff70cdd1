#pragma once
// The PostgreSQL side of publication (schema 4): the plan and dates on the decision row,
// the redaction records, and the immutable published versions. Called inside the store's
// transactions; see storage/row_mapping.hpp for the columns.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "decisions/decision.hpp"
#include "storage/store.hpp"

namespace assent::storage::postgres {

class Connection;

// Writes the decision's publication columns and replaces its redactions.
Result<void> WritePublication(Connection& db, std::int64_t id, const decisions::Decision& d);
// Reads them into `d`.
Result<void> ReadPublication(Connection& db, std::int64_t id, decisions::Decision& d);
// Appends versions: kInvalidInput for an unknown decision, kConflict unless each number
// is the next for its decision.
Result<void> InsertPublishedVersions(Connection& db, const std::vector<PublishedVersion>& versions);
Result<std::vector<PublishedVersion>> ReadPublishedVersions(Connection& db, std::int64_t decision_id);
// Public decisions per body slug (bodies without any are absent).
Result<std::map<std::string, int, std::less<>>> CountPublicByBody(Connection& db);
Result<std::vector<int>> PublicYears(Connection& db, std::string_view body);

}  // namespace assent::storage::postgres
