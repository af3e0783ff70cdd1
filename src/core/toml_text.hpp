#pragma once
// Parsing a TOML document (forms, bodies, strategies, demo staff, configuration) into a
// table, with the one error shape every data file reports: "FILE line N: message".
// Include only where the document is read: toml++ is a large header.

#include <string_view>

#include <toml++/toml.h>

#include "core/result.hpp"

namespace assent {

// kInvalidInput with where = "<where> line <N>" on a syntax error.
Result<toml::table> ParseToml(std::string_view text, std::string_view where);

}  // namespace assent
