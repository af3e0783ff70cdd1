// Publication use cases on both backends: plan, redactions, publish (version 1),
// publish-due, corrections, the withdrawal tombstone, and what reaches the public view,
// the search index and the stored artifact.
#include <gtest/gtest.h>

#include "core/hash.hpp"
#include "publication/public_json.hpp"
#include "services/calendar_file.hpp"
#include "services/publication.hpp"
#include "services/register.hpp"
#include "tests/services/service_fixture.hpp"
#include "tests/support/files.hpp"

namespace assent::testing_support {
namespace {

using decisions::PlanKind;
using decisions::Status;

class PublicationService : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto calendar = services::LoadCalendarFile(SourceDir() + "/calendars/bank-holidays.json");
    ASSERT_TRUE(calendar) << calendar.error().ToString();
    catalogue_.calendar = std::move(*calendar);
    oo_ = AddUser("olive", "cumbria:originating_officer", "olive@cumbria.example.org");
    ce_ = AddUser("chris", "cumbria:chief_executive", "chris@cumbria.example.org");
    ce2_ = AddUser("carol", "cumbria:chief_executive");
    cfo_ = AddUser("fran", "cumbria:chief_finance_officer");
    go_ = AddUser("gina", "cumbria:governance_officer");
    pcc_ = AddUser("peter", "cumbria:commissioner", "peter@cumbria.example.org");
  }

  // A Cumbria decision taken on Saturday 21 November 2026 (now_).
  std::int64_t Decided() {
    std::int64_t id = CumbriaDraft(ActorOf(oo_));
    EXPECT_TRUE(services::Submit(*store_, Wf(), id, SignAs(id, "originating_officer"), ActorOf(oo_), now_));
    EXPECT_TRUE(services::Sign(*store_, Wf(), id, SignAs(id, "opcc_officer", "Chief Executive"), ActorOf(ce_), now_));
    auto d = services::Decide(*store_, Wf(), id, DecideAs(id, "commissioner", "Police & Crime Commissioner"),
                              ActorOf(pcc_), now_);
    EXPECT_TRUE(d) << d.error().ToString();
    return id;
  }
  publication::PlanInput PublishPlan() const {
    publication::PlanInput in;
    in.kind = PlanKind::kPublish;
    return in;
  }
  Result<publication::PublicDecision> Public(std::int64_t id) const {
    auto d = Load(id);
    return services::GetPublicDecision(*store_, "cumbria", decisions::ReferenceSlug(d.reference));
  }
  Instant Later(int days) const { return Instant{now_.unix_seconds + days * 86400}; }

  accounts::User oo_, ce_, ce2_, cfo_, go_, pcc_;
};

TEST_P(PublicationService, PublishWritesVersionOneWithTheDueDate) {
  auto id = Decided();
  // No plan yet: refused, with the reason.
  auto early = services::Publish(*store_, Wf(), id, ActorOf(ce_), now_);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().message, "set the publication plan before publishing");
  // The wrong role is refused with a sentence.
  auto officer = services::SetPublicationPlan(*store_, Wf(), id, PublishPlan(), ActorOf(oo_), now_);
  ASSERT_FALSE(officer);
  EXPECT_EQ(officer.error().code, ErrorCode::kForbidden);
  EXPECT_NE(officer.error().message.find("you hold: Originating Officer"), std::string::npos);

  ASSERT_TRUE(services::SetPublicationPlan(*store_, Wf(), id, PublishPlan(), ActorOf(ce_), now_));
  EXPECT_FALSE(Public(id)) << "decided with a publish plan: not on the register until published";
  auto published = services::Publish(*store_, Wf(), id, ActorOf(go_), Later(1));
  ASSERT_TRUE(published) << published.error().ToString();

  auto d = Load(id);
  EXPECT_EQ(d.status, Status::kPublished);
  EXPECT_EQ(d.published_on, Later(1).UkDate());
  auto versions = store_->ListPublishedVersions(id);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0].kind, "published");
  EXPECT_EQ((*versions)[0].sha256, Sha256Hex((*versions)[0].public_json));
  auto artifact = publication::ParsePublicDecision((*versions)[0].public_json);
  ASSERT_TRUE(artifact);
  // Decided Saturday 21 November 2026: 3 working days -> Wednesday 25 November.
  EXPECT_EQ(artifact->due_date, *Date::ParseIso("2026-11-25"));
  EXPECT_EQ((*versions)[0].public_json.find(kPart2Marker), std::string::npos);

  auto p = Public(id);
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->state, publication::PublicState::kPublished);
  ASSERT_EQ(p->versions.size(), 1u);
  EXPECT_EQ(p->versions[0].sha256, (*versions)[0].sha256);
  auto history = store_->DecisionHistory(id);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->back().action, "decision.publish");
  EXPECT_TRUE(services::GetRegister(*store_, "cumbria", std::nullopt));
}

