// The compliance view and the forward plan through their services, on both backends:
// real decisions moved through the workflow and publication services, then read back.
#include <gtest/gtest.h>

#include "services/calendar_file.hpp"
#include "services/compliance.hpp"
#include "services/publication.hpp"
#include "tests/services/service_fixture.hpp"
#include "tests/support/files.hpp"

namespace assent::testing_support {
namespace {

using decisions::PlanKind;
using decisions::Status;

Date D(const char* iso) { return *Date::ParseIso(iso); }

class ComplianceService : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto calendar = services::LoadCalendarFile(SourceDir() + "/calendars/bank-holidays.json");
    ASSERT_TRUE(calendar) << calendar.error().ToString();
    catalogue_.calendar = std::move(*calendar);
    oo_ = AddUser("olive", "cumbria:originating_officer");
    ce_ = AddUser("chris", "cumbria:chief_executive");
    cfo_ = AddUser("fran", "cumbria:chief_finance_officer");
    go_ = AddUser("gina", "cumbria:governance_officer");
    pcc_ = AddUser("peter", "cumbria:commissioner");
    la_ = AddUser("lara", "lancashire:chief_executive");
  }

  // A Cumbria decision taken on Saturday 21 November 2026 (now_): Part 1 due Wednesday 25.
  std::int64_t Decided(const std::string& title) {
    std::int64_t id = CumbriaDraft(ActorOf(oo_), title);
    EXPECT_TRUE(services::Submit(*store_, Wf(), id, SignAs(id, "originating_officer"), ActorOf(oo_), now_));
    EXPECT_TRUE(services::Sign(*store_, Wf(), id, SignAs(id, "opcc_officer", "Chief Executive"), ActorOf(ce_), now_));
    auto d = services::Decide(*store_, Wf(), id, DecideAs(id, "commissioner", "Police & Crime Commissioner"),
                              ActorOf(pcc_), now_);
    EXPECT_TRUE(d) << d.error().ToString();
    return id;
  }
  void Plan(std::int64_t id, publication::PlanInput in) {
    auto r = services::SetPublicationPlan(*store_, Wf(), id, in, ActorOf(ce_), now_);
    ASSERT_TRUE(r) << r.error().ToString();
  }
  publication::PlanInput Publish() const { return {.kind = PlanKind::kPublish}; }
  Instant Later(int days) const { return Instant{now_.unix_seconds + days * 86400}; }

  accounts::User oo_, ce_, cfo_, go_, pcc_, la_;
};

