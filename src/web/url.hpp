#pragma once
// The URL pieces Assent needs (Boost 1.74 has no Boost.URL): percent-decoding of paths
// and query values, and looking up one query parameter.

#include <optional>
#include <string>
#include <string_view>

namespace assent::web {

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Returns nullopt for a
// malformed escape or a decoded NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// The decoded value of the first `name=` parameter in a raw query string; nullopt when
// absent or malformed. "year=2017&x=1" -> Param(q, "year") == "2017".
std::optional<std::string> QueryParam(std::string_view query, std::string_view name);

// Encodes a query value: everything but unreserved characters (RFC 3986) as %XX.
std::string PercentEncode(std::string_view value);

}  // namespace assent::web
