#include "core/instant.hpp"

#include <gtest/gtest.h>

namespace assent {
namespace {

TEST(Instant, IsoAndDates) {
  Instant t{1795256100};  // 2026-11-21T10:15:00Z
  EXPECT_EQ(t.ToIso(), "2026-11-21T10:15:00Z");
  EXPECT_EQ(t.UtcDate().ToIso(), "2026-11-21");
  EXPECT_EQ(t.UkDate().ToIso(), "2026-11-21");
  EXPECT_EQ(Instant{0}.ToIso(), "1970-01-01T00:00:00Z");
}

TEST(Instant, UkDateFollowsBritishSummerTime) {
  // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
  Instant summer_late{1782863400};  // 2026-06-30T23:50:00Z, 00:50 on 1 July in the UK
  EXPECT_EQ(summer_late.UtcDate().ToIso(), "2026-06-30");
  EXPECT_EQ(summer_late.UkDate().ToIso(), "2026-07-01");
  Instant winter_late{1798761000};  // 2026-12-31T23:50:00Z: GMT
  EXPECT_EQ(winter_late.UkDate().ToIso(), "2026-12-31");
  Instant before_change{1774745999};  // 2026-03-29T00:59:59Z: still GMT
  EXPECT_EQ(before_change.ToIso(), "2026-03-29T00:59:59Z");
  EXPECT_EQ(Instant{1774745999 + 23 * 3600}.UkDate().ToIso(), "2026-03-30");  // 23:59:59Z +1h
}

}  // namespace
}  // namespace assent
