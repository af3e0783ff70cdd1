#include "strategy/catalogue.hpp"

#include <gtest/gtest.h>

namespace assent::strategy {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }

Strategy Make(std::string id, int start, int end, const char* approved,
              std::vector<std::string> replaces = {}, std::string decision = "") {
  Strategy s;
  s.id = id;
  s.body = "cumbria";
  s.title = "Strategy " + id;
  s.start_year = start;
  s.end_year = end;
  s.file = id + ".toml";
  s.replaces = std::move(replaces);
  s.versions.push_back(Version{.label = "v1", .approved = D(approved), .decision = decision});
  return s;
}

TEST(StrategyCatalogue, ASupersessionCycleIsALoadErrorNamingTheFile) {
  auto c = Catalogue::Build({Make("a", 2015, 2019, "2015-02-13", {"c"}),
                             Make("b", 2016, 2020, "2017-02-22", {"a"}),
                             Make("c", 2020, 2025, "2020-03-04", {"b"})},
                            {});
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().ToString(),
            "a.toml: key replaces: supersession cycle: cumbria/a -> cumbria/c -> cumbria/b -> "
            "cumbria/a");
}

TEST(StrategyCatalogue, ChainsWithoutCyclesLoad) {
  auto c = Catalogue::Build({Make("a", 2015, 2019, "2015-02-13"),
                             Make("b", 2016, 2020, "2017-02-22", {"a"}),
                             Make("c", 2020, 2025, "2020-03-04", {"b", "a"})},
                            {});
  ASSERT_TRUE(c) << c.error().ToString();
  const Strategy* a = c->Find("cumbria", "a");
  ASSERT_NE(a, nullptr);
  auto by = c->ReplacedBy(*a);
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(by[0]->id, "b");
  EXPECT_EQ(c->Replaces(*c->Find("cumbria", "c")).size(), 2u);
}

TEST(StrategyCatalogue, LinkErrors) {
  auto self = Catalogue::Build({Make("a", 2015, 2019, "2015-02-13", {"a"})}, {});
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().ToString(), "a.toml: key replaces: a strategy cannot replace itself");

  auto unknown = Catalogue::Build({Make("a", 2015, 2019, "2015-02-13", {"zz"})}, {});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().ToString(), "a.toml: key replaces: no strategy 'zz' of body 'cumbria'");

  Strategy other_body = Make("a", 2015, 2019, "2015-02-13");
  other_body.body = "essex";
  auto across = Catalogue::Build({other_body, Make("b", 2016, 2020, "2017-01-01", {"a"})}, {});
  ASSERT_FALSE(across);
  EXPECT_EQ(across.error().ToString(), "b.toml: key replaces: no strategy 'a' of body 'cumbria'");

  auto twice = Catalogue::Build({Make("a", 2015, 2019, "2015-02-13"), Make("a", 2016, 2020, "2017-01-01")}, {});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().ToString(), "a.toml: key id: 'a' is also the id of Strategy a (in a.toml)");

  Strategy aligned = Make("a", 2015, 2019, "2015-02-13");
  aligned.alignments.push_back(Alignment{.kind = AlignmentKind::kNational, .national = "nope"});
  auto national = Catalogue::Build({aligned}, {});
  ASSERT_FALSE(national);
  EXPECT_EQ(national.error().ToString(),
            "a.toml: key alignment[0].national: no national strategy 'nope' (national.toml)");
}

TEST(StrategyCatalogue, FindsTheVersionsADecisionApproved) {
  auto c = Catalogue::Build({Make("a", 2015, 2019, "2016-02-24", {}, "008/2016"),
                             Make("b", 2016, 2020, "2017-02-22", {}, "006/2017")},
                            {});
  ASSERT_TRUE(c);
  auto found = c->ApprovedBy("cumbria", "008/2016");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].strategy->id, "a");
  EXPECT_EQ(c->ApprovedBy("cumbria", "008-2016").size(), 1u) << "the URL form matches too";
  EXPECT_TRUE(c->ApprovedBy("essex", "008/2016").empty());
  EXPECT_TRUE(c->ApprovedBy("cumbria", "004/2020").empty());
}

TEST(StrategyCatalogue, StatusFollowsPeriodAndSupersession) {
  auto c = Catalogue::Build({Make("a", 2015, 2019, "2015-02-13"),
                             Make("b", 2018, 2025, "2018-11-15", {"a"})},
                            {});
  ASSERT_TRUE(c);
  const Strategy& a = *c->Find("cumbria", "a");
  const Strategy& b = *c->Find("cumbria", "b");
  EXPECT_EQ(c->StatusOn(a, D("2014-06-01")), StrategyStatus::kNotStarted);
  EXPECT_EQ(c->StatusOn(a, D("2016-06-01")), StrategyStatus::kCurrent);
  EXPECT_EQ(c->StatusOn(a, D("2018-11-15")), StrategyStatus::kSuperseded);
  EXPECT_EQ(c->StatusOn(b, D("2025-12-31")), StrategyStatus::kCurrent);
  EXPECT_EQ(c->StatusOn(b, D("2026-01-01")), StrategyStatus::kEnded);
}

}  // namespace
}  // namespace assent::strategy
