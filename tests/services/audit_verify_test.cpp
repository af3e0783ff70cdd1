// `assent audit verify` as a service, on SQLite and PostgreSQL: a clean store verifies;
// an event edited in the database, or a decision row edited outside Assent, is named.
#include "services/audit_log.hpp"

#include <gtest/gtest.h>

#include "services/import_records.hpp"
#include "services/workflow.hpp"
#include "tests/services/service_fixture.hpp"
#include "tests/support/files.hpp"

namespace assent::testing_support {
namespace {

class AuditVerify : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    oo_ = AddUser("olive", "cumbria:originating_officer");
    id_ = CumbriaDraft(ActorOf(oo_));
    auto s = services::Submit(*store_, Wf(), id_, SignAs(id_, "originating_officer"), ActorOf(oo_), now_);
    ASSERT_TRUE(s) << s.error().ToString();
  }
  services::AuditReport Verify() {
    auto r = services::VerifyAudit(*store_);
    EXPECT_TRUE(r) << r.error().ToString();
    return r ? *r : services::AuditReport{};
  }
  accounts::User oo_;
  std::int64_t id_ = 0;
};

TEST_P(AuditVerify, ACleanStoreVerifies) {
  auto r = Verify();
  EXPECT_TRUE(r.ok()) << *r.first_problem;
  // user.add, decision.create, decision.edit, decision.submit
  EXPECT_EQ(r.events, 4);
  EXPECT_EQ(r.decisions, 1);
  EXPECT_EQ(r.uncovered, 0);
  EXPECT_EQ(r.first_broken_seq, 0);
}

TEST_P(AuditVerify, ImportedRecordsAreCoveredAndOlderRowsCounted) {
  services::ImportOptions confirm;
  confirm.confirm = services::AutoConfirm::kAll;
  auto load = services::ImportFiles(store_.get(), catalogue_.forms,
                                    {SourceDir() + "/demo/seeds/000_d97213282a44e43e.txt"}, confirm);
  ASSERT_TRUE(load) << load.error().ToString();
  ASSERT_EQ((*load)[0].status, services::ImportStatus::kConfirmed) << (*load)[0].message;
  auto history = store_->DecisionHistory((*load)[0].id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].action, "import.confirm");
  EXPECT_EQ((*history)[0].actor, "cli");
  EXPECT_FALSE((*history)[0].decision_hash.empty());

  // A record stored before the log existed has no event: counted, not an error.
  auto old = Load(id_);
  old.id = 0;
  old.version = 0;
  old.reference = "099/2019";
  old.status = decisions::Status::kPublished;
  ASSERT_TRUE(store_->Apply({.insert_decisions = {old}}));
  auto r = Verify();
  EXPECT_TRUE(r.ok()) << *r.first_problem;
  EXPECT_EQ(r.decisions, 3);
  EXPECT_EQ(r.uncovered, 1);
}

TEST_P(AuditVerify, AnEditedEventIsNamed) {
  ASSERT_TRUE(Verify().ok());
  RawSql("UPDATE audit_events SET detail = 'nothing happened' WHERE seq = 3");
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.first_broken_seq, 3);
  EXPECT_EQ(r.first_problem->rfind("event 3: ", 0), 0u) << *r.first_problem;
  EXPECT_EQ(r.events, 2) << "the events before it verified";
}

TEST_P(AuditVerify, ADeletedEventIsNamed) {
  RawSql("DELETE FROM audit_events WHERE seq = 2");
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.first_broken_seq, 3) << *r.first_problem;
}

TEST_P(AuditVerify, ADecisionRowChangedOutsideAssentIsNamed) {
  RawSql("UPDATE decisions SET title = 'Something else entirely' WHERE id = " + std::to_string(id_));
  auto r = Verify();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.first_broken_seq, 0);
  EXPECT_EQ(*r.first_problem,
            "decision " + std::to_string(id_) + " (cumbria 001/2026): row changed outside Assent since event 4");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditVerify, ServiceBackends(), BackendName);

}  // namespace
}  // namespace assent::testing_support
