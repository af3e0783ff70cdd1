#include "core/date.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace assent {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool ParseDigits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::string_view MonthName(unsigned month) {
  if (month < 1 || month > 12) return {};
  return kMonths[month - 1];
}

Result<Date> Date::FromYmd(int year, unsigned month, unsigned day) {
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                  std::chrono::day{day}};
  if (!ymd.ok() || year < 1900 || year > 2999) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("{:04}-{:02}-{:02} is not a valid date", year, month, day));
  }
  return Date(ymd);
}

Result<Date> Date::ParseIso(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text.substr(0, 4), y) ||
      !ParseDigits(text.substr(5, 2), m) || !ParseDigits(text.substr(8, 2), d)) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not a date in the form YYYY-MM-DD", text));
  }
  return FromYmd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string Date::ToIso() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

std::string Date::ToLong() const { return fmt::format("{} {} {}", day(), MonthName(month()), year()); }

Date Date::TodayUtc() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date(std::chrono::year_month_day{now});
}

}  // namespace assent
