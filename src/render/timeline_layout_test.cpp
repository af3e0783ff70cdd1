#include "render/timeline_layout.hpp"

#include <gtest/gtest.h>

namespace assent::render {
namespace {

strategy::Strategy Make(const char* id, int start, int end, const char* approved,
                        std::vector<std::string> replaces = {}) {
  strategy::Strategy s;
  s.id = id;
  s.body = "cumbria";
  s.title = std::string("Strategy ") + id;
  s.start_year = start;
  s.end_year = end;
  s.replaces = std::move(replaces);
  s.versions.push_back({.label = "v1", .approved = *Date::ParseIso(approved), .decision = "001/2020"});
  return s;
}

TEST(TimelineLayout, BarsSpanTheirYearsAndArrowsJoinReplacements) {
  auto c = strategy::Catalogue::Build(
      {Make("a", 2015, 2019, "2015-07-02"), Make("b", 2020, 2025, "2020-03-04", {"a"})}, {});
  ASSERT_TRUE(c);
  strategy::Strategy with_other = c->strategies()[1];
  services::Timeline t;
  t.catalogue = &*c;
  t.lanes.push_back({publication::PublicBody{.slug = "cumbria", .name = "Cumbria"},
                     {{&c->strategies()[0], strategy::StrategyStatus::kSuperseded},
                      {&c->strategies()[1], strategy::StrategyStatus::kCurrent}}});
  TimelineLayout l = LayOutTimeline(t);
  EXPECT_EQ(l.first_year, 2015);
  EXPECT_EQ(l.last_year, 2025);
  ASSERT_EQ(l.ticks.size(), 11u);  // 2015..2025
  ASSERT_EQ(l.bars.size(), 2u);
  const TimelineBar& a = l.bars[0];
  const TimelineBar& b = l.bars[1];
  // 11 years over 940 px: each year is 940/11 wide; a spans 5 of them.
  EXPECT_NEAR(a.x, 10, 0.01);
  EXPECT_NEAR(a.w, 940.0 * 5 / 11, 0.01);
  EXPECT_NEAR(b.x, 10 + 940.0 * 5 / 11, 0.01);
  EXPECT_LT(a.y, b.y);
  // 2 July is day 183 of 365: about half way across 2015.
  ASSERT_EQ(a.markers.size(), 1u);
  EXPECT_NEAR(a.markers[0].cx, 10 + 940.0 / 11 * 182 / 365, 0.01);
  EXPECT_EQ(a.markers[0].label, "2 July 2015: decision 001/2020 approved v1");
  ASSERT_EQ(l.arrows.size(), 1u);
  EXPECT_EQ(l.arrows[0].from, "cumbria/a");
  EXPECT_EQ(l.arrows[0].to, "cumbria/b");
  EXPECT_GT(l.height, b.y + b.h);
}

TEST(TimelineLayout, PredecessorsNotOnTheRegisterAreDrawnWhenTheirYearsAreKnown) {
  strategy::Strategy s = Make("ddat", 2020, 2025, "2020-03-04");
  s.replaces_other.push_back({.title = "ICT Strategy 2019-2025", .start_year = 2019, .end_year = 2025});
  s.replaces_other.push_back({.title = "An older one, years unknown"});
  auto c = strategy::Catalogue::Build({s}, {});
  ASSERT_TRUE(c);
  services::Timeline t;
  t.lanes.push_back({publication::PublicBody{.slug = "cumbria", .name = "Cumbria"},
                     {{&c->strategies()[0], strategy::StrategyStatus::kCurrent}}});
  TimelineLayout l = LayOutTimeline(t);
  ASSERT_EQ(l.bars.size(), 2u);
  EXPECT_FALSE(l.bars[0].on_register);
  EXPECT_EQ(l.bars[0].label, "ICT Strategy 2019-2025 (not on this register)");
  EXPECT_EQ(l.first_year, 2019);
  ASSERT_EQ(l.arrows.size(), 1u);
  EXPECT_EQ(l.arrows[0].from, "cumbria/ddat/other/0");
}

TEST(TimelineLayout, NothingToDraw) {
  services::Timeline t;
  TimelineLayout l = LayOutTimeline(t);
  EXPECT_TRUE(l.bars.empty());
  EXPECT_EQ(l.height, 0);
}

}  // namespace
}  // namespace assent::render
