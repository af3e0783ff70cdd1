// The strategy register's stored entries, on every backend (StoreContract is
// instantiated for SQLite file, SQLite memory and PostgreSQL in store_contract.cpp).
#include "services/store_copy.hpp"
#include "storage/open_store.hpp"
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

TEST_P(StoreContract, AProposalAndItsNewDraftAreWrittenInOneTransaction) {
  storage::ChangeSet setup;
  setup.put_bodies.push_back(SampleBody("cumbria"));
  setup.put_bodies.push_back(SampleBody("essex"));
  ASSERT_TRUE(store_->Apply(setup));
  auto token = store_->ChangeToken();
  ASSERT_TRUE(token);
  const VersionProposal p{.body = "cumbria", .strategy = "ict", .label = "2026 refresh (V2.0)",
                          .changes = "Adds a cloud section", .proposed_by = "jlead",
                          .proposed_at = "2026-03-14T10:00:00Z"};
  const auto batch = [&](std::string proposal_body, int index) {
    storage::ChangeSet cs;
    cs.insert_decisions.push_back(SampleDecision("cumbria", "001/2026"));
    VersionProposal q = p;
    q.body = std::move(proposal_body);
    cs.insert_proposals_of_new_decisions.push_back({q, index});
    cs.audit.push_back(SampleEvent("strategy.propose-version", 0, 0));
    return cs;
  };
  // The proposal fails (the new decision is not essex's; no such inserted decision): the
  // draft is not written either.
  for (const auto& bad : {batch("essex", 0), batch("cumbria", 1), batch("cumbria", -1)}) {
    auto r = store_->Apply(bad);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << r.error().ToString();
  }
  EXPECT_EQ(*services::CountAllDecisions(*store_), 0);
  EXPECT_TRUE(store_->ListStrategyProposals("cumbria", "")->empty());
  EXPECT_TRUE(store_->ListStrategyProposals("essex", "")->empty());
  EXPECT_TRUE(store_->ListAuditEvents(0, 10)->empty());
  EXPECT_EQ(*store_->ChangeToken(), *token);

  auto applied = store_->Apply(batch("cumbria", 0));
  ASSERT_TRUE(applied) << applied.error().ToString();
  ASSERT_EQ(applied->inserted_ids.size(), 1u);
  auto got = store_->ListStrategyProposals("cumbria", "ict");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->size(), 1u);
  VersionProposal want = p;
  want.id = (*got)[0].id;
  want.decision_id = applied->inserted_ids[0];
  EXPECT_EQ((*got)[0], want);
  auto events = store_->ListAuditEvents(0, 10);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].decision_id, applied->inserted_ids[0]);
}

TEST_P(StoreContract, CopyStoreMovesStrategyProgressAndProposalsWithTheirIds) {
  // The source is a SQLite store; the target is the store under test (every backend).
  auto source = storage::OpenStore("sqlite::memory:");
  ASSERT_TRUE(source) << source.error().ToString();
  storage::ChangeSet setup;
  setup.put_bodies.push_back(SampleBody("cumbria"));
  setup.put_bodies.push_back(SampleBody("essex"));
  setup.insert_decisions.push_back(SampleDecision("cumbria", "001/2026"));
  auto applied = (*source)->Apply(setup);
  ASSERT_TRUE(applied) << applied.error().ToString();
  std::int64_t decision = applied->inserted_ids[0];
  // Ids with gaps, as a store that has lived has them.
  storage::ChangeSet rows;
  rows.copy_strategy_progress.push_back(Progress("ict", "wan", "2026-03", "Live at all sites",
                                                 DeliverableStatus::kDelivered));
  rows.copy_strategy_progress.back().id = 4;
  rows.copy_strategy_progress.push_back(Progress("ict", "dc", "2026-03", "", DeliverableStatus::kOngoing));
  rows.copy_strategy_progress.back().id = 9;
  rows.copy_strategy_progress.back().source = "progress-2026.csv";
  rows.copy_strategy_proposals.push_back(
      VersionProposal{.id = 7, .body = "cumbria", .strategy = "ict", .label = "2026 refresh (V2.0)",
                      .changes = "Adds a cloud section", .decision_id = decision, .proposed_by = "jlead",
                      .proposed_at = "2026-03-14T10:00:00Z"});
  ASSERT_TRUE((*source)->Apply(rows));
  auto listed = (*source)->ListStrategyProgress("cumbria", "");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[1].id, 9);

  auto report = services::CopyStore(**source, *store_);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(report->strategy_progress, 2);
  EXPECT_EQ(report->strategy_proposals, 1);
  EXPECT_EQ(*store_->ListStrategyProgress("cumbria", ""), *listed);
  EXPECT_EQ(*store_->ListStrategyProposals("cumbria", ""), *(*source)->ListStrategyProposals("cumbria", ""));
  auto verified = services::VerifyCopy(**source, *store_);
  ASSERT_TRUE(verified) << verified.error().ToString();
  EXPECT_EQ(verified->strategy_progress, 2);
  EXPECT_EQ(verified->strategy_proposals, 1);

  // New rows in the target take ids above the copied ones.
  storage::ChangeSet more;
  more.insert_strategy_progress.push_back(Progress("ict", "wan", "2026-04", "Handed over"));
  more.insert_strategy_proposals.push_back(
      VersionProposal{.body = "cumbria", .strategy = "ict", .label = "V3", .decision_id = decision});
  ASSERT_TRUE(store_->Apply(more));
  auto after = store_->ListStrategyProgress("cumbria", "");
  ASSERT_EQ(after->size(), 3u);
  EXPECT_GT((*after)[2].id, 9);
  auto proposals = store_->ListStrategyProposals("cumbria", "");
  ASSERT_EQ(proposals->size(), 2u);
  EXPECT_GT((*proposals)[1].id, 7);
  auto differs = services::VerifyCopy(**source, *store_);
  ASSERT_FALSE(differs);
  EXPECT_NE(differs.error().message.find("the strategy progress of cumbria differs"), std::string::npos)
      << differs.error().message;
}

}  // namespace
}  // namespace assent::testing_support
