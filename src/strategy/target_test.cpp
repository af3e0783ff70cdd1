#include "strategy/target.hpp"

#include <gtest/gtest.h>

#include "strategy/review.hpp"

namespace assent::strategy {
namespace {

Target Make(double baseline, double target, std::optional<double> achieved) {
  Target t;
  t.unit = Unit::kGbp;
  t.baseline = baseline;
  t.target = target;
  t.achieved = achieved;
  return t;
}

TEST(Target, AttainmentRunsFromBaselineToTarget) {
  struct Case {
    const char* name;
    double baseline, target;
    std::optional<double> achieved;
    std::optional<double> percent;
    std::optional<bool> met;
  } cases[] = {
      // Cumbria 008/2016: savings of £3.1m against a £2.25m target.
      {"savings exceeded", 0, 2'250'000, 3'100'000, 137.777, true},
      {"savings halfway", 0, 2'000'000, 1'000'000, 50.0, false},
      {"exactly met", 0, 100, 100, 100.0, true},
      {"cost cut towards a lower level", 10'000'000, 7'000'000, 8'500'000, 50.0, false},
      {"cost cut past the target", 10'000'000, 7'000'000, 6'000'000, 133.333, true},
      {"went the wrong way", 10'000'000, 7'000'000, 11'000'000, -33.333, false},
      {"nothing achieved yet", 0, 100, std::nullopt, std::nullopt, std::nullopt},
  };
  for (const auto& c : cases) {
    Target t = Make(c.baseline, c.target, c.achieved);
    auto p = AttainmentPercent(t);
    ASSERT_EQ(p.has_value(), c.percent.has_value()) << c.name;
    if (p) {
      EXPECT_NEAR(*p, *c.percent, 0.001) << c.name;
    }
    EXPECT_EQ(TargetMet(t), c.met) << c.name;
  }
}

TEST(Target, FormatsMoneyPercentAndCounts) {
  EXPECT_EQ(FormatValue(Unit::kGbp, 3'100'000), "£3.1m");
  EXPECT_EQ(FormatValue(Unit::kGbp, 2'250'000), "£2.25m");
  EXPECT_EQ(FormatValue(Unit::kGbp, 3'000'000), "£3m");
  EXPECT_EQ(FormatValue(Unit::kGbp, 450'000), "£450,000");
  EXPECT_EQ(FormatValue(Unit::kPercent, 41), "41%");
  EXPECT_EQ(FormatValue(Unit::kPercent, 137.78), "137.8%");
  EXPECT_EQ(FormatValue(Unit::kCount, 1400), "1,400");
}

Strategy WithVersions(std::vector<Date> approved) {
  Strategy s;
  for (const auto& d : approved) s.versions.push_back(Version{.label = "v", .approved = d});
  return s;
}

Date D(const char* iso) { return *Date::ParseIso(iso); }

TEST(Review, AnnualUpdateAndRefreshTheSoonerWins) {
  // Cumbria 2015-19: approved 13 Feb 2015, updated 24 Feb 2016, annual updates, refreshed
  // every four years.
  Strategy s = WithVersions({D("2015-02-13"), D("2016-02-24")});
  s.review.annual_update = true;
  s.review.refresh_years = 4;
  auto next = NextReview(s);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->date.ToIso(), "2017-02-24");
  EXPECT_EQ(next->reason, "annual update");

  s.review.annual_update = false;
  next = NextReview(s);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->date.ToIso(), "2019-02-13");
  EXPECT_EQ(next->reason, "refresh 4 years after first approval");

  s.review.refresh_years = 0;
  s.review.live_document = true;
  EXPECT_FALSE(NextReview(s));
}

TEST(Review, LeapDayMovesToTheEndOfFebruary) {
  EXPECT_EQ(AddYears(D("2016-02-29"), 1).ToIso(), "2017-02-28");
  EXPECT_EQ(AddYears(D("2016-02-29"), 4).ToIso(), "2020-02-29");
}

}  // namespace
}  // namespace assent::strategy
