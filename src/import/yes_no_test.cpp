#include "import/yes_no.hpp"

#include <gtest/gtest.h>

#include "import/text_normaliser.hpp"

namespace assent::import {
namespace {

TEST(ImportYesNo, ReadsAnswers) {
  struct Case {
    const char* printed;  // as the converter printed it, markup included
    std::optional<bool> value;
    const char* note;
  } cases[] = {
      {"NO", false, ""},
      {"YES", true, ""},
      {"**YES**", true, ""},
      {"- YES", true, ""},
      {"No.", false, ""},
      {"Yes - see the appendix", true, ""},
      {"~~YES~~ / NO", false, ""},
      {"YES / ~~NO~~", true, ""},
      {"YES / NO", std::nullopt, "YES and NO both printed, neither struck through"},
      {"**N/A**", std::nullopt, "answered 'N/A'"},
      {"", std::nullopt, "no answer given"},
      {"~~YES~~ / ~~NO~~", std::nullopt, "every option struck through"},
      {"1. Of Decision Sheet? YES", std::nullopt, "answer '1. Of Decision Sheet? YES' not recognised"},
  };
  for (const auto& c : cases) {
    Line line = NormaliseLine(c.printed, 1);
    std::string standing = line.Unstruck(0, line.text.size());
    YesNoAnswer a = ReadYesNo(standing, standing.size() < line.text.size());
    EXPECT_EQ(a.value, c.value) << c.printed;
    EXPECT_EQ(a.note, c.note) << c.printed;
  }
}

TEST(ImportYesNo, BareAnswers) {
  EXPECT_EQ(BareYesNo("YES"), true);
  EXPECT_EQ(BareYesNo(" no "), false);
  EXPECT_EQ(BareYesNo("YES / NO"), std::nullopt);
  EXPECT_EQ(BareYesNo("Yesterday"), std::nullopt);
}

}  // namespace
}  // namespace assent::import
