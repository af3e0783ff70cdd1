#pragma once
// Calendar dates without time zones. Decision dates, report dates and due dates are
// days in the body's local calendar; libstdc++ 12 has no tz database, so Assent does
// date rules on year_month_day and keeps instants (audit times) in UTC elsewhere.

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace assent {

class Date {
 public:
  Date() = default;
  constexpr explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
  static Result<Date> FromYmd(int year, unsigned month, unsigned day);

  // Strict ISO 8601 calendar date, "2017-02-22".
  static Result<Date> ParseIso(std::string_view text);

  int year() const { return static_cast<int>(ymd_.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
  std::chrono::year_month_day ymd() const { return ymd_; }
  std::chrono::sys_days days() const { return std::chrono::sys_days{ymd_}; }

  std::string ToIso() const;   // "2017-02-22"
  std::string ToLong() const;  // "22 February 2017", the GOV.UK style for dates

  // Today's date in UTC; only app/, web/ and cli/ call this (the core takes dates).
  static Date TodayUtc();

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date& a, const Date& b) { return a.days() <=> b.days(); }

 private:
  std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};
};

// "January".."December" for 1..12; empty for anything else.
std::string_view MonthName(unsigned month);

}  // namespace assent
