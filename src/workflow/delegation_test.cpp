#include "workflow/delegation.hpp"

#include <gtest/gtest.h>

namespace assent::workflow {
namespace {

DelegationScheme Parse(std::string_view text) {
  auto s = ParseDelegation(text, "bodies.toml", "body[0].delegation.");
  EXPECT_TRUE(s) << s.error().ToString();
  return s ? *s : DefaultScheme();
}

TEST(Delegation, DefaultCategoriesReserveTheStatutoryDecisions) {
  const auto& cats = DefaultCategories();
  for (const char* key : {"police_and_crime_plan", "police_and_crime_objectives", "precept_and_budget",
                          "chief_constable_appointment", "annual_report"}) {
    auto it = std::find_if(cats.begin(), cats.end(), [&](const Category& c) { return c.key == key; });
    ASSERT_NE(it, cats.end()) << key;
    EXPECT_TRUE(it->reserved) << key;
  }
  for (const char* key : {"general", "procurement", "contract", "grant", "estates", "ict", "finance",
                          "hr", "policy", "partnership", "other"}) {
    auto it = std::find_if(cats.begin(), cats.end(), [&](const Category& c) { return c.key == key; });
    ASSERT_NE(it, cats.end()) << key;
    EXPECT_FALSE(it->reserved) << key;
    EXPECT_FALSE(it->label.empty()) << key;
  }
  DelegationScheme d = DefaultScheme();
  EXPECT_TRUE(d.rules.empty());
  EXPECT_TRUE(d.IsReserved("precept_and_budget"));
  EXPECT_FALSE(d.IsReserved("procurement"));
  EXPECT_FALSE(d.IsReserved("no_such_category"));
  EXPECT_EQ(d.FindCategory("nope"), nullptr);
}

TEST(Delegation, ParsesCategoriesAndRules) {
  DelegationScheme s = Parse(R"(
categories = [{ key = "fire_and_rescue", label = "Fire and rescue" },
              { key = "annual_report", label = "The annual report", reserved = false },
              { key = "estates", label = "Estates and buildings" }]
[[rule]]
role = "chief_executive"
categories = ["procurement", "contract"]
up_to = 25000.50
[[rule]]
role = "deputy_chief_executive"
categories = ["*"]
up_to = 5000
[[rule]]
role = "chief_finance_officer"
categories = ["finance"]
)");
  ASSERT_EQ(s.rules.size(), 3u);
  EXPECT_EQ(s.rules[0], (DelegationRule{"chief_executive", {"procurement", "contract"}, 2500050}));
  EXPECT_EQ(s.rules[1].up_to_pence, 500000);
  EXPECT_FALSE(s.rules[2].up_to_pence.has_value());
  ASSERT_NE(s.FindCategory("fire_and_rescue"), nullptr);
  EXPECT_EQ(s.FindCategory("estates")->label, "Estates and buildings");
  EXPECT_TRUE(s.IsReserved("annual_report"));  // statutory: whatever the file says
  EXPECT_EQ(s.categories.size(), DefaultCategories().size() + 1);
}

TEST(Delegation, ErrorsNameFileAndKey) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"[[rule]]\nrole = 'ceo'\ncategories = ['*']\n",
       "bodies.toml: key body[0].delegation.rule[0].role: 'ceo' is not a role"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = ['*']\n[[rule]]\ncategories = ['*']\n",
       "bodies.toml: key body[0].delegation.rule[1].role: is missing or not a string"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = ['precept_and_budget']\n",
       "bodies.toml: key body[0].delegation.rule[0].categories: 'precept_and_budget' is a reserved"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = ['parking']\n",
       "bodies.toml: key body[0].delegation.rule[0].categories: 'parking' is not a category"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = []\n",
       "bodies.toml: key body[0].delegation.rule[0].categories: must be a non-empty list"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = ['*']\nup_to = -1\n",
       "bodies.toml: key body[0].delegation.rule[0].up_to: must be a sum in pounds"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = ['*']\nup_to = '25000'\n",
       "bodies.toml: key body[0].delegation.rule[0].up_to: must be a sum in pounds"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = ['*']\nup_to = 10.005\n",
       "bodies.toml: key body[0].delegation.rule[0].up_to: must be a sum in pounds and pence"},
      {"[[rule]]\nrole = 'chief_executive'\ncategories = ['*']\nupto = 10\n",
       "bodies.toml: key body[0].delegation.rule[0].upto: is not a rule key"},
      {"categories = [{ key = 'Fire', label = 'Fire' }]\n",
       "bodies.toml: key body[0].delegation.categories[0].key: 'Fire' is not a category key"},
      {"categories = [{ key = 'fire', label = 'Fire' }, { key = 'fire', label = 'F' }]\n",
       "bodies.toml: key body[0].delegation.categories[1].key: 'fire' is listed twice"},
      {"categories = [{ key = 'fire' }]\n",
       "bodies.toml: key body[0].delegation.categories[0].label: is missing"},
      {"rules = []\n", "bodies.toml: key body[0].delegation.rules: is not a delegation key"},
      {"rule = = 1\n", "bodies.toml line 1: "},
  };
  for (const auto& c : cases) {
    auto s = ParseDelegation(c.text, "bodies.toml", "body[0].delegation.");
    ASSERT_FALSE(s) << c.text;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(s.error().ToString().substr(0, std::string(c.error).size()), c.error) << c.text;
  }
}

