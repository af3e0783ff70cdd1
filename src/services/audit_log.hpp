#pragma once
// `assent audit verify`: recomputes the hash chain from the first event, and checks
// that every decision row still hashes to what its last writing event recorded. Reads
// in pages, so it runs in constant memory on a large log.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::services {

struct AuditReport {
  std::int64_t events = 0;      // events checked
  std::int64_t decisions = 0;   // decision rows checked against their last event
  std::int64_t uncovered = 0;   // decisions with no writing event (stored before the log)
  // The first problem found, if any: "event 12: hash does not match its content",
  // "decision 7 (cumbria 006/2017): row changed outside Assent since event 31".
  std::optional<std::string> first_problem;
  std::int64_t first_broken_seq = 0;  // 0 when the problem is not an event
  bool ok() const { return !first_problem; }
};
Result<AuditReport> VerifyAudit(storage::Store& store);

}  // namespace assent::services
