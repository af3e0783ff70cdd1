#include "publication/calendar_data.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/files.hpp"

namespace assent::publication {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

std::string BundledText() { return testing_support::ReadSourceFile("calendars/bank-holidays.json"); }

TEST(CalendarData, BundledFileHasEveryDivisionFrom2011To2027) {
  auto c = ParseGovUkCalendar(BundledText(), "bank-holidays.json");
  ASSERT_TRUE(c) << c.error().ToString();
  ASSERT_EQ(c->divisions.size(), 3u);
  for (auto division : kDivisions) {
    const auto& days = c->divisions.at(std::string(division));
    EXPECT_EQ(days.begin()->first.year(), 2011) << division;
    EXPECT_EQ(days.rbegin()->first.year(), 2027) << division;
    std::set<int> years;
    for (const auto& [date, h] : days) years.insert(date.year());
    EXPECT_EQ(years.size(), 17u) << division;
  }
  // The file prints back byte for byte, so a merge writes a reviewable diff.
  EXPECT_EQ(ToGovUkJson(*c), BundledText());
}

TEST(CalendarData, BundledFileHasTheOneOffsAndSubstitutes) {
  auto c = ParseGovUkCalendar(BundledText(), "bank-holidays.json");
  ASSERT_TRUE(c) << c.error().ToString();
  struct Case {
    const char* division;
    const char* date;
    const char* described;  // empty: not a bank holiday
  } cases[] = {
      {"england-and-wales", "2011-04-29", "Royal wedding, extra bank holiday"},
      {"scotland", "2011-04-29", "Royal wedding, extra bank holiday"},
      {"england-and-wales", "2012-06-04", "Spring bank holiday, substitute day"},
      {"england-and-wales", "2012-05-28", ""},
      {"northern-ireland", "2012-06-05", "Queen’s Diamond Jubilee, extra bank holiday"},
      {"england-and-wales", "2020-05-08", "Early May bank holiday (VE day)"},
      {"england-and-wales", "2020-05-04", ""},
      {"england-and-wales", "2022-06-02", "Spring bank holiday"},
      {"england-and-wales", "2022-05-30", ""},
      {"scotland", "2022-06-03", "Platinum Jubilee bank holiday"},
      {"northern-ireland", "2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"},
      {"scotland", "2023-05-08", "Bank holiday for the coronation of King Charles III"},
      {"england-and-wales", "2021-12-27", "Christmas Day, substitute day"},
      {"england-and-wales", "2021-12-28", "Boxing Day, substitute day"},
      {"england-and-wales", "2022-12-27", "Christmas Day, substitute day"},
      {"england-and-wales", "2026-12-28", "Boxing Day, substitute day"},
      {"england-and-wales", "2027-12-27", "Christmas Day, substitute day"},
      {"england-and-wales", "2023-01-02", "New Year’s Day, substitute day"},
      {"scotland", "2023-01-03", "2nd January, substitute day"},
      {"scotland", "2027-01-04", "2nd January, substitute day"},
      {"scotland", "2019-12-02", "St Andrew’s Day, substitute day"},
      {"scotland", "2023-08-07", "Summer bank holiday"},
      {"scotland", "2023-04-10", ""},
      {"northern-ireland", "2019-03-18", "St Patrick’s Day, substitute day"},
      {"northern-ireland", "2025-07-14", "Battle of the Boyne (Orangemen’s Day), substitute day"},
      {"england-and-wales", "2024-03-29", "Good Friday"},
      {"england-and-wales", "2027-03-29", "Easter Monday"},
  };
  for (const auto& k : cases) {
    const BankHoliday* h = c->Find(k.division, D(k.date));
    if (std::string(k.described).empty()) {
      EXPECT_EQ(h, nullptr) << k.division << " " << k.date << " " << (h ? h->title : "");
    } else {
      ASSERT_NE(h, nullptr) << k.division << " " << k.date;
      EXPECT_EQ(DescribeHoliday(*h), k.described) << k.division << " " << k.date;
    }
  }
  EXPECT_FALSE(c->Find("england-and-wales", D("2022-09-19"))->bunting);
  EXPECT_FALSE(c->Find("england-and-wales", D("2022-04-15"))->bunting);
  EXPECT_TRUE(c->Find("england-and-wales", D("2023-05-08"))->bunting);
}

TEST(CalendarData, ReadsAPerDivisionFile) {
  auto c = ParseGovUkCalendar(
      R"({"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2024-12-02","notes":"Substitute day","bunting":true}]})",
      "scotland.json");
  ASSERT_TRUE(c) << c.error().ToString();
  ASSERT_EQ(c->divisions.size(), 1u);
  ASSERT_NE(c->Find("scotland", D("2024-12-02")), nullptr);
}

TEST(CalendarData, BadFilesSayWhereAndWhat) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"{\n  \"england-and-wales\": {\"division\": \"england-and-wales\",\n    \"events\": [,]}}",
       "f.json line 3 column 16: not valid JSON (syntax error while parsing value - unexpected ','; "
       "expected '[', '{', or a literal)"},
      {"", "f.json line 1 column 1: not valid JSON (syntax error while parsing value - unexpected "
           "end of input; expected '[', '{', or a literal)"},
      {"[]", "f.json: expected an object keyed by division, as https://www.gov.uk/bank-holidays.json"},
      {"{}", "f.json: key (top level): no divisions"},
      {R"({"wales":{"division":"wales","events":[]}})",
       "f.json: key wales: 'wales' is not a GOV.UK division (england-and-wales, scotland, "
       "northern-ireland)"},
      {R"({"scotland":{"division":"england-and-wales","events":[]}})",
       "f.json: key scotland.division: 'england-and-wales' does not match the key 'scotland'"},
      {R"({"scotland":{"events":[]}})",
       "f.json: key scotland.division: missing (expected the division's name)"},
      {R"({"scotland":{"division":"scotland"}})",
       "f.json: key scotland.events: missing (expected a list of bank holidays)"},
      {R"({"scotland":{"division":"scotland","events":[]}})", "f.json: key scotland.events: is empty"},
      {R"({"scotland":{"division":"scotland","events":[{"title":"A","date":"2022-13-01"}]}})",
       "f.json: key scotland.events[0].date: 2022-13-01 is not a valid date"},
      {R"({"scotland":{"division":"scotland","events":[{"title":"A","date":"1/1/2022"}]}})",
       "f.json: key scotland.events[0].date: '1/1/2022' is not a date in the form YYYY-MM-DD"},
      {R"({"scotland":{"division":"scotland","events":[{"date":"2022-01-01"}]}})",
       "f.json: key scotland.events[0].title: missing or empty"},
      {R"({"scotland":{"division":"scotland","events":[{"title":"A","date":"2022-01-03"},{"title":"B","date":"2022-01-03"}]}})",
       "f.json: key scotland.events[1].date: 2022-01-03 is listed twice"},
      {R"({"scotland":{"division":"scotland","events":[{"title":"A","date":"2022-01-03","bunting":"yes"}]}})",
       "f.json: key scotland.events[0].bunting: must be true or false"},
  };
  for (const auto& c : cases) {
    auto r = ParseGovUkCalendar(c.text, "f.json");
    ASSERT_FALSE(r) << c.text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().ToString(), c.error) << c.text;
  }
}

