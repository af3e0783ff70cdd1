#include "render/html_pages.hpp"

#include <gtest/gtest.h>

#include "tests/support/files.hpp"

namespace assent::render {
namespace {

publication::PublicDecision Sample() {
  publication::PublicDecision p;
  p.body.slug = "cumbria";
  p.body.name = "Police & Crime Commissioner for Cumbria";
  p.body.short_name = "Cumbria OPCC";
  p.reference = "006/2017";
  p.reference_slug = "006-2017";
  p.title = "ICT <Strategy> & \"plan\"";
  p.sections = {{"Executive Summary", "First para.\n\n- item one\n- item two\n\nLast <b>para</b>."}};
  p.part2_exists = true;
  return p;
}

TEST(HtmlPages, EscapesEveryValue) {
  auto pages = HtmlPages::Load(testing_support::SourceDir() + "/templates");
  ASSERT_TRUE(pages) << pages.error().ToString();
  std::string html = pages->Decision(Sample());
  EXPECT_NE(html.find("ICT &lt;Strategy&gt; &amp; &quot;plan&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<Strategy>"), std::string::npos);
  EXPECT_EQ(html.find("<b>para</b>"), std::string::npos);
  EXPECT_NE(html.find("<li>item one</li>"), std::string::npos);
  EXPECT_NE(html.find("confidential Part 2"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos) << "no inline script";
}

TEST(HtmlPages, ReportsAMissingTemplateDirectory) {
  auto pages = HtmlPages::Load("/nonexistent");
  ASSERT_FALSE(pages);
  EXPECT_EQ(pages.error().where, "/nonexistent/layout.mustache");
}

TEST(SplitBlocks, ParagraphsAndLists) {
  auto blocks = SplitBlocks("a\nb\n\n- x\n- y\n  continued\n\nc");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_FALSE(blocks[0].list);
  EXPECT_EQ(blocks[0].lines[0], "a b");
  EXPECT_TRUE(blocks[1].list);
  ASSERT_EQ(blocks[1].lines.size(), 2u);
  EXPECT_EQ(blocks[1].lines[1], "y continued");
  EXPECT_EQ(blocks[2].lines[0], "c");
}

}  // namespace
}  // namespace assent::render
