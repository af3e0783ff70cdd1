#include "import/heading_match.hpp"

#include <gtest/gtest.h>

namespace assent::import {
namespace {

TEST(ImportHeadingMatch, MatchesPrintedHeadings) {
  auto heading = SplitWords("Legal considerations");
  struct Case {
    const char* raw;
    bool matches;
    bool exact;
  } cases[] = {
      {"4.1 Legal considerations", true, true},
      {"### **4. Legal Considerations:**", true, true},
      {"LEGAL CONSIDERATIONS", true, true},
      {"Legal considerations: none.", true, false},
      {"Legal considerations are set out below", false, false},
      {"2018 Legal considerations", false, false},
  };
  for (const auto& c : cases) {
    auto m = MatchHeading(NormaliseLine(c.raw, 1), heading);
    EXPECT_EQ(m.has_value(), c.matches) << c.raw;
    if (m) {
      EXPECT_EQ(m->exact, c.exact) << c.raw;
    }
  }
  auto inline_text = MatchHeading(NormaliseLine("Legal considerations: none.", 1), heading);
  ASSERT_TRUE(inline_text);
  EXPECT_EQ(inline_text->inline_begin, 21u);
}

TEST(ImportHeadingMatch, RecognisesOtherHeadings) {
  struct Case {
    const char* raw;
    bool heading;
  } cases[] = {
      {"## PART 1 – NON CONFIDENTIAL FACTS AND ADVICE TO THE PCC", true},
      {"**Public Access to Information**", true},
      {"5. Background Papers", true},
      {"**This decision is urgent.**", false},
      {"7.1. None, strategy produced by the ICT department.", false},
      {"1. Of Decision Sheet? YES", false},
      {"**Signed: S. Kirkpatrick**", false},
      {"# Chief Executive / Deputy Chief Executive (delete as appropriate)", false},
      {"Report Approval", false},
  };
  for (const auto& c : cases) EXPECT_EQ(LooksLikeHeading(NormaliseLine(c.raw, 1)), c.heading) << c.raw;
}

}  // namespace
}  // namespace assent::import
