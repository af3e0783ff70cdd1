#pragma once
// Moving a whole register between stores (`assent migrate`, `assent restore` into
// PostgreSQL): every body, every decision in every status with its id and version,
// and the reference counters; then a verification that reads both stores back.

#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::services {

struct CopyReport {
  int bodies = 0;
  std::int64_t decisions = 0;
  int reference_counters = 0;
};

// Decisions in every status across all bodies.
Result<std::int64_t> CountAllDecisions(storage::Store& store);

// Copies `from` into `to`, which must hold no decisions (kInvalidInput otherwise, and
// nothing is written). Writes in batches of `batch` decisions, each in one transaction;
// if a batch fails the target is partly filled and the error says so. `progress` is
// called after each batch with the decisions copied so far.
Result<CopyReport> CopyStore(storage::Store& from, storage::Store& to, int batch = 500,
                             const std::function<void(std::int64_t)>& progress = {});

// Reads both stores back and compares: bodies, per-body decision counts, every decision
// field by field, and the reference counters. The first difference is the error.
Result<CopyReport> VerifyCopy(storage::Store& from, storage::Store& to);

}  // namespace assent::services
