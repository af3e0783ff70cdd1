#include "services/import_records.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "services/demo_data.hpp"
#include "services/import_review.hpp"
#include "services/register.hpp"
#include "storage/open_store.hpp"
#include "tests/support/files.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent::services {
namespace {

class ImportService : public ::testing::Test {
 protected:
  void SetUp() override {
    auto forms = LoadForms(testing_support::SourceDir() + "/forms");
    ASSERT_TRUE(forms) << forms.error().ToString();
    catalogue_.forms = std::move(*forms);
    auto store = storage::OpenStore("sqlite:" + dir_.File("t.db"));
    ASSERT_TRUE(store) << store.error().ToString();
    store_ = std::move(*store);
  }
  std::string Seed(const char* name) { return testing_support::SourceDir() + "/demo/seeds/" + name; }

  testing_support::TempDir dir_;
  Catalogue catalogue_;
  std::unique_ptr<storage::Store> store_;
};

TEST_F(ImportService, DemoLoadsThreeBodiesAndFiveDecisionsOnce) {
  auto demo = LoadDemoIfEmpty(*store_, catalogue_, testing_support::SourceDir() + "/demo");
  ASSERT_TRUE(demo) << demo.error().ToString();
  EXPECT_TRUE(demo->loaded);
  EXPECT_EQ(demo->bodies, 3);
  EXPECT_EQ(demo->decisions, 5);
  auto again = LoadDemoIfEmpty(*store_, catalogue_, testing_support::SourceDir() + "/demo");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->loaded);

  auto bodies = ListPublicBodies(*store_);
  ASSERT_TRUE(bodies);
  ASSERT_EQ(bodies->size(), 3u);
  int total = 0;
  for (const auto& b : *bodies) total += b.decisions;
  EXPECT_EQ(total, 5);

  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  ASSERT_EQ(reg->rows.size(), 3u);
  EXPECT_EQ(reg->rows[0].reference, "004/2020");  // newest first
  EXPECT_EQ(reg->rows[2].reference, "008/2016");
  EXPECT_EQ(reg->years, (std::vector<int>{2020, 2017, 2016}));

  auto d = GetPublicDecision(*store_, "essex", "097-21");
  ASSERT_TRUE(d) << d.error().ToString();
  EXPECT_EQ(d->title, "Essex Police Digital Strategy");
}

