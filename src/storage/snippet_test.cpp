#include "storage/snippet.hpp"

#include <gtest/gtest.h>

namespace assent::storage {
namespace {

TEST(SplitSnippet, MarksMatchesWithoutMarkup) {
  auto parts = SplitSnippet("the \x02" "strategy\x03 was \x02" "approved\x03");
  std::vector<SnippetPart> expected = {
      {"the ", false}, {"strategy", true}, {" was ", false}, {"approved", true}};
  EXPECT_EQ(parts, expected);
  EXPECT_TRUE(SplitSnippet("").empty());
  EXPECT_EQ(SplitSnippet("<b>plain</b>"), (std::vector<SnippetPart>{{"<b>plain</b>", false}}));
}

}  // namespace
}  // namespace assent::storage
