// `assent calendar show` and `assent calendar due-date` as a user runs them.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/support/files.hpp"
#include "tests/support/run_assent.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using Run = testing_support::AssentRun;

// Runs the binary with the source tree as share dir; `args` are shell-quoted by the caller.
Run Calendar(const std::string& args) {
  return testing_support::RunAssent("calendar " + args);
}

TEST(CalendarCli, DueDateShowsHowItWasCalculated) {
  auto r = Calendar("due-date 2022-04-14 3");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out,
            "Due: Thu 21 April 2022 (2022-04-21)\n"
            "3 working days after Thu 14 April 2022: skipped Fri 15 April (Good Friday), Sat 16, Sun 17, "
            "Mon 18 April (Easter Monday) → Thu 21 April 2022\n"
            "Calendar england-and-wales; the day of approval, Thu 14 April 2022, is day 0.\n"
            "  Fri 15 April 2022  not a working day: Good Friday (england-and-wales)\n"
            "  Sat 16 April 2022  not a working day: Saturday\n"
            "  Sun 17 April 2022  not a working day: Sunday\n"
            "  Mon 18 April 2022  not a working day: Easter Monday (england-and-wales)\n"
            "  Tue 19 April 2022  working day 1\n"
            "  Wed 20 April 2022  working day 2\n"
            "  Thu 21 April 2022  working day 3\n");
}

TEST(CalendarCli, DueDateUnderTheFoiaRule) {
  auto ew = Calendar("due-date 2022-03-16 1");
  ASSERT_EQ(ew.exit_code, 0) << ew.out;
  EXPECT_EQ(ew.out.substr(0, ew.out.find('\n')), "Due: Thu 17 March 2022 (2022-03-17)");
  auto foi = Calendar("due-date 2022-03-16 1 --rule any-uk");
  ASSERT_EQ(foi.exit_code, 0) << foi.out;
  EXPECT_EQ(foi.out.substr(0, foi.out.find('\n')), "Due: Fri 18 March 2022 (2022-03-18)");
  EXPECT_NE(foi.out.find("St Patrick’s Day (northern-ireland)"), std::string::npos) << foi.out;
}

TEST(CalendarCli, ShowListsTheBankHolidaysOfAYear) {
  auto r = Calendar("show --year 2022");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out,
            "Calendar england-and-wales: bank holidays in England and Wales (the default).\n"
            "Covers 2011 to 2027. Saturdays and Sundays are not working days either.\n"
            "2022-01-03  Mon 3 January 2022  New Year’s Day, substitute day (england-and-wales)\n"
            "2022-04-15  Fri 15 April 2022  Good Friday (england-and-wales)\n"
            "2022-04-18  Mon 18 April 2022  Easter Monday (england-and-wales)\n"
            "2022-05-02  Mon 2 May 2022  Early May bank holiday (england-and-wales)\n"
            "2022-06-02  Thu 2 June 2022  Spring bank holiday (england-and-wales)\n"
            "2022-06-03  Fri 3 June 2022  Platinum Jubilee bank holiday (england-and-wales)\n"
            "2022-08-29  Mon 29 August 2022  Summer bank holiday (england-and-wales)\n"
            "2022-09-19  Mon 19 September 2022  Bank Holiday for the State Funeral of Queen Elizabeth II "
            "(england-and-wales)\n"
            "2022-12-26  Mon 26 December 2022  Boxing Day (england-and-wales)\n"
            "2022-12-27  Tue 27 December 2022  Christmas Day, substitute day (england-and-wales)\n");
  auto scotland = Calendar("show --rule scotland --year 2023");
  ASSERT_EQ(scotland.exit_code, 0) << scotland.out;
  EXPECT_NE(scotland.out.find("2023-01-03  Tue 3 January 2023  2nd January, substitute day (scotland)"),
            std::string::npos)
      << scotland.out;
  auto all = Calendar("show --rule any-uk");
  ASSERT_EQ(all.exit_code, 0);
  EXPECT_NE(all.out.find("2011-04-29"), std::string::npos);
  EXPECT_NE(all.out.find("2027-12-28"), std::string::npos);
}