TEST_F(ImportService, ReimportIsANoOpWhateverBecameOfTheRecord) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  auto first = ImportFiles(store_.get(), catalogue_.forms, {Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(first) << first.error().ToString();
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].status, ImportStatus::kQueued);
  EXPECT_GT((*first)[0].review_id, 0);
  auto second = ImportFiles(store_.get(), catalogue_.forms, {Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(second);
  EXPECT_EQ((*second)[0].status, ImportStatus::kDuplicate);
  EXPECT_EQ((*second)[0].reference, "006/2017");
  EXPECT_EQ((*second)[0].review_id, (*first)[0].review_id);
  // Rejected, it stays a duplicate.
  Reviewer cli{0, "cli", std::nullopt};
  ASSERT_TRUE(RejectImport(*store_, (*first)[0].review_id, 1, "test", cli));
  auto third = ImportFiles(store_.get(), catalogue_.forms, {Seed("000_d97213282a44e43e.txt")}, {.confirm = AutoConfirm::kAll});
  ASSERT_TRUE(third);
  EXPECT_EQ((*third)[0].status, ImportStatus::kDuplicate);
  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  EXPECT_TRUE(reg->rows.empty()) << "queued and rejected: nothing on the register";
}

TEST_F(ImportService, EveryDocumentReadIsQueuedWithItsOriginalBytesAndBadFilesFail) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  std::string bad = dir_.File("notes.txt");
  std::ofstream(bad) << "Shopping list\nmilk\n";
  std::string empty = dir_.File("empty.txt");
  std::ofstream(empty) << "";
  // Read, but no reference number: queued, with the reader's reason.
  std::string noref = dir_.File("noref.txt");
  std::ofstream(noref) << "PFCC Decision Report\nTitle of report: Something\n\n1. Purpose of the report\nx\n";
  auto r = ImportFiles(store_.get(), catalogue_.forms,
                       {bad, Seed("000_d97213282a44e43e.txt"), empty, noref, Seed("003_9d093bf2b27382d5.txt"),
                        Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->size(), 6u);
  EXPECT_EQ((*r)[0].status, ImportStatus::kFailed);
  EXPECT_EQ((*r)[0].message.substr(0, 41), "notes.txt: no known form recognised (look");
  EXPECT_EQ((*r)[1].status, ImportStatus::kQueued);
  EXPECT_EQ((*r)[2].status, ImportStatus::kFailed);
  EXPECT_EQ((*r)[2].message, empty + ": file is empty");
  EXPECT_EQ((*r)[3].status, ImportStatus::kQueued);
  EXPECT_EQ((*r)[3].message, "noref.txt line 1: no reference number found");
  EXPECT_GE((*r)[3].unknown_fields, 1);
  EXPECT_EQ((*r)[4].status, ImportStatus::kQueued);
  EXPECT_EQ((*r)[5].status, ImportStatus::kDuplicate);
  auto s = Summarise(*r);
  EXPECT_EQ(s.queued, 3);
  EXPECT_EQ(s.confirmed, 0);
  EXPECT_EQ(s.failed, 2);
  EXPECT_EQ(s.duplicates, 1);
  // Nothing is on the register until confirmed.
  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  EXPECT_TRUE(reg->rows.empty());
  // The original bytes, the record and the text are kept with the item.
  auto item = store_->FindImportReview((*r)[1].review_id);
  ASSERT_TRUE(item) << item.error().ToString();
  EXPECT_EQ(item->source_name, "000_d97213282a44e43e.txt");
  EXPECT_EQ(item->body, "cumbria");
  EXPECT_EQ(item->reference, "006/2017");
  EXPECT_EQ(item->state, storage::ReviewState::kAwaiting);
  EXPECT_EQ(item->queued_by, "cli");
  EXPECT_NE(item->record_json.find("\"confidence\""), std::string::npos);
  EXPECT_EQ(item->source_text.substr(0, 20), testing_support::ReadSourceFile("demo/seeds/000_d97213282a44e43e.txt").substr(0, 20));
  auto bytes = store_->FindBlob(item->file_sha256);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, testing_support::ReadSourceFile("demo/seeds/000_d97213282a44e43e.txt"));
  auto events = store_->ListAuditEvents(0, 100);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].action, "import.queue");
}

TEST_F(ImportService, ConfirmCleanPublishesOnlyCleanRecords) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  std::string unmarked = testing_support::SourceDir() + "/tests/data/import/cumbria_unmarked_outcome.txt";
  auto r = ImportFiles(store_.get(), catalogue_.forms, {Seed("000_d97213282a44e43e.txt"), unmarked},
                       {.confirm = AutoConfirm::kClean});
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ((*r)[0].status, ImportStatus::kConfirmed) << (*r)[0].message;
  EXPECT_GT((*r)[0].id, 0);
  EXPECT_EQ((*r)[1].status, ImportStatus::kQueued) << "its outcome is unknown";
  EXPECT_EQ((*r)[1].unknown_fields, 1);
  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  ASSERT_EQ(reg->rows.size(), 1u);
  EXPECT_EQ(reg->rows[0].reference, "006/2017");
  auto history = store_->DecisionHistory((*r)[0].id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].action, "import.confirm");
  EXPECT_EQ((*history)[0].actor, "cli");
  auto item = store_->FindImportReview((*r)[0].review_id);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->state, storage::ReviewState::kConfirmed);
  EXPECT_EQ(item->decision_id, (*r)[0].id);
  EXPECT_EQ(item->reviewed_by, "cli");
}

TEST_F(ImportService, ARecordTheStoreRefusesStaysQueuedWithTheReason) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  // A different file with the same reference as one stored before it.
  std::string text = testing_support::ReadSourceFile("demo/seeds/000_d97213282a44e43e.txt");
  std::string copy = dir_.File("copy.txt");
  std::ofstream(copy) << text << "\n";
  auto r = ImportFiles(store_.get(), catalogue_.forms,
                       {Seed("000_d97213282a44e43e.txt"), copy, Seed("003_9d093bf2b27382d5.txt")},
                       {.confirm = AutoConfirm::kClean});
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ((*r)[0].status, ImportStatus::kConfirmed);
  EXPECT_EQ((*r)[1].status, ImportStatus::kQueued);
  EXPECT_NE((*r)[1].message.find("already has a decision with reference 006/2017"), std::string::npos)
      << (*r)[1].message;
  EXPECT_EQ((*r)[2].status, ImportStatus::kConfirmed);
}

