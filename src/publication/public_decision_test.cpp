#include "publication/public_decision.hpp"

#include <gtest/gtest.h>

namespace assent::publication {
namespace {

using decisions::Part;
using decisions::Status;

decisions::Body Cumbria() {
  decisions::Body b;
  b.slug = "cumbria";
  b.name = "Police & Crime Commissioner for Cumbria";
  return b;
}

decisions::Decision WithPart2() {
  decisions::Decision d;
  d.body = "cumbria";
  d.reference = "008/2016";
  d.title = "ICT Strategy";
  d.status = Status::kPublished;
  d.sections = {{"executive_summary", "Executive Summary", Part::kPart1, "Public text."},
                {"part2", "Part 2", Part::kPart2, "CONFIDENTIAL-MARKER"}};
  d.background_papers = {{"Strategy summary", Part::kPart1}, {"CONFIDENTIAL-PAPER", Part::kPart2}};
  decisions::SignOff s;
  s.step = "originating_officer";
  s.role = "Originating Officer";
  s.name = "S. Kirkpatrick";
  s.note = "internal importer note";
  d.signoffs = {s};
  d.fields = {{"report_by", "A. Author"}, {"internal_key", "not public"}};
  return d;
}

TEST(PublicDecision, LeavesPart2Out) {
  auto p = MakePublicDecision(WithPart2(), Cumbria());
  ASSERT_TRUE(p);
  ASSERT_EQ(p->sections.size(), 1u);
  EXPECT_EQ(p->sections[0].text, "Public text.");
  ASSERT_EQ(p->background_papers.size(), 1u);
  EXPECT_EQ(p->background_papers[0], "Strategy summary");
  EXPECT_EQ(p->part2_papers_withheld, 1);
  EXPECT_TRUE(p->part2_exists);
  EXPECT_EQ(p->reference_slug, "008-2016");
  ASSERT_EQ(p->fields.size(), 1u);
  EXPECT_EQ(p->fields[0].label, "Report by");
}

TEST(PublicDecision, RefusesWhatIsNotPublic) {
  for (auto s : {Status::kDraft, Status::kSubmitted, Status::kDecided}) {
    auto d = WithPart2();
    d.status = s;
    auto p = MakePublicDecision(d, Cumbria());
    ASSERT_FALSE(p) << decisions::StatusName(s);
    EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
  }
  auto other_body = Cumbria();
  other_body.slug = "essex";
  EXPECT_FALSE(MakePublicDecision(WithPart2(), other_body));
}

TEST(PublicDecision, AWithdrawnDraftIsHiddenAWithdrawnPublicationIsATombstone) {
  auto d = WithPart2();
  d.status = Status::kWithdrawn;
  d.status_reason = "superseded";
  auto hidden = MakePublicDecision(d, Cumbria());
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);

  d.withdrawn_on = *Date::ParseIso("2026-03-02");
  auto p = MakePublicDecision(d, Cumbria());
  ASSERT_TRUE(p);
  EXPECT_EQ(p->state, PublicState::kWithdrawn);
  EXPECT_EQ(p->withdrawal_reason, "superseded");
  EXPECT_EQ(p->withdrawn_on, d.withdrawn_on);
  EXPECT_EQ(p->title, "ICT Strategy");
  EXPECT_TRUE(p->sections.empty()) << "a tombstone does not repeat the withdrawn text";
}

TEST(PublicDecision, DeferredAndWithheldAreStubsWithoutText) {
  auto d = WithPart2();
  d.status = Status::kDecided;
  d.plan.kind = decisions::PlanKind::kDefer;
  d.plan.reason = "Earlier release would compromise the procurement";
  d.plan.until = *Date::ParseIso("2026-06-01");
  auto deferred = MakePublicDecision(d, Cumbria());
  ASSERT_TRUE(deferred);
  EXPECT_EQ(deferred->state, PublicState::kDeferred);
  EXPECT_EQ(deferred->deferral_reason, d.plan.reason);
  EXPECT_EQ(deferred->deferred_until, d.plan.until);
  EXPECT_TRUE(deferred->sections.empty());
  EXPECT_TRUE(deferred->background_papers.empty());

  d.plan = {};
  d.plan.kind = decisions::PlanKind::kWithhold;
  d.plan.ground = "s43";
  d.plan.withheld_what = "The whole decision";
  d.plan.review_date = *Date::ParseIso("2027-01-04");
  auto withheld = MakePublicDecision(d, Cumbria());
  ASSERT_TRUE(withheld);
  EXPECT_EQ(withheld->state, PublicState::kWithheld);
  EXPECT_EQ(withheld->withheld_ground, "s43");
  EXPECT_EQ(withheld->withheld_ground_label, "Section 43: commercial interests");
  EXPECT_EQ(withheld->review_date, d.plan.review_date);
  EXPECT_TRUE(withheld->sections.empty());
}

TEST(PublicDecision, VoidedSignaturesAreLeftOut) {
  auto d = WithPart2();
  d.signoffs = {{.step = "a", .role = "Chief Executive", .name = "Stands"},
                {.step = "b", .role = "Treasurer", .name = "Voided", .voided = "voided: content edited"}};
  auto p = MakePublicDecision(d, Cumbria());
  ASSERT_TRUE(p);
  ASSERT_EQ(p->signoffs.size(), 1u);
  EXPECT_EQ(p->signoffs[0].name, "Stands");
}

}  // namespace
}  // namespace assent::publication
