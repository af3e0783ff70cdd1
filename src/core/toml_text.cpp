#include "core/toml_text.hpp"

#include <fmt/format.h>

#include <string>

namespace assent {

Result<toml::table> ParseToml(std::string_view text, std::string_view where) {
  try {
    return toml::parse(text, where);
  } catch (const toml::parse_error& e) {
    return Fail(ErrorCode::kInvalidInput, std::string(e.description()),
                fmt::format("{} line {}", where, e.source().begin.line));
  }
}

}  // namespace assent
