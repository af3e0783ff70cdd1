#include "import/money_reader.hpp"

#include <gtest/gtest.h>

namespace assent::import {
namespace {

TEST(MoneyReader, ReadsAmountsAsPrinted) {
  struct Case {
    const char* text;
    const char* printed;
    double pounds;
  } cases[] = {
      {"a cost of \xC2\xA3" "612,000 from", "\xC2\xA3" "612,000", 612000},
      {"about \xC2\xA3" "35k a year", "\xC2\xA3" "35k", 35000},
      {"the \xC2\xA3" "4.2m programme", "\xC2\xA3" "4.2m", 4200000},
      {"raises \xC2\xA3" "98.4 million.", "\xC2\xA3" "98.4 million", 98400000},
      {"totalling \xC2\xA3" "18,420.55, which", "\xC2\xA3" "18,420.55", 18420.55},
      {"\xC2\xA3" "2bn", "\xC2\xA3" "2bn", 2e9},
      {"\xC2\xA3" "5 more", "\xC2\xA3" "5", 5},
      {"\xC2\xA3" "1,00", "\xC2\xA3" "1", 1},
  };
  for (const auto& c : cases) {
    auto found = FindMoneyInText(c.text);
    ASSERT_EQ(found.size(), 1u) << c.text;
    EXPECT_EQ(found[0].text, c.printed) << c.text;
    EXPECT_DOUBLE_EQ(found[0].pounds, c.pounds) << c.text;
  }
  EXPECT_TRUE(FindMoneyInText("no pounds \xC2\xA3 here").empty());
}

}  // namespace
}  // namespace assent::import
