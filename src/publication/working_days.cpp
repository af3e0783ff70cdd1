#include "publication/working_days.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <set>

namespace assent::publication {
namespace {

constexpr std::array<std::string_view, 1> kEnglandAndWales = {"england-and-wales"};
constexpr std::array<std::string_view, 1> kScotland = {"scotland"};
constexpr std::array<std::string_view, 1> kNorthernIreland = {"northern-ireland"};

constexpr std::array<CalendarRule, 4> kRules = {{
    {"england-and-wales", "bank holidays in England and Wales (the default)", kEnglandAndWales},
    {"scotland", "bank holidays in Scotland", kScotland},
    {"northern-ireland", "bank holidays in Northern Ireland", kNorthernIreland},
    {"any-uk", "a bank holiday in any part of the UK (the FOIA s.10(6) rule)", kDivisions},
}};

constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

std::string_view WeekdayName(Date date) {
  return kWeekdays[std::chrono::weekday{date.days()}.c_encoding()];
}

bool IsWeekend(Date date) {
  unsigned wd = std::chrono::weekday{date.days()}.c_encoding();
  return wd == 0 || wd == 6;
}

Date NextDay(Date date) { return Date(std::chrono::year_month_day{date.days() + std::chrono::days{1}}); }

// The holidays on one date under a rule, grouped by description.
struct HolidayGroup {
  std::string description;
  std::vector<std::string_view> divisions;
};

std::vector<HolidayGroup> HolidaysOn(const Calendar& calendar, const CalendarRule& rule, Date date) {
  std::vector<HolidayGroup> groups;
  for (auto division : rule.divisions) {
    const BankHoliday* h = calendar.Find(division, date);
    if (!h) continue;
    std::string description = DescribeHoliday(*h);
    auto same = std::find_if(groups.begin(), groups.end(),
                             [&](const HolidayGroup& g) { return g.description == description; });
    if (same == groups.end()) {
      groups.push_back({description, {division}});
    } else {
      same->divisions.push_back(division);
    }
  }
  return groups;
}

// "Good Friday (england-and-wales)"; "New Year’s Day, substitute day (england-and-wales,
// northern-ireland); 2nd January (scotland)".
std::string FullReason(const std::vector<HolidayGroup>& groups) {
  std::vector<std::string> parts;
  for (const auto& g : groups) parts.push_back(fmt::format("{} ({})", g.description, fmt::join(g.divisions, ", ")));
  return fmt::format("{}", fmt::join(parts, "; "));
}

// For the one-line summary: "Good Friday" when every division of the rule agrees, else
// "St Patrick’s Day in northern-ireland".
std::string ShortReason(const std::vector<HolidayGroup>& groups, const CalendarRule& rule) {
  std::vector<std::string> parts;
  for (const auto& g : groups) {
    if (g.divisions.size() == rule.divisions.size()) {
      parts.push_back(g.description);
    } else {
      parts.push_back(fmt::format("{} in {}", g.description, fmt::join(g.divisions, ", ")));
    }
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

// Everything needed to judge days under one rule, checked once.
struct Judge {
  const Calendar& calendar;
  CalendarRule rule;
  YearRange years;

  Result<void> Covers(Date date) const {
    if (date.year() >= years.first && date.year() <= years.last) return Ok();
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the calendar does not cover {} ({} has bank holidays for {} to {} only); "
                            "import a newer GOV.UK bank-holidays.json",
                            date.year(), rule.name, years.first, years.last));
  }

  // Empty for a working day; otherwise {full reason, short reason}.
  std::pair<std::string, std::string> Reasons(Date date) const {
    if (IsWeekend(date)) return {std::string(WeekdayName(date)), ""};
    auto groups = HolidaysOn(calendar, rule, date);
    if (groups.empty()) return {};
    return {FullReason(groups), ShortReason(groups, rule)};
  }
};

Result<Judge> MakeJudge(const Calendar& calendar, std::string_view rule_name) {
  auto rule = FindCalendarRule(rule_name);
  if (!rule) return rule.error();
  auto years = CoveredYears(calendar, rule_name);
  if (!years) return years.error();
  return Judge{calendar, *rule, *years};
}

std::string Plural(int n) { return n == 1 ? "1 working day" : fmt::format("{} working days", n); }

// "Fri 15 April (Good Friday), Sat 16, Sun 17, Mon 18 April (Easter Monday)": the month is
// shown on a holiday and on the last day of a month, the year on the last day of a year
// other than the start's.
std::string SkippedList(const std::vector<std::pair<Date, std::string>>& skipped, Date start) {
  std::vector<std::string> items;
  for (size_t i = 0; i < skipped.size(); ++i) {
    const auto& [date, label] = skipped[i];
    bool last_of_month = i + 1 == skipped.size() || skipped[i + 1].first.month() != date.month() ||
                         skipped[i + 1].first.year() != date.year();
    bool last_of_year = i + 1 == skipped.size() || skipped[i + 1].first.year() != date.year();
    std::string item = fmt::format("{} {}", WeekdayName(date).substr(0, 3), date.day());
    if (!label.empty() || last_of_month) item += fmt::format(" {}", MonthName(date.month()));
    if (last_of_year && date.year() != start.year() && (!label.empty() || last_of_month)) {
      item += fmt::format(" {}", date.year());
    }
    if (!label.empty()) item += fmt::format(" ({})", label);
    items.push_back(std::move(item));
  }
  return fmt::format("{}", fmt::join(items, ", "));
}

}  // namespace

std::span<const CalendarRule> CalendarRules() { return kRules; }

Result<CalendarRule> FindCalendarRule(std::string_view name) {
  for (const auto& r : kRules) {
    if (r.name == name) return r;
  }
  std::vector<std::string_view> names;
  for (const auto& r : kRules) names.push_back(r.name);
  return Fail(ErrorCode::kInvalidInput,
              fmt::format("unknown calendar rule '{}' (use one of {})", name, fmt::join(names, ", ")));
}

Result<YearRange> CoveredYears(const Calendar& calendar, std::string_view rule_name) {
  auto rule = FindCalendarRule(rule_name);
  if (!rule) return rule.error();
  YearRange range{0, 0};
  bool first = true;
  for (auto division : rule->divisions) {
    auto d = calendar.divisions.find(division);
    if (d == calendar.divisions.end() || d->second.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("the calendar has no {} bank holidays (needed by the {} rule)", division, rule->name));
    }
    int from = d->second.begin()->first.year();
    int to = d->second.rbegin()->first.year();
    range.first = first ? from : std::max(range.first, from);
    range.last = first ? to : std::min(range.last, to);
    first = false;
  }
  return range;
}

