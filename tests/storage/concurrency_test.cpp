// Several application servers on one database, as a shared deployment runs them: two
// stores opened on the same database (separate connection pools, as two `assent serve`
// processes have), each used by several threads at once. No update may be lost and no
// reference number handed out twice.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "storage/open_store.hpp"
#include "tests/storage/store_contract.hpp"
#include "tests/support/postgres.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using testing_support::SampleBody;
using testing_support::SampleDecision;

struct Backend {
  std::string name;
  // A URL of a fresh database both stores open; empty with `skip` set when unavailable.
  std::function<std::string(std::string* skip)> url;
};
void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

class TwoServers : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string skip;
    url_ = GetParam().url(&skip);
    if (url_.empty() && !skip.empty()) GTEST_SKIP() << skip;
    ASSERT_FALSE(url_.empty());
    for (auto* s : {&a_, &b_}) {
      auto store = storage::OpenStore(url_, {.connections = 4});
      ASSERT_TRUE(store) << store.error().ToString();
      *s = std::move(*store);
    }
    ChangeSet cs;
    cs.put_bodies = {SampleBody("cumbria")};
    cs.insert_decisions = {SampleDecision("cumbria", "006/2017")};
    auto r = a_->Apply(cs);
    ASSERT_TRUE(r) << r.error().ToString();
    id_ = r->inserted_ids[0];
  }
  using ChangeSet = storage::ChangeSet;
  std::string url_;
  std::unique_ptr<storage::Store> a_, b_;
  std::int64_t id_ = 0;
  testing_support::TempDir dir_;
};

constexpr int kThreadsPerServer = 4;

