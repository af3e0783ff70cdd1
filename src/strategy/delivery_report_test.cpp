#include "strategy/delivery_report.hpp"

#include <gtest/gtest.h>

namespace assent::strategy {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }
PartialDate P(const char* text) { return *PartialDate::Parse(text); }

Deliverable Item(const char* id, DeliverableStatus status, std::optional<PartialDate> due) {
  Deliverable d;
  d.id = id;
  d.title = id;
  d.status = status;
  d.due = due;
  return d;
}

TEST(DeliveryReport, OverdueMeansOpenAndPastTheWholeDuePeriod) {
  struct Case {
    const char* name;
    DeliverableStatus status;
    std::optional<PartialDate> due;
    const char* as_of;
    bool overdue;
  } cases[] = {
      {"due 2016, still in progress in 2017", DeliverableStatus::kInProgress, P("2016"), "2017-01-01", true},
      {"due 2016, last day of 2016", DeliverableStatus::kInProgress, P("2016"), "2016-12-31", false},
      {"due April 2016, planned in May", DeliverableStatus::kPlanned, P("2016-04"), "2016-05-01", true},
      {"due April 2016, still April", DeliverableStatus::kPlanned, P("2016-04"), "2016-04-30", false},
      {"delivered late is not overdue", DeliverableStatus::kDelivered, P("2016"), "2020-01-01", false},
      {"ongoing work is never overdue", DeliverableStatus::kOngoing, P("2016"), "2020-01-01", false},
      {"unstated status is not called overdue", DeliverableStatus::kNotStated, P("2016"), "2020-01-01", false},
      {"no due date", DeliverableStatus::kInProgress, std::nullopt, "2020-01-01", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsOverdue(Item("x", c.status, c.due), D(c.as_of)), c.overdue) << c.name;
  }
}

TEST(DeliveryReport, CountsByThemeAndTotals) {
  Strategy s;
  s.versions.push_back(Version{.label = "v1", .approved = D("2016-02-24")});
  s.review.annual_update = true;
  Theme infra{.id = "infra", .title = "Infrastructure"};
  infra.deliverables = {Item("dc", DeliverableStatus::kDelivered, P("2015")),
                        Item("wan", DeliverableStatus::kInProgress, P("2016")),
                        Item("ci", DeliverableStatus::kInProgress, P("2016"))};
  Theme cost{.id = "cost", .title = "Cost"};
  cost.targets.push_back(Target{.id = "savings", .name = "Savings", .unit = Unit::kGbp,
                                .baseline = 0, .target = 2'250'000, .achieved = 3'100'000});
  s.themes = {infra, cost};

  auto r = BuildDeliveryReport(s, D("2017-03-01"));
  EXPECT_EQ(r.deliverables, 3);
  EXPECT_EQ(r.overdue, 2);
  ASSERT_EQ(r.themes.size(), 2u);
  ASSERT_EQ(r.themes[0].overdue.size(), 2u);
  EXPECT_EQ(r.themes[0].overdue[0]->id, "wan");
  int delivered = 0, in_progress = 0;
  for (const auto& c : r.themes[0].by_status) {
    if (c.status == DeliverableStatus::kDelivered) delivered = c.count;
    if (c.status == DeliverableStatus::kInProgress) in_progress = c.count;
  }
  EXPECT_EQ(delivered, 1);
  EXPECT_EQ(in_progress, 2);
  ASSERT_EQ(r.themes[1].targets.size(), 1u);
  EXPECT_NEAR(*r.themes[1].targets[0].attainment_percent, 137.78, 0.01);
  EXPECT_TRUE(*r.themes[1].targets[0].met);
  ASSERT_TRUE(r.next_review);
  EXPECT_EQ(r.next_review->date.ToIso(), "2017-02-24");
  EXPECT_TRUE(r.review_overdue);
  EXPECT_FALSE(BuildDeliveryReport(s, D("2017-02-24")).review_overdue);
}

}  // namespace
}  // namespace assent::strategy
