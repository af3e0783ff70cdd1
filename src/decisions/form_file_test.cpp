#include <gtest/gtest.h>

#include "decisions/form.hpp"
#include "tests/support/files.hpp"

namespace assent::decisions {
namespace {

TEST(FormFile, ShippedFormsLoad) {
  struct Case {
    const char* file;
    const char* kind;
    size_t signoffs;
    size_t decision_makers;
  } cases[] = {
      {"forms/cumbria-request-for-decision.toml", "request-for-decision", 2, 1},
      {"forms/lancashire-joint-management-board.toml", "joint-management-board", 1, 2},
      {"forms/essex-decision-report.toml", "decision-report", 2, 1},
  };
  for (const auto& c : cases) {
    auto form = ParseForm(testing_support::ReadSourceFile(c.file), c.file);
    ASSERT_TRUE(form) << form.error().ToString();
    EXPECT_EQ(form->kind, c.kind) << c.file;
    EXPECT_EQ(form->signoffs.size(), c.signoffs) << c.file;
    EXPECT_EQ(form->decision_makers.size(), c.decision_makers) << c.file;
    EXPECT_EQ(form->joint(), c.decision_makers > 1) << c.file;
    ASSERT_NE(form->FindSection("recommendation"), nullptr) << c.file;
    const FormSection* part2 = form->FindSection("part2");
    ASSERT_NE(part2, nullptr) << c.file;
    EXPECT_EQ(part2->part, Part::kPart2) << c.file;
  }
}

TEST(FormFile, CumbriaOfficerBlockOffersDeleteAsAppropriate) {
  auto form = ParseForm(testing_support::ReadSourceFile("forms/cumbria-request-for-decision.toml"),
                        "cumbria");
  ASSERT_TRUE(form);
  const SignOffBlock& officer = form->signoffs[1];
  EXPECT_EQ(officer.role, "chief_executive");
  ASSERT_EQ(officer.capacities.size(), 2u);
  EXPECT_EQ(officer.capacities[1], "Deputy Chief Executive");
  EXPECT_TRUE(officer.advice);
}

TEST(FormFile, ErrorsNameFileAndKey) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"id = 'x'\n", "f.toml: key kind: is missing"},
      {"id = 'x'\nkind = 'k'\ntitle = 't'\nbody = 'b'\nbody_name = 'B'\n"
       "[[decision_makers]]\nkey = 'c'\nrole = 'chef'\nlabel = 'C'\n",
       "f.toml: key decision_makers[0].role: 'chef' is not a role"},
      {"id = 'x'\nkind = 'k'\ntitle = 't'\nbody = 'b'\nbody_name = 'B'\n",
       "f.toml: key decision_makers: a form needs at least one decision maker block"},
      {"id = 'x'\nkind = 'k'\ntitle = 't'\nbody = 'b'\nbody_name = 'B'\n"
       "[[sections]]\nkey = 's'\nheading = 'S'\npart = 3\n"
       "[[decision_makers]]\nkey = 'c'\nrole = 'commissioner'\nlabel = 'C'\n",
       "f.toml: key sections[0].part: must be 1 or 2"},
      {"id = = 'x'\n", "f.toml line 1: "},
  };
  for (const auto& c : cases) {
    auto form = ParseForm(c.text, "f.toml");
    ASSERT_FALSE(form) << c.text;
    EXPECT_EQ(form.error().ToString().substr(0, std::string(c.error).size()), c.error) << c.text;
  }
}

}  // namespace
}  // namespace assent::decisions
