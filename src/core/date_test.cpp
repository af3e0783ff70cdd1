#include "core/date.hpp"

#include <gtest/gtest.h>

namespace assent {
namespace {

TEST(Date, ParsesAndFormatsIso) {
  auto d = Date::ParseIso("2017-02-22");
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->year(), 2017);
  EXPECT_EQ(d->month(), 2u);
  EXPECT_EQ(d->day(), 22u);
  EXPECT_EQ(d->ToIso(), "2017-02-22");
  EXPECT_EQ(d->ToLong(), "22 February 2017");
}

TEST(Date, RejectsBadIso) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"2017-2-22", "'2017-2-22' is not a date in the form YYYY-MM-DD"},
      {"22/02/2017", "'22/02/2017' is not a date in the form YYYY-MM-DD"},
      {"2017-02-30", "2017-02-30 is not a valid date"},
      {"", "'' is not a date in the form YYYY-MM-DD"},
  };
  for (const auto& c : cases) {
    auto d = Date::ParseIso(c.text);
    ASSERT_FALSE(d) << c.text;
    EXPECT_EQ(d.error().message, c.message) << c.text;
    EXPECT_EQ(d.error().code, ErrorCode::kInvalidInput);
  }
}

TEST(Date, Orders) {
  EXPECT_LT(*Date::ParseIso("2016-02-24"), *Date::ParseIso("2017-02-22"));
  EXPECT_EQ(*Date::ParseIso("2020-03-04"), *Date::FromYmd(2020, 3, 4));
}

}  // namespace
}  // namespace assent
