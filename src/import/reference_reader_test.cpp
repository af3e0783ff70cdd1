#include "import/reference_reader.hpp"

#include <gtest/gtest.h>

namespace assent::import {
namespace {

TEST(ImportReference, ReadsHeaderReferences) {
  struct Case {
    const char* header;
    const char* reference;
  } cases[] = {
      {"REQUEST FOR POLICE & CRIME COMMISSIONER DECISION - (N\xC2\xB0 006 / 2017)", "006/2017"},
      {"DECISION 2018/37", "2018/37"},
      {"Report reference number: 097-21", "097-21"},
      {"REQUEST FOR DECISION (No. 012/2019)", "012/2019"},
      {"Decision Number: PCC/D/2019/07", "PCC/D/2019/07"},
      {"Reference: PCD 0123", "PCD 0123"},
      {"Decision notice \xE2\x84\x96 45/2020", "45/2020"},
  };
  for (const auto& c : cases) {
    Document doc = NormaliseText(c.header);
    auto ref = FindReference(doc, 0, doc.lines.size(), doc.lines.size());
    ASSERT_TRUE(ref.value) << c.header;
    EXPECT_EQ(*ref.value, c.reference) << c.header;
    EXPECT_EQ(ref.line, 1);
  }
}

TEST(ImportReference, IgnoresWhatIsNotAReference) {
  for (const char* header : {"PFCC Decision Report", "APPENDIX A REFERS", "DATE: 15/11/2018",
                             "Decision 15 November", "Not protectively marked", "Decision No. 5"}) {
    Document doc = NormaliseText(header);
    EXPECT_FALSE(FindReference(doc, 0, doc.lines.size(), doc.lines.size()).value) << header;
  }
}

TEST(ImportReference, YearOfTheReference) {
  EXPECT_EQ(ReferenceYear("2018/37"), 2018);
  EXPECT_EQ(ReferenceYear("006/2017"), 2017);
  EXPECT_EQ(ReferenceYear("097-21"), std::nullopt);
  EXPECT_EQ(ReferenceYear("PCD 0123"), std::nullopt);
}

}  // namespace
}  // namespace assent::import
