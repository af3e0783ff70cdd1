// The decision workflow through the services, on SQLite and PostgreSQL, on the real forms
// and the demo bodies: Cumbria's chain end to end, Lancashire's joint decision, refusals
// that leave the store untouched, void on edit, two people signing one step at once,
// the staff work lists, attachments, and the mail each change queues.
#include "services/workflow.hpp"

#include <gtest/gtest.h>

#include <barrier>
#include <thread>

#include "services/accounts.hpp"
#include "services/audit_log.hpp"
#include "tests/services/service_fixture.hpp"

namespace assent::testing_support {
namespace {

using decisions::Outcome;
using decisions::Status;

// Forwards to a store; Apply waits at a barrier, so two threads have both read the
// decision before either writes it.
class MeetingStore final : public storage::Store {
 public:
  MeetingStore(storage::Store& inner, std::barrier<>& meet) : inner_(inner), meet_(meet) {}
  int SchemaVersion() override { return inner_.SchemaVersion(); }
  Result<std::vector<decisions::Body>> ListBodies() override { return inner_.ListBodies(); }
  Result<std::vector<storage::BodyCount>> CountDecisionsByBody(const std::vector<Status>& s) override {
    return inner_.CountDecisionsByBody(s);
  }
  Result<decisions::Body> FindBody(std::string_view slug) override { return inner_.FindBody(slug); }
  Result<decisions::Decision> FindDecision(std::string_view b, std::string_view r) override {
    return inner_.FindDecision(b, r);
  }
  Result<decisions::Decision> FindDecisionById(std::int64_t id) override { return inner_.FindDecisionById(id); }
  Result<std::optional<std::int64_t>> FindDecisionBySourceHash(std::string_view h) override {
    return inner_.FindDecisionBySourceHash(h);
  }
  Result<std::vector<storage::DecisionSummary>> ListDecisions(const storage::RegisterQuery& q) override {
    return inner_.ListDecisions(q);
  }
  Result<std::vector<int>> DecisionYears(std::string_view b, const std::vector<Status>& s) override {
    return inner_.DecisionYears(b, s);
  }
  Result<storage::ApplyResult> Apply(const storage::ChangeSet& changes) override {
    if (!changes.update_decisions.empty()) meet_.arrive_and_wait();
    return inner_.Apply(changes);
  }
  Result<int> ReserveReferenceNumber(std::string_view b, int y, int a) override {
    return inner_.ReserveReferenceNumber(b, y, a);
  }
  Result<std::vector<storage::ReferenceCounter>> ListReferenceCounters() override {
    return inner_.ListReferenceCounters();
  }
  Result<storage::SearchResult> Search(const storage::SearchQuery& q) override { return inner_.Search(q); }
  Result<std::vector<accounts::User>> ListUsers() override { return inner_.ListUsers(); }
  Result<accounts::User> FindUser(std::string_view u) override { return inner_.FindUser(u); }
  Result<accounts::User> FindUserById(std::int64_t id) override { return inner_.FindUserById(id); }
  Result<accounts::Session> FindSession(std::string_view h) override { return inner_.FindSession(h); }
  Result<std::string> FindBlob(std::string_view h) override { return inner_.FindBlob(h); }
  Result<std::vector<std::string>> ListBlobHashes() override { return inner_.ListBlobHashes(); }
  Result<std::vector<audit::Event>> ListAuditEvents(std::int64_t after, int limit) override {
    return inner_.ListAuditEvents(after, limit);
  }
  Result<std::vector<audit::Event>> DecisionHistory(std::int64_t id) override { return inner_.DecisionHistory(id); }
  Result<std::vector<storage::BodyCount>> CountPublicDecisionsByBody() override {
    return inner_.CountPublicDecisionsByBody();
  }
  Result<std::vector<int>> PublicDecisionYears(std::string_view b) override { return inner_.PublicDecisionYears(b); }
  Result<std::vector<storage::PublishedVersion>> ListPublishedVersions(std::int64_t id) override {
    return inner_.ListPublishedVersions(id);
  }
  Result<std::vector<storage::Mail>> PendingMail(int limit, int max) override { return inner_.PendingMail(limit, max); }
  Result<std::vector<storage::CalendarImport>> ListCalendarImports() override {
    return inner_.ListCalendarImports();
  }
  Result<void> RecordMailAttempt(std::int64_t id, std::string_view e) override {
    return inner_.RecordMailAttempt(id, e);
  }
  Result<std::vector<strategy::RecordedProgress>> ListStrategyProgress(std::string_view b,
                                                                       std::string_view s) override {
    return inner_.ListStrategyProgress(b, s);
  }
  Result<std::vector<strategy::VersionProposal>> ListStrategyProposals(std::string_view b,
                                                                       std::string_view s) override {
    return inner_.ListStrategyProposals(b, s);
  }
  Result<std::vector<storage::ImportReview>> ListImportReviews(const storage::ImportReviewQuery& q) override {
    return inner_.ListImportReviews(q);
  }
  Result<storage::ImportReview> FindImportReview(std::int64_t id) override { return inner_.FindImportReview(id); }
  Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(std::string_view h) override {
    return inner_.FindImportReviewBySourceHash(h);
  }
  Result<std::vector<publication::ForwardPlanItem>> ListForwardPlan(std::string_view b) override {
    return inner_.ListForwardPlan(b);
  }
  Result<publication::ForwardPlanItem> FindForwardPlanItem(std::int64_t id) override {
    return inner_.FindForwardPlanItem(id);
  }
  Result<std::uint64_t> ChangeToken() override { return inner_.ChangeToken(); }

