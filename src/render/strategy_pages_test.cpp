#include <gtest/gtest.h>

#include "render/html_pages.hpp"
#include "tests/support/files.hpp"

namespace assent::render {
namespace {

constexpr const char* kHostile = "<script>alert(1)</script> & \"q\"";

strategy::Strategy Hostile() {
  strategy::Strategy s;
  s.id = "x";
  s.body = "cumbria";
  s.title = std::string("Title ") + kHostile;
  s.owner = kHostile;
  s.summary = kHostile;
  s.start_year = 2015;
  s.end_year = 2019;
  s.versions.push_back({.label = kHostile, .approved = *Date::ParseIso("2016-02-24"), .decision = kHostile,
                        .changes = kHostile});
  strategy::Theme th{.id = "t", .title = kHostile, .summary = kHostile};
  strategy::Deliverable d{.id = "d", .title = kHostile, .description = kHostile,
                          .status = strategy::DeliverableStatus::kInProgress,
                          .due = *strategy::PartialDate::Parse("2016")};
  d.progress.push_back({*strategy::PartialDate::Parse("2015"), kHostile, kHostile});
  th.deliverables.push_back(d);
  th.targets.push_back({.id = "g", .name = kHostile, .unit = strategy::Unit::kCount, .baseline = 0, .target = 1,
                        .note = kHostile});
  s.themes.push_back(th);
  s.alignments.push_back({.kind = strategy::AlignmentKind::kLocal, .name = kHostile, .priorities = {kHostile},
                          .text = kHostile});
  s.influences.push_back({kHostile, kHostile});
  s.replaces_other.push_back({.title = kHostile, .start_year = 2014, .end_year = 2015, .note = kHostile});
  return s;
}

TEST(StrategyPages, EscapeEveryValueIncludingTheSvg) {
  auto pages = HtmlPages::Load(testing_support::SourceDir() + "/templates");
  ASSERT_TRUE(pages) << pages.error().ToString();
  auto c = strategy::Catalogue::Build({Hostile()}, {});
  ASSERT_TRUE(c) << c.error().ToString();
  const strategy::Strategy& s = c->strategies()[0];
  publication::PublicBody body{.slug = "cumbria", .name = kHostile, .short_name = kHostile};
  Date as_of = *Date::ParseIso("2017-03-01");

  services::StrategyPage page;
  page.body = body;
  page.strategy = &s;
  page.report = strategy::BuildDeliveryReport(s, as_of);
  page.catalogue = &*c;
  page.as_of = as_of;
  services::Timeline timeline;
  timeline.catalogue = &*c;
  timeline.lanes.push_back({body, {{&s, strategy::StrategyStatus::kCurrent}}});
  services::StrategyListPage list{.body = body, .rows = timeline.lanes[0].strategies, .timeline = timeline,
                                  .as_of = as_of};

  for (const std::string& html : {pages->Strategy(page), pages->StrategyReport(page),
                                  pages->StrategyTimeline(timeline), pages->StrategyList(list)}) {
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"), std::string::npos);
  }
  EXPECT_NE(pages->StrategyTimeline(timeline).find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace assent::render
