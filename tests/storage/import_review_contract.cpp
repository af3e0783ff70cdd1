// The import review queue on every backend (the StoreContract suite's fixture and
// instantiations, tests/storage/store_contract.cpp): round trip, duplicate content no-op,
// version checks, the original file as a blob, confirmation linked to the decision.
#include <fmt/format.h>

#include "core/hash.hpp"
#include "services/store_copy.hpp"
#include "storage/open_store.hpp"
#include "tests/storage/store_contract.hpp"

namespace assent::testing_support {
namespace {

using storage::ChangeSet;
using storage::ImportReview;
using storage::ReviewState;

ImportReview SampleReview(const std::string& name, const std::string& bytes) {
  ImportReview r;
  r.body = "cumbria";
  r.form = "cumbria-request-for-decision";
  r.reference = "006/2017";
  r.title = "ICT Strategy";
  r.source_name = name;
  r.source_hash = Sha256Hex(bytes);
  r.file_sha256 = Sha256Hex(bytes);
  r.file_size = static_cast<std::int64_t>(bytes.size());
  r.source_kind = "pdf";
  r.record_json = R"({"reference":"006/2017","confidence":{"reference":0.9}})";
  r.source_text = "page one\nline two – “quoted”\npage two";
  r.page_first_line = {1, 3};
  r.unknown_fields = 1;
  r.low_confidence_fields = 2;
  r.queued_at = "2026-11-21T10:15:00Z";
  r.queued_by = "cli";
  return r;
}

ChangeSet Queue(const ImportReview& r, const std::string& bytes) {
  ChangeSet cs;
  cs.put_blobs = {{r.file_sha256, bytes}};
  cs.insert_import_reviews = {r};
  cs.audit = {SampleEvent("import.queue")};
  return cs;
}

TEST_P(StoreContract, ImportReviewsRoundTripWithTheOriginalBytes) {
  std::string bytes("%PDF-1.4\0binary\xff", 16);
  auto r = SampleReview("minutes.pdf", bytes);
  auto applied = store_->Apply(Queue(r, bytes));
  ASSERT_TRUE(applied) << applied.error().ToString();
  ASSERT_EQ(applied->inserted_review_ids.size(), 1u);
  std::int64_t id = applied->inserted_review_ids[0];
  auto got = store_->FindImportReview(id);
  ASSERT_TRUE(got) << got.error().ToString();
  ImportReview want = r;
  want.id = id;
  want.version = 1;
  EXPECT_EQ(*got, want);
  EXPECT_EQ(*store_->FindBlob(r.file_sha256), bytes);
  EXPECT_EQ(*store_->FindImportReviewBySourceHash(r.source_hash), std::optional<std::int64_t>(id));
  EXPECT_EQ(*store_->FindImportReviewBySourceHash(Sha256Hex("other")), std::nullopt);
  EXPECT_EQ(store_->FindImportReview(id + 100).error().code, ErrorCode::kNotFound);

  // The list leaves out the heavy columns and filters by state.
  auto list = store_->ListImportReviews({});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].source_name, "minutes.pdf");
  EXPECT_TRUE((*list)[0].source_text.empty());
  EXPECT_EQ((*list)[0].page_first_line, (std::vector<int>{1, 3}));
  EXPECT_EQ(store_->ListImportReviews({.state = ReviewState::kRejected})->size(), 0u);
  EXPECT_EQ(store_->ListImportReviews({.state = ReviewState::kAwaiting})->size(), 1u);
  auto events = store_->ListAuditEvents(0, 10);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].action, "import.queue");
}

TEST_P(StoreContract, TheSameContentIsQueuedOnceWhateverItsState) {
  std::string bytes = "decision text";
  auto r = SampleReview("a.txt", bytes);
  auto first = store_->Apply(Queue(r, bytes));
  ASSERT_TRUE(first) << first.error().ToString();
  auto again = SampleReview("b.txt", bytes);
  auto second = store_->Apply(Queue(again, bytes));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ListImportReviews({})->size(), 1u);
  EXPECT_EQ(store_->ListAuditEvents(0, 10)->size(), 1u) << "the refused batch wrote nothing";

  // Rejected, it is still there: the same content is still refused.
  auto item = *store_->FindImportReview(first->inserted_review_ids[0]);
  item.state = ReviewState::kRejected;
  item.reason = "not a decision record";
  item.reviewer_id = 7;
  item.reviewed_by = "jsmith";
  item.reviewed_at = "2026-11-22T09:00:00Z";
  ASSERT_TRUE(store_->Apply({.update_import_reviews = {item}}));
  EXPECT_EQ(store_->Apply(Queue(again, bytes)).error().code, ErrorCode::kConflict);
  auto rejected = *store_->FindImportReview(item.id);
  EXPECT_EQ(rejected.state, ReviewState::kRejected);
  EXPECT_EQ(rejected.reason, "not a decision record");
  EXPECT_EQ(rejected.reviewed_by, "jsmith");
  EXPECT_EQ(rejected.version, 2);
  // A stale version is refused.
  item.reason = "changed again";
  EXPECT_EQ(store_->Apply({.update_import_reviews = {item}}).error().code, ErrorCode::kConflict);
}

