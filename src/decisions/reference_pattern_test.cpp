#include "decisions/reference_pattern.hpp"

#include <gtest/gtest.h>

namespace assent::decisions {
namespace {

TEST(ReferencePattern, FormatsAndMatchesEachStyle) {
  struct Case {
    const char* pattern;
    int sequence;
    int year;
    const char* reference;
    bool yearly;
  } cases[] = {
      {"NNN/YYYY", 6, 2017, "006/2017", true},      {"YYYY/NN", 37, 2018, "2018/37", true},
      {"NNN-YY", 97, 2021, "097-21", true},         {"PCC/D/YYYY/NN", 3, 2025, "PCC/D/2025/03", true},
      {"PCD NNNN", 1861, 0, "PCD 1861", false},     {"CFO YYYY/NN", 2, 2013, "CFO 2013/02", true},
      {"'DN' NN/YYYY", 9, 2021, "DN 09/2021", true},  {"NNN/YYYY", 1234, 2019, "1234/2019", true},
  };
  for (const auto& c : cases) {
    auto p = ReferencePattern::Parse(c.pattern);
    ASSERT_TRUE(p) << c.pattern;
    EXPECT_EQ(p->resets_yearly(), c.yearly) << c.pattern;
    EXPECT_EQ(p->Format(c.sequence, c.year), c.reference) << c.pattern;
    auto m = p->Match(c.reference);
    ASSERT_TRUE(m) << c.pattern << ": " << m.error().message;
    EXPECT_EQ(m->sequence, c.sequence) << c.pattern;
    if (c.yearly) {
      EXPECT_EQ(m->year, c.year) << c.pattern;
    }
  }
}

TEST(ReferencePattern, ToleratesSpacesAroundSeparators) {
  auto p = ReferencePattern::Parse("NNN/YYYY");
  ASSERT_TRUE(p);
  auto m = p->Match("006 / 2017");
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->sequence, 6);
  EXPECT_EQ(m->year, 2017);
}

TEST(ReferencePattern, RejectsWhatDoesNotMatch) {
  auto p = ReferencePattern::Parse("NNN/YYYY");
  ASSERT_TRUE(p);
  for (const char* bad : {"06/2017", "006/17", "006-2017", "006/2017x", "", "abc/2017"}) {
    auto m = p->Match(bad);
    ASSERT_FALSE(m) << bad;
    EXPECT_EQ(m.error().message,
              std::string("'") + bad + "' does not match the reference pattern 'NNN/YYYY'");
  }
}

TEST(ReferencePattern, RejectsBadPatterns) {
  auto none = ReferencePattern::Parse("YYYY/");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message,
            "reference pattern 'YYYY/' needs exactly one run of N for the number");
  auto two = ReferencePattern::Parse("NN/NN");
  ASSERT_FALSE(two);
  auto years = ReferencePattern::Parse("YYYY/NN/YY");
  ASSERT_FALSE(years);
  EXPECT_EQ(years.error().message, "reference pattern 'YYYY/NN/YY' has more than one year");
}

}  // namespace
}  // namespace assent::decisions
