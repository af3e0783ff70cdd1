#pragma once
// The demo register's publication states (demo/decisions/*.toml, see
// services/demo_decision_file.hpp): each file is a decision run through the real workflow
// and publication use cases -- draft, sign, decide, plan, redactions, publish, correct,
// withdraw -- by the demo staff accounts it names, on the dates it gives, so its audit
// events, published versions and hashes are those a real office would have.

#include <string>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "services/catalogue.hpp"
#include "storage/store.hpp"

namespace assent::services {

// Reads every *.toml in `dir` (by name) and parses them all before running any: a bad
// file fails the load with its name and key, before anything is written. A use case
// that refuses an act names the file and the act's key ("sign[1]: ...").
// Returns the number of decisions loaded. The accounts named must exist.
Result<int> LoadDemoDecisions(storage::Store& store, const Catalogue& catalogue, const std::string& dir,
                              Instant now);

}  // namespace assent::services
