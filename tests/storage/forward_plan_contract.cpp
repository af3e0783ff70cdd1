// The forward plan's items, on every backend (StoreContract is instantiated for SQLite
// file, SQLite memory and PostgreSQL in store_contract.cpp).
#include "services/store_copy.hpp"
#include "storage/open_store.hpp"
#include "tests/storage/store_contract.hpp"

namespace assent::testing_support {
namespace {

using publication::ForwardPlanItem;

ForwardPlanItem Item(std::string body, std::string title, const char* planned) {
  ForwardPlanItem item;
  item.body = std::move(body);
  item.title = std::move(title);
  item.summary = "What the decision will settle, with \"quotes\" and a\nsecond line";
  item.decision_maker = "Police & Crime Commissioner";
  item.planned_date = *Date::ParseIso(planned);
  item.created_by = item.updated_by = "cu_ce";
  item.created_at = item.updated_at = "2026-03-14T10:00:00Z";
  return item;
}

TEST_P(StoreContract, ForwardPlanItemsRoundTripInPlannedOrder) {
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria"), SampleBody("essex")}}));
  auto before = store_->ChangeToken();
  ASSERT_TRUE(before);

  storage::ChangeSet cs;
  cs.insert_forward_plan_items.push_back(Item("cumbria", "Estates strategy", "2026-09-01"));
  cs.insert_forward_plan_items.push_back(Item("cumbria", "CCTV replacement", "2026-06-01"));
  cs.insert_forward_plan_items.back().part2_expected = true;
  cs.insert_forward_plan_items.push_back(Item("essex", "Fleet", "2026-01-01"));
  cs.audit.push_back(SampleEvent("forward-plan.add"));
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();
  ASSERT_EQ(applied->inserted_forward_plan_ids.size(), 3u);

  auto after = store_->ChangeToken();
  ASSERT_TRUE(after);
  EXPECT_NE(*after, *before) << "the forward plan is a public page";

  auto plan = store_->ListForwardPlan("cumbria");
  ASSERT_TRUE(plan) << plan.error().ToString();
  ASSERT_EQ(plan->size(), 2u);
  ForwardPlanItem want = cs.insert_forward_plan_items[1];
  want.id = applied->inserted_forward_plan_ids[1];
  want.version = 1;
  EXPECT_EQ((*plan)[0], want) << "earliest planned first";
  EXPECT_EQ((*plan)[1].title, "Estates strategy");
  EXPECT_FALSE((*plan)[1].part2_expected);

  auto one = store_->FindForwardPlanItem(want.id);
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, want);
  auto missing = store_->FindForwardPlanItem(want.id + 1000);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListForwardPlan("essex")->size(), 1u);
  EXPECT_TRUE(store_->ListForwardPlan("lancashire")->empty());
}

TEST_P(StoreContract, ForwardPlanUpdatesAreVersionCheckedAndLinkOnlyTheirBodysDecisions) {
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria"), SampleBody("essex")}}));
  auto decided = store_->Apply({.insert_decisions = {SampleDecision("cumbria", "001/2026"),
                                                     SampleDecision("essex", "002/2026")}});
  ASSERT_TRUE(decided) << decided.error().ToString();
  std::int64_t cumbria_decision = decided->inserted_ids[0];
  std::int64_t essex_decision = decided->inserted_ids[1];
  auto added = store_->Apply({.insert_forward_plan_items = {Item("cumbria", "CCTV", "2026-06-01")}});
  ASSERT_TRUE(added);
  auto item = *store_->FindForwardPlanItem(added->inserted_forward_plan_ids[0]);

  ForwardPlanItem linked = item;
  linked.decision_id = cumbria_decision;
  linked.planned_date = *Date::ParseIso("2026-07-01");
  linked.updated_by = "cu_go";
  linked.updated_at = "2026-04-01T09:00:00Z";
  ASSERT_TRUE(store_->Apply({.update_forward_plan_items = {linked}}));
  auto got = store_->FindForwardPlanItem(item.id);
  ASSERT_TRUE(got);
  ForwardPlanItem want = linked;
  want.version = 2;
  EXPECT_EQ(*got, want);
  EXPECT_EQ(got->created_by, "cu_ce") << "created_by is kept";

  // Stale: written at version 1 again.
  ForwardPlanItem stale = item;
  stale.title = "Stale edit";
  auto conflict = store_->Apply({.update_forward_plan_items = {stale}});
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);

  // Another body's decision, an unknown body, an unknown decision: nothing written.
  ForwardPlanItem wrong = *got;
  wrong.decision_id = essex_decision;
  auto other = store_->Apply({.update_forward_plan_items = {wrong}});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kInvalidInput);
  auto unknown_body = store_->Apply({.insert_forward_plan_items = {Item("nowhere", "X", "2026-06-01")}});
  ASSERT_FALSE(unknown_body);
  EXPECT_EQ(unknown_body.error().code, ErrorCode::kInvalidInput);
  ForwardPlanItem ghost = Item("cumbria", "Ghost", "2026-06-01");
  ghost.decision_id = essex_decision + 1000;
  storage::ChangeSet both;
  both.insert_forward_plan_items.push_back(Item("cumbria", "Would be added", "2026-06-01"));
  both.insert_forward_plan_items.push_back(ghost);
  ASSERT_FALSE(store_->Apply(both));
  auto plan = store_->ListForwardPlan("cumbria");
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->size(), 1u) << "a failed batch writes nothing";
  EXPECT_EQ((*plan)[0], want);
}

TEST_P(StoreContract, CopyStoreMovesTheForwardPlanAndVerifiesIt) {
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria")}}));
  auto decided = store_->Apply({.insert_decisions = {SampleDecision("cumbria", "001/2026")}});
  ASSERT_TRUE(decided);
  ForwardPlanItem linked = Item("cumbria", "CCTV", "2026-06-01");
  linked.decision_id = decided->inserted_ids[0];
  ASSERT_TRUE(store_->Apply({.insert_forward_plan_items = {Item("cumbria", "Estates", "2026-06-01"), linked}}));
  auto target = storage::OpenStore("sqlite::memory:");
  ASSERT_TRUE(target);
  auto copied = services::CopyStore(*store_, **target);
  ASSERT_TRUE(copied) << copied.error().ToString();
  auto theirs = (*target)->ListForwardPlan("cumbria");
  ASSERT_TRUE(theirs);
  ASSERT_EQ(theirs->size(), 2u);
  EXPECT_EQ((*theirs)[1].title, "CCTV");
  EXPECT_EQ((*theirs)[1].decision_id, decided->inserted_ids[0]) << "decisions keep their ids";
  ASSERT_TRUE(services::VerifyCopy(*store_, **target));
  ForwardPlanItem moved = (*theirs)[0];
  moved.title = "Estates (changed)";
  ASSERT_TRUE((*target)->Apply({.update_forward_plan_items = {moved}}));
  auto differs = services::VerifyCopy(*store_, **target);
  ASSERT_FALSE(differs);
  EXPECT_EQ(differs.error().message, "verification failed: the forward plan of cumbria differs in the target");
}

}  // namespace
}  // namespace assent::testing_support
