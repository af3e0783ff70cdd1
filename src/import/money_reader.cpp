#include "import/money_reader.hpp"

#include <array>
#include <cstdlib>

#include "core/text.hpp"

namespace assent::import {
namespace {

constexpr std::string_view kPound = "\xC2\xA3";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Multiplier {
  std::string_view suffix;
  double factor;
};

// Longest first; a suffix must end the word ("£5m" but not "£5 more").
constexpr std::array<Multiplier, 7> kMultipliers = {{
    {"billion", 1e9}, {"million", 1e6}, {"bn", 1e9}, {"mn", 1e6}, {"m", 1e6}, {"k", 1e3}, {"K", 1e3}}};

}  // namespace

std::vector<MoneyAmount> FindMoneyInText(std::string_view t) {
  std::vector<MoneyAmount> out;
  size_t pos = 0;
  while ((pos = t.find(kPound, pos)) != std::string_view::npos) {
    size_t i = pos + kPound.size();
    while (i < t.size() && t[i] == ' ') ++i;
    std::string digits;
    size_t j = i;
    for (; j < t.size(); ++j) {
      // "250,000": a comma counts only between digit groups of three.
      bool group = t[j] == ',' && !digits.empty() && j + 3 < t.size() &&
                   IsDigit(t[j + 1]) && IsDigit(t[j + 2]) && IsDigit(t[j + 3]);
      if (!IsDigit(t[j]) && !group) break;
      if (t[j] != ',') digits.push_back(t[j]);
    }
    if (j + 1 < t.size() && t[j] == '.' && IsDigit(t[j + 1])) {
      digits.push_back('.');
      ++j;
      while (j < t.size() && IsDigit(t[j])) digits.push_back(t[j++]);
    }
    if (digits.empty()) {
      pos = i;
      continue;
    }
    double value = std::strtod(digits.c_str(), nullptr);
    size_t k = j;
    while (k < t.size() && t[k] == ' ') ++k;
    for (const auto& m : kMultipliers) {
      if (t.substr(k, m.suffix.size()) != m.suffix) continue;
      size_t after = k + m.suffix.size();
      if (after < t.size() && IsAlpha(t[after])) continue;
      value *= m.factor;
      j = after;
      break;
    }
    out.push_back({std::string(t.substr(pos, j - pos)), value, 0});
    pos = j;
  }
  return out;
}

std::vector<MoneyAmount> FindMoneyAmounts(const Document& doc) {
  std::vector<MoneyAmount> out;
  for (const auto& line : doc.lines) {
    for (auto& m : FindMoneyInText(line.text)) {
      m.line = line.number;
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace assent::import
