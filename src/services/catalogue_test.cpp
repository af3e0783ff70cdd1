#include "services/catalogue.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent::services {
namespace {

TEST(CatalogueDelegation, DemoBodiesHaveSchemes) {
  std::string path = testing_support::SourceDir() + "/demo/bodies.toml";
  auto bodies = LoadBodiesFile(path);
  ASSERT_TRUE(bodies) << bodies.error().ToString();
  auto schemes = LoadDelegationSchemes(path);
  ASSERT_TRUE(schemes) << schemes.error().ToString();
  Catalogue catalogue;
  catalogue.schemes = std::move(*schemes);

  const workflow::DelegationScheme& cumbria = catalogue.SchemeFor("cumbria");
  ASSERT_FALSE(cumbria.rules.empty());
  EXPECT_EQ(cumbria.rules[0].role, "chief_executive");
  EXPECT_EQ(workflow::RouteDecision(cumbria, "procurement", 2500000).role, "chief_executive");
  EXPECT_EQ(workflow::RouteDecision(cumbria, "procurement", 2500001).role, "commissioner");
  EXPECT_EQ(workflow::RouteDecision(cumbria, "precept_and_budget", 1).role, "commissioner");

  const workflow::DelegationScheme& essex = catalogue.SchemeFor("essex");
  ASSERT_NE(essex.FindCategory("fire_and_rescue"), nullptr);
  EXPECT_EQ(workflow::RouteDecision(essex, "fire_and_rescue", 1).role, "commissioner");
  EXPECT_EQ(workflow::RouteDecision(essex, "estates", 5000000).role, "chief_executive");
  EXPECT_TRUE(catalogue.SchemeFor("lancashire").rules.empty());

  // A body whose file has no scheme: the default categories and no delegation.
  const workflow::DelegationScheme& none = catalogue.SchemeFor("nowhere");
  EXPECT_TRUE(none.rules.empty());
  EXPECT_EQ(none.categories.size(), workflow::DefaultCategories().size());
  EXPECT_EQ(&none, &catalogue.SchemeFor("elsewhere"));
}

TEST(CatalogueDelegation, ErrorsNameFileBodyAndKey) {
  testing_support::TempDir dir;
  std::string path = dir.File("bodies.toml");
  {
    std::ofstream out(path);
    out << "[[body]]\nslug = \"a\"\n\n[[body]]\nslug = \"b\"\n[body.delegation]\n"
           "[[body.delegation.rule]]\nrole = \"chief_executive\"\ncategories = [\"*\"]\n"
           "[[body.delegation.rule]]\nrole = \"ceo\"\ncategories = [\"*\"]\n";
  }
  auto schemes = LoadDelegationSchemes(path);
  ASSERT_FALSE(schemes);
  EXPECT_EQ(schemes.error().ToString(), path + ": key body[1].delegation.rule[1].role: 'ceo' is not a role");
  {
    std::ofstream out(path);
    out << "[[body]]\nslug = \"a\"\ndelegation = 3\n";
  }
  schemes = LoadDelegationSchemes(path);
  ASSERT_FALSE(schemes);
  EXPECT_EQ(schemes.error().ToString(), path + ": key body[0].delegation: must be a table ([body.delegation])");
}

}  // namespace
}  // namespace assent::services
