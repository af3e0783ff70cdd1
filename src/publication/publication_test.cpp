// Grounds, the publication plan, redactions as the public view applies them, and the
// due date from the decision date over the bundled calendar's real bank holidays.
#include <gtest/gtest.h>

#include "publication/grounds.hpp"
#include "publication/public_decision.hpp"
#include "publication/publication_plan.hpp"
#include "publication/redaction.hpp"
#include "publication/search_document.hpp"
#include "tests/support/files.hpp"

namespace assent::publication {
namespace {

using decisions::Part;
using decisions::PlanKind;
using decisions::RedactionTarget;
using decisions::Status;

Date D(const char* iso) { return *Date::ParseIso(iso); }

workflow::Actor ActorWith(std::int64_t id, std::string role) {
  workflow::Actor a;
  a.id = id;
  a.username = "user" + std::to_string(id);
  a.name = "User " + std::to_string(id);
  a.roles = {{"essex", std::move(role)}};
  return a;
}

decisions::Body Essex() {
  decisions::Body b;
  b.slug = "essex";
  b.name = "Police, Fire and Crime Commissioner for Essex";
  b.publication_working_days = 3;
  return b;
}

decisions::Decision Decided() {
  decisions::Decision d;
  d.id = 7;
  d.body = "essex";
  d.reference = "097-21";
  d.title = "Essex Police Digital Strategy";
  d.status = Status::kDecided;
  d.decision_date = D("2021-07-02");
  d.sections = {
      {"purpose", "Purpose of the report", Part::kPart1, "The strategy sets out our approach."},
      {"financial", "Financial implications", Part::kPart1,
       "The supplier, Acme Secure Ltd, quoted 1.2m for the work."},
      {"risks", "Risks", Part::kPart1, "There are no associated risks."},
      {"part2", "Part 2", Part::kPart2, "CONFIDENTIAL"}};
  d.attachments = {{"Bid.pdf", "application/pdf", Part::kPart1, std::string(64, 'a'), 10}};
  return d;
}

// --- grounds ---

TEST(Grounds, KnowsTheFoiaSectionsAndTheOrder) {
  auto g = FindGround("s43");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->label, "Section 43: commercial interests");
  EXPECT_TRUE(FindGround("sio-2-2"));
  for (const char* code : {"s21", "s22", "s24", "s31", "s36", "s38", "s40", "s41", "s42", "s44"}) {
    EXPECT_TRUE(FindGround(code)) << code;
  }
  auto bad = FindGround("s99");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().where, "ground");
  EXPECT_NE(bad.error().message.find("s21, s22"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("sio-2-2"), std::string::npos) << bad.error().message;
}

// --- the plan ---

TEST(PublicationPlan, DeferNeedsAReasonAndADateAfterTheDecision) {
  auto ce = ActorWith(1, "chief_executive");
  PlanInput in;
  in.kind = PlanKind::kDefer;
  in.until = D("2021-09-01");
  auto no_reason = MakePlan(in, D("2021-07-02"), ce, "2021-07-03T09:00:00Z");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().where, "deferral_reason");
  in.reason = "Earlier release would compromise the contract award";
  in.until = D("2021-07-02");
  auto same_day = MakePlan(in, D("2021-07-02"), ce, "2021-07-03T09:00:00Z");
  ASSERT_FALSE(same_day);
  EXPECT_EQ(same_day.error().where, "deferred_until");
  EXPECT_NE(same_day.error().message.find("2 July 2021"), std::string::npos);
  in.until.reset();
  EXPECT_EQ(MakePlan(in, D("2021-07-02"), ce, "now").error().where, "deferred_until");
  in.until = D("2021-09-01");
  in.ground = "s43";  // not used by a deferral: dropped
  auto ok = MakePlan(in, D("2021-07-02"), ce, "2021-07-03T09:00:00Z");
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_EQ(ok->kind, PlanKind::kDefer);
  EXPECT_EQ(ok->until, D("2021-09-01"));
  EXPECT_EQ(ok->ground, "");
  EXPECT_EQ(ok->set_by, 1);
  EXPECT_EQ(ok->set_by_name, "User 1");
  EXPECT_EQ(ok->set_at, "2021-07-03T09:00:00Z");
}

TEST(PublicationPlan, WithholdNeedsAKnownGroundWhatAndAReviewDate) {
  auto ce = ActorWith(1, "chief_executive");
  PlanInput in;
  in.kind = PlanKind::kWithhold;
  in.ground = "s99";
  EXPECT_EQ(MakePlan(in, D("2021-07-02"), ce, "now").error().where, "ground");
  in.ground = "s31";
  EXPECT_EQ(MakePlan(in, D("2021-07-02"), ce, "now").error().where, "withheld_what");
  in.withheld_what = "The whole decision";
  EXPECT_EQ(MakePlan(in, D("2021-07-02"), ce, "now").error().where, "review_date");
  in.review_date = D("2022-01-04");
  auto ok = MakePlan(in, D("2021-07-02"), ce, "now");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->ground, "s31");
  in.kind = PlanKind::kNone;
  EXPECT_EQ(MakePlan(in, D("2021-07-02"), ce, "now").error().where, "plan");
}

