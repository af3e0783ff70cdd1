#include "core/text.hpp"

#include <gtest/gtest.h>

namespace assent {
namespace {

TEST(Text, TrimsSpacesAndNoBreakSpaces) {
  EXPECT_EQ(Trim("  a b \t\n"), "a b");
  EXPECT_EQ(Trim("\xC2\xA0 x \xC2\xA0"), "x");
  EXPECT_EQ(Trim(""), "");
}

TEST(Text, CollapsesSpaces) { EXPECT_EQ(CollapseSpaces("  N°  006 /\t2017 "), "N° 006 / 2017"); }

TEST(Text, FindsIgnoringCase) {
  EXPECT_EQ(FindNoCase("Is there a Part 2 form", "PART 2"), 11u);
  EXPECT_EQ(FindNoCase("abc", "x"), std::string_view::npos);
}

TEST(Text, SplitsLinesKeepingEmptyOnes) {
  auto lines = SplitLines("a\r\n\nb");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[1], "");
  EXPECT_EQ(lines[2], "b");
}

TEST(Text, ChecksUtf8) {
  EXPECT_TRUE(IsValidUtf8("Strategy 2016 – 2020"));
  EXPECT_FALSE(IsValidUtf8("\x96 cp1252 dash"));
  EXPECT_FALSE(IsValidUtf8("\xE2\x80"));
}

}  // namespace
}  // namespace assent
