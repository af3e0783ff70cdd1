#pragma once
// A date known to a year, a month or a day: strategy documents say "during 2015",
// "in November 2015" or "13 February 2015", and the register keeps that precision
// rather than inventing a day.

#include <compare>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace assent::strategy {

class PartialDate {
 public:
  PartialDate() = default;
  static PartialDate Of(const Date& d) { return PartialDate(d.year(), d.month(), d.day()); }

  // "2015", "2015-11" or "2015-11-30". Anything else is kInvalidInput.
  static Result<PartialDate> Parse(std::string_view text);

  int year() const { return year_; }
  unsigned month() const { return month_; }  // 0: not known
  unsigned day() const { return day_; }      // 0: not known

  std::string ToIso() const;   // "2015", "2015-11", "2015-11-30"
  std::string ToText() const;  // "2015", "November 2015", "30 November 2015"
  Date First() const;          // the first day the date may mean
  Date Last() const;           // the last day it may mean: 2015 -> 31 December 2015

  friend bool operator==(const PartialDate&, const PartialDate&) = default;
  // Orders by year, then month, then day; a year alone sorts before its months.
  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;

 private:
  PartialDate(int year, unsigned month, unsigned day) : year_(year), month_(month), day_(day) {}
  int year_ = 1970;
  unsigned month_ = 0;
  unsigned day_ = 0;
};

}  // namespace assent::strategy
