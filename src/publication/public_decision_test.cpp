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

TEST(PublicDecision, WithdrawnIsNotPublicUntilTombstonesKnowWhatWasPublished) {
  // A draft withdrawn before it was ever published must not appear; the tombstone of a
  // withdrawn published record comes with published versions.
  auto d = WithPart2();
  d.status = Status::kWithdrawn;
  auto p = MakePublicDecision(d, Cumbria());
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
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
