#pragma once
// Reads the answer to a YES / NO question as printed on a form: "NO" -> false,
// "**YES**" -> true, "~~YES~~ / NO" -> false. Both options left standing ("YES / NO"),
// "N/A" and a blank answer are unknown, with a note saying which.

#include <optional>
#include <string>
#include <string_view>

namespace assent::import {

struct YesNoAnswer {
  std::optional<bool> value;
  std::string note;  // why the answer is unknown; empty when it was read
};

// `text` is the answer as printed, with struck-through parts already removed
// (Line::Unstruck); `had_struck` says whether anything was struck out.
YesNoAnswer ReadYesNo(std::string_view text, bool had_struck = false);

// True/false when `text` is nothing but "YES" or "NO" (any case, markup gone).
std::optional<bool> BareYesNo(std::string_view text);

}  // namespace assent::import