TEST_F(ImportService, ARecordOfABodyTheStoreLacksIsQueuedAndCannotBeConfirmed) {
  auto r = ImportFiles(store_.get(), catalogue_.forms, {Seed("004_251d7e129d4e821e.txt")},
                       {.confirm = AutoConfirm::kAll});
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].status, ImportStatus::kQueued);
  EXPECT_EQ((*r)[0].body, "essex");
  EXPECT_EQ((*r)[0].message, "not confirmed: field body: there is no body 'essex' in this register");
}

TEST_F(ImportService, AReviewerCorrectsAndConfirmsOrRejectsAndOnlyConfirmedRecordsArePublic) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  std::string unmarked = testing_support::SourceDir() + "/tests/data/import/cumbria_unmarked_outcome.txt";
  auto r = ImportFiles(store_.get(), catalogue_.forms, {unmarked, Seed("002_355094bc4b687ec6.txt")});
  ASSERT_TRUE(r) << r.error().ToString();
  std::int64_t id = (*r)[0].review_id;
  workflow::Actor ce{1, "cu.ce", "C. E.", {{"cumbria", "chief_executive"}}};
  workflow::Actor officer{2, "cu.oo", "O. O.", {{"cumbria", "originating_officer"}}};
  workflow::Actor lancs{3, "la.ce", "L. C.", {{"lancashire", "chief_executive"}}};
  Reviewer reviewer{ce.id, ce.username, ce};

  // The page: the unknown outcome is flagged and points nowhere; the title points at line 5.
  auto page = GetImportReview(*store_, id, reviewer);
  ASSERT_TRUE(page) << page.error().ToString();
  ASSERT_EQ(page->key_fields.size(), KeyFields().size());
  for (const auto& f : page->key_fields) {
    if (f.key == "outcome") {
      EXPECT_TRUE(f.unknown);
    }
    if (f.key == "title") {
      EXPECT_FALSE(f.unknown || f.low);
      EXPECT_EQ(f.text_line, 5);
      EXPECT_EQ(f.value, "Custody suite CCTV replacement");
    }
  }
  EXPECT_TRUE(page->lines[4].cited);
  // Others do not see it at all.
  EXPECT_EQ(GetImportReview(*store_, id, {officer.id, officer.username, officer}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(GetImportReview(*store_, id, {lancs.id, lancs.username, lancs}).error().code, ErrorCode::kNotFound);

  // A correction that fails validation stores nothing.
  ReviewCorrections c;
  c.body = "cumbria";
  c.reference = "011/2018";
  c.title = "  ";
  c.decision_maker_role = "Police & Crime Commissioner";
  c.outcome = decisions::Outcome::kApproved;
  c.decision_date = *Date::ParseIso("2018-03-07");
  auto bad = ConfirmImport(*store_, catalogue_.forms, id, 1, c, reviewer);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where, "field title");
  EXPECT_TRUE(GetRegister(*store_, "cumbria", std::nullopt)->rows.empty());
  EXPECT_EQ(store_->FindImportReview(id)->state, storage::ReviewState::kAwaiting);

  c.title = "Custody suite CCTV replacement (corrected)";
  auto confirmed = ConfirmImport(*store_, catalogue_.forms, id, 1, c, reviewer);
  ASSERT_TRUE(confirmed) << confirmed.error().ToString();
  auto d = GetPublicDecision(*store_, "cumbria", "011-2018");
  ASSERT_TRUE(d) << d.error().ToString();
  EXPECT_EQ(d->title, "Custody suite CCTV replacement (corrected)");
  auto stored = store_->FindDecisionById(*confirmed);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->outcome, decisions::Outcome::kApproved);
  EXPECT_EQ(stored->source, "cumbria_unmarked_outcome.txt");
  EXPECT_FALSE(stored->sections.empty()) << "the rest of the record as read";
  auto history = store_->DecisionHistory(*confirmed);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].actor, "cu.ce");
  EXPECT_NE((*history)[0].detail.find("corrected: title, outcome"), std::string::npos) << (*history)[0].detail;
  // Confirmed once only.
  EXPECT_EQ(ConfirmImport(*store_, catalogue_.forms, id, 2, c, reviewer).error().code, ErrorCode::kIllegalTransition);

  // Rejecting needs a reason and publishes nothing.
  std::int64_t lancashire = (*r)[1].review_id;
  Reviewer lr{lancs.id, lancs.username, lancs};
  EXPECT_EQ(RejectImport(*store_, lancashire, 1, " ", lr).error().where, "field reason");
  ASSERT_TRUE(RejectImport(*store_, lancashire, 1, "a draft, not the signed record", lr));
  EXPECT_TRUE(GetRegister(*store_, "lancashire", std::nullopt)->rows.empty());
  auto item = store_->FindImportReview(lancashire);
  EXPECT_EQ(item->state, storage::ReviewState::kRejected);
  EXPECT_EQ(item->reviewed_by, "la.ce");
  auto original = GetOriginalFile(*store_, lancashire, lr);
  ASSERT_TRUE(original);
  EXPECT_EQ(original->bytes, testing_support::ReadSourceFile("demo/seeds/002_355094bc4b687ec6.txt"));
  // The queue lists each reviewer's own bodies.
  EXPECT_EQ(ListImportQueue(*store_, reviewer, true)->size(), 1u);
  EXPECT_EQ(ListImportQueue(*store_, reviewer, false)->size(), 0u);
}

