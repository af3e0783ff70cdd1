#include "import/yes_no.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "import/word_match.hpp"

namespace assent::import {
namespace {

bool IsSeparator(char c) {
  return c == '-' || c == ':' || c == '?' || c == '/' || c == ' ' || c == '.' || c == ',' ||
         c == '(' || c == ')' || c == '\t';
}

std::string_view StripSeparators(std::string_view s) {
  // En and em dashes as well as ASCII separators.
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && IsSeparator(s.front())) {
      s.remove_prefix(1);
      changed = true;
    }
    while (!s.empty() && IsSeparator(s.back())) {
      s.remove_suffix(1);
      changed = true;
    }
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (s.substr(0, dash.size()) == dash) {
        s.remove_prefix(dash.size());
        changed = true;
      }
      if (s.size() >= dash.size() && s.substr(s.size() - dash.size()) == dash) {
        s.remove_suffix(dash.size());
        changed = true;
      }
    }
  }
  return s;
}

}  // namespace

std::optional<bool> BareYesNo(std::string_view text) {
  auto words = SplitWords(text);
  if (words.size() != 1) return std::nullopt;
  if (words[0].text == "yes") return true;
  if (words[0].text == "no") return false;
  return std::nullopt;
}

YesNoAnswer ReadYesNo(std::string_view text, bool had_struck) {
  std::string_view s = StripSeparators(Trim(text));
  if (s.empty()) {
    return {std::nullopt, had_struck ? "every option struck through" : "no answer given"};
  }
  auto words = SplitWords(s);
  bool yes = false, no = false;
  for (const auto& w : words) {
    if (w.text == "yes") yes = true;
    if (w.text == "no") no = true;
  }
  std::string lower = ToLowerAscii(s);
  if (lower == "n/a" || lower == "na" || lower == "n.a" || StartsWithNoCase(s, "not applicable")) {
    return {std::nullopt, fmt::format("answered '{}'", s)};
  }
  if (yes && no) return {std::nullopt, "YES and NO both printed, neither struck through"};
  if (!words.empty() && words[0].text == "yes") return {true, {}};
  if (!words.empty() && words[0].text == "no") return {false, {}};
  if (!words.empty() && (words[0].text == "y" || words[0].text == "n") && words.size() == 1) {
    return {words[0].text == "y", {}};
  }
  return {std::nullopt, fmt::format("answer '{}' not recognised", s)};
}

}  // namespace assent::import
