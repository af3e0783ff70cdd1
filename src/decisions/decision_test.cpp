#include "decisions/decision.hpp"

#include <gtest/gtest.h>

namespace assent::decisions {
namespace {

TEST(ReferenceSlug, TurnsSlashesAndSpacesIntoDashes) {
  EXPECT_EQ(ReferenceSlug("006/2017"), "006-2017");
  EXPECT_EQ(ReferenceSlug("097-21"), "097-21");
  EXPECT_EQ(ReferenceSlug("PCC/D/2025/03"), "PCC-D-2025-03");
  EXPECT_EQ(ReferenceSlug("PCD 1861"), "PCD-1861");
  EXPECT_EQ(ReferenceSlug(" 006 / 2017 "), "006-2017");
}

TEST(DecisionNames, RoundTrip) {
  for (auto s : {Status::kDraft, Status::kSubmitted, Status::kDecided, Status::kPublished,
                 Status::kWithdrawn}) {
    EXPECT_EQ(ParseStatus(StatusName(s)), s);
  }
  for (auto o : {Outcome::kUnknown, Outcome::kApproved, Outcome::kNotApproved}) {
    EXPECT_EQ(ParseOutcome(OutcomeName(o)), o);
  }
  EXPECT_EQ(ParseStatus("nonsense"), std::nullopt);
}

TEST(Validate, NamesTheField) {
  Decision d;
  d.body = "cumbria";
  d.status = Status::kPublished;
  auto r = Validate(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), "field title: the title is empty");
  d.title = "ICT Strategy";
  r = Validate(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(),
            "field reference: only a draft, or a draft withdrawn before submission, may be without "
            "a reference");
  d.status = Status::kWithdrawn;  // withdrawn before it was ever submitted
  EXPECT_TRUE(Validate(d));
  d.status = Status::kPublished;
  d.reference = "006/2017";
  EXPECT_TRUE(Validate(d));
  d.sections.push_back({"summary", "Summary", Part::kPart1, "bad \xff byte"});
  r = Validate(d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), "section summary: text is not valid UTF-8");
}

}  // namespace
}  // namespace assent::decisions
