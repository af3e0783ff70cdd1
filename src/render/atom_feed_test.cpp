#include "render/atom_feed.hpp"

#include <gtest/gtest.h>

#include "render/decision_feeds.hpp"

namespace assent::render {
namespace {

TEST(AtomFeed, EscapesValuesAndWritesTheRequiredElements) {
  AtomFeed feed{.id = "https://r.example/cumbria/decisions.atom",
                .title = "Decisions <&> \"Cumbria\"",
                .self = "https://r.example/cumbria/decisions.atom",
                .alternate = "https://r.example/cumbria/decisions",
                .author = "Cumbria OPCC",
                .entries = {{"https://r.example/cumbria/decisions/006-2017", "006/2017: A & B <c>",
                             "2017-02-22T00:00:00Z", "https://r.example/cumbria/decisions/006-2017",
                             "Summary with \x02" "control\x03 & <tags>"},
                            {"https://r.example/x/decisions/1", "Older", "2016-01-01T00:00:00Z",
                             "https://r.example/x/decisions/1", ""}}};
  std::string xml = AtomXml(feed);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0), 0u) << xml;
  EXPECT_NE(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(xml.find("<title>Decisions &lt;&amp;&gt; \"Cumbria\"</title>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<title>006/2017: A &amp; B &lt;c&gt;</title>"), std::string::npos);
  EXPECT_NE(xml.find("<summary type=\"text\">Summary with control &amp; &lt;tags&gt;</summary>"),
            std::string::npos)
      << "control characters have no place in XML 1.0";
  EXPECT_NE(xml.find("<updated>2017-02-22T00:00:00Z</updated>\n  <link rel=\"self\""),
            std::string::npos)
      << "the feed's updated is its newest entry's: " << xml;
  EXPECT_NE(xml.find("<link rel=\"alternate\" type=\"text/html\" href=\"https://r.example/cumbria/decisions\""),
            std::string::npos);
  EXPECT_NE(xml.find("<author>\n    <name>Cumbria OPCC</name>"), std::string::npos);
  EXPECT_EQ(xml.find("<summary type=\"text\"></summary>"), std::string::npos) << "no empty summary";
}

TEST(AtomFeed, AnEmptyFeedIsStillValid) {
  std::string xml = AtomXml({.id = "https://r.example/search.atom?q=x", .title = "Nothing"});
  EXPECT_NE(xml.find("<updated>1970-01-01T00:00:00Z</updated>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<entry>"), std::string::npos);
}

TEST(DecisionFeeds, StubsAndTombstonesSayWhyAndShowNoText) {
  publication::PublicDecision d;
  d.body = {"cumbria", "Cumbria", "Cumbria", "", 3};
  d.reference = "006/2017";
  d.reference_slug = "006-2017";
  d.title = "T";
  d.sections = {{"Summary", "Section text that only a published record shows."}};
  d.state = publication::PublicState::kWithheld;
  d.withheld_ground_label = "Section 43: commercial interests";
  d.review_date = *Date::ParseIso("2027-01-31");
  std::string withheld = DecisionSummaryText(d);
  EXPECT_NE(withheld.find("Withheld under Section 43: commercial interests"), std::string::npos) << withheld;
  EXPECT_NE(withheld.find("Review due"), std::string::npos);
  EXPECT_EQ(withheld.find("Section text"), std::string::npos);
  d.state = publication::PublicState::kDeferred;
  d.deferral_reason = "Contract award pending";
  d.deferred_until = *Date::ParseIso("2026-12-01");
  std::string deferred = DecisionSummaryText(d);
  EXPECT_NE(deferred.find("Deferred: Contract award pending"), std::string::npos) << deferred;
  EXPECT_EQ(deferred.find("Section text"), std::string::npos);
  d.state = publication::PublicState::kWithdrawn;
  d.withdrawal_reason = "Superseded by 007/2017";
  std::string tomb = DecisionSummaryText(d);
  EXPECT_NE(tomb.find("Withdrawn: Superseded by 007/2017"), std::string::npos) << tomb;
  EXPECT_EQ(tomb.find("Section text"), std::string::npos);
  d.state = publication::PublicState::kPublished;
  EXPECT_NE(DecisionSummaryText(d).find("Section text"), std::string::npos);

  // The entry's updated is the last published version's instant.
  d.versions = {{1, "published", "2017-02-23T09:00:00Z", "", "aa"},
                {2, "corrected", "2017-03-01T10:30:00Z", "Typo", "bb"}};
  auto feed = RegisterFeed({d.body, {d}}, "https://r.example");
  ASSERT_EQ(feed.entries.size(), 1u);
  EXPECT_EQ(feed.entries[0].updated, "2017-03-01T10:30:00Z");
  EXPECT_EQ(feed.entries[0].id, "https://r.example/cumbria/decisions/006-2017");
  EXPECT_EQ(feed.id, "https://r.example/cumbria/decisions.atom");
}

}  // namespace
}  // namespace assent::render
