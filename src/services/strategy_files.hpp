#pragma once
// The strategy catalogue's data files: every *.toml in a directory, one strategy each,
// and national.toml with the national strategies. Loaded once at start, like the forms;
// progress recorded later is kept in the Store (services/strategy_progress.hpp).

#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/store.hpp"
#include "strategy/catalogue.hpp"

namespace assent::services {

// Errors name the file (and key): a bad file, a duplicate id, a "replaces" link to a
// strategy that does not exist, a supersession cycle. A missing directory is an error.
Result<strategy::Catalogue> LoadStrategies(const std::string& dir);

// Checks the catalogue against the register: each strategy's body exists; each version's
// approving decision is a public decision of that body with the same date. Returns one
// message per problem found (the caller logs them as warnings: a decision may be imported
// after the catalogue is loaded, and the pages show such a reference without a link).
// Fails only when the store cannot be read.
Result<std::vector<std::string>> CheckStrategiesAgainstRegister(storage::Store& store,
                                                                const strategy::Catalogue& catalogue);

}  // namespace assent::services