 private:
  storage::Store& inner_;
  std::barrier<>& meet_;
};

class WorkflowService : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    oo_ = AddUser("olive", "cumbria:originating_officer", "olive@cumbria.example.org");
    ce_ = AddUser("chris", "cumbria:chief_executive", "chris@cumbria.example.org");
    dce_ = AddUser("dana", "cumbria:deputy_chief_executive", "dana@cumbria.example.org");
    pcc_ = AddUser("peter", "cumbria:commissioner", "peter@cumbria.example.org");
    outsider_ = AddUser("esme", "essex:commissioner", "esme@essex.example.org");
  }

  std::vector<storage::Mail> Outbox() const {
    auto mail = store_->PendingMail(1000, 1000);
    EXPECT_TRUE(mail) << mail.error().ToString();
    return mail ? *mail : std::vector<storage::Mail>{};
  }
  std::vector<storage::Mail> MailTo(const std::string& address) const {
    std::vector<storage::Mail> out;
    for (const auto& m : Outbox()) {
      if (m.to == address) out.push_back(m);
    }
    return out;
  }
  void ExpectNoPart2InMail() const {
    for (const auto& m : Outbox()) {
      EXPECT_EQ(m.body.find(kPart2Marker), std::string::npos) << m.body;
      EXPECT_EQ(m.subject.find(kPart2Marker), std::string::npos) << m.subject;
      EXPECT_EQ(m.body.find("Refurbish the custody suite."), std::string::npos) << "no section text: " << m.body;
    }
  }
  // Submitted by the originating officer and signed by the chief executive.
  std::int64_t SubmittedAndSigned() {
    std::int64_t id = CumbriaDraft(ActorOf(oo_));
    auto s = services::Submit(*store_, Wf(), id, SignAs(id, "originating_officer"), ActorOf(oo_), now_);
    EXPECT_TRUE(s) << s.error().ToString();
    auto c = services::Sign(*store_, Wf(), id, SignAs(id, "opcc_officer", "Chief Executive"), ActorOf(ce_), now_);
    EXPECT_TRUE(c) << c.error().ToString();
    return id;
  }
  std::vector<std::string> Actions(std::int64_t id) const {
    std::vector<std::string> out;
    auto history = store_->DecisionHistory(id);
    EXPECT_TRUE(history) << history.error().ToString();
    if (!history) return out;
    for (const auto& e : *history) out.push_back(e.action);
    return out;
  }

  accounts::User oo_, ce_, dce_, pcc_, outsider_;
};

