#include "strategy/partial_date.hpp"

#include <gtest/gtest.h>

namespace assent::strategy {
namespace {

TEST(PartialDate, ParsesYearMonthOrDay) {
  struct Case {
    const char* text;
    const char* iso;
    const char* long_text;
    const char* first;
    const char* last;
  } cases[] = {
      {"2015", "2015", "2015", "2015-01-01", "2015-12-31"},
      {"2015-11", "2015-11", "November 2015", "2015-11-01", "2015-11-30"},
      {"2016-02", "2016-02", "February 2016", "2016-02-01", "2016-02-29"},
      {"2015-02-13", "2015-02-13", "13 February 2015", "2015-02-13", "2015-02-13"},
  };
  for (const auto& c : cases) {
    auto d = PartialDate::Parse(c.text);
    ASSERT_TRUE(d) << c.text << ": " << d.error().message;
    EXPECT_EQ(d->ToIso(), c.iso) << c.text;
    EXPECT_EQ(d->ToText(), c.long_text) << c.text;
    EXPECT_EQ(d->First().ToIso(), c.first) << c.text;
    EXPECT_EQ(d->Last().ToIso(), c.last) << c.text;
  }
}

TEST(PartialDate, RefusesOtherShapes) {
  for (const char* text : {"", "15", "2015-13", "2015-1", "2015-02-30", "November 2015", "20155"}) {
    auto d = PartialDate::Parse(text);
    EXPECT_FALSE(d) << text;
  }
  EXPECT_EQ(PartialDate::Parse("2015-13").error().message,
            "'2015-13' is not a date such as 2015, 2015-11 or 2015-11-30");
}

TEST(PartialDate, OrdersByYearThenMonth) {
  auto y = *PartialDate::Parse("2015");
  auto sep = *PartialDate::Parse("2015-09");
  auto nov = *PartialDate::Parse("2015-11");
  auto next = *PartialDate::Parse("2016");
  EXPECT_LT(y, sep);
  EXPECT_LT(sep, nov);
  EXPECT_LT(nov, next);
}

}  // namespace
}  // namespace assent::strategy
