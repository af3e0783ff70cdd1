#pragma once
// Moving a whole register between stores (`assent migrate`, `assent restore` into
// PostgreSQL): every body, every decision in every status with its id and version,
// the reference counters, the staff accounts with their roles, the blobs (attachments,
// signed-content snapshots and imported originals), the strategy register's stored progress
// and version proposals (with their ids), each body's forward plan, the import review
// queue (every item with its id, state and record) and the audit log verbatim (its hashes
// kept, so the chain still verifies); then a verification that reads both stores back.
// Not copied: sessions (everyone signs in again on the new store) and the mail outbox
// (a queued message copied would be sent a second time by the new store's servers).

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
  int users = 0;
  std::int64_t blobs = 0;
  std::int64_t audit_events = 0;
  std::int64_t strategy_progress = 0;
  std::int64_t strategy_proposals = 0;
  std::int64_t import_reviews = 0;  // the import review queue, every state
};

// Decisions in every status across all bodies.
Result<std::int64_t> CountAllDecisions(storage::Store& store);

// Copies `from` into `to`, which must hold no decisions, no accounts and no audit events
// (kInvalidInput otherwise, and nothing is written). Writes in batches of `batch`
// decisions, each in one transaction; if a batch fails the target is partly filled and
// the error says so. `progress` is called after each batch with the decisions copied so far.
Result<CopyReport> CopyStore(storage::Store& from, storage::Store& to, int batch = 500,
                             const std::function<void(std::int64_t)>& progress = {});

// Reads both stores back and compares: bodies, per-body decision counts, every decision
// field by field, the reference counters, the accounts, the blob hashes, every strategy
// progress entry and version proposal, every import review item field by field and every
// audit event. The first difference is the error.
Result<CopyReport> VerifyCopy(storage::Store& from, storage::Store& to);

}  // namespace assent::services
