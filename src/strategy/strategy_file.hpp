#pragma once
// Strategy data files (TOML), parsed from text: no I/O here. One strategy per file; a
// file named national.toml holds the national strategies ([[national]] tables) instead.
// The format is documented in docs/strategies.md. Errors read
// "cumbria-ict-2015-2019.toml: key version[1].decision: ..." or, for TOML syntax,
// "cumbria-ict-2015-2019.toml line 12: ...".

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "strategy/strategy.hpp"

namespace assent::strategy {

// Checks everything one file can show: required keys, slugs, dates, statuses, units, a
// target different from its baseline, versions in date order, each version naming its
// approving decision, unique theme/deliverable/target ids. Links between files
// (replaces, national ids) are checked by Catalogue::Build.
Result<Strategy> ParseStrategy(std::string_view toml_text, std::string_view where);

Result<std::vector<NationalStrategy>> ParseNationalStrategies(std::string_view toml_text,
                                                              std::string_view where);

}  // namespace assent::strategy