TEST_P(PublicationService, AnUnsignedRedactionBlocksPublishingAndASignedOneLeavesNoTrace) {
  auto id = Decided();
  ASSERT_TRUE(services::SetPublicationPlan(*store_, Wf(), id, PublishPlan(), ActorOf(ce_), now_));
  publication::RedactionProposal p{decisions::RedactionTarget::kSpan, "recommendation", "", "capital spend",
                                   "the sum is commercially sensitive", "s43"};
  ASSERT_TRUE(services::ProposeRedaction(*store_, Wf(), id, p, ActorOf(go_), now_));
  auto blocked = services::Publish(*store_, Wf(), id, ActorOf(ce_), now_);
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, ErrorCode::kIllegalTransition);
  // A governance officer may not sign it off; a chief finance officer may.
  EXPECT_EQ(services::SignOffRedaction(*store_, Wf(), id, 1, ActorOf(go_), now_).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(services::SignOffRedaction(*store_, Wf(), id, 1, ActorOf(cfo_), now_));
  ASSERT_TRUE(services::Publish(*store_, Wf(), id, ActorOf(ce_), now_));

  auto pub = Public(id);
  ASSERT_TRUE(pub);
  std::string all;
  for (const auto& s : pub->sections) all += s.text + "\n";
  EXPECT_EQ(all.find("capital spend"), std::string::npos) << all;
  EXPECT_NE(all.find("[redacted]"), std::string::npos) << all;
  ASSERT_EQ(pub->redactions.size(), 1u);
  EXPECT_EQ(pub->redactions[0].ground, "s43");
  auto versions = store_->ListPublishedVersions(id);
  ASSERT_TRUE(versions);
  EXPECT_EQ(versions->back().public_json.find("capital spend"), std::string::npos);
  auto hits = store_->Search({.text = "capital"});
  ASSERT_TRUE(hits);
  EXPECT_EQ(hits->total, 0) << "redacted words are not indexed";
  auto approve = store_->Search({.text = "approve"});
  ASSERT_TRUE(approve);
  EXPECT_EQ(approve->total, 1) << "the rest of the section is indexed";
  // The audit log names where and why, never the words.
  auto history = store_->DecisionHistory(id);
  ASSERT_TRUE(history);
  for (const auto& e : *history) {
    if (e.action == "redaction.propose") {
      EXPECT_EQ(e.detail.find("capital spend"), std::string::npos) << e.detail;
    }
  }
}

