#pragma once
// Bank holidays by GOV.UK division, in the shape of https://www.gov.uk/bank-holidays.json:
// {"england-and-wales": {"division": ..., "events": [{"title", "date", "notes", "bunting"}]},
//  "scotland": ..., "northern-ireland": ...}. No I/O: callers pass and receive text.
//
// The GOV.UK feed is a rolling window (it dropped 2019-2023 in August 2025), so Assent
// bundles the history (calendars/bank-holidays.json) and merges newer files into it.

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace assent::publication {

// The divisions GOV.UK publishes, in its order.
inline constexpr std::array<std::string_view, 3> kDivisions = {"england-and-wales", "scotland",
                                                               "northern-ireland"};

struct BankHoliday {
  Date date;
  std::string title;  // "Good Friday", "New Year’s Day"
  std::string notes;  // "" or "Substitute day" / "Extra bank holiday"
  bool bunting = true;
  friend bool operator==(const BankHoliday&, const BankHoliday&) = default;
};

// "Christmas Day" or "Christmas Day, substitute day": the title with its notes.
std::string DescribeHoliday(const BankHoliday& holiday);

struct Calendar {
  // division slug -> date -> holiday. A division's years run from its first to its last event.
  std::map<std::string, std::map<Date, BankHoliday>, std::less<>> divisions;

  // The holiday on `date` in `division`, or nullptr.
  const BankHoliday* Find(std::string_view division, Date date) const;
  friend bool operator==(const Calendar&, const Calendar&) = default;
};

// Parses a GOV.UK bank-holidays.json (all divisions) or a per-division file
// ({"division": ..., "events": [...]}). Errors name the place: a syntax error
// "WHERE line 3 column 7: not valid JSON (...)"; a bad value
// "WHERE: key scotland.events[4].date: '2022-13-01' is not a date in the form YYYY-MM-DD".
Result<Calendar> ParseGovUkCalendar(std::string_view json_text, std::string_view where);

// The calendar as GOV.UK-shaped JSON, one event a line (the bundled file's layout), so a
// parsed file prints back byte for byte.
std::string ToGovUkJson(const Calendar& calendar);

struct CalendarChange {
  enum class Kind { kAdded, kChanged, kRemoved };
  Kind kind = Kind::kAdded;
  std::string division;
  Date date;
  std::string before;  // DescribeHoliday of the old day; empty when added
  std::string after;   // DescribeHoliday of the new day; empty when removed
  // "added scotland 2026-06-15 ...", "changed ... 'A' -> 'B'", "removed ...".
  std::string ToString() const;
  friend bool operator==(const CalendarChange&, const CalendarChange&) = default;
};

// Merges a newer file into `base`. For each division and each year the newer file covers,
// the newer file wins: its days are added or replace the old ones (title, notes, bunting),
// and a day of that year that it no longer lists is removed (a moved holiday, like early
// May 2020 moved to VE day). Years the newer file does not cover are kept, because the
// GOV.UK feed drops old years. Returns the changes in division and date order; none means
// the newer file brought nothing new.
std::vector<CalendarChange> MergeCalendar(Calendar& base, const Calendar& newer);

}  // namespace assent::publication
