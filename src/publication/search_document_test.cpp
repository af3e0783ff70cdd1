#include "publication/search_document.hpp"

#include <gtest/gtest.h>

namespace assent::publication {
namespace {

using decisions::Part;
using decisions::Status;

decisions::Decision Published() {
  decisions::Decision d;
  d.body = "cumbria";
  d.reference = "006/2017";
  d.title = "ICT Strategy";
  d.status = Status::kPublished;
  d.decision_maker_role = "Police & Crime Commissioner";
  d.sections = {{"summary", "Executive Summary", Part::kPart1, "Public words."},
                {"part2", "Confidential", Part::kPart2, "SECRET-MARKER"}};
  d.background_papers = {{"Public paper", Part::kPart1}, {"SECRET-PAPER", Part::kPart2}};
  return d;
}

TEST(SearchDocument, HoldsPublicTextOnly) {
  auto doc = MakeSearchDocument(Published());
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->title, "ICT Strategy");
  EXPECT_NE(doc->text.find("Public words."), std::string::npos);
  EXPECT_NE(doc->text.find("006/2017"), std::string::npos);
  EXPECT_NE(doc->text.find("Public paper"), std::string::npos);
  EXPECT_EQ(doc->text.find("SECRET"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("Confidential"), std::string::npos) << "Part 2 headings stay out too";
}

TEST(SearchDocument, NothingForRecordsOffTheRegister) {
  for (Status s : {Status::kDraft, Status::kSubmitted, Status::kDecided, Status::kWithdrawn}) {
    auto d = Published();
    d.status = s;
    EXPECT_FALSE(MakeSearchDocument(d)) << decisions::StatusName(s);
  }
}

}  // namespace
}  // namespace assent::publication
