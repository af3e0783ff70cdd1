// `assent publish-due` as cron runs it: publishes the deferred decisions whose date has
// come, prints each, exits 0; leaves later deferrals alone.
#include <gtest/gtest.h>

#include "core/date.hpp"
#include "core/instant.hpp"
#include "storage/open_store.hpp"
#include "tests/storage/store_contract.hpp"
#include "tests/support/run_assent.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using testing_support::RunAssent;
using testing_support::ShellQuote;

Date DaysFromToday(int days) {
  return Date(std::chrono::year_month_day{Instant::Now().UkDate().days() + std::chrono::days{days}});
}

decisions::Decision Deferred(const std::string& reference, int until_in_days) {
  auto d = testing_support::SampleDecision("cumbria", reference);
  d.status = decisions::Status::kDecided;
  d.decision_date = DaysFromToday(until_in_days - 10);
  d.plan.kind = decisions::PlanKind::kDefer;
  d.plan.reason = "contract award pending";
  d.plan.until = DaysFromToday(until_in_days);
  return d;
}

TEST(PublishDueCli, PublishesTheDeferralsWhoseDateHasCome) {
  testing_support::TempDir dir;
  std::string data = dir.File("data");
  auto init = RunAssent("--data-dir " + ShellQuote(data) + " --demo user list");
  ASSERT_EQ(init.exit_code, 0) << init.out;
  {
    auto store = storage::OpenStore("sqlite:" + data + "/assent.db");
    ASSERT_TRUE(store) << store.error().ToString();
    storage::ChangeSet cs;
    cs.insert_decisions = {Deferred("901/2020", 0), Deferred("902/2020", 30)};
    ASSERT_TRUE((*store)->Apply(cs));
  }
  auto r = RunAssent("--data-dir " + ShellQuote(data) + " --demo publish-due");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("published cumbria 901/2020"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("902/2020"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 published, 0 failed"), std::string::npos) << r.out;

  auto store = storage::OpenStore("sqlite:" + data + "/assent.db");
  ASSERT_TRUE(store);
  auto due = (*store)->FindDecision("cumbria", "901-2020");
  ASSERT_TRUE(due);
  EXPECT_EQ(due->status, decisions::Status::kPublished);
  auto versions = (*store)->ListPublishedVersions(due->id);
  ASSERT_TRUE(versions);
  EXPECT_EQ(versions->size(), 1u);
  auto later = (*store)->FindDecision("cumbria", "902-2020");
  ASSERT_TRUE(later);
  EXPECT_EQ(later->status, decisions::Status::kDecided);

  auto again = RunAssent("--data-dir " + ShellQuote(data) + " --demo publish-due");
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("0 published, 0 failed"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace assent