TEST_F(ImportService, DryRunStoresNothingAndGivesJson) {
  ImportOptions options;
  options.want_json = true;
  std::vector<std::string> seen;
  options.progress = [&](size_t, size_t, const std::string& f) { seen.push_back(f); };
  auto r = ImportFiles(nullptr, catalogue_.forms, {Seed("004_251d7e129d4e821e.txt")}, options);
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].status, ImportStatus::kQueued);
  EXPECT_EQ((*r)[0].json.substr(0, 40), "{\"source\":\"004_251d7e129d4e821e.txt\",\"fo");
  EXPECT_EQ(seen.size(), 2u) << "once before the file, once at the end";
}

TEST_F(ImportService, DirectoriesAreExpandedRecursivelyInNameOrder) {
  std::filesystem::create_directories(dir_.File("a/b"));
  std::filesystem::create_directories(dir_.File("a/.hidden"));
  std::ofstream(dir_.File("a/b/2.txt")) << "x";
  std::ofstream(dir_.File("a/1.txt")) << "x";
  std::ofstream(dir_.File("a/.hidden/3.txt")) << "x";
  std::ofstream(dir_.File("a/.dotfile")) << "x";
  auto paths = ExpandPaths({dir_.File("a"), dir_.File("missing.txt")});
  EXPECT_EQ(paths, (std::vector<std::string>{dir_.File("a/1.txt"), dir_.File("a/b/2.txt"), dir_.File("missing.txt")}));
}

// A published register: one queue item per row, keyed by the file's hash and the row;
// re-importing the file is one duplicate; a row is confirmed from its own cells.
TEST_F(ImportService, ARegisterTableQueuesOneItemPerRowAndReimportIsANoOp) {
  auto corpus = LoadForms(testing_support::SourceDir() + "/tests/data/corpus/forms");
  ASSERT_TRUE(corpus) << corpus.error().ToString();
  auto forms = catalogue_.forms;
  forms.insert(forms.end(), corpus->begin(), corpus->end());
  decisions::Body northmoor;
  northmoor.slug = "northmoor";
  northmoor.name = "Police and Crime Commissioner for Northmoor";
  northmoor.short_name = "Northmoor OPCC";
  northmoor.reference_pattern = "'DN' NN/YYYY";
  ASSERT_TRUE(store_->Apply({.put_bodies = {northmoor}}));
  std::string file = testing_support::SourceDir() + "/tests/data/corpus/rg01_nm_register_pipes.txt";
  auto first = ImportFiles(store_.get(), forms, {file}, {.want_json = true});
  ASSERT_TRUE(first) << first.error().ToString();
  ASSERT_EQ(first->size(), 5u);
  auto summary = Summarise(*first);
  EXPECT_EQ(summary.queued, 5);
  for (size_t i = 0; i < first->size(); ++i) {
    const auto& o = (*first)[i];
    EXPECT_EQ(o.status, ImportStatus::kQueued);
    EXPECT_EQ(o.row, static_cast<int>(i) + 1);
    EXPECT_NE(o.json.find(fmt::format("\"row\":{}", i + 1)), std::string::npos) << o.json;
    EXPECT_NE(o.json.find("\"source\":\"rg01_nm_register_pipes.txt\""), std::string::npos) << o.json;
    auto item = store_->FindImportReview(o.review_id);
    ASSERT_TRUE(item);
    EXPECT_EQ(RowOfSourceHash(item->source_hash), static_cast<int>(i) + 1);
  }
  EXPECT_EQ((*first)[4].reference, "") << "the reference quoted in row 5's title is not its reference";
  EXPECT_EQ((*first)[4].unknown_fields, 2);  // reference and outcome

  auto again = ImportFiles(store_.get(), forms, {file});
  ASSERT_TRUE(again);
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].status, ImportStatus::kDuplicate);
  EXPECT_EQ((*again)[0].review_id, (*first)[0].review_id);

  // Row 2's page points at its own line (9), and confirming it reads that row again.
  Reviewer cli{0, "cli", std::nullopt};
  std::int64_t id = (*first)[1].review_id;
  auto page = GetImportReview(*store_, id, cli);
  ASSERT_TRUE(page) << page.error().ToString();
  for (const auto& f : page->key_fields) {
    if (f.key == "reference") {
      EXPECT_EQ(f.text_line, 9);
    }
  }
  ReviewCorrections c;
  c.body = "northmoor";
  c.reference = "DN 02/2021";
  c.title = "Variation of decision DN 14/2020: custody nursing contract (second extension)";
  c.outcome = decisions::Outcome::kApproved;
  c.decision_date = *Date::ParseIso("2021-02-03");
  auto confirmed = ConfirmImport(*store_, forms, id, 1, c, cli);
  ASSERT_TRUE(confirmed) << confirmed.error().ToString();
  auto d = store_->FindDecisionById(*confirmed);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->source_hash, store_->FindImportReview(id)->source_hash);
  ASSERT_EQ(d->sections.size(), 1u);
  EXPECT_EQ(d->sections[0].text,
            "Extends the custody nursing contract agreed in DN 14/2020 by six months while the new contract is "
            "tendered.");
}