TEST_P(PublicationService, PublishDuePublishesADeferralOnItsDateAndNotBefore) {
  auto id = Decided();
  publication::PlanInput in;
  in.kind = PlanKind::kDefer;
  in.reason = "Earlier release would compromise the procurement";
  in.until = *Date::ParseIso("2026-12-01");
  ASSERT_TRUE(services::SetPublicationPlan(*store_, Wf(), id, in, ActorOf(ce_), now_));
  // A stub on the register meanwhile.
  auto stub = Public(id);
  ASSERT_TRUE(stub) << stub.error().ToString();
  EXPECT_EQ(stub->state, publication::PublicState::kDeferred);
  EXPECT_TRUE(stub->sections.empty());
  auto page = services::GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->rows[0].state, publication::PublicState::kDeferred);
  EXPECT_NE(page->rows[0].state_note.find("1 December 2026"), std::string::npos) << page->rows[0].state_note;

  auto before = services::PublishDue(*store_, Wf(), *Date::ParseIso("2026-11-30"), Later(9));
  ASSERT_TRUE(before);
  EXPECT_TRUE(before->published.empty());
  EXPECT_EQ(Load(id).status, Status::kDecided);
  EXPECT_FALSE(services::Publish(*store_, Wf(), id, ActorOf(ce_), Later(9))) << "deferred until 1 December";

  auto on = services::PublishDue(*store_, Wf(), *Date::ParseIso("2026-12-01"), Later(10));
  ASSERT_TRUE(on);
  ASSERT_EQ(on->published.size(), 1u);
  EXPECT_EQ(on->published[0], "cumbria 001/2026");
  EXPECT_EQ(Load(id).status, Status::kPublished);
  auto again = services::PublishDue(*store_, Wf(), *Date::ParseIso("2026-12-02"), Later(11));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->published.empty());
}

TEST_P(PublicationService, ACorrectionIsVersionTwoWithItsNoteAndWithdrawalLeavesATombstone) {
  auto id = Decided();
  ASSERT_TRUE(services::SetPublicationPlan(*store_, Wf(), id, PublishPlan(), ActorOf(ce_), now_));
  ASSERT_TRUE(services::Publish(*store_, Wf(), id, ActorOf(ce_), now_));
  std::string signed_hash = Load(id).signoffs[0].content_hash;

  services::Correction c;
  c.sections = {{"executive_summary", "", decisions::Part::kPart1, "Refurbish the custody suite at Durranhill."}};
  auto no_note = services::Correct(*store_, Wf(), id, c, ActorOf(ce_), Later(2));
  ASSERT_FALSE(no_note);
  EXPECT_EQ(no_note.error().where, "change_note");
  c.change_note = "Named the site";
  EXPECT_EQ(services::Correct(*store_, Wf(), id, c, ActorOf(go_), Later(2)).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(services::Correct(*store_, Wf(), id, c, ActorOf(ce_), Later(2)));
  auto versions = store_->ListPublishedVersions(id);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[1].kind, "corrected");
  EXPECT_EQ((*versions)[1].change_note, "Named the site");
  auto p = Public(id);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->versions.size(), 2u);
  EXPECT_NE(p->sections[0].text.find("Durranhill"), std::string::npos);
  EXPECT_EQ(p->due_date, *Date::ParseIso("2026-11-25")) << "the due date as first recorded";
  // The signed original is still there, byte for byte.
  auto original = services::SignedContent(*store_, signed_hash);
  ASSERT_TRUE(original);
  EXPECT_EQ(original->find("Durranhill"), std::string::npos);

  auto withdrawn = services::Withdraw(*store_, Wf(), id, "Superseded by decision 002/2026", ActorOf(ce_), Later(3));
  ASSERT_TRUE(withdrawn) << withdrawn.error().ToString();
  auto d = Load(id);
  EXPECT_EQ(d.status, Status::kWithdrawn);
  EXPECT_EQ(d.withdrawn_on, Later(3).UkDate());
  versions = store_->ListPublishedVersions(id);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ((*versions)[2].kind, "withdrawn");
  auto tombstone = Public(id);
  ASSERT_TRUE(tombstone) << tombstone.error().ToString();
  EXPECT_EQ(tombstone->state, publication::PublicState::kWithdrawn);
  EXPECT_EQ(tombstone->withdrawal_reason, "Superseded by decision 002/2026");
  EXPECT_TRUE(tombstone->sections.empty());
  auto page = services::GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->rows[0].state, publication::PublicState::kWithdrawn);
}

