#include "publication/working_days.hpp"

#include <gtest/gtest.h>

#include "decisions/body.hpp"
#include "tests/support/files.hpp"

namespace assent::publication {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

// The bundled calendar: the cases below are real bank holidays, not fixtures.
const Calendar& Bundled() {
  static const Calendar calendar = [] {
    auto c = ParseGovUkCalendar(testing_support::ReadSourceFile("calendars/bank-holidays.json"),
                                "calendars/bank-holidays.json");
    if (!c) throw std::runtime_error(c.error().ToString());
    return *c;
  }();
  return calendar;
}

struct DueCase {
  const char* name;
  const char* start;
  int n;
  const char* rule;
  const char* due;
};

TEST(WorkingDays, DueDatesOverRealBankHolidays) {
  const DueCase cases[] = {
      // Day 0 is the day of approval; day 1 the next working day.
      {"plain week", "2022-07-04", 3, "england-and-wales", "2022-07-07"},
      {"zero days is the same day", "2022-07-04", 0, "england-and-wales", "2022-07-04"},
      {"over a weekend", "2022-07-07", 3, "england-and-wales", "2022-07-12"},
      {"approved on a Saturday", "2022-07-09", 1, "england-and-wales", "2022-07-11"},
      {"Easter 2022", "2022-04-14", 3, "england-and-wales", "2022-04-21"},
      {"Easter 2022 from Good Friday", "2022-04-15", 1, "england-and-wales", "2022-04-19"},
      {"Easter 2023", "2023-04-06", 2, "england-and-wales", "2023-04-12"},
      {"Easter Monday is not a Scottish holiday", "2023-04-06", 2, "scotland", "2023-04-11"},
      {"Christmas 2021, both substitute days", "2021-12-24", 1, "england-and-wales", "2021-12-29"},
      {"Christmas 2022, substitute Tuesday", "2022-12-23", 2, "england-and-wales", "2022-12-29"},
      {"Christmas 2027, both substitute days", "2027-12-24", 3, "england-and-wales", "2027-12-31"},
      {"Christmas to New Year 2022-23", "2022-12-23", 5, "england-and-wales", "2023-01-04"},
      {"Christmas to New Year 2020-21", "2020-12-24", 4, "england-and-wales", "2021-01-04"},
      {"New Year 2022 substitute Monday", "2021-12-31", 1, "england-and-wales", "2022-01-04"},
      {"Scotland 2 January 2022 substitute Tuesday", "2021-12-31", 1, "scotland", "2022-01-05"},
      {"Scotland 2 January 2024", "2023-12-29", 1, "scotland", "2024-01-03"},
      {"any-uk stops for Scotland's 2 January", "2023-12-29", 1, "any-uk", "2024-01-03"},
      {"Platinum Jubilee 2022-06-02/03", "2022-06-01", 1, "england-and-wales", "2022-06-06"},
      {"State funeral 2022-09-19", "2022-09-16", 1, "england-and-wales", "2022-09-20"},
      {"Coronation 2023-05-08", "2023-05-05", 1, "england-and-wales", "2023-05-09"},
      {"Early May 2020 moved to VE day", "2020-05-01", 5, "england-and-wales", "2020-05-11"},
      {"Diamond Jubilee 2012", "2012-06-01", 1, "england-and-wales", "2012-06-06"},
      {"Royal wedding 2011", "2011-04-21", 4, "england-and-wales", "2011-05-03"},
      {"St Patrick's Day in NI", "2022-03-16", 1, "northern-ireland", "2022-03-18"},
      {"St Patrick's Day ignored in E&W", "2022-03-16", 1, "england-and-wales", "2022-03-17"},
      {"St Patrick's Day stops any-uk", "2022-03-16", 1, "any-uk", "2022-03-18"},
      {"St Patrick's Day 2024 substitute Monday", "2024-03-15", 1, "northern-ireland", "2024-03-19"},
      {"Battle of the Boyne 2026 substitute Monday", "2026-07-10", 1, "northern-ireland", "2026-07-14"},
      {"St Andrew's Day 2025 substitute Monday", "2025-11-28", 1, "scotland", "2025-12-02"},
      {"St Andrew's Day stops any-uk", "2023-11-29", 1, "any-uk", "2023-12-01"},
      {"St Andrew's Day ignored in E&W", "2023-11-29", 1, "england-and-wales", "2023-11-30"},
      {"Scottish summer holiday (first Monday in August)", "2023-08-04", 1, "scotland", "2023-08-08"},
      {"E&W summer holiday (last Monday in August)", "2023-08-25", 1, "england-and-wales", "2023-08-29"},
      {"any-uk: both August Mondays", "2023-08-04", 15, "any-uk", "2023-08-29"},
  };
  for (const auto& c : cases) {
    auto due = DueDate(Bundled(), D(c.start), c.n, c.rule);
    ASSERT_TRUE(due) << c.name << ": " << due.error().ToString();
    EXPECT_EQ(due->due.ToIso(), c.due) << c.name << "\n" << due->summary;
    if (due->due.ToIso() == c.due && c.n > 0) {
      // The calculation agrees with the count back.
      EXPECT_EQ(*WorkingDaysBetween(Bundled(), D(c.start), D(c.due), c.rule), c.n) << c.name;
    }
  }
}

TEST(WorkingDays, ExplainsEaster2022) {
  auto due = DueDate(Bundled(), D("2022-04-14"), 3, "england-and-wales");
  ASSERT_TRUE(due) << due.error().ToString();
  EXPECT_EQ(due->summary,
            "3 working days after Thu 14 April 2022: skipped Fri 15 April (Good Friday), Sat 16, "
            "Sun 17, Mon 18 April (Easter Monday) → Thu 21 April 2022");
  auto skipped = due->Skipped();
  ASSERT_EQ(skipped.size(), 4u);
  EXPECT_EQ(skipped[0].reason, "Good Friday (england-and-wales)");
  EXPECT_EQ(skipped[1].reason, "Saturday");
  EXPECT_EQ(skipped[2].reason, "Sunday");
  EXPECT_EQ(skipped[3].reason, "Easter Monday (england-and-wales)");
  ASSERT_EQ(due->days.size(), 7u);
  EXPECT_EQ(due->days[4].date.ToIso(), "2022-04-19");
  EXPECT_EQ(due->days[4].working_day, 1);
  EXPECT_EQ(due->days[6].working_day, 3);
  EXPECT_EQ(due->rule, "england-and-wales");
}

TEST(WorkingDays, SummariesAcrossMonthsYearsAndDivisions) {
  struct Case {
    const char* start;
    int n;
    const char* rule;
    const char* summary;
  } cases[] = {
      {"2022-07-04", 3, "england-and-wales",
       "3 working days after Mon 4 July 2022: no days skipped → Thu 7 July 2022"},
      {"2022-07-04", 0, "england-and-wales",
       "0 working days after Mon 4 July 2022: due the same day → Mon 4 July 2022"},
      {"2022-07-07", 1, "england-and-wales",
       "1 working day after Thu 7 July 2022: no days skipped → Fri 8 July 2022"},
      {"2022-12-23", 5, "england-and-wales",
       "5 working days after Fri 23 December 2022: skipped Sat 24, Sun 25, Mon 26 December (Boxing "
       "Day), Tue 27 December (Christmas Day, substitute day), Sat 31 December, Sun 1, Mon 2 January "
       "2023 (New Year’s Day, substitute day) → Wed 4 January 2023"},
      {"2022-03-16", 1, "any-uk",
       "1 working day after Wed 16 March 2022: skipped Thu 17 March (St Patrick’s Day in "
       "northern-ireland) → Fri 18 March 2022"},
      {"2022-09-16", 1, "any-uk",
       "1 working day after Fri 16 September 2022: skipped Sat 17, Sun 18, Mon 19 September (Bank "
       "Holiday for the State Funeral of Queen Elizabeth II) → Tue 20 September 2022"},
  };
  for (const auto& c : cases) {
    auto due = DueDate(Bundled(), D(c.start), c.n, c.rule);
    ASSERT_TRUE(due) << due.error().ToString();
    EXPECT_EQ(due->summary, c.summary);
  }
}

TEST(WorkingDays, ReasonsNameEveryDivisionUnderAnyUk) {
  struct Case {
    const char* date;
    const char* rule;
    const char* reason;
  } cases[] = {
      {"2022-04-15", "any-uk", "Good Friday (england-and-wales, scotland, northern-ireland)"},
      {"2022-04-18", "any-uk", "Easter Monday (england-and-wales, northern-ireland)"},
      {"2017-01-03", "any-uk", "New Year’s Day, substitute day (scotland)"},
      {"2012-01-02", "any-uk",
       "New Year’s Day, substitute day (england-and-wales, northern-ireland); 2nd January (scotland)"},
      {"2026-07-13", "any-uk", "Battle of the Boyne (Orangemen’s Day), substitute day (northern-ireland)"},
      {"2022-07-12", "england-and-wales", ""},
      {"2022-07-16", "england-and-wales", "Saturday"},
      {"2022-12-27", "scotland", "Christmas Day, substitute day (scotland)"},
  };
  for (const auto& c : cases) {
    auto reason = NonWorkingReason(Bundled(), D(c.date), c.rule);
    ASSERT_TRUE(reason) << reason.error().ToString();
    EXPECT_EQ(*reason, c.reason) << c.date << " " << c.rule;
  }
}

TEST(WorkingDays, CountsWorkingDaysBetween) {
  struct Case {
    const char* a;
    const char* b;
    const char* rule;
    int n;
  } cases[] = {
      {"2022-04-14", "2022-04-21", "england-and-wales", 3},
      {"2022-04-21", "2022-04-14", "england-and-wales", -3},
      {"2022-04-14", "2022-04-14", "england-and-wales", 0},
      {"2022-04-14", "2022-04-18", "england-and-wales", 0},  // Good Friday to Easter Monday
      {"2022-03-16", "2022-03-18", "england-and-wales", 2},
      {"2022-03-16", "2022-03-18", "any-uk", 1},
      {"2022-12-31", "2023-12-31", "england-and-wales", 251},
  };
  for (const auto& c : cases) {
    auto n = WorkingDaysBetween(Bundled(), D(c.a), D(c.b), c.rule);
    ASSERT_TRUE(n) << n.error().ToString();
    EXPECT_EQ(*n, c.n) << c.a << " to " << c.b << " " << c.rule;
  }
}

TEST(WorkingDays, UnknownRuleIsAClearError) {
  auto due = DueDate(Bundled(), D("2022-04-14"), 3, "uk");
  ASSERT_FALSE(due);
  EXPECT_EQ(due.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(due.error().message,
            "unknown calendar rule 'uk' (use one of england-and-wales, scotland, northern-ireland, any-uk)");
  EXPECT_FALSE(FindCalendarRule(""));
  EXPECT_TRUE(FindCalendarRule(kDefaultRule));
  // A body's calendar field names a rule: its default and the FOIA value the bodies file accepts.
  EXPECT_EQ(decisions::Body{}.calendar, kDefaultRule);
  EXPECT_TRUE(FindCalendarRule("any-uk"));
}

TEST(WorkingDays, YearsOutsideTheCalendarAreErrorsNotGuesses) {
  auto due = DueDate(Bundled(), D("2027-12-30"), 3, "england-and-wales");
  ASSERT_FALSE(due);
  EXPECT_EQ(due.error().message,
            "the calendar does not cover 2028 (england-and-wales has bank holidays for 2011 to 2027 "
            "only); import a newer GOV.UK bank-holidays.json");
  auto before = NonWorkingReason(Bundled(), D("2010-06-01"), "any-uk");
  ASSERT_FALSE(before);
  EXPECT_NE(before.error().message.find("does not cover 2010"), std::string::npos);
  auto between = WorkingDaysBetween(Bundled(), D("2027-12-01"), D("2028-01-10"), "scotland");
  EXPECT_FALSE(between);
  auto range = CoveredYears(Bundled(), "any-uk");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->first, 2011);
  EXPECT_EQ(range->last, 2027);
}

TEST(WorkingDays, RuleNeedsItsDivisions) {
  auto only_ew = ParseGovUkCalendar(
      R"({"england-and-wales":{"division":"england-and-wales","events":[
          {"title":"Good Friday","date":"2022-04-15","notes":"","bunting":false}]}})",
      "t.json");
  ASSERT_TRUE(only_ew) << only_ew.error().ToString();
  EXPECT_TRUE(DueDate(*only_ew, D("2022-04-14"), 1, "england-and-wales"));
  auto any = DueDate(*only_ew, D("2022-04-14"), 1, "any-uk");
  ASSERT_FALSE(any);
  EXPECT_EQ(any.error().message, "the calendar has no scotland bank holidays (needed by the any-uk rule)");
  EXPECT_FALSE(DueDate(*only_ew, D("2022-04-14"), -1, "england-and-wales"));
}

TEST(WorkingDays, ListsBankHolidaysUnderARule) {
  auto days = BankHolidaysUnder(Bundled(), "any-uk", 2023, 2023);
  ASSERT_TRUE(days) << days.error().ToString();
  // 8 E&W days + 2nd January, St Andrew's Day, first Monday in August (Scotland)
  // + St Patrick's Day and the Boyne (NI) + the coronation.
  EXPECT_EQ(days->size(), 14u);
  EXPECT_EQ(days->front().date.ToIso(), "2023-01-02");
  EXPECT_EQ(days->back().date.ToIso(), "2023-12-26");
  auto ew = BankHolidaysUnder(Bundled(), "england-and-wales", 2022, 2022);
  ASSERT_TRUE(ew);
  EXPECT_EQ(ew->size(), 10u);  // with the Platinum Jubilee and the state funeral
  EXPECT_FALSE(BankHolidaysUnder(Bundled(), "england-and-wales", 2028, 2028));
}

}  // namespace
}  // namespace assent::publication
