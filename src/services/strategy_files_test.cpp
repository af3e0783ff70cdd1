#include "services/strategy_files.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "services/demo_data.hpp"
#include "services/strategy_register.hpp"
#include "storage/open_store.hpp"
#include "strategy/target.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent::services {
namespace {

std::string DemoStrategies() { return testing_support::SourceDir() + "/demo/strategies"; }

TEST(StrategyFiles, TheDemoDataFilesLoad) {
  auto c = LoadStrategies(DemoStrategies());
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->strategies().size(), 5u);
  EXPECT_EQ(c->national().size(), 2u);
  EXPECT_EQ(c->Bodies(), (std::vector<std::string>{"cumbria", "essex", "lancashire"}));

  const strategy::Strategy* ict = c->Find("cumbria", "ict-2015-2019");
  ASSERT_NE(ict, nullptr);
  ASSERT_EQ(ict->versions.size(), 2u);
  EXPECT_EQ(ict->versions[1].label, "November 2015 update (V1.1)");
  EXPECT_EQ(ict->versions[1].decision, "008/2016");
  EXPECT_TRUE(ict->versions[0].decision.empty()) << "the February 2015 approval has no reference";
  EXPECT_EQ(ict->themes.size(), 6u);
  EXPECT_EQ(ict->stated_theme_count, 7);
  const auto& cost = ict->themes.back();
  ASSERT_EQ(cost.targets.size(), 1u);
  EXPECT_NEAR(*strategy::AttainmentPercent(cost.targets[0]), 137.78, 0.01);

  // Each seed decision approves exactly one version.
  for (auto [body, ref] : {std::pair{"cumbria", "008/2016"}, {"cumbria", "006/2017"}, {"cumbria", "004/2020"},
                           {"lancashire", "2018/37"}, {"essex", "097-21"}}) {
    EXPECT_EQ(c->ApprovedBy(body, ref).size(), 1u) << body << " " << ref;
  }
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::string StrategyText(const char* id, const char* replaces) {
  return fmt::format(R"(id = "{}"
body = "cumbria"
title = "Strategy {}"
start_year = 2015
end_year = 2019
owner = "Cumbria Constabulary"
replaces = [{}]
[[version]]
label = "v1"
approved = 2015-02-13
decision = "001/2015"
)",
                     id, id, replaces);
}

TEST(StrategyFiles, ACycleAcrossFilesIsALoadErrorNamingTheFile) {
  testing_support::TempDir dir;
  Write(dir.File("a.toml"), StrategyText("a", "\"b\""));
  Write(dir.File("b.toml"), StrategyText("b", "\"a\""));
  auto c = LoadStrategies(dir.path().string());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().ToString(),
            dir.File("a.toml") + ": key replaces: supersession cycle: cumbria/a -> cumbria/b -> cumbria/a");
}

TEST(StrategyFiles, ABadFileIsNamed) {
  testing_support::TempDir dir;
  Write(dir.File("a.toml"), StrategyText("a", ""));
  Write(dir.File("national.toml"), "[[national]]\nid = \"x\"\n");
  auto c = LoadStrategies(dir.path().string());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().ToString(), dir.File("national.toml") + ": key national[0].title: is missing");
  auto missing = LoadStrategies(dir.File("nope"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().where, dir.File("nope"));
}

class StrategiesOnTheRegister : public ::testing::Test {
 protected:
  void SetUp() override {
    auto forms = LoadForms(testing_support::SourceDir() + "/forms");
    ASSERT_TRUE(forms) << forms.error().ToString();
    Catalogue catalogue;
    catalogue.forms = std::move(*forms);
    auto store = storage::OpenStore("sqlite:" + dir_.File("t.db"));
    ASSERT_TRUE(store) << store.error().ToString();
    store_ = std::move(*store);
    auto demo = LoadDemoIfEmpty(*store_, catalogue, testing_support::SourceDir() + "/demo");
    ASSERT_TRUE(demo) << demo.error().ToString();
  }
  testing_support::TempDir dir_;
  std::unique_ptr<storage::Store> store_;
};

TEST_F(StrategiesOnTheRegister, EveryDemoVersionIsApprovedByADecisionOnTheRegister) {
  auto c = LoadStrategies(DemoStrategies());
  ASSERT_TRUE(c) << c.error().ToString();
  auto problems = CheckStrategiesAgainstRegister(*store_, *c);
  ASSERT_TRUE(problems) << problems.error().ToString();
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST_F(StrategiesOnTheRegister, AMissingDecisionOrWrongDateIsReportedNotFatal) {
  testing_support::TempDir dir;
  std::string text = StrategyText("a", "");
  Write(dir.File("a.toml"), text);  // decision 001/2015 is not on the demo register
  std::string dated = StrategyText("b", "");
  dated.replace(dated.find("001/2015"), 8, "008/2016");  // on the register, dated 2016-02-24
  Write(dir.File("b.toml"), dated);
  std::string other = StrategyText("c", "");
  other.replace(other.find("cumbria"), 7, "nowhere");
  Write(dir.File("c.toml"), other);
  auto c = LoadStrategies(dir.path().string());
  ASSERT_TRUE(c) << c.error().ToString();
  auto problems = CheckStrategiesAgainstRegister(*store_, *c);
  ASSERT_TRUE(problems) << problems.error().ToString();
  EXPECT_EQ(*problems, (std::vector<std::string>{
                           dir.File("a.toml") + ": key version[0].decision: decision 001/2015 is not on the cumbria register (yet)",
                           dir.File("b.toml") + ": key version[0].approved: 2015-02-13 but decision 008/2016 is dated 2016-02-24",
                           dir.File("c.toml") + ": body 'nowhere' is not on the register",
                       }));

  // The page still renders, with the reference unlinked.
  auto page = GetStrategyPage(*store_, *c, "cumbria", "a", *Date::ParseIso("2020-01-01"));
  ASSERT_TRUE(page) << page.error().ToString();
  const DecisionLink* link = FindLink(page->links, "cumbria", "001/2015");
  ASSERT_NE(link, nullptr);
  EXPECT_FALSE(link->on_register);
  auto linked = GetStrategyPage(*store_, *c, "cumbria", "b", *Date::ParseIso("2020-01-01"));
  ASSERT_TRUE(linked) << linked.error().ToString();
  const DecisionLink* found = FindLink(linked->links, "cumbria", "008/2016");
  ASSERT_NE(found, nullptr);
  EXPECT_TRUE(found->on_register);
  EXPECT_EQ(found->url, "/cumbria/decisions/008-2016");
}

}  // namespace
}  // namespace assent::services
