#pragma once
// Importing decision documents (text and PDF) into the import review queue. Each document
// read is queued in a transaction of its own (a published register table: one record per
// row, all in that transaction, keyed by the file's hash and the row), with its original bytes, the reader's result
// and the extracted text; only a confirmed record reaches the register (see
// services/import_review.hpp). A bad file is reported and the batch goes on, leaving
// nothing of itself behind. A file imported before (same content hash) is skipped.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/event.hpp"
#include "core/instant.hpp"
#include "core/result.hpp"
#include "decisions/form.hpp"
#include "storage/store.hpp"

namespace assent::services {

enum class ImportStatus {
  kQueued,     // queued for review (or, in a dry run, would be)
  kConfirmed,  // queued and confirmed at once (ImportOptions::confirm), on the register
  kFailed,     // unreadable, no known form, refused by the store
  kDuplicate,  // the same content was queued or imported before (or earlier in this batch)
};
std::string_view ImportStatusName(ImportStatus status);  // "queued for review", "confirmed", ...

struct ImportOutcome {
  std::string file;  // the path as given or found
  int row = 0;       // a register table's row (1-based); 0 for a whole document
  ImportStatus status = ImportStatus::kFailed;
  std::string body;
  std::string reference;
  std::int64_t id = 0;  // the decision's id (confirmed; duplicate of a stored decision)
  std::int64_t review_id = 0;  // the queue item's id (queued, confirmed; duplicate of one)
  int unknown_fields = 0;      // key fields unknown / read with low confidence
  int low_confidence_fields = 0;
  // failed: the one-line error; queued: why it waits (the reader's reasons, or why it
  // could not be confirmed at once)
  std::string message;
  std::string json;     // the record as label JSON, when asked for and read
};

struct ImportSummary {
  int queued = 0;
  int confirmed = 0;
  int failed = 0;
  int duplicates = 0;
};
ImportSummary Summarise(const std::vector<ImportOutcome>& outcomes);

// Which records are confirmed as soon as they are queued. kClean: those with no unknown and
// no low-confidence key field (`assent import --confirm-clean`); kAll: every record that
// passes the checks a confirmation makes (the demo loader's hand-checked seeds).
enum class AutoConfirm { kNone, kClean, kAll };

struct ImportOptions {
  bool want_json = false;
  AutoConfirm confirm = AutoConfirm::kNone;
  // Called before each file: (files done, files in all, the next file).
  std::function<void(size_t, size_t, const std::string&)> progress;
  // Queueing (import.queue) and confirming (import.confirm) are audited as done by this
  // actor ("cli" for `assent import`, "system" for the demo data), at this time.
  std::string audit_actor = "cli";
  Instant now = Instant::Now();
};

// Files as given; each directory replaced by the files under it (recursively, hidden
// ones skipped), in name order. A path that does not exist is kept: reading it fails
// with the system's reason.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths);

// With `store` null nothing is stored (a dry run): duplicates only within the batch. The error is only for a store that fails as a whole (kUnavailable,
// kInternal): files stored before it stay stored.
Result<std::vector<ImportOutcome>> ImportFiles(storage::Store* store, const std::vector<decisions::Form>& forms,
                                               const std::vector<std::string>& paths,
                                               const ImportOptions& options = {});

}  // namespace assent::services