// The review corrects the rest of the record too: header fields, publication and media
// answers, sign-offs; an unset `other` keeps the record as read.
TEST_F(ImportService, AReviewerCorrectsFieldsBeyondTheKeyOnes) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  std::string unmarked = testing_support::SourceDir() + "/tests/data/import/cumbria_unmarked_outcome.txt";
  auto r = ImportFiles(store_.get(), catalogue_.forms, {unmarked});
  ASSERT_TRUE(r) << r.error().ToString();
  std::int64_t id = (*r)[0].review_id;
  Reviewer cli{0, "cli", std::nullopt};
  auto item = store_->FindImportReview(id);
  ASSERT_TRUE(item);
  ReviewCorrections c;
  c.body = "cumbria";
  c.reference = "011/2018";
  c.title = "Custody suite CCTV replacement";
  c.outcome = decisions::Outcome::kApproved;
  OtherCorrections other = OtherAsRead(*item);
  ASSERT_EQ(other.fields.size(), CorrectableHeaderFields().size());
  for (auto& [key, value] : other.fields) {
    if (key == "classification") value = "OFFICIAL-SENSITIVE";
  }
  other.press_release_required = true;
  other.deferred = false;
  ASSERT_FALSE(other.signoffs.empty());
  other.signoffs[0].name = "Corrected Name";
  other.signoffs[0].date = *Date::ParseIso("2018-03-01");
  c.other = other;
  auto confirmed = ConfirmImport(*store_, catalogue_.forms, id, 1, c, cli);
  ASSERT_TRUE(confirmed) << confirmed.error().ToString();
  auto d = store_->FindDecisionById(*confirmed);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->Field("classification"), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(d->media.press_release_required, std::optional<bool>(true));
  EXPECT_EQ(d->publication.deferred, std::optional<bool>(false));
  ASSERT_FALSE(d->signoffs.empty());
  EXPECT_EQ(d->signoffs[0].name, std::optional<std::string>("Corrected Name"));
  EXPECT_EQ(d->signoffs[0].date, Date::ParseIso("2018-03-01").value());
  auto history = store_->DecisionHistory(*confirmed);
  ASSERT_TRUE(history);
  EXPECT_NE((*history)[0].detail.find("classification"), std::string::npos) << (*history)[0].detail;
  EXPECT_NE((*history)[0].detail.find("media answers"), std::string::npos) << (*history)[0].detail;
  EXPECT_NE((*history)[0].detail.find("sign-offs"), std::string::npos) << (*history)[0].detail;
}

}  // namespace
}  // namespace assent::services
