#include "publication/grounds.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

namespace assent::publication {
namespace {

constexpr std::array<Ground, 18> kGrounds = {{
    {"s21", "Section 21: information accessible by other means"},
    {"s22", "Section 22: information intended for future publication"},
    {"s23", "Section 23: information supplied by, or relating to, security bodies"},
    {"s24", "Section 24: national security"},
    {"s26", "Section 26: defence"},
    {"s27", "Section 27: international relations"},
    {"s29", "Section 29: the economy"},
    {"s30", "Section 30: investigations and proceedings"},
    {"s31", "Section 31: law enforcement"},
    {"s32", "Section 32: court records"},
    {"s36", "Section 36: prejudice to effective conduct of public affairs"},
    {"s38", "Section 38: health and safety"},
    {"s40", "Section 40: personal data"},
    {"s41", "Section 41: information provided in confidence"},
    {"s42", "Section 42: legal professional privilege"},
    {"s43", "Section 43: commercial interests"},
    {"s44", "Section 44: prohibitions on disclosure"},
    {"sio-2-2",
     "Specified Information Order 2011, article 2(2): national security, safety, crime "
     "and justice, or publication prohibited by law"},
}};

}  // namespace

std::span<const Ground> Grounds() { return kGrounds; }

Result<Ground> FindGround(std::string_view code, std::string_view where) {
  for (const auto& g : kGrounds) {
    if (g.code == code) return g;
  }
  std::string codes;
  for (const auto& g : kGrounds) codes += (codes.empty() ? "" : ", ") + std::string(g.code);
  if (code.empty()) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("choose a ground (one of {})", codes),
                std::string(where));
  }
  return Fail(ErrorCode::kInvalidInput,
              fmt::format("'{}' is not a ground (use one of {})", code, codes), std::string(where));
}

}  // namespace assent::publication