TEST_P(WorkflowService, CumbriaDraftSubmitSignDecide) {
  std::int64_t id = CumbriaDraft(ActorOf(oo_));
  ASSERT_GT(id, 0);
  EXPECT_EQ(Load(id).status, Status::kDraft);
  EXPECT_EQ(Load(id).reference, "");
  EXPECT_EQ(Load(id).author_id, oo_.id);

  // The originating officer submits: the reference is assigned, the chief executive told.
  auto submitted = services::Submit(*store_, Wf(), id, SignAs(id, "originating_officer"), ActorOf(oo_), now_);
  ASSERT_TRUE(submitted) << submitted.error().ToString();
  decisions::Decision d = Load(id);
  EXPECT_EQ(d.status, Status::kSubmitted);
  EXPECT_EQ(d.reference, "001/2026");
  ASSERT_EQ(d.signoffs.size(), 1u);
  EXPECT_EQ(d.signoffs[0].user_id, oo_.id);
  // What was signed is kept, byte for byte.
  auto signed_content = services::SignedContent(*store_, d.signoffs[0].content_hash);
  ASSERT_TRUE(signed_content) << signed_content.error().ToString();
  EXPECT_EQ(*signed_content, workflow::ContentSnapshot(d));
  auto to_ce = MailTo("chris@cumbria.example.org");
  ASSERT_EQ(to_ce.size(), 1u);
  EXPECT_NE(to_ce[0].subject.find("001/2026"), std::string::npos) << to_ce[0].subject;
  EXPECT_NE(to_ce[0].body.find("https://decisions.example.org/staff/decisions/" + std::to_string(id)),
            std::string::npos)
      << to_ce[0].body;
  EXPECT_NE(to_ce[0].body.find("Custody suite refurbishment"), std::string::npos);
  EXPECT_EQ(MailTo("dana@cumbria.example.org").size(), 1u) << "the deputy may sign it too";
  EXPECT_TRUE(MailTo("peter@cumbria.example.org").empty()) << "not the commissioner's turn yet";
  EXPECT_TRUE(MailTo("esme@essex.example.org").empty());

  // The chief executive signs; the commissioner is told.
  auto in = SignAs(id, "opcc_officer", "Chief Executive");
  in.advice = "Recommended.";
  auto signed_ce = services::Sign(*store_, Wf(), id, in, ActorOf(ce_), now_);
  ASSERT_TRUE(signed_ce) << signed_ce.error().ToString();
  EXPECT_EQ(Load(id).signoffs.size(), 2u);
  ASSERT_EQ(MailTo("peter@cumbria.example.org").size(), 1u);

  // The commissioner decides.
  auto decided = services::Decide(*store_, Wf(), id, DecideAs(id, "commissioner", "Police & Crime Commissioner"),
                                  ActorOf(pcc_), now_);
  ASSERT_TRUE(decided) << decided.error().ToString();
  d = Load(id);
  EXPECT_EQ(d.status, Status::kDecided);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_EQ(d.decision_date, now_.UkDate());
  auto to_author = MailTo("olive@cumbria.example.org");
  ASSERT_EQ(to_author.size(), 1u);
  EXPECT_NE(to_author[0].subject.find("approved"), std::string::npos) << to_author[0].subject;
  ExpectNoPart2InMail();

  EXPECT_EQ(Actions(id), (std::vector<std::string>{"decision.create", "decision.edit", "decision.submit",
                                                   "decision.sign", "decision.decide"}));
  auto staff = services::GetStaffDecision(*store_, Wf(), id, ActorOf(pcc_));
  ASSERT_TRUE(staff) << staff.error().ToString();
  EXPECT_EQ(staff->history.size(), 5u);
  ASSERT_EQ(staff->steps.size(), 3u);
  for (const auto& s : staff->steps) EXPECT_NE(s.signature, nullptr) << s.key;
  EXPECT_TRUE(staff->open_steps.empty());
  EXPECT_EQ(staff->content_hash, workflow::ContentHash(d));

  auto report = services::VerifyAudit(*store_);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_TRUE(report->ok()) << *report->first_problem;
  EXPECT_EQ(report->uncovered, 0);
}

