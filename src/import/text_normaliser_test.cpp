#include "import/text_normaliser.hpp"

#include <gtest/gtest.h>

namespace assent::import {
namespace {

TEST(ImportTextNormaliser, StripsMarkupKeepingStrikes) {
  Line line = NormaliseLine("**I hereby approve/~~do not approve~~ the recommendation(s)**", 7);
  EXPECT_EQ(line.number, 7);
  EXPECT_EQ(line.text, "I hereby approve/do not approve the recommendation(s)");
  EXPECT_TRUE(line.emphasised);
  size_t struck = line.text.find("do not approve");
  EXPECT_TRUE(line.Struck(struck, struck + 14));
  EXPECT_FALSE(line.Struck(0, struck - 1));
  EXPECT_EQ(line.Unstruck(0, line.text.size()), "I hereby approve/ the recommendation(s)");
}

TEST(ImportTextNormaliser, Cases) {
  struct Case {
    const char* raw;
    const char* text;
  } cases[] = {
      {"**Date: 24<sup>th</sup> February 2016**", "Date: 24th February 2016"},
      {"## **Executive Summary:**", "Executive Summary:"},
      {"  - Maintaining the operability (***Business As Usual***) of", "Maintaining the operability (Business As Usual) of"},
      {"Police &amp; Crime&nbsp;Commissioner", "Police & Crime Commissioner"},
      {"N\xC2\xB0  006 /\xC2\xA0" "2017", "N\xC2\xB0 006 / 2017"},
      {"| Report by | Jane Smith |", "Report by\tJane Smith"},
      {"5 * 3 = 15", "5 * 3 = 15"},
      {"\\*not emphasis\\*", "*not emphasis*"},
  };
  for (const auto& c : cases) EXPECT_EQ(NormaliseLine(c.raw, 1).text, c.text) << c.raw;
}

TEST(ImportTextNormaliser, SplitsParagraphTagsAndKeepsLineNumbers) {
  Document doc = NormaliseText("a\r\n<p><u>Sign Off</u></p> <p>Sign:</p>\rlast\n|---|---|\n.....");
  ASSERT_EQ(doc.lines.size(), 6u);
  EXPECT_EQ(doc.lines[0].text, "a");
  EXPECT_EQ(doc.lines[1].text, "Sign Off");
  EXPECT_EQ(doc.lines[1].number, 2);
  EXPECT_EQ(doc.lines[2].text, "Sign:");
  EXPECT_EQ(doc.lines[2].number, 2);
  EXPECT_EQ(doc.lines[3].text, "last");
  EXPECT_EQ(doc.lines[3].number, 3);
  EXPECT_TRUE(doc.lines[4].blank());
  EXPECT_TRUE(doc.lines[5].placeholder);
}

TEST(ImportTextNormaliser, MarksListItemsAndHeadings) {
  Document doc = NormaliseText("# Title\n- item\n    - nested\n#hashtag");
  EXPECT_TRUE(doc.lines[0].markdown_heading);
  EXPECT_EQ(doc.lines[0].text, "Title");
  EXPECT_TRUE(doc.lines[1].list_item);
  EXPECT_EQ(doc.lines[2].indent, 4);
  EXPECT_FALSE(doc.lines[3].markdown_heading);
}

}  // namespace
}  // namespace assent::import