TEST(PublicationPlan, PublicationWaitsForThePlan) {
  auto d = Decided();
  EXPECT_EQ(PlanAllowsPublication(d, D("2021-07-05")).error().message,
            "set the publication plan before publishing");
  d.plan.kind = PlanKind::kPublish;
  EXPECT_TRUE(PlanAllowsPublication(d, D("2021-07-05")));
  d.plan.kind = PlanKind::kDefer;
  d.plan.until = D("2021-09-01");
  EXPECT_FALSE(PlanAllowsPublication(d, D("2021-08-31")));
  EXPECT_TRUE(PlanAllowsPublication(d, D("2021-09-01")));
  d.plan.kind = PlanKind::kWithhold;
  EXPECT_FALSE(PlanAllowsPublication(d, D("2030-01-01")));
}

TEST(PublicationPlan, RolesRefuseWithASentence) {
  auto d = Decided();
  auto officer = ActorWith(3, "originating_officer");
  auto r = MaySetPlan(d, officer);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  EXPECT_NE(r.error().message.find("Chief Executive"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("you hold: Originating Officer"), std::string::npos);
  EXPECT_TRUE(MaySetPlan(d, ActorWith(1, "monitoring_officer")));
  EXPECT_TRUE(MayPublish(d, ActorWith(2, "governance_officer")));
  EXPECT_FALSE(MayCorrect(d, ActorWith(2, "governance_officer")));
  EXPECT_TRUE(MayCorrect(d, ActorWith(1, "chief_executive")));
}

// --- redactions ---

TEST(Redaction, ProposalIsCheckedAgainstTheDecision) {
  auto d = Decided();
  auto go = ActorWith(2, "governance_officer");
  RedactionProposal p{RedactionTarget::kSpan, "financial", "", "Acme Secure Ltd", "supplier name", "s43"};
  auto r = ProposeRedaction(d, p, go, "2021-07-03T10:00:00Z");
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->proposed_by, 2);
  EXPECT_FALSE(r->signed_off());

  auto missing = p;
  missing.text = "Not there";
  EXPECT_EQ(ProposeRedaction(d, missing, go, "now").error().where, "text");
  auto part2 = p;
  part2.target = RedactionTarget::kSection;
  part2.section_key = "part2";
  EXPECT_EQ(ProposeRedaction(d, part2, go, "now").error().where, "section");
  auto ground = p;
  ground.ground = "s12";
  EXPECT_EQ(ProposeRedaction(d, ground, go, "now").error().where, "ground");
  auto reason = p;
  reason.reason = "  ";
  EXPECT_EQ(ProposeRedaction(d, reason, go, "now").error().where, "reason");
  RedactionProposal attachment{RedactionTarget::kAttachment, "", std::string(64, 'b'), "", "bid", "s43"};
  EXPECT_EQ(ProposeRedaction(d, attachment, go, "now").error().where, "attachment");
  attachment.attachment_sha256 = std::string(64, 'a');
  EXPECT_TRUE(ProposeRedaction(d, attachment, go, "now"));
}

TEST(Redaction, SignOffByTheChiefExecutiveOrTreasurerWhoDidNotProposeIt) {
  auto d = Decided();
  auto ce = ActorWith(1, "chief_executive");
  RedactionProposal p{RedactionTarget::kSection, "risks", "", "", "risk register", "s31"};
  d.redactions.push_back(*ProposeRedaction(d, p, ce, "now"));
  EXPECT_TRUE(HasUnsignedRedaction(d));

  auto self = SignOffRedaction(d, 1, ce, "later");
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, ErrorCode::kForbidden);
  auto go = SignOffRedaction(d, 1, ActorWith(2, "governance_officer"), "later");
  ASSERT_FALSE(go);
  EXPECT_EQ(go.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(SignOffRedaction(d, 2, ActorWith(4, "chief_finance_officer"), "later").error().code,
            ErrorCode::kNotFound);
  auto cfo = SignOffRedaction(d, 1, ActorWith(4, "chief_finance_officer"), "later");
  ASSERT_TRUE(cfo) << cfo.error().ToString();
  EXPECT_EQ(cfo->signed_off_role, "chief_finance_officer");
  d.redactions[0] = *cfo;
  EXPECT_FALSE(HasUnsignedRedaction(d));
  EXPECT_EQ(SignOffRedaction(d, 1, ActorWith(5, "chief_executive"), "again").error().code,
            ErrorCode::kIllegalTransition);
}