TEST_P(ComplianceService, GathersLateDueDeferredAndWithheldDecisions) {
  auto late = Decided("Published late");
  Plan(late, Publish());
  ASSERT_TRUE(services::Publish(*store_, Wf(), late, ActorOf(ce_), Later(5)));  // Thursday 26 November
  auto on_time = Decided("Published on time");
  Plan(on_time, Publish());
  ASSERT_TRUE(services::Publish(*store_, Wf(), on_time, ActorOf(ce_), Later(4)));  // Wednesday 25
  auto overdue = Decided("Still waiting");
  Plan(overdue, Publish());
  auto no_plan = Decided("No plan yet");
  auto deferred = Decided("Deferred");
  Plan(deferred, {.kind = PlanKind::kDefer, .reason = "Procurement under way", .until = D("2026-12-10")});
  auto withheld = Decided("Withheld");
  Plan(withheld, {.kind = PlanKind::kWithhold, .ground = "s43", .withheld_what = "The whole decision",
                  .review_date = D("2026-12-01")});
  CumbriaDraft(ActorOf(oo_), "A draft is no concern of the view");

  auto c = services::GetCompliance(*store_, Wf(), "cumbria", ActorOf(go_), D("2026-11-26"), std::nullopt);
  ASSERT_TRUE(c) << c.error().ToString();
  const auto& v = c->view;
  EXPECT_EQ(v.published, 2);
  ASSERT_EQ(v.late.size(), 1u);
  EXPECT_EQ(v.late[0].id, late);
  EXPECT_EQ(v.late[0].due, D("2026-11-25")) << "the due date recorded in version 1";
  EXPECT_EQ(v.late[0].working_days_late, 1);
  ASSERT_EQ(v.due.size(), 2u);
  for (const auto& row : v.due) {
    EXPECT_TRUE(row.id == overdue || row.id == no_plan);
    EXPECT_TRUE(row.overdue);
    EXPECT_EQ(row.working_days_left, -1);
  }
  ASSERT_EQ(v.deferrals.size(), 1u);
  EXPECT_EQ(v.deferrals[0].id, deferred);
  EXPECT_EQ(v.deferrals[0].reason, "Procurement under way");
  ASSERT_EQ(v.reviews.size(), 1u);
  EXPECT_EQ(v.reviews[0].id, withheld);
  EXPECT_EQ(v.reviews[0].ground_label, "Section 43: commercial interests");
  EXPECT_EQ(v.summary,
            "2 published, 1 late; 2 overdue now, 0 due soon; 1 open deferral; 1 withheld decision due for review");
  EXPECT_TRUE(v.problems.empty());

  // Every role the view is for may see it; others are refused with a sentence.
  for (const auto* u : {&ce_, &cfo_, &pcc_}) {
    EXPECT_TRUE(services::GetCompliance(*store_, Wf(), "cumbria", ActorOf(*u), D("2026-11-26"), std::nullopt))
        << u->username;
  }
  auto refused = services::GetCompliance(*store_, Wf(), "cumbria", ActorOf(oo_), D("2026-11-26"), std::nullopt);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_NE(refused.error().message.find("Governance Officer"), std::string::npos) << refused.error().message;
  auto other_body = services::GetCompliance(*store_, Wf(), "cumbria", ActorOf(la_), D("2026-11-26"), std::nullopt);
  ASSERT_FALSE(other_body);
  EXPECT_EQ(other_body.error().code, ErrorCode::kForbidden);
  auto unknown = services::GetCompliance(*store_, Wf(), "atlantis", ActorOf(ce_), D("2026-11-26"), std::nullopt);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  auto y2025 = services::GetCompliance(*store_, Wf(), "cumbria", ActorOf(ce_), D("2026-11-26"), 2025);
  ASSERT_TRUE(y2025);
  EXPECT_EQ(y2025->view.published, 0);
  EXPECT_TRUE(y2025->view.due.empty());
  EXPECT_EQ(y2025->view.years, std::vector<int>{2026});
}