TEST(CalendarData, MergeANewerFile) {
  auto base = ParseGovUkCalendar(BundledText(), "bank-holidays.json");
  ASSERT_TRUE(base);
  // A newer GOV.UK file: a rolling window from 2026, with 2028 published, a retitled day,
  // a proclaimed extra day, and 2027's early May bank holiday moved.
  auto newer = ParseGovUkCalendar(R"js({
  "england-and-wales":{"division":"england-and-wales","events":[
    {"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true},
    {"title":"Good Friday","date":"2026-04-03","notes":"","bunting":false},
    {"title":"Easter Monday","date":"2026-04-06","notes":"","bunting":true},
    {"title":"Early May bank holiday","date":"2026-05-04","notes":"","bunting":true},
    {"title":"Spring bank holiday","date":"2026-05-25","notes":"","bunting":true},
    {"title":"Summer bank holiday","date":"2026-08-31","notes":"","bunting":true},
    {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
    {"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true},
    {"title":"New Year’s Day","date":"2027-01-01","notes":"","bunting":true},
    {"title":"Good Friday","date":"2027-03-26","notes":"","bunting":false},
    {"title":"Easter Monday","date":"2027-03-29","notes":"","bunting":true},
    {"title":"Early May bank holiday (moved)","date":"2027-05-07","notes":"","bunting":true},
    {"title":"Spring bank holiday","date":"2027-05-31","notes":"","bunting":true},
    {"title":"Summer bank holiday","date":"2027-08-30","notes":"","bunting":true},
    {"title":"Christmas Day","date":"2027-12-27","notes":"Substitute day","bunting":true},
    {"title":"Boxing Day","date":"2027-12-28","notes":"Substitute day","bunting":true},
    {"title":"New Year’s Day","date":"2028-01-03","notes":"Substitute day","bunting":true}
  ]},
  "scotland":{"division":"scotland","events":[
    {"title":"Extra day","date":"2026-06-15","notes":"Extra bank holiday","bunting":true},
    {"title":"Summer bank holiday","date":"2026-08-03","notes":"","bunting":true}
  ]}
})js",
                                  "newer.json");
  ASSERT_TRUE(newer) << newer.error().ToString();
  Calendar merged = *base;
  auto changes = MergeCalendar(merged, *newer);
  std::vector<std::string> lines;
  for (const auto& c : changes) lines.push_back(c.ToString());
  const std::vector<std::string> expected = {
      "removed england-and-wales 2027-05-03 Early May bank holiday",
      "added england-and-wales 2027-05-07 Early May bank holiday (moved)",
      "added england-and-wales 2028-01-03 New Year’s Day, substitute day",
      "removed scotland 2026-01-01 New Year’s Day",
      "removed scotland 2026-01-02 2nd January",
      "removed scotland 2026-04-03 Good Friday",
      "removed scotland 2026-05-04 Early May bank holiday",
      "removed scotland 2026-05-25 Spring bank holiday",
      "added scotland 2026-06-15 Extra day, extra bank holiday",
      "removed scotland 2026-11-30 St Andrew’s Day",
      "removed scotland 2026-12-25 Christmas Day",
      "removed scotland 2026-12-28 Boxing Day, substitute day",
  };
  EXPECT_EQ(lines, expected);
  // Years the newer file does not cover are kept: the GOV.UK feed drops old years.
  EXPECT_NE(merged.Find("england-and-wales", D("2022-09-19")), nullptr);
  EXPECT_NE(merged.Find("scotland", D("2027-11-30")), nullptr);
  EXPECT_NE(merged.Find("northern-ireland", D("2027-07-12")), nullptr);
  // Merging the same file again changes nothing.
  EXPECT_TRUE(MergeCalendar(merged, *newer).empty());
  // A changed title is reported as a change.
  auto retitled = *newer;
  retitled.divisions["england-and-wales"].at(D("2026-04-03")).title = "Good Friday (retitled)";
  auto again = MergeCalendar(merged, retitled);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].ToString(), "changed england-and-wales 2026-04-03 'Good Friday' -> 'Good Friday (retitled)'");
}

}  // namespace
}  // namespace assent::publication
