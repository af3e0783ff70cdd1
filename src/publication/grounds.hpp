#pragma once
// The grounds a body may rely on to withhold or redact decision material: the FOIA
// exemptions by section, and the Elected Local Policing Bodies (Specified Information)
// Order 2011 article 2(2). A table; codes are stable ("s43", "sio-2-2").

#include <span>
#include <string_view>

#include "core/result.hpp"

namespace assent::publication {

struct Ground {
  std::string_view code;   // "s43"
  std::string_view label;  // "Section 43: commercial interests", as the public reads it
};

std::span<const Ground> Grounds();

// kInvalidInput for an unknown code, listing the codes ("'s99' is not a ground (use one
// of s21, s22, ...)"); `where` names the field.
Result<Ground> FindGround(std::string_view code, std::string_view where = "ground");

}  // namespace assent::publication