TEST_P(PublicationService, AWithdrawnDraftStaysOffTheRegister) {
  std::int64_t id = CumbriaDraft(ActorOf(oo_));
  ASSERT_TRUE(services::Withdraw(*store_, Wf(), id, "not needed", ActorOf(oo_), now_));
  EXPECT_FALSE(Load(id).withdrawn_on);
  auto page = services::GetRegister(*store_, "cumbria", std::nullopt);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->rows.empty());
}

TEST_P(PublicationService, AProposedRedactionIsCancelledWithAReasonAndNoLongerBlocksPublishing) {
  auto id = Decided();
  ASSERT_TRUE(services::SetPublicationPlan(*store_, Wf(), id, PublishPlan(), ActorOf(ce_), now_));
  publication::RedactionProposal p{decisions::RedactionTarget::kSpan, "recommendation", "", "capital spend",
                                   "the sum is commercially sensitive", "s43"};
  ASSERT_TRUE(services::ProposeRedaction(*store_, Wf(), id, p, ActorOf(go_), now_));
  ASSERT_FALSE(services::Publish(*store_, Wf(), id, ActorOf(ce_), now_)) << "a proposed redaction blocks publishing";
  auto version = Load(id).version;

  // Neither the officer nor the commissioner may cancel it; a reason is required.
  auto officer = services::CancelRedaction(*store_, Wf(), id, 1, "not needed", ActorOf(oo_), now_);
  ASSERT_FALSE(officer);
  EXPECT_EQ(officer.error().code, ErrorCode::kForbidden);
  EXPECT_NE(officer.error().message.find("the person who proposed it"), std::string::npos) << officer.error().message;
  EXPECT_EQ(services::CancelRedaction(*store_, Wf(), id, 1, "not needed", ActorOf(pcc_), now_).error().code,
            ErrorCode::kForbidden);
  auto no_reason = services::CancelRedaction(*store_, Wf(), id, 1, "  ", ActorOf(go_), now_);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(no_reason.error().where, "reason");
  EXPECT_EQ(services::CancelRedaction(*store_, Wf(), id, 2, "x", ActorOf(go_), now_).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(Load(id).version, version) << "refusals write nothing";

  // The proposer cancels it: the record stays, marked, and publishing goes ahead.
  ASSERT_TRUE(services::CancelRedaction(*store_, Wf(), id, 1, "The sum was announced in the budget.",
                                        ActorOf(go_), now_));
  auto d = Load(id);
  ASSERT_EQ(d.redactions.size(), 1u);
  EXPECT_TRUE(d.redactions[0].cancelled());
  EXPECT_EQ(d.redactions[0].cancelled_by, go_.id);
  EXPECT_EQ(d.redactions[0].cancel_reason, "The sum was announced in the budget.");
  auto again = services::CancelRedaction(*store_, Wf(), id, 1, "twice", ActorOf(ce_), now_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(services::SignOffRedaction(*store_, Wf(), id, 1, ActorOf(cfo_), now_).error().code,
            ErrorCode::kIllegalTransition) << "a cancelled redaction cannot be signed off";
  auto history = store_->DecisionHistory(id);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->back().action, "redaction.cancel");
  EXPECT_NE(history->back().detail.find("The sum was announced"), std::string::npos) << history->back().detail;
  EXPECT_EQ(history->back().detail.find("capital spend"), std::string::npos) << "the audit log never names the words";

  ASSERT_TRUE(services::Publish(*store_, Wf(), id, ActorOf(ce_), now_));
  auto pub = Public(id);
  ASSERT_TRUE(pub);
  EXPECT_TRUE(pub->redactions.empty());
  std::string all;
  for (const auto& s : pub->sections) all += s.text + "\n";
  EXPECT_NE(all.find("capital spend"), std::string::npos) << "a cancelled redaction does not apply: " << all;
}

TEST_P(PublicationService, TheChiefExecutiveCancelsAnotherProposalButNotASignedOffOneOncePublished) {
  auto id = Decided();
  ASSERT_TRUE(services::SetPublicationPlan(*store_, Wf(), id, PublishPlan(), ActorOf(ce_), now_));
  publication::RedactionProposal p{decisions::RedactionTarget::kSpan, "recommendation", "", "capital spend",
                                   "commercially sensitive", "s43"};
  ASSERT_TRUE(services::ProposeRedaction(*store_, Wf(), id, p, ActorOf(go_), now_));
  ASSERT_TRUE(services::ProposeRedaction(*store_, Wf(), id, p, ActorOf(go_), now_));
  // The chief executive cancels the duplicate someone else proposed; the treasurer signs the first off.
  ASSERT_TRUE(services::CancelRedaction(*store_, Wf(), id, 2, "Proposed twice.", ActorOf(ce_), now_));
  ASSERT_TRUE(services::SignOffRedaction(*store_, Wf(), id, 1, ActorOf(cfo_), now_));
  ASSERT_TRUE(services::Publish(*store_, Wf(), id, ActorOf(ce_), now_));
  auto refused = services::CancelRedaction(*store_, Wf(), id, 1, "changed our mind", ActorOf(ce_), now_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kIllegalTransition);
  EXPECT_NE(refused.error().message.find("correction"), std::string::npos) << refused.error().message;
  auto pub = Public(id);
  ASSERT_TRUE(pub);
  ASSERT_EQ(pub->redactions.size(), 1u) << "the signed-off one applies, the cancelled one does not";
  std::string all;
  for (const auto& s : pub->sections) all += s.text + "\n";
  EXPECT_EQ(all.find("capital spend"), std::string::npos) << all;
}

// A newer GOV.UK file: 2028 for England and Wales.
constexpr const char* kCalendar2028 = R"({"england-and-wales": {"division": "england-and-wales", "events": [
{"title": "New Year’s Day", "date": "2028-01-03", "notes": "Substitute day", "bunting": true},
{"title": "Good Friday", "date": "2028-04-14", "notes": "", "bunting": false},
{"title": "Easter Monday", "date": "2028-04-17", "notes": "", "bunting": true},
{"title": "Christmas Day", "date": "2028-12-25", "notes": "", "bunting": true},
{"title": "Boxing Day", "date": "2028-12-26", "notes": "", "bunting": true}]}})";

