#include "services/import_records.hpp"

#include <gtest/gtest.h>

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
  auto first = ImportFiles(*store_, catalogue_.forms, {Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(first) << first.error().ToString();
  ASSERT_EQ(first->size(), 1u);
  EXPECT_FALSE((*first)[0].already_imported);
  auto second = ImportFiles(*store_, catalogue_.forms, {Seed("000_d97213282a44e43e.txt")});
  ASSERT_TRUE(second);
  EXPECT_TRUE((*second)[0].already_imported);
  EXPECT_EQ((*second)[0].reference, "006/2017");
  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->rows.size(), 1u);
}

TEST_F(ImportService, OneBadFileImportsNothing) {
  ASSERT_TRUE(SyncBodies(*store_, catalogue_, testing_support::SourceDir() + "/demo/bodies.toml"));
  std::string bad = dir_.File("notes.txt");
  std::ofstream(bad) << "Shopping list\nmilk\n";
  std::string empty = dir_.File("empty.txt");
  std::ofstream(empty) << "";
  auto r = ImportFiles(*store_, catalogue_.forms,
                       {Seed("000_d97213282a44e43e.txt"), bad, empty});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().message.substr(0, 21), "nothing was imported:");
  EXPECT_NE(r.error().message.find("notes.txt"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("empty.txt"), std::string::npos) << r.error().message;
  auto reg = GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(reg);
  EXPECT_TRUE(reg->rows.empty()) << "the good file must not have been stored either";
}

TEST_F(ImportService, NamesTheMissingBody) {
  auto r = ImportFiles(*store_, catalogue_.forms, {Seed("004_251d7e129d4e821e.txt")});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "nothing was imported:\n  004_251d7e129d4e821e.txt: the form is Police, Fire and Crime "
            "Commissioner for Essex's, but this store has no body 'essex'");
}

}  // namespace
}  // namespace assent::services
