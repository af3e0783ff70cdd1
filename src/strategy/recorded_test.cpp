#include "strategy/recorded.hpp"

#include <gtest/gtest.h>

namespace assent::strategy {
namespace {

Date D(const char* iso) { return *Date::ParseIso(iso); }
PartialDate P(const char* text) { return *PartialDate::Parse(text); }

Strategy Sample() {
  Strategy s;
  s.id = "ict";
  s.body = "cumbria";
  s.versions.push_back(Version{.label = "v1", .approved = D("2016-02-24"), .decision = "008/2016"});
  Theme t{.id = "infra", .title = "Infrastructure"};
  Deliverable wan{.id = "wan", .title = "WAN", .status = DeliverableStatus::kInProgress};
  wan.source = "008/2016";
  wan.progress.push_back({P("2016-02"), "Procurement underway", "008/2016"});
  t.deliverables.push_back(wan);
  t.deliverables.push_back(Deliverable{.id = "dc", .title = "Data centre", .status = DeliverableStatus::kPlanned});
  s.themes.push_back(t);
  return s;
}

RecordedProgress Entry(const char* deliverable, const char* when, const char* text,
                       std::optional<DeliverableStatus> status, std::int64_t id) {
  return RecordedProgress{.id = id, .body = "cumbria", .strategy = "ict", .deliverable = deliverable,
                          .when = P(when), .text = text, .status = status, .source = "staff"};
}

TEST(StrategyRecorded, AVersionIsAddedOnlyThroughAPublishedApprovedDecision) {
  VersionProposal p{.label = "V2", .changes = "New cloud section"};
  using decisions::Outcome;
  using decisions::Status;
  struct Case {
    const char* name;
    Status status;
    Outcome outcome;
    bool dated;
    bool adds;
  } cases[] = {
      {"draft", Status::kDraft, Outcome::kUnknown, false, false},
      {"awaiting sign-off", Status::kSubmitted, Outcome::kUnknown, false, false},
      {"approved, not yet published", Status::kDecided, Outcome::kApproved, true, false},
      {"published, not approved", Status::kPublished, Outcome::kNotApproved, true, false},
      {"published, outcome unknown", Status::kPublished, Outcome::kUnknown, true, false},
      {"withdrawn", Status::kWithdrawn, Outcome::kApproved, true, false},
      {"published and approved", Status::kPublished, Outcome::kApproved, true, true},
  };
  for (const auto& c : cases) {
    DecisionState d{.status = c.status, .outcome = c.outcome, .reference = "2026/14"};
    if (c.dated) d.decision_date = D("2026-03-14");
    auto v = VersionThroughDecision(p, d);
    EXPECT_EQ(v.has_value(), c.adds) << c.name;
    if (v) {
      EXPECT_EQ(v->label, "V2");
      EXPECT_EQ(v->decision, "2026/14");
      EXPECT_EQ(v->approved, D("2026-03-14"));
      EXPECT_EQ(v->changes, "New cloud section");
    }
  }
}

TEST(StrategyRecorded, EntriesJoinTheTimelineAndTheLatestStatusChangeWins) {
  std::vector<RecordedProgress> recorded = {
      Entry("wan", "2026-03", "Live at all sites", DeliverableStatus::kDelivered, 1),
      // Recorded later but dated earlier: it joins the timeline, not the status.
      Entry("wan", "2025-11", "Pilot at Carleton Hall", DeliverableStatus::kInProgress, 2),
      Entry("dc", "2026-01", "Contract signed", std::nullopt, 3),
      // Another strategy's entry is ignored.
      RecordedProgress{.body = "cumbria", .strategy = "other", .deliverable = "wan",
                       .when = P("2026"), .text = "x", .status = DeliverableStatus::kPlanned},
  };
  Strategy s = WithRecorded(Sample(), recorded, {});
  const Deliverable& wan = s.themes[0].deliverables[0];
  EXPECT_EQ(wan.status, DeliverableStatus::kDelivered);
  EXPECT_EQ(wan.source, "");  // no decision reports the stored status
  ASSERT_EQ(wan.progress.size(), 3u);
  EXPECT_EQ(wan.progress[0].text, "Procurement underway");
  EXPECT_EQ(wan.progress[0].recorded, "");
  EXPECT_EQ(wan.progress[1].text, "Pilot at Carleton Hall");
  EXPECT_EQ(wan.progress[2].text, "Live at all sites");
  EXPECT_EQ(wan.progress[2].recorded, "staff");
  EXPECT_EQ(wan.progress[2].status_change, DeliverableStatus::kDelivered);
  const Deliverable& dc = s.themes[0].deliverables[1];
  EXPECT_EQ(dc.status, DeliverableStatus::kPlanned);  // an entry without a status keeps it
  ASSERT_EQ(dc.progress.size(), 1u);
}

TEST(StrategyRecorded, SameDateStatusChangesFollowTheOrderRecorded) {
  std::vector<RecordedProgress> recorded = {
      Entry("dc", "2026-03", "", DeliverableStatus::kDelivered, 7),
      Entry("dc", "2026-03", "", DeliverableStatus::kInProgress, 4),
  };
  Strategy s = WithRecorded(Sample(), recorded, {});
  EXPECT_EQ(s.themes[0].deliverables[1].status, DeliverableStatus::kDelivered);
}

TEST(StrategyRecorded, AddedVersionsComeAfterTheFileVersionsByDate) {
  Version v{.label = "V2", .approved = D("2026-03-14"), .decision = "2026/14"};
  Strategy s = WithRecorded(Sample(), {}, std::vector<Version>{v});
  ASSERT_EQ(s.versions.size(), 2u);
  EXPECT_EQ(s.Latest().label, "V2");
}

TEST(StrategyRecorded, CheckNamesTheField) {
  Strategy s = Sample();
  EXPECT_TRUE(CheckRecorded(s, Entry("wan", "2026", "text", std::nullopt, 0)));
  EXPECT_TRUE(CheckRecorded(s, Entry("wan", "2026", "", DeliverableStatus::kDelivered, 0)));
  auto unknown = CheckRecorded(s, Entry("nope", "2026", "text", std::nullopt, 0));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().where, "deliverable");
  EXPECT_EQ(unknown.error().message, "cumbria/ict has no deliverable 'nope'");
  auto empty = CheckRecorded(s, Entry("wan", "2026", "  ", std::nullopt, 0));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().where, "text");
}

}  // namespace
}  // namespace assent::strategy
