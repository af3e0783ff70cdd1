// Store contract: bank-holiday files imported with `assent calendar import` (instantiated
// for every backend in store_contract.cpp).
#include <gtest/gtest.h>

#include "core/hash.hpp"
#include "services/store_copy.hpp"
#include "storage/open_store.hpp"
#include "tests/storage/store_contract.hpp"

namespace assent::testing_support {
namespace {

storage::CalendarImport SampleImport(const std::string& source, const std::string& json) {
  return {.imported_at = "2026-11-22T09:00:00Z", .source = source, .sha256 = Sha256Hex(json),
          .json = json};
}

TEST_P(StoreContract, KeepsCalendarImportsInOrderAndMovesTheChangeToken) {
  EXPECT_TRUE(store_->ListCalendarImports()->empty());
  auto before = store_->ChangeToken();
  ASSERT_TRUE(before);
  storage::ChangeSet first;
  first.add_calendar_imports = {SampleImport("a.json", R"({"a": 1})")};
  first.audit = {SampleEvent("calendar.import")};
  ASSERT_TRUE(store_->Apply(first));
  EXPECT_NE(*store_->ChangeToken(), *before) << "due dates on public pages follow the calendar";
  storage::ChangeSet second;
  second.add_calendar_imports = {SampleImport("b.json", "{\"b\": \"é\"}")};
  ASSERT_TRUE(store_->Apply(second));

  auto all = store_->ListCalendarImports();
  ASSERT_TRUE(all) << all.error().ToString();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].seq, 1);
  EXPECT_EQ((*all)[0].source, "a.json");
  EXPECT_EQ((*all)[1].seq, 2);
  EXPECT_EQ((*all)[1].json, "{\"b\": \"é\"}");
  EXPECT_EQ((*all)[1].sha256, Sha256Hex("{\"b\": \"é\"}"));
}

TEST_P(StoreContract, AFailedBatchStoresNoCalendarImport) {
  storage::ChangeSet cs;
  cs.add_calendar_imports = {SampleImport("a.json", "{}")};
  cs.insert_decisions = {SampleDecision("no-such-body", "1/2020")};
  ASSERT_FALSE(store_->Apply(cs));
  EXPECT_TRUE(store_->ListCalendarImports()->empty());
  // The second row fails (seq taken) after the first was written: neither stays.
  storage::ChangeSet twice;
  auto one = SampleImport("a.json", "{}");
  one.seq = 1;
  twice.copy_calendar_imports = {one, one};
  ASSERT_FALSE(store_->Apply(twice));
  EXPECT_TRUE(store_->ListCalendarImports()->empty());
}

TEST_P(StoreContract, CopyStoreMovesCalendarImports) {
  storage::ChangeSet cs;
  cs.add_calendar_imports = {SampleImport("a.json", "{}"), SampleImport("b.json", "[]")};
  ASSERT_TRUE(store_->Apply(cs));
  auto target = storage::OpenStore("sqlite::memory:");
  ASSERT_TRUE(target);
  ASSERT_TRUE(services::CopyStore(*store_, **target));
  EXPECT_EQ(*(*target)->ListCalendarImports(), *store_->ListCalendarImports());
  ASSERT_TRUE(services::VerifyCopy(*store_, **target));
  storage::ChangeSet more;
  more.add_calendar_imports = {SampleImport("c.json", "{}")};
  ASSERT_TRUE((*target)->Apply(more));
  auto differs = services::VerifyCopy(*store_, **target);
  ASSERT_FALSE(differs);
  EXPECT_EQ(differs.error().message, "verification failed: the calendar imports differ");
}

}  // namespace
}  // namespace assent::testing_support