decisions::Redaction SignedSpan(std::string key, std::string text) {
  decisions::Redaction r;
  r.target = RedactionTarget::kSpan;
  r.section_key = std::move(key);
  r.text = std::move(text);
  r.ground = "s43";
  r.proposed_by = 2;
  r.signed_off_by = 1;
  return r;
}

TEST(Redaction, AppliedInThePublicViewAndTheSearchDocument) {
  auto d = Decided();
  d.status = Status::kPublished;
  d.redactions.push_back(SignedSpan("financial", "Acme Secure Ltd"));
  decisions::Redaction section;
  section.target = RedactionTarget::kSection;
  section.section_key = "risks";
  section.ground = "s31";
  section.signed_off_by = 1;
  d.redactions.push_back(section);
  decisions::Redaction proposed = SignedSpan("purpose", "our approach");
  proposed.signed_off_by = 0;  // not signed off: not applied
  d.redactions.push_back(proposed);

  auto p = MakePublicDecision(d, Essex());
  ASSERT_TRUE(p);
  ASSERT_EQ(p->sections.size(), 2u);
  EXPECT_EQ(p->sections[0].text, "The strategy sets out our approach.");
  EXPECT_EQ(p->sections[1].text, "The supplier, [redacted], quoted 1.2m for the work.");
  ASSERT_EQ(p->redactions.size(), 2u);
  EXPECT_EQ(p->redactions[0].where, "Part of section 'Financial implications'");
  EXPECT_EQ(p->redactions[0].ground_label, "Section 43: commercial interests");
  EXPECT_EQ(p->redactions[1].where, "Section 'Risks'");

  auto doc = MakeSearchDocument(d);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->text.find("Acme"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("no associated risks"), std::string::npos) << doc->text;
}

TEST(Redaction, ASpanThatNoLongerOccursLeavesTheWholeSectionOut) {
  auto d = Decided();
  d.status = Status::kPublished;
  d.redactions.push_back(SignedSpan("financial", "Acme Secure Ltd"));
  d.sections[1].text = "The supplier, ACME Secure Limited, quoted 1.2m.";  // corrected since
  auto p = MakePublicDecision(d, Essex());
  ASSERT_TRUE(p);
  for (const auto& s : p->sections) {
    EXPECT_NE(s.heading, "Financial implications") << "fail closed: " << s.text;
  }
  ASSERT_EQ(p->redactions.size(), 1u);
}

TEST(Redaction, EveryOccurrenceOfTheSpanGoes) {
  decisions::Section s{"financial", "Financial", Part::kPart1, "Jo Bloggs met Jo Bloggs."};
  auto text = RedactedSectionText(s, {SignedSpan("financial", "Jo Bloggs")});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "[redacted] met [redacted].");
}

// --- the due date from the decision date ---

const Calendar& Bundled() {
  static const Calendar calendar = [] {
    auto c = ParseGovUkCalendar(testing_support::ReadSourceFile("calendars/bank-holidays.json"),
                                "calendars/bank-holidays.json");
    if (!c) throw std::runtime_error(c.error().ToString());
    return *c;
  }();
  return calendar;
}

TEST(DueDate, CountsFromTheDecisionDateOverRealBankHolidays) {
  struct Case {
    const char* decided;
    int days;
    const char* due;
  } cases[] = {
      {"2022-04-14", 3, "2022-04-21"},  // Good Friday and Easter Monday
      {"2022-12-23", 3, "2022-12-30"},  // Christmas and Boxing Day substitutes (26, 27 Dec)
      {"2022-12-29", 2, "2023-01-03"},  // New Year's Day substitute, Monday 2 January 2023
      {"2022-09-16", 1, "2022-09-20"},  // the State Funeral, 19 September 2022
      {"2023-05-05", 1, "2023-05-09"},  // the Coronation, 8 May 2023
  };
  auto body = Essex();
  for (const auto& c : cases) {
    body.publication_working_days = c.days;
    auto d = Decided();
    d.decision_date = D(c.decided);
    auto due = PublicationDueDate(Bundled(), body, d);
    ASSERT_TRUE(due) << c.decided << ": " << due.error().ToString();
    EXPECT_EQ(due->due, D(c.due)) << c.decided << ": " << due->summary;
    EXPECT_FALSE(due->summary.empty());
  }
  auto undated = Decided();
  undated.decision_date.reset();
  EXPECT_EQ(PublicationDueDate(Bundled(), body, undated).error().where, "decision_date");
}

}  // namespace
}  // namespace assent::publication
