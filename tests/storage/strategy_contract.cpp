// The strategy register's stored entries, on every backend (StoreContract is
// instantiated for SQLite file, SQLite memory and PostgreSQL in store_contract.cpp).
#include "tests/storage/store_contract.hpp"

namespace assent::testing_support {
namespace {

using strategy::DeliverableStatus;
using strategy::PartialDate;
using strategy::RecordedProgress;
using strategy::VersionProposal;

RecordedProgress Progress(std::string strategy, std::string deliverable, const char* when,
                          std::string text, std::optional<DeliverableStatus> status = std::nullopt) {
  return RecordedProgress{.body = "cumbria", .strategy = std::move(strategy),
                          .deliverable = std::move(deliverable), .when = *PartialDate::Parse(when),
                          .text = std::move(text), .status = status, .recorded_by = "jlead",
                          .recorded_at = "2026-03-14T10:00:00Z", .source = "staff"};
}

TEST_P(StoreContract, StrategyProgressRoundTripsInRecordedOrder) {
  storage::ChangeSet setup;
  setup.put_bodies.push_back(SampleBody("cumbria"));
  setup.put_bodies.push_back(SampleBody("essex"));
  ASSERT_TRUE(store_->Apply(setup));

  storage::ChangeSet cs;
  cs.insert_strategy_progress.push_back(Progress("ict", "wan", "2026-03", "Live at all sites",
                                                 DeliverableStatus::kDelivered));
  cs.insert_strategy_progress.push_back(Progress("ict", "dc", "2025", "Contract signed, \"at last\""));
  cs.insert_strategy_progress.push_back(Progress("ddat", "cloud", "2026-01-05", "", DeliverableStatus::kOngoing));
  cs.insert_strategy_progress.back().source = "progress-2026.csv";
  cs.audit.push_back(SampleEvent("strategy.progress"));
  ASSERT_TRUE(store_->Apply(cs));

  auto all = store_->ListStrategyProgress("cumbria", "");
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_GT((*all)[0].id, 0);
  EXPECT_LT((*all)[0].id, (*all)[1].id);
  RecordedProgress want = cs.insert_strategy_progress[0];
  want.id = (*all)[0].id;
  EXPECT_EQ((*all)[0], want);
  EXPECT_EQ((*all)[1].status, std::nullopt);
  EXPECT_EQ((*all)[1].text, "Contract signed, \"at last\"");
  EXPECT_EQ((*all)[2].when.ToIso(), "2026-01-05");
  EXPECT_EQ((*all)[2].source, "progress-2026.csv");

  auto ict = store_->ListStrategyProgress("cumbria", "ict");
  ASSERT_TRUE(ict);
  EXPECT_EQ(ict->size(), 2u);
  auto essex = store_->ListStrategyProgress("essex", "");
  ASSERT_TRUE(essex);
  EXPECT_TRUE(essex->empty());
}

TEST_P(StoreContract, StrategyWritesMoveTheChangeTokenAndAreAudited) {
  storage::ChangeSet setup;
  setup.put_bodies.push_back(SampleBody("cumbria"));
  ASSERT_TRUE(store_->Apply(setup));
  auto before = store_->ChangeToken();
  ASSERT_TRUE(before);
  storage::ChangeSet cs;
  cs.insert_strategy_progress.push_back(Progress("ict", "wan", "2026", "Review held"));
  cs.audit.push_back(SampleEvent("strategy.progress"));
  ASSERT_TRUE(store_->Apply(cs));
  auto after = store_->ChangeToken();
  ASSERT_TRUE(after);
  EXPECT_NE(*after, *before) << "the public strategy pages show stored progress";
  auto events = store_->ListAuditEvents(0, 100);
  ASSERT_TRUE(events);
  ASSERT_FALSE(events->empty());
  EXPECT_EQ(events->back().action, "strategy.progress");
}

TEST_P(StoreContract, BadStrategyRowsWriteNothing) {
  storage::ChangeSet setup;
  setup.put_bodies.push_back(SampleBody("cumbria"));
  ASSERT_TRUE(store_->Apply(setup));
  auto token = store_->ChangeToken();
  ASSERT_TRUE(token);

  // An unknown body, after a good row in the same batch: the good row is not kept either.
  storage::ChangeSet unknown_body;
  unknown_body.insert_strategy_progress.push_back(Progress("ict", "wan", "2026", "fine"));
  unknown_body.insert_strategy_progress.push_back(Progress("ict", "wan", "2026", "lost"));
  unknown_body.insert_strategy_progress.back().body = "nowhere";
  unknown_body.audit.push_back(SampleEvent("strategy.progress"));
  auto r = store_->Apply(unknown_body);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);

  // Neither text nor status.
  storage::ChangeSet empty;
  empty.insert_strategy_progress.push_back(Progress("ict", "wan", "2026", ""));
  EXPECT_FALSE(store_->Apply(empty));

  // A proposal whose decision does not exist.
  storage::ChangeSet no_decision;
  no_decision.insert_strategy_proposals.push_back(
      VersionProposal{.body = "cumbria", .strategy = "ict", .label = "V2", .decision_id = 999});
  auto p = store_->Apply(no_decision);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kInvalidInput);

  auto rows = store_->ListStrategyProgress("cumbria", "");
  ASSERT_TRUE(rows);
  EXPECT_TRUE(rows->empty());
  auto proposals = store_->ListStrategyProposals("cumbria", "");
  ASSERT_TRUE(proposals);
  EXPECT_TRUE(proposals->empty());
  EXPECT_EQ(*store_->ChangeToken(), *token);
  auto events = store_->ListAuditEvents(0, 100);
  ASSERT_TRUE(events);
  EXPECT_TRUE(events->empty());
}

TEST_P(StoreContract, VersionProposalsRoundTrip) {
  storage::ChangeSet setup;
  setup.put_bodies.push_back(SampleBody("cumbria"));
  setup.put_bodies.push_back(SampleBody("essex"));
  setup.insert_decisions.push_back(SampleDecision("cumbria", "001/2026"));
  auto applied = store_->Apply(setup);
  ASSERT_TRUE(applied) << applied.error().ToString();
  std::int64_t id = applied->inserted_ids.front();

  storage::ChangeSet wrong_body;
  wrong_body.insert_strategy_proposals.push_back(
      VersionProposal{.body = "essex", .strategy = "digital", .label = "V2", .decision_id = id});
  EXPECT_FALSE(store_->Apply(wrong_body)) << "the decision belongs to cumbria";

  VersionProposal p{.body = "cumbria", .strategy = "ict", .label = "2026 refresh (V2.0)",
                    .changes = "Adds a cloud section", .decision_id = id, .proposed_by = "jlead",
                    .proposed_at = "2026-03-14T10:00:00Z"};
  storage::ChangeSet cs;
  cs.insert_strategy_proposals.push_back(p);
  ASSERT_TRUE(store_->Apply(cs));
  auto got = store_->ListStrategyProposals("cumbria", "ict");
  ASSERT_TRUE(got) << got.error().ToString();
  ASSERT_EQ(got->size(), 1u);
  p.id = (*got)[0].id;
  EXPECT_GT(p.id, 0);
  EXPECT_EQ((*got)[0], p);
  auto other = store_->ListStrategyProposals("cumbria", "ddat");
  ASSERT_TRUE(other);
  EXPECT_TRUE(other->empty());
}

}  // namespace
}  // namespace assent::testing_support