TEST_P(ComplianceService, ForwardPlanItemsAreAddedEditedLinkedAndAudited) {
  publication::ForwardPlanInput in{"CCTV replacement", "Replace the town centre cameras",
                                   "Police & Crime Commissioner", "2026-11-20", true};
  auto refused = services::AddForwardPlanItem(*store_, "cumbria", in, ActorOf(oo_), now_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  publication::ForwardPlanInput bad = in;
  bad.planned_date = "next week";
  auto invalid = services::AddForwardPlanItem(*store_, "cumbria", bad, ActorOf(go_), now_);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(invalid.error().where, "planned_date");
  EXPECT_TRUE(store_->ListForwardPlan("cumbria")->empty()) << "nothing stored";

  auto id = services::AddForwardPlanItem(*store_, "cumbria", in, ActorOf(go_), now_);
  ASSERT_TRUE(id) << id.error().ToString();
  auto events = store_->ListAuditEvents(0, 1000);
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().action, "forward-plan.add");
  EXPECT_NE(events->back().detail.find("CCTV replacement"), std::string::npos);

  // Planned Friday 20 November; today Saturday 21, not taken: slipped by 0 working days so far.
  auto staff = services::GetStaffForwardPlan(*store_, Wf(), "cumbria", ActorOf(ce_), D("2026-11-24"));
  ASSERT_TRUE(staff) << staff.error().ToString();
  ASSERT_EQ(staff->rows.size(), 1u);
  EXPECT_TRUE(staff->may_edit);
  EXPECT_EQ(staff->rows[0].slippage.kind, publication::SlipKind::kSlipping);
  EXPECT_EQ(staff->rows[0].slippage.text, "Slipped by 2 working days");

  // Linked to the decision taken on Saturday 21 November, not yet published.
  auto decision = Decided("CCTV replacement");
  auto item = *store_->FindForwardPlanItem(*id);
  ASSERT_TRUE(services::EditForwardPlanItem(*store_, "cumbria", *id, item.version, in, decision, ActorOf(ce_),
                                            Later(1)));
  EXPECT_EQ(store_->ListAuditEvents(0, 1000)->back().action, "forward-plan.link");
  staff = services::GetStaffForwardPlan(*store_, Wf(), "cumbria", ActorOf(ce_), D("2026-11-24"));
  ASSERT_TRUE(staff);
  EXPECT_EQ(staff->rows[0].decision_reference, Load(decision).reference);
  EXPECT_EQ(staff->rows[0].slippage.kind, publication::SlipKind::kTaken);
  EXPECT_EQ(staff->rows[0].slippage.text, "Taken on 21 November 2026, no working day from the planned date");

  // The public page does not name a decision that is not published.
  auto pub = services::GetPublicForwardPlan(*store_, catalogue_.calendar.Get().get(), "cumbria", D("2026-11-24"));
  ASSERT_TRUE(pub);
  ASSERT_EQ(pub->rows.size(), 1u);
  EXPECT_TRUE(pub->rows[0].decision_reference.empty());
  EXPECT_EQ(pub->rows[0].item.decision_id, 0);
  EXPECT_EQ(pub->rows[0].slippage.kind, publication::SlipKind::kSlipping);
  Plan(decision, Publish());
  ASSERT_TRUE(services::Publish(*store_, Wf(), decision, ActorOf(ce_), Later(2)));
  pub = services::GetPublicForwardPlan(*store_, catalogue_.calendar.Get().get(), "cumbria", D("2026-11-24"));
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->rows[0].decision_reference, Load(decision).reference);
  EXPECT_EQ(pub->rows[0].decision_url, "/cumbria/decisions/" + decisions::ReferenceSlug(Load(decision).reference));
  EXPECT_EQ(pub->rows[0].slippage.kind, publication::SlipKind::kTaken);

  // A stale version, a decision that does not exist, the wrong role: nothing changes.
  auto before = *store_->FindForwardPlanItem(*id);
  publication::ForwardPlanInput edit = in;
  edit.planned_date = "2026-12-01";
  auto stale = services::EditForwardPlanItem(*store_, "cumbria", *id, item.version, edit, decision, ActorOf(ce_),
                                             Later(3));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto ghost = services::EditForwardPlanItem(*store_, "cumbria", *id, before.version, edit, decision + 1000,
                                             ActorOf(ce_), Later(3));
  ASSERT_FALSE(ghost);
  EXPECT_EQ(ghost.error().where, "decision");
  EXPECT_EQ(services::EditForwardPlanItem(*store_, "cumbria", *id, before.version, edit, decision, ActorOf(pcc_),
                                          Later(3))
                .error()
                .code,
            ErrorCode::kForbidden);
  EXPECT_EQ(services::EditForwardPlanItem(*store_, "lancashire", *id, before.version, edit, decision, ActorOf(la_),
                                          Later(3))
                .error()
                .code,
            ErrorCode::kNotFound)
      << "an item of another body";
  EXPECT_EQ(*store_->FindForwardPlanItem(*id), before);

  ASSERT_TRUE(services::EditForwardPlanItem(*store_, "cumbria", *id, before.version, edit, decision, ActorOf(ce_),
                                            Later(3)));
  auto after = *store_->FindForwardPlanItem(*id);
  EXPECT_EQ(after.planned_date, D("2026-12-01"));
  EXPECT_EQ(after.version, before.version + 1);
  EXPECT_EQ(after.updated_by, "chris");
  auto last = store_->ListAuditEvents(0, 1000)->back();
  EXPECT_EQ(last.action, "forward-plan.edit");
  EXPECT_NE(last.detail.find("1 December 2026 (was 20 November 2026)"), std::string::npos) << last.detail;
}

INSTANTIATE_TEST_SUITE_P(Backends, ComplianceService, ServiceBackends(), BackendName);

}  // namespace
}  // namespace assent::testing_support