std::vector<CountedDay> DueDateCalculation::Skipped() const {
  std::vector<CountedDay> out;
  for (const auto& d : days) {
    if (d.working_day == 0) out.push_back(d);
  }
  return out;
}

Result<DueDateCalculation> DueDate(const Calendar& calendar, Date start, int working_days,
                                   std::string_view rule) {
  if (working_days < 0) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the number of working days must be 0 or more, not {}", working_days));
  }
  auto judge = MakeJudge(calendar, rule);
  if (!judge) return judge.error();
  DueDateCalculation calc;
  calc.start = start;
  calc.working_days = working_days;
  calc.rule = std::string(judge->rule.name);
  calc.due = start;
  std::vector<std::pair<Date, std::string>> skipped;  // date, short reason for the summary
  int counted = 0;
  Date day = start;
  while (counted < working_days) {
    day = NextDay(day);
    if (auto covered = judge->Covers(day); !covered) return covered.error();
    auto [full, short_reason] = judge->Reasons(day);
    if (full.empty()) {
      calc.days.push_back({day, ++counted, ""});
    } else {
      calc.days.push_back({day, 0, full});
      skipped.emplace_back(day, short_reason);
    }
  }
  calc.due = day;
  std::string what = working_days == 0 ? "due the same day"
                     : skipped.empty() ? "no days skipped"
                                       : "skipped " + SkippedList(skipped, start);
  calc.summary = fmt::format("{} after {}: {} → {}", Plural(working_days), DayWithWeekday(start), what,
                             DayWithWeekday(calc.due));
  return calc;
}

Result<int> WorkingDaysBetween(const Calendar& calendar, Date a, Date b, std::string_view rule) {
  if (b < a) {
    auto n = WorkingDaysBetween(calendar, b, a, rule);
    if (!n) return n.error();
    return -*n;
  }
  auto judge = MakeJudge(calendar, rule);
  if (!judge) return judge.error();
  int n = 0;
  for (Date day = a; day < b;) {
    day = NextDay(day);
    if (auto covered = judge->Covers(day); !covered) return covered.error();
    if (judge->Reasons(day).first.empty()) ++n;
  }
  return n;
}

Result<std::string> NonWorkingReason(const Calendar& calendar, Date date, std::string_view rule) {
  auto judge = MakeJudge(calendar, rule);
  if (!judge) return judge.error();
  if (auto covered = judge->Covers(date); !covered) return covered.error();
  return judge->Reasons(date).first;
}

Result<std::vector<CountedDay>> BankHolidaysUnder(const Calendar& calendar, std::string_view rule,
                                                 int first_year, int last_year) {
  auto judge = MakeJudge(calendar, rule);
  if (!judge) return judge.error();
  std::set<Date> dates;
  for (auto division : judge->rule.divisions) {
    for (const auto& [date, h] : calendar.divisions.find(division)->second) {
      if (date.year() >= first_year && date.year() <= last_year) dates.insert(date);
    }
  }
  for (int y : {first_year, last_year}) {
    if (auto covered = judge->Covers(Date(std::chrono::year_month_day{
            std::chrono::year{y}, std::chrono::January, std::chrono::day{1}}));
        !covered) {
      return covered.error();
    }
  }
  std::vector<CountedDay> out;
  for (const auto& date : dates) {
    out.push_back({date, 0, FullReason(HolidaysOn(calendar, judge->rule, date))});
  }
  return out;
}

std::string DayWithWeekday(Date date) {
  return fmt::format("{} {}", WeekdayName(date).substr(0, 3), date.ToLong());
}

}  // namespace assent::publication