TEST_P(StoreContract, ConfirmingLinksTheItemToTheDecisionWrittenInTheSameBatch) {
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria")}}));
  std::string bytes = "the record";
  auto queued = store_->Apply(Queue(SampleReview("r.txt", bytes), bytes));
  ASSERT_TRUE(queued);
  auto item = *store_->FindImportReview(queued->inserted_review_ids[0]);
  item.state = ReviewState::kConfirmed;
  item.title = "ICT Strategy (corrected)";
  item.inserted_decision = 0;
  ChangeSet cs;
  cs.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  cs.update_import_reviews = {item};
  cs.audit = {SampleEvent("import.confirm", 0, 0)};
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();
  auto got = *store_->FindImportReview(item.id);
  EXPECT_EQ(got.state, ReviewState::kConfirmed);
  EXPECT_EQ(got.decision_id, applied->inserted_ids[0]);
  EXPECT_EQ(got.title, "ICT Strategy (corrected)");

  // A batch that fails (a duplicate reference) leaves the item as it was.
  std::string other = "another record";
  auto second = store_->Apply(Queue(SampleReview("s.txt", other), other));
  ASSERT_TRUE(second);
  auto item2 = *store_->FindImportReview(second->inserted_review_ids[0]);
  item2.state = ReviewState::kConfirmed;
  item2.inserted_decision = 0;
  ChangeSet dup;
  dup.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  dup.update_import_reviews = {item2};
  EXPECT_EQ(store_->Apply(dup).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->FindImportReview(item2.id)->state, ReviewState::kAwaiting);
}

TEST_P(StoreContract, ImportReviewTextMustBeUtf8WithoutNul) {
  std::string bytes = "x";
  auto r = SampleReview("bad.txt", bytes);
  r.source_text = std::string("a\0b", 3);
  auto applied = store_->Apply(Queue(r, bytes));
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(store_->ListImportReviews({})->empty());
}

// Moving between stores: copied items keep their id, version and state, and new items
// are numbered above them.
TEST_P(StoreContract, CopiedImportReviewsKeepTheirIdsAndNewOnesComeAfter) {
  std::string bytes = "copied record";
  auto r = SampleReview("c.txt", bytes);
  r.id = 40;
  r.version = 3;
  r.state = ReviewState::kRejected;
  r.reason = "a draft";
  r.reviewed_by = "jsmith";
  r.reviewed_at = "2026-11-21T11:00:00Z";
  ChangeSet cs;
  cs.put_blobs = {{r.file_sha256, bytes}};
  cs.copy_import_reviews = {r};
  auto copied = store_->Apply(cs);
  ASSERT_TRUE(copied) << copied.error().ToString();
  auto got = store_->FindImportReview(40);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(*got, r);
  std::string other = "new record";
  auto queued = store_->Apply(Queue(SampleReview("n.txt", other), other));
  ASSERT_TRUE(queued) << queued.error().ToString();
  EXPECT_GT(queued->inserted_review_ids.at(0), 40);
}

// assent migrate copies the import queue (every state) after the decisions and blobs,
// and the verification compares every item.
TEST_P(StoreContract, CopyStoreMovesTheImportQueueAndVerifiesIt) {
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria")}}));
  std::string bytes = "the record";
  auto queued = store_->Apply(Queue(SampleReview("r.txt", bytes), bytes));
  ASSERT_TRUE(queued);
  auto item = *store_->FindImportReview(queued->inserted_review_ids[0]);
  item.state = ReviewState::kConfirmed;
  item.inserted_decision = 0;
  ChangeSet confirm;
  confirm.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  confirm.update_import_reviews = {item};
  ASSERT_TRUE(store_->Apply(confirm));
  std::string other = "another record";
  auto waiting = store_->Apply(Queue(SampleReview("s.txt", other), other));
  ASSERT_TRUE(waiting);

  auto target = storage::OpenStore("sqlite::memory:");
  ASSERT_TRUE(target) << target.error().ToString();
  auto report = services::CopyStore(*store_, **target);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(report->import_reviews, 2);
  for (auto id : {queued->inserted_review_ids[0], waiting->inserted_review_ids[0]}) {
    auto mine = store_->FindImportReview(id);
    auto theirs = (*target)->FindImportReview(id);
    ASSERT_TRUE(theirs) << theirs.error().ToString();
    EXPECT_EQ(*theirs, *mine);
    EXPECT_EQ(*(*target)->FindBlob(mine->file_sha256), *store_->FindBlob(mine->file_sha256));
  }
  EXPECT_EQ((*target)->FindImportReview(queued->inserted_review_ids[0])->decision_id,
            (*target)->FindDecisionById(store_->FindImportReview(queued->inserted_review_ids[0])->decision_id)->id);
  auto verified = services::VerifyCopy(*store_, **target);
  ASSERT_TRUE(verified) << verified.error().ToString();
  EXPECT_EQ(verified->import_reviews, 2);

  // A difference in one item is found and named.
  auto changed = *(*target)->FindImportReview(waiting->inserted_review_ids[0]);
  changed.state = ReviewState::kRejected;
  changed.reason = "changed in the target";
  ASSERT_TRUE((*target)->Apply({.update_import_reviews = {changed}}));
  auto differs = services::VerifyCopy(*store_, **target);
  ASSERT_FALSE(differs);
  EXPECT_EQ(differs.error().message,
            fmt::format("verification failed: import item {} (s.txt) differs in the target",
                        waiting->inserted_review_ids[0]));
}

}  // namespace
}  // namespace assent::testing_support
