#include "import/date_reader.hpp"

#include <gtest/gtest.h>

namespace assent::import {
namespace {

TEST(ImportDateReader, ReadsPrintedDates) {
  struct Case {
    const char* text;
    const char* iso;
  } cases[] = {
      {"22nd February 2017", "2017-02-22"}, {"24th February 2016", "2016-02-24"},
      {"3 rd March 2021", "2021-03-03"},    {"04 March 2020", "2020-03-04"},
      {"2 July 2021", "2021-07-02"},        {"15/03/2021", "2021-03-15"},
      {"10/03/2021", "2021-03-10"},         {"15.11.18", "2018-11-15"},
      {"15TH NOVEMBER 2018", "2018-11-15"}, {"Monday 4 March 2020", "2020-03-04"},
      {"March 3, 2021", "2021-03-03"},      {"1st of Sept 2019.", "2019-09-01"},
      {"2021-03-15", "2021-03-15"},         {"9th Feb 2022", "2022-02-09"},
      {"15.11.11", "2011-11-15"},
  };
  for (const auto& c : cases) {
    auto date = ReadDate(c.text);
    ASSERT_TRUE(date) << c.text << ": " << date.error().message;
    EXPECT_EQ(date->ToIso(), c.iso) << c.text;
  }
}

TEST(ImportDateReader, RefusesWhatItCannotRead) {
  for (const char* text : {"15th Jovenber Co. 8", "15:11 2018", "", "31/02/2021", "March 2021", "2018",
                           "the 5th", "15/13/2021", "006/2017"}) {
    auto date = ReadDate(text);
    EXPECT_FALSE(date) << text;
  }
  EXPECT_EQ(ReadDate("15th Jovenber Co. 8").error().message, "'15th Jovenber Co. 8' is not a readable date");
}

TEST(ImportDateReader, FindsATrailingDate) {
  auto found = FindTrailingDate("Essex Police Chief Officer Group (COG) 10/03/2021");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->date.ToIso(), "2021-03-10");
  EXPECT_EQ(found->begin, 39u);
  auto text = FindTrailingDate("Strategic Board - 3rd June 2020");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->date.ToIso(), "2020-06-03");
  EXPECT_FALSE(FindTrailingDate("Essex Police Digital Strategy"));
}

TEST(ImportDateReader, FlagsDatesFarFromTheAnchors) {
  DateAnchors anchors;
  Date meeting = Date::FromYmd(2018, 11, 15).value();
  anchors.anchors.push_back({"the meeting date 2018-11-15", meeting, meeting});
  EXPECT_EQ(ImplausibleDate(Date::FromYmd(2011, 11, 15).value(), anchors), "7 years from the meeting date 2018-11-15");
  EXPECT_EQ(ImplausibleDate(Date::FromYmd(2019, 2, 1).value(), anchors), "");
  EXPECT_EQ(ImplausibleDate(Date::FromYmd(2011, 11, 15).value(), DateAnchors{}), "");
}

}  // namespace
}  // namespace assent::import
