#include <gtest/gtest.h>

#include "render/html_pages.hpp"
#include "tests/support/files.hpp"

namespace assent::render {
namespace {

HtmlPages Pages() {
  auto pages = HtmlPages::Load(testing_support::SourceDir() + "/templates");
  EXPECT_TRUE(pages) << pages.error().ToString();
  return std::move(*pages);
}

TEST(OpenPages, SearchMarksMatchesAndEscapesSnippetText) {
  services::SearchPage page;
  page.form.text = "video <b>";
  page.form.limit = 1;
  page.total = 3;
  page.bodies = {{"cumbria", "Cumbria & Co", "Cumbria", "", 3}};
  services::SearchRow row;
  row.body = page.bodies[0];
  row.decision = {"006/2017", "006-2017", "Body-worn <video>", std::nullopt, std::nullopt};
  row.snippet = {{"The <script>x</script> ", false}, {"video", true}, {" rollout", false}};
  page.hits = {row};
  std::string html = Pages().Search(page, "q=video+%3Cb%3E&limit=1");
  EXPECT_NE(html.find("The &lt;script&gt;x&lt;/script&gt; <mark>video</mark> rollout"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("<script>x"), std::string::npos);
  EXPECT_NE(html.find("value=\"video &lt;b&gt;\""), std::string::npos);
  EXPECT_NE(html.find("1 to 1 of 3 decisions found"), std::string::npos);
  EXPECT_NE(html.find("href=\"/search?q=video+%3Cb%3E&amp;limit=1&amp;offset=1\""), std::string::npos)
      << "the next page keeps the query";
  EXPECT_NE(html.find("type=\"application/atom+xml\""), std::string::npos);
  EXPECT_NE(html.find("href=\"/search.atom?q=video+%3Cb%3E&amp;limit=1\""), std::string::npos);
}

// A capped count (storage::kSearchCandidates) is shown as "more than", never as exact.
TEST(OpenPages, SearchSaysMoreThanWhenTheCountIsCapped) {
  services::SearchPage page;
  page.form.text = "strategy";
  page.form.limit = 1;
  page.total = 1000;
  page.capped = true;
  page.bodies = {{"cumbria", "Cumbria", "Cumbria", "", 3}};
  services::SearchRow row;
  row.body = page.bodies[0];
  row.decision = {"006/2017", "006-2017", "ICT strategy", std::nullopt, std::nullopt};
  page.hits = {row};
  std::string html = Pages().Search(page, "q=strategy&limit=1");
  EXPECT_NE(html.find("1 to 1 of more than 1,000 decisions found"), std::string::npos) << html;
  page.capped = false;
  page.total = 1234;
  html = Pages().Search(page, "q=strategy&limit=1");
  EXPECT_NE(html.find("1 to 1 of 1,234 decisions found"), std::string::npos);
}

TEST(OpenPages, NoticeShowsTheMediaRecordAndNoTextForAStub) {
  publication::PublicDecision p;
  p.body = {"cumbria", "Police & Crime Commissioner for Cumbria", "Cumbria OPCC", "", 3};
  p.reference = "006/2017";
  p.reference_slug = "006-2017";
  p.title = "ICT Strategy";
  p.outcome = decisions::Outcome::kApproved;
  p.decision_maker_role = "Police & Crime Commissioner";
  p.decision_date = *Date::ParseIso("2017-02-22");
  p.sections = {{"Executive Summary", "Public summary text."}};
  p.media.press_release_required = true;
  p.media.strategy_formulated = false;
  p.media.proposed_date = *Date::ParseIso("2017-03-01");
  auto pages = Pages();
  std::string html = pages.Notice(p);
  EXPECT_NE(html.find("Decision notice 006/2017: ICT Strategy"), std::string::npos);
  EXPECT_NE(html.find("Public summary text."), std::string::npos);
  EXPECT_NE(html.find(">Approved<"), std::string::npos);
  EXPECT_NE(html.find("Press release required</dt><dd class=\"govuk-summary-list__value\">Yes"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("Media strategy formulated</dt><dd class=\"govuk-summary-list__value\">No"),
            std::string::npos);
  EXPECT_NE(html.find("1 March 2017"), std::string::npos);

  p.state = publication::PublicState::kDeferred;
  p.deferral_reason = "Contract not yet awarded";
  p.deferred_until = *Date::ParseIso("2026-12-01");
  std::string stub = pages.Notice(p);
  EXPECT_EQ(stub.find("Public summary text."), std::string::npos) << "a stub shows no section text";
  EXPECT_NE(stub.find("Publication deferred"), std::string::npos);
  EXPECT_NE(stub.find("Reason: Contract not yet awarded"), std::string::npos);
}

}  // namespace
}  // namespace assent::render
