#include "services/import_records.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "services/demo_data.hpp"
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

TEST_F(ImportService, ReimportIsANoOp) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  auto first = ImportFiles(store_.get(), catalogue_.forms, {Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(first) << first.error().ToString();
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].status, ImportStatus::kImported);
  auto second = ImportFiles(store_.get(), catalogue_.forms, {Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(second);
  EXPECT_EQ((*second)[0].status, ImportStatus::kDuplicate);
  EXPECT_EQ((*second)[0].reference, "006/2017");
  EXPECT_EQ((*second)[0].id, (*first)[0].id);
  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->rows.size(), 1u);
}

TEST_F(ImportService, BadFilesAreReportedAndGoodOnesStoredEachOnItsOwn) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  std::string bad = dir_.File("notes.txt");
  std::ofstream(bad) << "Shopping list\nmilk\n";
  std::string empty = dir_.File("empty.txt");
  std::ofstream(empty) << "";
  // Read, but no reference number: waits for review, not stored.
  std::string noref = dir_.File("noref.txt");
  std::ofstream(noref) << "PFCC Decision Report\nTitle of report: Something\n\n1. Purpose of the report\nx\n";
  auto r = ImportFiles(store_.get(), catalogue_.forms,
                       {bad, Seed("000_d97213282a44e43e.txt"), empty, noref, Seed("003_9d093bf2b27382d5.txt"),
                        Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->size(), 6u);
  EXPECT_EQ((*r)[0].status, ImportStatus::kFailed);
  EXPECT_EQ((*r)[0].message.substr(0, 41), "notes.txt: no known form recognised (look");
  EXPECT_EQ((*r)[1].status, ImportStatus::kImported);
  EXPECT_EQ((*r)[2].status, ImportStatus::kFailed);
  EXPECT_EQ((*r)[2].message, empty + ": file is empty");
  EXPECT_EQ((*r)[3].status, ImportStatus::kNeedsReview);
  EXPECT_EQ((*r)[3].message, "noref.txt line 1: no reference number found");
  EXPECT_EQ((*r)[4].status, ImportStatus::kImported);
  EXPECT_EQ((*r)[5].status, ImportStatus::kDuplicate);
  auto s = Summarise(*r);
  EXPECT_EQ(s.imported, 2);
  EXPECT_EQ(s.needs_review, 1);
  EXPECT_EQ(s.failed, 2);
  EXPECT_EQ(s.duplicates, 1);
  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->rows.size(), 2u) << "both good files stored, the bad ones left nothing";
  auto essex = GetRegister(*store_, "essex", std::nullopt);
  ASSERT_TRUE(essex);
  EXPECT_TRUE(essex->rows.empty());
}

TEST_F(ImportService, ARecordTheStoreRefusesFailsAloneAndTheBatchGoesOn) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  // A different file with the same reference as one stored before it.
  std::string text = testing_support::ReadSourceFile("demo/seeds/000_d97213282a44e43e.txt");
  std::string copy = dir_.File("copy.txt");
  std::ofstream(copy) << text << "\n";
  auto r = ImportFiles(store_.get(), catalogue_.forms,
                       {Seed("000_d97213282a44e43e.txt"), copy, Seed("003_9d093bf2b27382d5.txt")});
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ((*r)[0].status, ImportStatus::kImported);
  EXPECT_EQ((*r)[1].status, ImportStatus::kFailed);
  EXPECT_EQ((*r)[1].message.substr(0, 10), "copy.txt: ") << (*r)[1].message;
  EXPECT_EQ((*r)[2].status, ImportStatus::kImported);
}

TEST_F(ImportService, NamesTheMissingBody) {
  auto r = ImportFiles(store_.get(), catalogue_.forms, {Seed("004_251d7e129d4e821e.txt")});
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].status, ImportStatus::kFailed);
  EXPECT_EQ((*r)[0].message,
            "004_251d7e129d4e821e.txt: the form is Police, Fire and Crime "
            "Commissioner for Essex's, but this store has no body 'essex'");
}

TEST_F(ImportService, DryRunStoresNothingAndGivesJson) {
  ImportOptions options;
  options.want_json = true;
  std::vector<std::string> seen;
  options.progress = [&](size_t, size_t, const std::string& f) { seen.push_back(f); };
  auto r = ImportFiles(nullptr, catalogue_.forms, {Seed("004_251d7e129d4e821e.txt")}, options);
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].status, ImportStatus::kImported);
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

}  // namespace
}  // namespace assent::services