// `serve` refreshes its calendar when the change token moves: an import by another process
// is taken up without a restart, and a reader keeps the calendar it was given.
TEST_P(PublicationService, ACalendarImportedWhileRunningIsTakenUpAndReadersKeepTheirs) {
  const std::string dir = SourceDir() + "/calendars";
  services::CalendarInForce in_force;
  std::optional<std::size_t> seen;
  auto first = services::RefreshCalendar(*store_, dir, in_force, seen);
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_TRUE(*first);
  auto again = services::RefreshCalendar(*store_, dir, in_force, seen);
  ASSERT_TRUE(again) << again.error().ToString();
  EXPECT_FALSE(*again) << "no new import: nothing rebuilt";

  const Date boxing_day = *Date::ParseIso("2028-12-26");
  auto held = in_force.Get();
  ASSERT_TRUE(held);
  EXPECT_FALSE(held->divisions.at("england-and-wales").contains(boxing_day));
  auto imported = services::ImportCalendar(*store_, dir, kCalendar2028, "bank-holidays-2028.json", "tester",
                                           now_, false);
  ASSERT_TRUE(imported) << imported.error().ToString();
  ASSERT_TRUE(imported->stored);

  auto refreshed = services::RefreshCalendar(*store_, dir, in_force, seen);
  ASSERT_TRUE(refreshed) << refreshed.error().ToString();
  EXPECT_TRUE(*refreshed);
  EXPECT_TRUE(in_force.Get()->divisions.at("england-and-wales").contains(boxing_day));
  EXPECT_FALSE(held->divisions.at("england-and-wales").contains(boxing_day))
      << "a reader keeps the calendar it was given";
}

INSTANTIATE_TEST_SUITE_P(Backends, PublicationService, ServiceBackends(), BackendName);

}  // namespace
}  // namespace assent::testing_support
