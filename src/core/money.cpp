#include "core/money.hpp"

#include <fmt/format.h>

namespace assent {

std::string FormatPounds(std::int64_t pence) {
  bool negative = pence < 0;
  // Negated in unsigned arithmetic, so the most negative value has a magnitude too.
  std::uint64_t p = negative ? 0 - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
  std::string whole = std::to_string(p / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return fmt::format("{}£{}.{:02}", negative ? "-" : "", grouped, p % 100);
}

}  // namespace assent
