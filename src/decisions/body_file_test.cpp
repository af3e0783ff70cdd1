#include <gtest/gtest.h>

#include "decisions/body.hpp"
#include "tests/support/files.hpp"

namespace assent::decisions {
namespace {

TEST(BodyFile, DemoBodiesLoad) {
  auto bodies = ParseBodies(testing_support::ReadSourceFile("demo/bodies.toml"), "demo/bodies.toml");
  ASSERT_TRUE(bodies) << bodies.error().ToString();
  ASSERT_EQ(bodies->size(), 3u);
  EXPECT_EQ((*bodies)[0].slug, "cumbria");
  EXPECT_EQ((*bodies)[0].reference_pattern, "NNN/YYYY");
  EXPECT_EQ((*bodies)[0].publication_working_days, 3);
  EXPECT_EQ((*bodies)[2].form, "essex-decision-report");
}

TEST(BodyFile, ErrorsNameFileAndKey) {
  const char* base = "[[body]]\nslug = 'x'\nname = 'X'\nform = 'f'\n";
  struct Case {
    std::string text;
    const char* error;
  } cases[] = {
      {"", "b.toml: key body: expected one or more [[body]] tables"},
      {std::string(base), "b.toml: key body[0].reference_pattern: is missing or not a string"},
      {std::string(base) + "reference_pattern = 'YYYY'\n",
       "b.toml: key body[0].reference_pattern: reference pattern 'YYYY' needs exactly one run of "
       "N for the number"},
      {"[[body]]\nslug = 'Bad Slug'\nname = 'X'\nform = 'f'\nreference_pattern = 'NN'\n",
       "b.toml: key body[0].slug: 'Bad Slug' is not a valid slug (a-z, 0-9, '-')"},
      {"[[body]]\nslug = 'staff'\nname = 'X'\nform = 'f'\nreference_pattern = 'NN'\n",
       "b.toml: key body[0].slug: 'staff' is a path the site uses itself: choose another slug"},
      {std::string(base) + "reference_pattern = 'NN'\npublication_working_days = -1\n",
       "b.toml: key body[0].publication_working_days: must be a whole number from 0 to 60"},
      {std::string(base) + "reference_pattern = 'NN'\ncalendar = 'mars'\n",
       "b.toml: key body[0].calendar: 'mars' is not one of england-and-wales, any-uk"},
      {std::string(base) + "reference_pattern = 'NN'\n" + base + "reference_pattern = 'NN'\n",
       "b.toml: key body[1].slug: 'x' is used by another body"},
  };
  for (const auto& c : cases) {
    auto bodies = ParseBodies(c.text, "b.toml");
    ASSERT_FALSE(bodies) << c.text;
    EXPECT_EQ(bodies.error().ToString(), c.error) << c.text;
  }
}

}  // namespace
}  // namespace assent::decisions
