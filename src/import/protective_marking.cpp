#include "import/protective_marking.hpp"

#include <array>
#include <fmt/format.h>
#include <vector>

#include "import/word_match.hpp"

namespace assent::import {
namespace {

struct Level {
  std::string_view words;       // as SplitWords reads them
  std::string_view normalised;
};

// Longest first, so "official sensitive" is not read as "official".
constexpr std::array<Level, 9> kLevels = {{
    {"not protectively marked", "GPMS NOT PROTECTIVELY MARKED"},
    {"official sensitive", "GSC OFFICIAL-SENSITIVE"},
    {"top secret", "TOP SECRET"},
    {"unclassified", "GPMS UNCLASSIFIED"},
    {"protect", "GPMS PROTECT"},
    {"restricted", "GPMS RESTRICTED"},
    {"confidential", "GPMS CONFIDENTIAL"},
    {"official", "GSC OFFICIAL"},
    {"secret", "SECRET"},
}};

const std::vector<Phrase>& LevelPhrases() {
  static const std::vector<Phrase> phrases = [] {
    std::vector<Phrase> out;
    for (const auto& l : kLevels) out.push_back(MakePhrase(l.words));
    return out;
  }();
  return phrases;
}

}  // namespace

Marking NormaliseMarking(std::string_view printed) {
  std::vector<Word> words = SplitWords(printed);
  const auto& phrases = LevelPhrases();
  std::optional<size_t> found;
  for (size_t at = 0; at < words.size();) {
    size_t matched = 0;
    for (size_t i = 0; i < phrases.size(); ++i) {
      if (!WordsAt(words, at, phrases[i].words)) continue;
      if (found && *found != i) {
        return {std::nullopt, fmt::format("'{}' names more than one marking", printed)};
      }
      found = i;
      matched = phrases[i].words.size();
      break;
    }
    at += matched > 0 ? matched : 1;
  }
  if (!found) return {std::nullopt, fmt::format("'{}' is not a protective marking", printed)};
  return {std::string(kLevels[*found].normalised), {}};
}

}  // namespace assent::import
