// The publication part of the Store contract, on every backend: the plan and redactions
// round-trip on the decision, the public register filter, and published versions that
// are numbered in order, hash-checked and never updated.
#include <gtest/gtest.h>

#include "core/hash.hpp"
#include "tests/storage/store_contract.hpp"

namespace assent::testing_support {
namespace {

using decisions::PlanKind;
using decisions::RedactionTarget;
using decisions::Status;
using storage::ChangeSet;
using storage::PublishedVersion;

std::int64_t Insert(storage::Store& store, decisions::Decision d) {
  ChangeSet cs;
  cs.insert_decisions.push_back(std::move(d));
  auto r = store.Apply(cs);
  EXPECT_TRUE(r) << (r ? "" : r.error().ToString());
  return r ? r->inserted_ids.at(0) : 0;
}

PublishedVersion Version(std::int64_t id, int number, std::string kind, std::string json) {
  PublishedVersion v;
  v.decision_id = id;
  v.number = number;
  v.kind = std::move(kind);
  v.published_at = "2026-11-23T10:00:00Z";
  v.public_json = std::move(json);
  v.sha256 = Sha256Hex(v.public_json);
  v.change_note = number > 1 ? "Corrected the amount" : "";
  return v;
}

TEST_P(StoreContract, RoundTripsThePlanRedactionsAndPublicationDates) {
  ChangeSet bodies;
  bodies.put_bodies.push_back(SampleBody("cumbria"));
  ASSERT_TRUE(store_->Apply(bodies));
  auto d = SampleDecision("cumbria", "006/2017");
  d.status = Status::kDecided;
  d.plan = {PlanKind::kWithhold, "", std::nullopt, "s43", "Appendix A and the costs",
            *Date::ParseIso("2027-01-04"), 7, "Chris Chief", "2026-11-23T09:00:00Z"};
  decisions::Redaction r;
  r.target = RedactionTarget::kSpan;
  r.section_key = "executive_summary";
  r.text = "summary";
  r.reason = "names a supplier";
  r.ground = "s43";
  r.proposed_by = 3;
  r.proposed_by_name = "Gina Governance";
  r.proposed_at = "2026-11-23T09:10:00Z";
  d.redactions = {r};
  r.target = RedactionTarget::kAttachment;
  r.attachment_sha256 = std::string(64, 'a');
  r.signed_off_by = 7;
  r.signed_off_by_name = "Chris Chief";
  r.signed_off_role = "chief_executive";
  r.signed_off_at = "2026-11-23T09:20:00Z";
  d.redactions.push_back(r);
  d.published_on = *Date::ParseIso("2026-11-24");
  d.withdrawn_on = *Date::ParseIso("2026-11-25");
  auto id = Insert(*store_, d);
  auto back = store_->FindDecisionById(id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->plan, d.plan);
  EXPECT_EQ(back->redactions, d.redactions);
  EXPECT_EQ(back->published_on, d.published_on);
  EXPECT_EQ(back->withdrawn_on, d.withdrawn_on);

  // Replaced on update, not appended.
  decisions::Decision changed = *back;
  changed.redactions.pop_back();
  changed.plan.kind = PlanKind::kPublish;
  ChangeSet update;
  update.update_decisions.push_back(changed);
  ASSERT_TRUE(store_->Apply(update));
  auto again = store_->FindDecisionById(id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->redactions.size(), 1u);
  EXPECT_EQ(again->plan.kind, PlanKind::kPublish);
}

TEST_P(StoreContract, TheRegisterFilterShowsPublishedStubsAndTombstonesOnly) {
  ChangeSet bodies;
  bodies.put_bodies.push_back(SampleBody("cumbria"));
  ASSERT_TRUE(store_->Apply(bodies));
  auto published = SampleDecision("cumbria", "001/2017");
  auto deferred = SampleDecision("cumbria", "002/2017");
  deferred.status = Status::kDecided;
  deferred.plan.kind = PlanKind::kDefer;
  deferred.plan.reason = "contract not yet signed";
  deferred.plan.until = *Date::ParseIso("2017-06-01");
  auto waiting = SampleDecision("cumbria", "003/2017");
  waiting.status = Status::kDecided;  // no plan yet: not public
  auto withdrawn_draft = SampleDecision("cumbria", "004/2017");
  withdrawn_draft.status = Status::kWithdrawn;
  auto tombstone = SampleDecision("cumbria", "005/2017");
  tombstone.status = Status::kWithdrawn;
  tombstone.withdrawn_on = *Date::ParseIso("2017-03-01");
  for (auto* d : {&published, &deferred, &waiting, &withdrawn_draft, &tombstone}) Insert(*store_, *d);

  auto rows = store_->ListDecisions({.body = "cumbria", .public_only = true});
  ASSERT_TRUE(rows);
  std::map<std::string, std::string> state;
  for (const auto& r : *rows) state[r.reference] = r.public_state;
  EXPECT_EQ(state, (std::map<std::string, std::string>{
                       {"001/2017", "published"}, {"002/2017", "deferred"}, {"005/2017", "withdrawn"}}));
  auto all = store_->ListDecisions({.body = "cumbria"});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 5u);
  auto counts = store_->CountPublicDecisionsByBody();
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 1u);
  EXPECT_EQ((*counts)[0].body.slug, "cumbria");
  EXPECT_EQ((*counts)[0].decisions, 3);
  auto years = store_->PublicDecisionYears("cumbria");
  ASSERT_TRUE(years);
  EXPECT_EQ(*years, std::vector<int>{2017});
  auto none = store_->PublicDecisionYears("essex");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(StoreContract, PublishedVersionsAreNumberedInOrderAndImmutable) {
  ChangeSet bodies;
  bodies.put_bodies.push_back(SampleBody("cumbria"));
  ASSERT_TRUE(store_->Apply(bodies));
  auto id = Insert(*store_, SampleDecision("cumbria", "006/2017"));
  auto token = store_->ChangeToken();
  ASSERT_TRUE(token);

  ChangeSet first;
  first.insert_published_versions.push_back(Version(id, 1, "published", "{\"title\": \"v1\"}\n"));
  ASSERT_TRUE(store_->Apply(first));
  auto moved = store_->ChangeToken();
  ASSERT_TRUE(moved);
  EXPECT_NE(*moved, *token) << "a new version changes a public page";

  // The same number again, or a gap, is a conflict; nothing is written.
  ChangeSet again;
  again.insert_published_versions.push_back(Version(id, 1, "corrected", "{\"title\": \"other\"}\n"));
  auto dup = store_->Apply(again);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  ChangeSet gap;
  gap.insert_published_versions.push_back(Version(id, 3, "corrected", "{}\n"));
  EXPECT_EQ(store_->Apply(gap).error().code, ErrorCode::kConflict);

  // A wrong hash, kind or decision is refused before anything is written.
  auto bad_hash = Version(id, 2, "corrected", "{}\n");
  bad_hash.sha256 = std::string(64, '0');
  ChangeSet bh;
  bh.insert_published_versions.push_back(bad_hash);
  EXPECT_EQ(store_->Apply(bh).error().code, ErrorCode::kInvalidInput);
  ChangeSet bk;
  bk.insert_published_versions.push_back(Version(id, 2, "edited", "{}\n"));
  EXPECT_EQ(store_->Apply(bk).error().code, ErrorCode::kInvalidInput);
  ChangeSet nd;
  nd.insert_published_versions.push_back(Version(id + 1000, 1, "published", "{}\n"));
  EXPECT_EQ(store_->Apply(nd).error().code, ErrorCode::kInvalidInput);

  ChangeSet second;
  second.insert_published_versions.push_back(Version(id, 2, "corrected", "{\"title\": \"v2\"}\n"));
  ASSERT_TRUE(store_->Apply(second));
  auto versions = store_->ListPublishedVersions(id);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0], Version(id, 1, "published", "{\"title\": \"v1\"}\n"));
  EXPECT_EQ((*versions)[1].kind, "corrected");
  EXPECT_EQ((*versions)[1].change_note, "Corrected the amount");
  EXPECT_EQ((*versions)[1].sha256, Sha256Hex("{\"title\": \"v2\"}\n"));
  auto none = store_->ListPublishedVersions(id + 1000);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace assent::testing_support
