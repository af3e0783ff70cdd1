#include "decisions/reference_pattern.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace assent::decisions {
namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

Result<ReferencePattern> ReferencePattern::Parse(std::string_view pattern) {
  ReferencePattern out;
  out.text_ = std::string(Trim(pattern));
  std::string_view p = out.text_;
  int sequences = 0;
  int years = 0;
  size_t i = 0;
  while (i < p.size()) {
    if (p[i] == '\'') {
      // Quoted text is literal, for prefixes holding N or Y: "'DN' NN/YYYY".
      size_t close = p.find('\'', i + 1);
      if (close == std::string_view::npos) {
        return Fail(ErrorCode::kInvalidInput,
                    fmt::format("reference pattern '{}' has an unclosed quote", out.text_));
      }
      if (out.tokens_.empty() || out.tokens_.back().kind != Kind::kLiteral) {
        out.tokens_.push_back({Kind::kLiteral, {}, 0});
      }
      out.tokens_.back().literal += p.substr(i + 1, close - i - 1);
      i = close + 1;
    } else if (p.substr(i, 4) == "YYYY") {
      out.tokens_.push_back({Kind::kYear4, {}, 4});
      ++years;
      i += 4;
    } else if (p.substr(i, 2) == "YY") {
      out.tokens_.push_back({Kind::kYear2, {}, 2});
      ++years;
      i += 2;
    } else if (p[i] == 'N') {
      size_t j = i;
      while (j < p.size() && p[j] == 'N') ++j;
      out.tokens_.push_back({Kind::kSequence, {}, j - i});
      ++sequences;
      i = j;
    } else {
      if (out.tokens_.empty() || out.tokens_.back().kind != Kind::kLiteral) {
        out.tokens_.push_back({Kind::kLiteral, {}, 0});
      }
      out.tokens_.back().literal.push_back(p[i]);
      ++i;
    }
  }
  if (sequences != 1) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("reference pattern '{}' needs exactly one run of N for the number",
                            out.text_));
  }
  if (years > 1) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("reference pattern '{}' has more than one year", out.text_));
  }
  out.has_year_ = years == 1;
  return out;
}

std::string ReferencePattern::Format(int sequence, int year) const {
  std::string out;
  for (const auto& t : tokens_) {
    switch (t.kind) {
      case Kind::kLiteral: out += t.literal; break;
      case Kind::kSequence: out += fmt::format("{:0{}}", sequence, t.width); break;
      case Kind::kYear4: out += fmt::format("{:04}", year); break;
      case Kind::kYear2: out += fmt::format("{:02}", year % 100); break;
    }
  }
  return out;
}

Result<ParsedReference> ReferencePattern::Match(std::string_view reference) const {
  std::string_view r = Trim(reference);
  const auto fail = [&] {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' does not match the reference pattern '{}'", r, text_));
  };
  ParsedReference parsed;
  size_t i = 0;
  for (size_t k = 0; k < tokens_.size(); ++k) {
    const Token& t = tokens_[k];
    if (t.kind == Kind::kLiteral) {
      // Separators may carry spaces around them in printed forms: "N° 006 / 2017".
      std::string_view lit = Trim(t.literal);
      while (i < r.size() && r[i] == ' ') ++i;
      if (lit.empty()) continue;
      if (r.substr(i, lit.size()) != lit) return fail();
      i += lit.size();
      while (i < r.size() && r[i] == ' ' && k + 1 < tokens_.size()) ++i;
      continue;
    }
    size_t j = i;
    while (j < r.size() && IsDigit(r[j])) ++j;
    std::string_view digits = r.substr(i, j - i);
    if (digits.empty()) return fail();
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    if (t.kind == Kind::kSequence) {
      if (digits.size() < t.width || digits.size() > 9) return fail();
      parsed.sequence = value;
    } else if (t.kind == Kind::kYear4) {
      if (digits.size() != 4) return fail();
      parsed.year = value;
    } else {
      if (digits.size() != 2) return fail();
      parsed.year = 2000 + value;
    }
    i = j;
  }
  if (i != r.size()) return fail();
  return parsed;
}

}  // namespace assent::decisions
