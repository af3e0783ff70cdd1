#include "import/protective_marking.hpp"

#include <gtest/gtest.h>

namespace assent::import {
namespace {

TEST(ProtectiveMarking, NormalisesToTheSchemeItBelongsTo) {
  struct Case {
    const char* printed;
    const char* normalised;  // null: none
  } cases[] = {
      {"Not protectively marked", "GPMS NOT PROTECTIVELY MARKED"},
      {"NOT PROTECTIVELY MARKED", "GPMS NOT PROTECTIVELY MARKED"},
      {"OFFICIAL", "GSC OFFICIAL"},
      {"OFFICIAL-SENSITIVE", "GSC OFFICIAL-SENSITIVE"},
      {"Official Sensitive", "GSC OFFICIAL-SENSITIVE"},
      {"OFFICIAL \xE2\x80\x93 for publication", "GSC OFFICIAL"},
      {"PROTECT", "GPMS PROTECT"},
      {"Restricted", "GPMS RESTRICTED"},
      {"TOP SECRET", "TOP SECRET"},
      {"Secret", "SECRET"},
      {"Unclassified", "GPMS UNCLASSIFIED"},
      {"Not protectively marked/restricted", nullptr},  // both options, neither chosen
      {"Public", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    Marking m = NormaliseMarking(c.printed);
    if (c.normalised) {
      EXPECT_EQ(m.normalised, c.normalised) << c.printed;
    } else {
      EXPECT_FALSE(m.normalised) << c.printed << " -> " << *m.normalised;
      EXPECT_FALSE(m.note.empty()) << c.printed;
    }
  }
}

}  // namespace
}  // namespace assent::import
