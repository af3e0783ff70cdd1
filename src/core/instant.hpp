#pragma once
// A moment in UTC, to the second: when a signature was given, an event logged, a
// session started. The core takes instants as values; only app/, web/, cli/ and
// services' callers read the clock (Instant::Now).

#include <cstdint>
#include <string>

#include "core/date.hpp"

namespace assent {

struct Instant {
  std::int64_t unix_seconds = 0;

  static Instant Now();
  std::string ToIso() const;  // "2026-11-21T10:15:00Z"
  Date UtcDate() const;
  // The date in the UK (Europe/London: UTC, or UTC+1 during British Summer Time,
  // last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC).
  Date UkDate() const;
  friend auto operator<=>(const Instant&, const Instant&) = default;
};

}  // namespace assent