TEST_P(TwoServers, NeverHandOutTheSameReferenceNumberTwice) {
  constexpr int kEach = 40;
  std::vector<std::vector<int>> got(2 * kThreadsPerServer);
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2 * kThreadsPerServer; ++t) {
    storage::Store* store = t % 2 ? a_.get() : b_.get();
    threads.emplace_back([&, store, t] {
      for (int i = 0; i < kEach; ++i) {
        auto n = store->ReserveReferenceNumber("cumbria", 2026, 1);
        if (!n) {
          ++errors;
          continue;
        }
        got[static_cast<size_t>(t)].push_back(*n);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  std::set<int> all;
  size_t count = 0;
  for (const auto& v : got) {
    count += v.size();
    all.insert(v.begin(), v.end());
  }
  EXPECT_EQ(count, all.size()) << "a number was handed out twice";
  ASSERT_EQ(all.size(), static_cast<size_t>(2 * kThreadsPerServer * kEach));
  EXPECT_EQ(*all.begin(), 1);
  EXPECT_EQ(*all.rbegin(), 2 * kThreadsPerServer * kEach) << "no gaps either";
}

// Every writer reads, adds its own line and writes back, retrying on a conflict: with
// optimistic version checks no line may be lost, whichever server each write went through.
TEST_P(TwoServers, LoseNoUpdateUnderConcurrentEdits) {
  constexpr int kEach = 10;
  std::atomic<int> conflicts{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2 * kThreadsPerServer; ++t) {
    storage::Store* store = t % 2 ? a_.get() : b_.get();
    threads.emplace_back([&, store, t] {
      for (int i = 0; i < kEach; ++i) {
        for (int attempt = 0; attempt < 1000; ++attempt) {
          auto d = store->FindDecisionById(id_);
          if (!d) {
            ++errors;
            break;
          }
          d->persons_consulted.push_back("writer " + std::to_string(t) + " edit " +
                                         std::to_string(i));
          auto r = store->Apply({.update_decisions = {*d}});
          if (r) break;
          if (r.error().code != ErrorCode::kConflict) {
            ADD_FAILURE() << r.error().ToString();
            ++errors;
            break;
          }
          ++conflicts;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  auto final_a = a_->FindDecisionById(id_);
  auto final_b = b_->FindDecisionById(id_);
  ASSERT_TRUE(final_a && final_b);
  EXPECT_EQ(*final_a, *final_b);
  const int writes = 2 * kThreadsPerServer * kEach;
  // The sample starts with one consultee.
  EXPECT_EQ(final_a->persons_consulted.size(), static_cast<size_t>(writes + 1));
  EXPECT_EQ(final_a->version, writes + 1);
  std::set<std::string> unique(final_a->persons_consulted.begin(), final_a->persons_consulted.end());
  EXPECT_EQ(unique.size(), final_a->persons_consulted.size());
  std::cout << "[          ] " << conflicts.load() << " conflicts retried over " << writes
            << " writes\n";
}

// Two people sign the same step from two servers at the same moment: one signature is
// recorded, the other gets a conflict that says what to do, and nothing is half-written.
TEST_P(TwoServers, SameStepSignedTwiceOneWins) {
  auto base = a_->FindDecisionById(id_);
  ASSERT_TRUE(base);
  auto first = *base;
  auto second = *base;
  decisions::SignOff s;
  s.step = "chief_executive";
  s.role = "Chief Executive";
  s.name = "First Signer";
  first.signoffs.push_back(s);
  s.name = "Second Signer";
  second.signoffs.push_back(s);
  auto r1 = std::make_unique<Result<storage::ApplyResult>>(Fail(ErrorCode::kInternal, ""));
  auto r2 = std::make_unique<Result<storage::ApplyResult>>(Fail(ErrorCode::kInternal, ""));
  std::thread t1([&] { *r1 = a_->Apply({.update_decisions = {first}}); });
  std::thread t2([&] { *r2 = b_->Apply({.update_decisions = {second}}); });
  t1.join();
  t2.join();
  ASSERT_NE(r1->has_value(), r2->has_value()) << "exactly one signature wins";
  const auto& loser = r1->has_value() ? *r2 : *r1;
  EXPECT_EQ(loser.error().code, ErrorCode::kConflict);
  EXPECT_EQ(loser.error().message,
            "decision 006/2017 was changed by someone else since it was read; reload it and try "
            "again");
  auto after = b_->FindDecisionById(id_);
  ASSERT_TRUE(after);
  ASSERT_EQ(after->signoffs.size(), 2u);
  EXPECT_EQ(after->signoffs[1].name, r1->has_value() ? "First Signer" : "Second Signer");
  EXPECT_EQ(after->version, 2);
}

// Both servers append to the audit log at once: some writers log sign-ins (no decision),
// others edit the decision and log the edit (retrying on a version conflict). The log must
// come out as one chain: every event once, seq 1..N with no gap, every hash linking to the
// one before, and the last edit's row hash matching the decision as it stands.
TEST_P(TwoServers, AppendOneAuditChainFromBothServers) {
  constexpr int kEach = 15;
  std::atomic<int> errors{0};
  std::atomic<int> edits{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2 * kThreadsPerServer; ++t) {
    storage::Store* store = t % 2 ? a_.get() : b_.get();
    threads.emplace_back([&, store, t] {
      for (int i = 0; i < kEach; ++i) {
        audit::NewEvent e;
        e.at = "2026-11-21T10:15:00Z";
        e.actor = "writer" + std::to_string(t);
        e.detail = "event " + std::to_string(i);
        if (t < kThreadsPerServer) {  // sign-ins: no decision
          e.action = "user.sign-in";
          ChangeSet cs;
          cs.audit = {e, e};  // two events in one batch stay adjacent
          cs.audit[1].detail += " (second)";
          if (auto r = store->Apply(cs); !r) {
            ADD_FAILURE() << r.error().ToString();
            ++errors;
          }
          continue;
        }
        e.action = "decision.edit";
        e.decision_id = id_;
        for (int attempt = 0; attempt < 1000; ++attempt) {
          auto d = store->FindDecisionById(id_);
          if (!d) {
            ++errors;
            break;
          }
          d->persons_consulted.push_back(e.actor + " " + e.detail);
          auto r = store->Apply({.update_decisions = {*d}, .audit = {e}});
          if (r) {
            ++edits;
            break;
          }
          if (r.error().code != ErrorCode::kConflict) {
            ADD_FAILURE() << r.error().ToString();
            ++errors;
            break;
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(edits.load(), kThreadsPerServer * kEach);

  const std::int64_t expected = kThreadsPerServer * kEach * 2 + kThreadsPerServer * kEach;
  auto log = b_->ListAuditEvents(0, 100000);
  ASSERT_TRUE(log) << log.error().ToString();
  ASSERT_EQ(static_cast<std::int64_t>(log->size()), expected);
  for (std::size_t i = 0; i < log->size(); ++i) {
    ASSERT_EQ((*log)[i].seq, static_cast<std::int64_t>(i + 1)) << "no gap, no duplicate";
  }
  auto broken = audit::VerifyChain(*log, 0, audit::kGenesisHash);
  EXPECT_FALSE(broken.has_value()) << broken->seq << ": " << broken->problem;
  for (std::size_t i = 0; i + 1 < log->size(); ++i) {
    if ((*log)[i].detail.find("(second)") == std::string::npos &&
        (*log)[i].action == "user.sign-in") {
      EXPECT_EQ((*log)[i + 1].detail, (*log)[i].detail + " (second)")
          << "a batch's events are appended together";
    }
  }
  auto final_decision = a_->FindDecisionById(id_);
  ASSERT_TRUE(final_decision);
  EXPECT_EQ(final_decision->version, 1 + kThreadsPerServer * kEach);
  auto history = a_->DecisionHistory(id_);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), static_cast<std::size_t>(kThreadsPerServer * kEach));
  EXPECT_EQ(history->back().decision_hash, audit::DecisionRowHash(*final_decision));
}

std::string SqliteFile(std::string* /*skip*/) {
  static testing_support::TempDir dir;
  static int n = 0;
  return "sqlite:" + dir.File("two-servers-" + std::to_string(++n) + ".db");
}

std::string PostgresSchema(std::string* skip) {
  std::string why;
  auto url = testing_support::FreshPostgresSchema(&why);
  if (url) return *url;
  if (testing_support::PostgresRequired()) {
    ADD_FAILURE() << why;
  } else {
    *skip = "PostgreSQL NOT TESTED: " + why;
  }
  return "";
}

INSTANTIATE_TEST_SUITE_P(Backends, TwoServers,
                         ::testing::Values(Backend{"sqlite", &SqliteFile},
                                           Backend{"postgres", &PostgresSchema}),
                         [](const auto& p) { return p.param.name; });

}  // namespace
}  // namespace assent