TEST(CalendarCli, ErrorsAreClearAndExitOne) {
  struct Case {
    const char* args;
    const char* out;
  } cases[] = {
      {"show --rule mars",
       "assent: unknown calendar rule 'mars' (use one of england-and-wales, scotland, northern-ireland, "
       "any-uk)\n"},
      {"show --year 2030",
       "assent: the calendar does not cover 2030 (england-and-wales has bank holidays for 2011 to 2027 "
       "only); import a newer GOV.UK bank-holidays.json\n"},
      {"due-date 2027-12-30 3",
       "assent: the calendar does not cover 2028 (england-and-wales has bank holidays for 2011 to 2027 "
       "only); import a newer GOV.UK bank-holidays.json\n"},
      {"due-date 14/04/2022 3", "assent: '14/04/2022' is not a date in the form YYYY-MM-DD\n"},
  };
  for (const auto& c : cases) {
    auto r = Calendar(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args;
    EXPECT_EQ(r.out, c.out) << c.args;
  }
  EXPECT_NE(Calendar("").exit_code, 0);
  EXPECT_NE(Calendar("due-date 2022-04-14").exit_code, 0);
}

TEST(CalendarCli, AMissingOrBrokenCalendarNamesTheFile) {
  testing_support::TempDir dir;
  auto calendars = dir.path() / "calendars";
  std::filesystem::create_directories(calendars);
  auto missing = Calendar("show --share-dir '" + dir.path().string() + "'");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find(calendars.string() + "/bank-holidays.json: cannot read file"), std::string::npos)
      << missing.out;
  std::ofstream(calendars / "bank-holidays.json") << "{\"scotland\": {\"division\": \"scotland\",\n\"events\": [}";
  auto broken = Calendar("show --share-dir '" + dir.path().string() + "'");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.out.find(calendars.string() + "/bank-holidays.json line 2 column 12: not valid JSON"),
            std::string::npos)
      << broken.out;
}

// A newer GOV.UK file: 2028 for England and Wales (2027 as bundled, plus one extra day).
constexpr const char* kNewer = R"({"england-and-wales": {"division": "england-and-wales", "events": [
{"title": "New Year’s Day", "date": "2028-01-03", "notes": "Substitute day", "bunting": true},
{"title": "Good Friday", "date": "2028-04-14", "notes": "", "bunting": false},
{"title": "Easter Monday", "date": "2028-04-17", "notes": "", "bunting": true},
{"title": "Early May bank holiday", "date": "2028-05-01", "notes": "", "bunting": true},
{"title": "Spring bank holiday", "date": "2028-05-29", "notes": "", "bunting": true},
{"title": "Summer bank holiday", "date": "2028-08-28", "notes": "", "bunting": true},
{"title": "Christmas Day", "date": "2028-12-25", "notes": "", "bunting": true},
{"title": "Boxing Day", "date": "2028-12-26", "notes": "", "bunting": true}]}})";

TEST(CalendarCli, ImportMergesANewerFileIntoTheStore) {
  testing_support::TempDir dir;
  const std::string data = "--data-dir " + testing_support::ShellQuote((dir.path() / "data").string()) + " ";
  const auto file = dir.path() / "bank-holidays.json";
  std::ofstream(file) << kNewer;
  const std::string quoted = testing_support::ShellQuote(file.string());

  auto before = Calendar(data + "due-date 2027-12-30 3");
  EXPECT_EQ(before.exit_code, 1) << "2028 is not covered yet: " << before.out;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "data")) << "looking creates no store";

  auto dry = Calendar(data + "import --dry-run " + quoted);
  ASSERT_EQ(dry.exit_code, 0) << dry.out;
  EXPECT_NE(dry.out.find("added england-and-wales 2028-04-14 Good Friday"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("dry run (nothing stored): 8 changes\n"), std::string::npos) << dry.out;
  EXPECT_EQ(Calendar(data + "due-date 2027-12-30 3").exit_code, 1) << "a dry run stores nothing";

  auto imported = Calendar(data + "import " + quoted);
  ASSERT_EQ(imported.exit_code, 0) << imported.out;
  EXPECT_NE(imported.out.find("imported " + file.string() + ": 8 changes;"), std::string::npos)
      << imported.out;

  // Due dates now count over the new year: Fri 31 Dec is day 1, Mon 3 Jan 2028 a substitute day.
  auto due = Calendar(data + "due-date 2027-12-30 3");
  ASSERT_EQ(due.exit_code, 0) << due.out;
  EXPECT_EQ(due.out.substr(0, due.out.find('\n')), "Due: Wed 5 January 2028 (2028-01-05)");
  EXPECT_NE(due.out.find("Mon 3 January 2028  not a working day: New Year’s Day, substitute day"),
            std::string::npos)
      << due.out;
  auto show = Calendar(data + "show --year 2028");
  ASSERT_EQ(show.exit_code, 0) << show.out;
  EXPECT_NE(show.out.find("Covers 2011 to 2028."), std::string::npos) << show.out;

  auto again = Calendar(data + "import " + quoted);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(again.out, file.string() + " brings nothing new: the calendar in force already has every "
                                       "day in it\n");

  // A broken file is named with its place, and nothing changes.
  const auto broken = dir.path() / "broken.json";
  std::ofstream(broken) << "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [\n"
                           "{\"title\": \"X\", \"date\": \"2029-02-30\"}]}}";
  auto bad = Calendar(data + "import " + testing_support::ShellQuote(broken.string()));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find(broken.string() + ": key england-and-wales.events[0].date: 2029-02-30 is not a valid date\n"),
            std::string::npos)
      << bad.out;
  EXPECT_NE(Calendar(data + "show --year 2028").out.find("Covers 2011 to 2028."), std::string::npos);
}

}  // namespace
}  // namespace assent
