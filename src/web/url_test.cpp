#include "web/url.hpp"

#include <gtest/gtest.h>

namespace assent::web {
namespace {

TEST(Url, PercentDecodes) {
  EXPECT_EQ(PercentDecode("006-2017", false), "006-2017");
  EXPECT_EQ(PercentDecode("a%20b%2Fc", false), "a b/c");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
}

TEST(Url, RejectsMalformedEscapes) {
  for (const char* bad : {"%", "%2", "%zz", "abc%0", "%00", "x%g1"}) {
    EXPECT_EQ(PercentDecode(bad, false), std::nullopt) << bad;
  }
}

TEST(Url, FindsQueryParameters) {
  EXPECT_EQ(QueryParam("year=2017", "year"), "2017");
  EXPECT_EQ(QueryParam("a=1&year=2016&year=2015", "year"), "2016");
  EXPECT_EQ(QueryParam("year=", "year"), "");
  EXPECT_EQ(QueryParam("year", "year"), "");
  EXPECT_EQ(QueryParam("years=1", "year"), std::nullopt);
  EXPECT_EQ(QueryParam("", "year"), std::nullopt);
  EXPECT_EQ(QueryParam("q=a%2", "q"), std::nullopt);
}

}  // namespace
}  // namespace assent::web
