#include "import/yes_no.hpp"

#include <fmt/format.h>

#include <vector>

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

// Ballot boxes as Word prints them: checked ☒ ☑ ■ [x], empty ☐ □ [ ].
constexpr std::string_view kChecked[] = {"\xE2\x98\x92", "\xE2\x98\x91", "\xE2\x96\xA0", "\xEF\x83\xBE",
                                         "\xE2\x9C\x93", "\xE2\x9C\x94", "[x]", "[X]"};
constexpr std::string_view kEmpty[] = {"\xE2\x98\x90", "\xE2\x96\xA1", "\xEF\x82\xA8", "[ ]", "[]"};

// Length of the first of `marks` that `s` starts with, or 0.
template <size_t N>
size_t PrefixLength(std::string_view s, const std::string_view (&marks)[N]) {
  for (auto m : marks) {
    if (s.substr(0, m.size()) == m) return m.size();
  }
  return 0;
}

// The answer a line of ballot boxes gives ("☒ YES ☐ NO", "Yes [ ] No [x]"), or
// nullopt when it has no boxes. A box belongs to the word next to it, before or after.
std::optional<YesNoAnswer> BallotAnswer(std::string_view s) {
  struct Box {
    size_t begin, end;
    bool checked;
  };
  std::vector<Box> boxes;
  for (size_t i = 0; i < s.size();) {
    size_t checked = PrefixLength(s.substr(i), kChecked);
    size_t empty = checked == 0 ? PrefixLength(s.substr(i), kEmpty) : 0;
    if (checked + empty == 0) {
      ++i;
      continue;
    }
    boxes.push_back({i, i + checked + empty, checked > 0});
    i += checked + empty;
  }
  if (boxes.empty()) return std::nullopt;
  auto words = SplitWords(s);
  // Boxes before their words ("☒ YES") unless the text starts with a word ("YES ☒").
  bool box_first = words.empty() || boxes.front().begin < words.front().begin;
  std::optional<bool> chosen;
  int checked = 0;
  for (const auto& box : boxes) {
    if (!box.checked) continue;
    ++checked;
    const Word* w = nullptr;
    for (const auto& word : words) {
      if (box_first && word.begin >= box.end) {
        w = &word;
        break;
      }
      if (!box_first && word.end <= box.begin) w = &word;
    }
    if (w && (w->text == "yes" || w->text == "no")) chosen = w->text == "yes";
  }
  if (checked == 1 && chosen) return YesNoAnswer{chosen, {}};
  if (checked == 0) return YesNoAnswer{std::nullopt, "no box ticked"};
  return YesNoAnswer{std::nullopt, "ticked boxes not read as YES or NO"};
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
  if (auto ballot = BallotAnswer(s)) return *ballot;
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
