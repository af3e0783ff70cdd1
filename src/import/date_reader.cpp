#include "import/date_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "core/text.hpp"

namespace assent::import {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// 1..12 for a month name or its abbreviation ("feb", "Feb.", "sept"), else 0.
unsigned MonthNumber(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view name = kMonths[m];
    if (word == name) return static_cast<unsigned>(m + 1);
    if (word.size() >= 3 && word.size() < name.size() && name.substr(0, word.size()) == word &&
        (word.size() == 3 || word == "sept")) {
      return static_cast<unsigned>(m + 1);
    }
  }
  return 0;
}

std::optional<int> Year(std::string_view s) {
  if (!AllDigits(s)) return std::nullopt;
  if (s.size() == 4) return ToInt(s);
  if (s.size() == 2) {
    int yy = ToInt(s);
    return yy < 70 ? 2000 + yy : 1900 + yy;
  }
  return std::nullopt;
}

std::optional<Date> Make(std::optional<int> year, unsigned month, int day) {
  if (!year || month == 0 || day < 1 || day > 31) return std::nullopt;
  auto date = Date::FromYmd(*year, month, static_cast<unsigned>(day));
  if (!date) return std::nullopt;
  return *date;
}

// "15/03/2021", "15.11.18", "2021-03-15": one token, one kind of separator.
std::optional<Date> NumericDate(std::string_view s) {
  char sep = 0;
  for (char c : s) {
    if (c == '/' || c == '.' || c == '-') {
      if (sep != 0 && c != sep) return std::nullopt;
      sep = c;
    } else if (!IsDigit(c)) {
      return std::nullopt;
    }
  }
  if (sep == 0) return std::nullopt;
  size_t a = s.find(sep);
  size_t b = s.find(sep, a + 1);
  if (b == std::string_view::npos || s.find(sep, b + 1) != std::string_view::npos) return std::nullopt;
  std::string_view p1 = s.substr(0, a), p2 = s.substr(a + 1, b - a - 1), p3 = s.substr(b + 1);
  if (p1.empty() || p2.empty() || p3.empty() || p2.size() > 2) return std::nullopt;
  if (p1.size() == 4 && sep == '-') return Make(ToInt(p1), static_cast<unsigned>(ToInt(p2)), ToInt(p3));
  if (p1.size() > 2) return std::nullopt;
  return Make(Year(p3), static_cast<unsigned>(ToInt(p2)), ToInt(p1));
}

bool IsOrdinalSuffix(std::string_view s) { return s == "st" || s == "nd" || s == "rd" || s == "th"; }

// A day token: "22", "22nd"; the suffix may also be the next token ("3 rd").
std::optional<int> DayToken(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && IsDigit(s[n])) ++n;
  if (n == 0 || n > 2) return std::nullopt;
  if (n < s.size() && !IsOrdinalSuffix(s.substr(n))) return std::nullopt;
  return ToInt(s.substr(0, n));
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) tokens.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) tokens.push_back(cur);
  // "3 rd" -> "3rd"; "of" between day and month is skipped.
  std::vector<std::string> merged;
  for (auto& t : tokens) {
    if (!merged.empty() && IsOrdinalSuffix(t) && AllDigits(merged.back())) {
      merged.back() += t;
    } else if (t != "of") {
      merged.push_back(t);
    }
  }
  if (!merged.empty()) {
    for (auto w : kWeekdays) {
      std::string_view first = merged.front();
      if (first == w || (first.size() == 3 && w.substr(0, 3) == first)) {
        merged.erase(merged.begin());
        break;
      }
    }
  }
  return merged;
}

std::optional<Date> TextDate(const std::vector<std::string>& t) {
  if (t.size() != 3) return std::nullopt;
  if (auto day = DayToken(t[0]); day && MonthNumber(t[1]) != 0) {
    return Make(Year(t[2]), MonthNumber(t[1]), *day);
  }
  if (auto day = DayToken(t[1]); day && MonthNumber(t[0]) != 0) {
    return Make(Year(t[2]), MonthNumber(t[0]), *day);
  }
  return std::nullopt;
}

std::string Clean(std::string_view text) {
  std::string s = ToLowerAscii(CollapseSpaces(text));
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) s.pop_back();
  return s;
}

std::optional<Date> ParseClean(const std::string& s) {
  if (s.find(' ') != std::string::npos) return TextDate(Tokens(s));
  if (s.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) return NumericDate(s);
  // "22-Feb-2017", "22/Feb/2017".
  std::string spaced = s;
  for (char& c : spaced) {
    if (c == '-' || c == '/' || c == '.') c = ' ';
  }
  return TextDate(Tokens(spaced));
}

}  // namespace

Result<Date> ReadDate(std::string_view text) {
  std::string s = Clean(text);
  if (auto date = ParseClean(s)) return *date;
  return Fail(ErrorCode::kInvalidInput,
              fmt::format("'{}' is not a readable date", CollapseSpaces(text)));
}

std::optional<DateInText> FindTrailingDate(std::string_view text) {
  std::string_view t = Trim(text);
  while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ';')) t.remove_suffix(1);
  // Try the last one to four space-separated tokens, shortest first.
  size_t pos = t.size();
  for (int n = 0; n < 4; ++n) {
    size_t space = t.find_last_of(" \t", pos == 0 ? 0 : pos - 1);
    size_t begin = space == std::string_view::npos ? 0 : space + 1;
    if (auto date = ParseClean(Clean(t.substr(begin)))) {
      return DateInText{*date, begin, t.size()};
    }
    if (space == std::string_view::npos) break;
    pos = space;
  }
  return std::nullopt;
}

std::optional<DateInText> FindLeadingDate(std::string_view text) {
  std::string_view t = Trim(text);
  // The first one to four space-separated tokens, longest first.
  std::vector<size_t> ends;
  for (size_t i = 0; i < t.size() && ends.size() < 4; ++i) {
    if (t[i] == ' ' || t[i] == '\t') ends.push_back(i);
  }
  ends.push_back(t.size());
  for (size_t k = std::min<size_t>(ends.size(), 4); k-- > 0;) {
    if (auto date = ParseClean(Clean(t.substr(0, ends[k])))) return DateInText{*date, 0, ends[k]};
  }
  return std::nullopt;
}

std::string ImplausibleDate(const Date& date, const DateAnchors& anchors) {
  constexpr int kPlausibleDays = 2 * 365 + 1;
  for (const auto& a : anchors.anchors) {
    int days = 0;
    if (date < a.first) days = (a.first.days() - date.days()).count();
    if (a.last < date) days = (date.days() - a.last.days()).count();
    if (days > kPlausibleDays) {
      int years = (days + 182) / 365;
      return fmt::format("{} years from {}", years, a.what);
    }
  }
  return {};
}

}  // namespace assent::import
