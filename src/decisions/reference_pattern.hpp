#pragma once
// A body's reference-number pattern, e.g. "NNN/YYYY" (006/2017), "YYYY/NN" (2018/37),
// "NNN-YY" (097-21), "PCC/D/YYYY/NN", "PCD NNNN". A run of N is the sequence number,
// zero-padded to the run's width (it may grow past it); YYYY and YY are the year;
// anything else is literal, and text in single quotes is literal too ("'DN' NN/YYYY"). Patterns with a year reset their numbering each year.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace assent::decisions {

struct ParsedReference {
  int sequence = 0;
  std::optional<int> year;  // four-digit year; YY is read as 20YY
  friend bool operator==(const ParsedReference&, const ParsedReference&) = default;
};

class ReferencePattern {
 public:
  // Errors name the pattern: a pattern needs exactly one run of N and at most one year.
  static Result<ReferencePattern> Parse(std::string_view pattern);

  const std::string& text() const { return text_; }
  bool resets_yearly() const { return has_year_; }

  // The reference for the given sequence number and year: Format(6, 2017) -> "006/2017".
  std::string Format(int sequence, int year) const;
  // Reads a reference written in this pattern; tolerates spaces around separators
  // ("006 / 2017"). Fails with a message naming the pattern.
  Result<ParsedReference> Match(std::string_view reference) const;

 private:
  enum class Kind { kLiteral, kSequence, kYear4, kYear2 };
  struct Token {
    Kind kind;
    std::string literal;  // for kLiteral
    size_t width = 0;     // for kSequence
  };
  std::string text_;
  std::vector<Token> tokens_;
  bool has_year_ = false;
};

}  // namespace assent::decisions
