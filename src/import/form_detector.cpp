#include "import/form_detector.hpp"

#include <fmt/format.h>

#include <optional>

#include "import/word_match.hpp"

namespace assent::import {
namespace {

constexpr size_t kTitleExtraWords = 8;
constexpr double kTitleLine = 0.95;
constexpr double kInText = 0.7;

}  // namespace

Result<DetectedForm> DetectForm(const Document& doc, const std::vector<decisions::Form>& forms,
                                std::string_view source_name) {
  DetectedForm best;
  bool best_is_title = false;
  size_t best_line = doc.lines.size();
  for (const auto& form : forms) {
    for (const auto& phrase : form.detect) {
      auto words = SplitWords(phrase);
      // This phrase's best line: the first printed as a title, else the first at all.
      std::optional<size_t> first, first_title;
      for (size_t i = 0; i < doc.lines.size() && !first_title; ++i) {
        const auto& line_words = doc.lines[i].words;
        if (!FindWords(line_words, words)) continue;
        if (!first) first = i;
        if (line_words.size() <= words.size() + kTitleExtraWords) first_title = i;
      }
      if (!first) continue;
      bool title = first_title.has_value();
      size_t at = title ? *first_title : *first;
      if ((title && !best_is_title) || (title == best_is_title && at < best_line)) {
        best = DetectedForm{&form, doc.lines[at].number, title ? kTitleLine : kInText};
        best_is_title = title;
        best_line = at;
      }
    }
  }
  if (best.form) return best;
  std::string looked_for;
  for (const auto& form : forms) {
    for (const auto& phrase : form.detect) {
      if (!looked_for.empty()) looked_for += ", ";
      looked_for += "'" + phrase + "'";
    }
  }
  return Fail(ErrorCode::kInvalidInput, fmt::format("no known form recognised (looked for: {})", looked_for),
              std::string(source_name));
}

}  // namespace assent::import
