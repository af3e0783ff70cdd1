#include "strategy/target.hpp"

#include <fmt/format.h>

#include <cmath>

namespace assent::strategy {
namespace {

// 2.25 -> "2.25", 3.10 -> "3.1", 3.00 -> "3".
std::string Trimmed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string Grouped(double v) {
  long long n = std::llround(std::fabs(v));
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

}  // namespace

std::optional<double> AttainmentPercent(const Target& t) {
  if (!t.achieved) return std::nullopt;
  return (*t.achieved - t.baseline) / (t.target - t.baseline) * 100.0;
}

std::optional<bool> TargetMet(const Target& t) {
  if (!t.achieved) return std::nullopt;
  return t.target > t.baseline ? *t.achieved >= t.target : *t.achieved <= t.target;
}

std::string FormatValue(Unit unit, double value) {
  switch (unit) {
    case Unit::kGbp:
      if (std::fabs(value) >= 1'000'000) return "£" + Trimmed(value / 1'000'000, 2) + "m";
      return "£" + Grouped(value);
    case Unit::kPercent: return Trimmed(value, 1) + "%";
    case Unit::kCount: return Grouped(value);
  }
  return Trimmed(value, 2);
}

std::string_view UnitName(Unit unit) {
  switch (unit) {
    case Unit::kGbp: return "gbp";
    case Unit::kPercent: return "percent";
    case Unit::kCount: return "count";
  }
  return "count";
}

}  // namespace assent::strategy
