#pragma once
// Working days and publication due dates. No I/O: the calendar is passed in.
//
// A working day is a day that is not a Saturday, a Sunday or a bank holiday under the
// body's calendar rule. Counting follows the FOIA convention (ICO): the day of approval
// is day 0 and day 1 is the next working day, so "within 3 working days" of approval on
// Thursday 14 April 2022 (Good Friday and Easter Monday follow) is Thursday 21 April.
// A date in a year the calendar does not cover is an error, never a guess: a stale
// calendar is noticed, not silently wrong.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "publication/calendar_data.hpp"

namespace assent::publication {

// Which bank holidays stop the count. A body's `calendar` field names one of these.
struct CalendarRule {
  std::string_view name;         // "england-and-wales"
  std::string_view description;  // one line for people
  std::span<const std::string_view> divisions;  // whose bank holidays count
};

// england-and-wales (the default), scotland, northern-ireland, and any-uk (FOIA s.10(6):
// a bank holiday in any part of the UK is not a working day).
std::span<const CalendarRule> CalendarRules();
inline constexpr std::string_view kDefaultRule = "england-and-wales";

// Unknown names fail with "unknown calendar rule 'x' (use one of england-and-wales, ...)".
Result<CalendarRule> FindCalendarRule(std::string_view name);

// The first and last year the rule's divisions all cover, or an error naming a missing division.
struct YearRange {
  int first = 0;
  int last = 0;
};
Result<YearRange> CoveredYears(const Calendar& calendar, std::string_view rule);

// One day looked at while counting.
struct CountedDay {
  Date date;
  int working_day = 0;  // 1, 2, ... for a working day; 0 for a skipped day
  std::string reason;   // why skipped: "Saturday", "Good Friday (england-and-wales)"
};

// A due date and how it was calculated.
struct DueDateCalculation {
  Date start;  // day 0
  int working_days = 0;
  std::string rule;
  Date due;
  std::vector<CountedDay> days;  // every day after start up to and including due
  // "3 working days after Thu 14 April 2022: skipped Fri 15 April (Good Friday), Sat 16,
  //  Sun 17, Mon 18 April (Easter Monday) → Thu 21 April 2022"
  std::string summary;
  std::vector<CountedDay> Skipped() const;
};

// The `working_days`th working day after `start` (day 0) under `rule`; 0 gives `start`.
Result<DueDateCalculation> DueDate(const Calendar& calendar, Date start, int working_days,
                                   std::string_view rule);

// The number of working days d with a < d <= b: DueDate(a, n) = b gives n when b is a working
// day. Negative when b is before a. For "published N working days late": (due, published).
Result<int> WorkingDaysBetween(const Calendar& calendar, Date a, Date b, std::string_view rule);

// Why `date` is not a working day under the rule ("Sunday", "Easter Monday (england-and-wales)"),
// or an empty string for a working day.
Result<std::string> NonWorkingReason(const Calendar& calendar, Date date, std::string_view rule);

// The bank holidays under a rule in [first_year, last_year], each with its reason, in date order.
Result<std::vector<CountedDay>> BankHolidaysUnder(const Calendar& calendar, std::string_view rule,
                                                 int first_year, int last_year);

// "Thu 14 April 2022".
std::string DayWithWeekday(Date date);

}  // namespace assent::publication