TEST(Delegation, RoutesBelowAndAboveTheLimit) {
  DelegationScheme s = Parse(R"(
[[rule]]
role = "chief_executive"
categories = ["*"]
up_to = 25000
)");
  Route below = RouteDecision(s, "procurement", 2500000);  // exactly £25,000: inclusive
  EXPECT_EQ(below.role, "chief_executive");
  EXPECT_TRUE(below.deputy_allowed);
  EXPECT_EQ(below.reason, "delegated to the Chief Executive: any decision not reserved up to £25,000.00");

  Route above = RouteDecision(s, "procurement", 2500001);
  EXPECT_EQ(above.role, "commissioner");
  EXPECT_TRUE(above.deputy_allowed);
  EXPECT_EQ(above.reason,
            "above the Chief Executive's limit of £25,000.00: the Police & Crime Commissioner decides");

  Route unknown_amount = RouteDecision(s, "procurement", std::nullopt);
  EXPECT_EQ(unknown_amount.role, "commissioner");

  Route uncategorised = RouteDecision(s, "", 100);
  EXPECT_EQ(uncategorised.role, "commissioner");
  EXPECT_FALSE(uncategorised.deputy_allowed);  // nothing shows it is not reserved
  EXPECT_EQ(uncategorised.reason,
            "no category chosen: only the Police & Crime Commissioner may decide until one is");
  EXPECT_FALSE(RouteDecision(s, "no-such-category", 100).deputy_allowed);
}

TEST(Delegation, ReservedCategoriesAlwaysGoToTheCommissionerInPerson) {
  DelegationScheme s = Parse("[[rule]]\nrole = 'chief_executive'\ncategories = ['*']\n");
  Route r = RouteDecision(s, "precept_and_budget", 100);
  EXPECT_EQ(r.role, "commissioner");
  EXPECT_FALSE(r.deputy_allowed);
  EXPECT_EQ(r.reason, "precept and budget requirement is a reserved decision");
  EXPECT_EQ(RouteDecision(s, "general", std::nullopt).role, "chief_executive");  // no limit
}

TEST(Delegation, FirstMatchingRuleWins) {
  DelegationScheme s = Parse(R"(
[[rule]]
role = "chief_finance_officer"
categories = ["finance"]
up_to = 10000
[[rule]]
role = "chief_executive"
categories = ["finance", "procurement"]
up_to = 100000
)");
  EXPECT_EQ(RouteDecision(s, "finance", 500000).role, "chief_finance_officer");
  EXPECT_EQ(RouteDecision(s, "finance", 5000000).role, "chief_executive");
  EXPECT_EQ(RouteDecision(s, "finance", 5000000).reason,
            "delegated to the Chief Executive: finance up to £100,000.00");
  EXPECT_EQ(RouteDecision(s, "finance", 50000000).role, "commissioner");
  EXPECT_EQ(RouteDecision(s, "estates", 1).role, "commissioner");
  EXPECT_EQ(RouteDecision(DefaultScheme(), "procurement", 1).role, "commissioner");
}

}  // namespace
}  // namespace assent::workflow