TEST_P(WorkflowService, OutsidersCannotSeeOrTouchADecision) {
  std::int64_t id = CumbriaDraft(ActorOf(oo_));
  auto seen = services::GetStaffDecision(*store_, Wf(), id, ActorOf(outsider_));
  ASSERT_FALSE(seen);
  EXPECT_EQ(seen.error().code, ErrorCode::kNotFound);
  auto missing = services::GetStaffDecision(*store_, Wf(), id + 1000, ActorOf(outsider_));
  ASSERT_FALSE(missing);
  EXPECT_EQ(seen.error().message, missing.error().message) << "an outsider cannot tell them apart";
  EXPECT_EQ(services::RecordPart2View(*store_, id, ActorOf(outsider_), now_).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(services::Withdraw(*store_, Wf(), id, "no", ActorOf(outsider_), now_).error().code,
            ErrorCode::kNotFound);
  auto draft = services::CreateDraft(*store_, Wf(), "cumbria", "Mine", ActorOf(pcc_), now_);
  ASSERT_FALSE(draft);
  EXPECT_EQ(draft.error().code, ErrorCode::kForbidden);

  ASSERT_TRUE(services::RecordPart2View(*store_, id, ActorOf(ce_), now_));
  auto actions = Actions(id);
  EXPECT_EQ(actions.back(), "part2.view");
}

TEST_P(WorkflowService, ReferencesContinueAfterImportedOnesAndAreNeverReused) {
  // An imported record already used 007/2026.
  auto imported = Load(CumbriaDraft(ActorOf(oo_), "Imported"));
  imported.reference = "007/2026";
  imported.status = Status::kPublished;
  ASSERT_TRUE(store_->Apply({.update_decisions = {imported}}));

  std::int64_t a = CumbriaDraft(ActorOf(oo_), "First");
  std::int64_t b = CumbriaDraft(ActorOf(oo_), "Second");
  ASSERT_TRUE(services::Submit(*store_, Wf(), a, SignAs(a, "originating_officer"), ActorOf(oo_), now_));
  EXPECT_EQ(Load(a).reference, "008/2026");
  // Returned and resubmitted: the reference stays.
  ASSERT_TRUE(services::ReturnForRevision(*store_, Wf(), a, "Needs costs", ActorOf(ce_), now_));
  EXPECT_EQ(Load(a).status, Status::kDraft);
  ASSERT_TRUE(services::Submit(*store_, Wf(), a, SignAs(a, "originating_officer"), ActorOf(oo_), now_));
  EXPECT_EQ(Load(a).reference, "008/2026");
  // Withdrawn: its number is not handed out again.
  ASSERT_TRUE(services::Withdraw(*store_, Wf(), a, "Superseded", ActorOf(oo_), now_));
  ASSERT_TRUE(services::Submit(*store_, Wf(), b, SignAs(b, "originating_officer"), ActorOf(oo_), now_));
  EXPECT_EQ(Load(b).reference, "009/2026");
}

TEST_P(WorkflowService, LancashireJointDecisionNeedsBothDecisionMakers) {
  auto oo = AddUser("lena", "lancashire:originating_officer", "lena@lancashire.example.org");
  auto mo = AddUser("mo", "lancashire:monitoring_officer", "mo@lancashire.example.org");
  auto pcc = AddUser("clive", "lancashire:commissioner", "clive@lancashire.example.org");
  auto cc = AddUser("carol", "lancashire:chief_constable", "carol@lancashire.example.org");
  auto id = services::CreateDraft(*store_, Wf(), "lancashire", "Joint ICT platform", ActorOf(oo), now_);
  ASSERT_TRUE(id) << id.error().ToString();
  workflow::DraftEdit e;
  e.title = "Joint ICT platform";
  e.sections = {{"executive_summary", "", decisions::Part::kPart1, "One platform for both."},
                {"recommendation", "", decisions::Part::kPart1, "Approve."}};
  ASSERT_TRUE(services::EditDraft(*store_, Wf(), *id, Load(*id).version, e, ActorOf(oo), now_));

  // Lancashire's chain opens with the monitoring officer, not a declaration by the
  // author: the author submits without signing, and the monitoring officer is told.
  auto by_mo = services::Submit(*store_, Wf(), *id, SignAs(*id, ""), ActorOf(mo), now_);
  ASSERT_FALSE(by_mo) << "only the author or an originating/governance officer submits";
  EXPECT_EQ(by_mo.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(services::Submit(*store_, Wf(), *id, SignAs(*id, ""), ActorOf(oo), now_));
  EXPECT_EQ(Load(*id).reference, "2026/01");
  EXPECT_TRUE(Load(*id).signoffs.empty());
  EXPECT_EQ(MailTo("mo@lancashire.example.org").size(), 1u);
  EXPECT_TRUE(MailTo("clive@lancashire.example.org").empty());

  auto early = services::Decide(*store_, Wf(), *id, DecideAs(*id, "commissioner", ""), ActorOf(pcc), now_);
  ASSERT_FALSE(early) << "the monitoring officer signs first";
  ASSERT_TRUE(services::Sign(*store_, Wf(), *id, SignAs(*id, "monitoring_officer"), ActorOf(mo), now_));
  EXPECT_EQ(MailTo("clive@lancashire.example.org").size(), 1u);
  EXPECT_EQ(MailTo("carol@lancashire.example.org").size(), 1u);

  ASSERT_TRUE(services::Decide(*store_, Wf(), *id, DecideAs(*id, "commissioner", ""), ActorOf(pcc), now_));
  EXPECT_EQ(Load(*id).status, Status::kSubmitted) << "the chief constable has not decided yet";
  auto work = services::GetWorkLists(*store_, Wf(), ActorOf(cc));
  ASSERT_TRUE(work) << work.error().ToString();
  ASSERT_EQ(work->waiting_for_me.size(), 1u);
  EXPECT_EQ(work->waiting_for_me[0].decision.id, *id);
  EXPECT_EQ(work->waiting_for_me[0].waiting_for, "Chief Constable");

  ASSERT_TRUE(services::Decide(*store_, Wf(), *id, DecideAs(*id, "chief_constable", ""), ActorOf(cc), now_));
  auto d = Load(*id);
  EXPECT_EQ(d.status, Status::kDecided);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  ASSERT_TRUE(d.decision_maker_role);
  EXPECT_NE(d.decision_maker_role->find(" and "), std::string::npos) << *d.decision_maker_role;
  EXPECT_EQ(MailTo("lena@lancashire.example.org").size(), 1u) << "the author hears of the decision";
}

TEST_P(WorkflowService, ARefusedActionLeavesTheStoreUnchanged) {
  std::int64_t id = CumbriaDraft(ActorOf(oo_));
  ASSERT_TRUE(services::Submit(*store_, Wf(), id, SignAs(id, "originating_officer"), ActorOf(oo_), now_));
  decisions::Decision before = Load(id);
  auto token = store_->ChangeToken();
  ASSERT_TRUE(token);
  size_t events = store_->ListAuditEvents(0, 1000)->size();
  size_t mail = Outbox().size();

  // The commissioner may not decide before the chief executive has signed.
  auto early = services::Decide(*store_, Wf(), id, DecideAs(id, "commissioner", "Police & Crime Commissioner"),
                                ActorOf(pcc_), now_);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kIllegalTransition) << early.error().ToString();
  // Nor may the chief executive sign content other than what is there now.
  auto stale = SignAs(id, "opcc_officer", "Chief Executive");
  stale.content_hash = std::string(64, 'a');
  auto refused = services::Sign(*store_, Wf(), id, stale, ActorOf(ce_), now_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  // Nor the commissioner sign the chief executive's step.
  auto wrong_role = services::Sign(*store_, Wf(), id, SignAs(id, "opcc_officer", "Chief Executive"),
                                   ActorOf(pcc_), now_);
  ASSERT_FALSE(wrong_role);
  EXPECT_EQ(wrong_role.error().code, ErrorCode::kForbidden);

  EXPECT_EQ(Load(id), before);
  EXPECT_EQ(*store_->ChangeToken(), *token);
  EXPECT_EQ(store_->ListAuditEvents(0, 1000)->size(), events);
  EXPECT_EQ(Outbox().size(), mail);
}

TEST_P(WorkflowService, EditingSignedContentVoidsTheSignaturesAndTellsTheSignatories) {
  std::int64_t id = SubmittedAndSigned();
  decisions::Decision d = Load(id);
  ASSERT_EQ(d.status, Status::kSubmitted);
  workflow::DraftEdit e;
  e.title = d.title;
  e.category = d.category;
  e.amount_pence = d.amount_pence;
  e.sections = {{"recommendation", "", decisions::Part::kPart1, "Approve a smaller capital spend."}};
  auto stale = services::EditDraft(*store_, Wf(), id, d.version - 1, e, ActorOf(oo_), now_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().message, "someone else changed this decision a moment ago; reload it and try again");

  ASSERT_TRUE(services::EditDraft(*store_, Wf(), id, d.version, e, ActorOf(oo_), now_));
  decisions::Decision after = Load(id);
  EXPECT_EQ(after.status, Status::kDraft);
  EXPECT_EQ(after.reference, "001/2026") << "the reference is kept";
  ASSERT_EQ(after.signoffs.size(), 2u) << "voided signatures are kept";
  for (const auto& s : after.signoffs) EXPECT_FALSE(s.stands()) << s.step;
  auto to_ce = MailTo("chris@cumbria.example.org");
  ASSERT_EQ(to_ce.size(), 2u);  // "waiting for your signature", then "voided"
  EXPECT_NE(to_ce[1].body.find("Your signature on 001/2026"), std::string::npos) << to_ce[1].body;
  EXPECT_NE(to_ce[1].body.find("voided"), std::string::npos);
  EXPECT_EQ(MailTo("olive@cumbria.example.org").size(), 0u) << "the editor is not told of their own edit";
  ExpectNoPart2InMail();
  // The voided signature's content stays readable.
  EXPECT_TRUE(services::SignedContent(*store_, after.signoffs[1].content_hash));
}

TEST_P(WorkflowService, TwoPeopleSigningOneStepAtOnceOneWins) {
  std::int64_t id = CumbriaDraft(ActorOf(oo_));
  ASSERT_TRUE(services::Submit(*store_, Wf(), id, SignAs(id, "originating_officer"), ActorOf(oo_), now_));
  auto second = OpenAgain();  // another server's connections
  ASSERT_NE(second, nullptr);
  std::barrier<> meet(2);
  MeetingStore a(*store_, meet);
  MeetingStore b(*second, meet);
  Result<void> ra = Ok(), rb = Ok();
  auto in_ce = SignAs(id, "opcc_officer", "Chief Executive");
  auto in_dce = SignAs(id, "opcc_officer", "Deputy Chief Executive");
  std::thread ta([&] { ra = services::Sign(a, Wf(), id, in_ce, ActorOf(ce_), now_); });
  std::thread tb([&] { rb = services::Sign(b, Wf(), id, in_dce, ActorOf(dce_), now_); });
  ta.join();
  tb.join();
  ASSERT_NE(static_cast<bool>(ra), static_cast<bool>(rb)) << "exactly one succeeds";
  const Result<void>& lost = ra ? rb : ra;
  EXPECT_EQ(lost.error().code, ErrorCode::kConflict) << lost.error().ToString();
  EXPECT_EQ(lost.error().message, "someone else changed this decision a moment ago; reload it and try again");

  decisions::Decision d = Load(id);
  int standing = 0;
  for (const auto& s : d.signoffs) standing += (s.step == "opcc_officer" && s.stands()) ? 1 : 0;
  EXPECT_EQ(standing, 1);
  auto history = Actions(id);
  EXPECT_EQ(std::count(history.begin(), history.end(), "decision.sign"), 1);
  auto report = services::VerifyAudit(*store_);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_TRUE(report->ok()) << *report->first_problem;
}

TEST_P(WorkflowService, ReturnAndWithdraw) {
  std::int64_t id = SubmittedAndSigned();
  auto no_reason = services::ReturnForRevision(*store_, Wf(), id, "  ", ActorOf(pcc_), now_);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalidInput);
  ASSERT_TRUE(services::ReturnForRevision(*store_, Wf(), id, "The costs are out of date", ActorOf(pcc_), now_));
  auto d = Load(id);
  EXPECT_EQ(d.status, Status::kDraft);
  EXPECT_EQ(d.status_reason, "The costs are out of date");
  auto to_author = MailTo("olive@cumbria.example.org");
  ASSERT_EQ(to_author.size(), 1u);
  EXPECT_NE(to_author[0].body.find("The costs are out of date"), std::string::npos);
  EXPECT_NE(to_author[0].subject.find("returned"), std::string::npos);
  EXPECT_EQ(MailTo("chris@cumbria.example.org").size(), 2u) << "the chief executive's signature was voided";

  ASSERT_TRUE(services::Withdraw(*store_, Wf(), id, "Not needed", ActorOf(oo_), now_));
  EXPECT_EQ(Load(id).status, Status::kWithdrawn);
  auto actions = Actions(id);
  EXPECT_EQ(actions.back(), "decision.withdraw");
}

TEST_P(WorkflowService, WorkListsShowWhatWaitsForWhomAndOwnDrafts) {
  std::int64_t a = CumbriaDraft(ActorOf(oo_), "Draft A");
  std::int64_t b = CumbriaDraft(ActorOf(oo_), "Draft B");
  ASSERT_TRUE(services::Submit(*store_, Wf(), b, SignAs(b, "originating_officer"), ActorOf(oo_), now_));

  auto ce = services::GetWorkLists(*store_, Wf(), ActorOf(ce_));
  ASSERT_TRUE(ce) << ce.error().ToString();
  ASSERT_EQ(ce->waiting_for_me.size(), 1u);
  EXPECT_EQ(ce->waiting_for_me[0].decision.id, b);
  EXPECT_EQ(ce->waiting_for_me[0].waiting_for, "OPCC Officer Approval");
  EXPECT_TRUE(ce->my_drafts.empty());

  auto mine = services::GetWorkLists(*store_, Wf(), ActorOf(oo_));
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->my_drafts.size(), 2u);
  EXPECT_EQ(mine->my_drafts[0].decision.id, b) << "newest first";
  EXPECT_EQ(mine->my_drafts[1].decision.id, a);
  EXPECT_TRUE(mine->waiting_for_me.empty());

  auto outsider = services::GetWorkLists(*store_, Wf(), ActorOf(outsider_));
  ASSERT_TRUE(outsider);
  EXPECT_TRUE(outsider->waiting_for_me.empty());
  EXPECT_TRUE(outsider->my_drafts.empty());
}

TEST_P(WorkflowService, AttachmentsAreStoredAsBlobs) {
  std::int64_t id = CumbriaDraft(ActorOf(oo_));
  std::string bytes = "%PDF-1.4 business case";
  ASSERT_TRUE(services::AddAttachment(*store_, Wf(), id, Load(id).version, "C:\\papers\\Business case.pdf",
                                      "application/pdf", decisions::Part::kPart2, bytes, ActorOf(oo_), now_));
  auto d = Load(id);
  ASSERT_EQ(d.attachments.size(), 1u);
  EXPECT_EQ(d.attachments[0].name, "Business case.pdf");
  EXPECT_EQ(d.attachments[0].part, decisions::Part::kPart2);
  EXPECT_EQ(d.attachments[0].size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(*store_->FindBlob(d.attachments[0].sha256), bytes);
  auto bad = services::AddAttachment(*store_, Wf(), id, Load(id).version, "x.pdf", "not a type",
                                     decisions::Part::kPart1, "x", ActorOf(oo_), now_);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(Load(id).attachments.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowService, ServiceBackends(), BackendName);

}  // namespace
}  // namespace assent::testing_support
