#include "strategy/strategy_file.hpp"

#include <gtest/gtest.h>

namespace assent::strategy {
namespace {

constexpr const char* kMinimal = R"(
id = "ict-2015-2019"
body = "cumbria"
title = "ICT Strategy 2015-2019"
start_year = 2015
end_year = 2019
owner = "Cumbria Constabulary"

[[version]]
label = "Original"
approved = 2015-02-13
decision_not_on_register = "Approved on 13 February 2015; reference not stated."

[[version]]
label = "November 2015 update"
approved = 2016-02-24
decision = "008/2016"
changes = "Progress in 2015."

[[theme]]
id = "cost"
title = "Reduce the cost of ICT"

[[theme.deliverable]]
id = "wan"
title = "Replacement WAN"
status = "in_progress"
due = "2016"
source = "008/2016"

[[theme.deliverable.progress]]
when = "2015-11"
text = "Procurement underway."

[[theme.deliverable.progress]]
when = "2015"
text = "Started."

[[theme.target]]
id = "savings"
name = "Savings"
unit = "gbp"
baseline = 0
target = 2250000
target_by = "2018"
achieved = 3100000
achieved_on = "2016-02"
)";

TEST(StrategyFile, ReadsAStrategy) {
  auto s = ParseStrategy(kMinimal, "a.toml");
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_EQ(s->Key(), "cumbria/ict-2015-2019");
  ASSERT_EQ(s->versions.size(), 2u);
  EXPECT_EQ(s->versions[0].decision, "");
  EXPECT_EQ(s->versions[1].decision, "008/2016");
  EXPECT_EQ(s->versions[1].approved.ToIso(), "2016-02-24");
  ASSERT_EQ(s->themes.size(), 1u);
  const auto& d = s->themes[0].deliverables.at(0);
  EXPECT_EQ(d.status, DeliverableStatus::kInProgress);
  EXPECT_EQ(d.due->ToIso(), "2016");
  // Progress is kept oldest first, and inherits the deliverable's source.
  ASSERT_EQ(d.progress.size(), 2u);
  EXPECT_EQ(d.progress[0].text, "Started.");
  EXPECT_EQ(d.progress[1].source, "008/2016");
  const auto& t = s->themes[0].targets.at(0);
  EXPECT_EQ(t.target, 2250000);
  EXPECT_EQ(*t.achieved, 3100000);
  EXPECT_EQ(t.achieved_on->ToText(), "February 2016");
  EXPECT_EQ(s->file, "a.toml");
}

// Replaces the first occurrence of `from` in the minimal file.
std::string With(std::string_view from, std::string_view to) {
  std::string text = kMinimal;
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(StrategyFile, ErrorsNameTheFileAndKey) {
  struct Case {
    std::string text;
    const char* error;
  } cases[] = {
      {With("decision = \"008/2016\"\n", ""),
       "a.toml: key version[1].decision: a version names its approving decision: give either "
       "decision (its reference on the register) or decision_not_on_register (why there is "
       "none), not both"},
      {With("decision_not_on_register = \"Approved on 13 February 2015; reference not stated.\"",
            "decision = \"001/2015\"\ndecision_not_on_register = \"x\""),
       "a.toml: key version[0].decision: a version names its approving decision: give either "
       "decision (its reference on the register) or decision_not_on_register (why there is "
       "none), not both"},
      {With("approved = 2016-02-24", "approved = 2014-01-01"),
       "a.toml: key version[1].approved: versions must be listed oldest first (this one is "
       "older than the one before)"},
      {With("status = \"in_progress\"", "status = \"done\""),
       "a.toml: key theme[0].deliverable[0].status: 'done' is not one of planned, in_progress, "
       "delivered, ongoing, not_stated"},
      {With("target = 2250000", "target = 0"),
       "a.toml: key theme[0].target[0].target: equals the baseline, so attainment cannot be "
       "measured"},
      {With("when = \"2015-11\"", "when = \"Nov 2015\""),
       "a.toml: key theme[0].deliverable[0].progress[0].when: 'Nov 2015' is not a date such as "
       "2015, 2015-11 or 2015-11-30"},
      {With("owner = ", "ownr = "), "a.toml: key ownr: is not a known key here"},
      {With("end_year = 2019", "end_year = 2014"), "a.toml: key end_year: 2014 is before start_year 2015"},
      {With("id = \"wan\"", "id = \"Wan Project\""),
       "a.toml: key theme[0].deliverable[0].id: 'Wan Project' must be lower-case letters, "
       "digits and '-', as in ict-2015-2019"},
      {With("unit = \"gbp\"", "unit = \"pounds\""),
       "a.toml: key theme[0].target[0].unit: 'pounds' is not one of gbp, percent, count"},
      {With("achieved_on = \"2016-02\"", ""),
       "a.toml: key theme[0].target[0].achieved_on: is missing (when was it achieved?)"},
      {"id = \"x\"\nbody = \"cumbria\"\ntitle = \"T\"\nstart_year = 2015\nend_year = 2016\nowner = \"O\"\n",
       "a.toml: key version: a strategy needs at least one [[version]]"},
      {"id = \"x\"\nbody = ", "a.toml line 2: "},
  };
  for (const auto& c : cases) {
    auto s = ParseStrategy(c.text, "a.toml");
    ASSERT_FALSE(s) << c.error;
    std::string got = s.error().ToString();
    if (std::string_view(c.error).ends_with(": ")) {
      EXPECT_EQ(got.substr(0, std::string_view(c.error).size()), c.error);
    } else {
      EXPECT_EQ(got, c.error);
    }
  }
}

TEST(StrategyFile, ReadsNationalStrategies) {
  auto n = ParseNationalStrategies(R"(
[[national]]
id = "npcc-apcc-ddat-2020-2030"
title = "National Policing Digital, Data and Technology Strategy 2020-2030"
by = "NPCC and APCC"
start_year = 2020
end_year = 2030
)", "national.toml");
  ASSERT_TRUE(n) << n.error().ToString();
  ASSERT_EQ(n->size(), 1u);
  EXPECT_EQ((*n)[0].by, "NPCC and APCC");
  EXPECT_EQ(*(*n)[0].end_year, 2030);
}

}  // namespace
}  // namespace assent::strategy
