#pragma once
// Importing decision documents (text and PDF) into the store. Each good file is stored
// in a transaction of its own; a bad file is reported and the batch goes on, leaving
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
  kImported,     // stored (or, in a dry run, would be)
  kNeedsReview,  // read, but without a reference or a title: not stored, waits for review
  kFailed,       // unreadable, no known form, unknown body, refused by the store
  kDuplicate,    // the same content was imported before (or earlier in this batch)
};
std::string_view ImportStatusName(ImportStatus status);  // "imported", "needs review", ...

struct ImportOutcome {
  std::string file;  // the path as given or found
  ImportStatus status = ImportStatus::kFailed;
  std::string body;
  std::string reference;
  std::int64_t id = 0;  // the stored record's id (imported; duplicate of a stored one)
  std::string message;  // failed: the one-line error; needs review: the reasons
  std::string json;     // the record as label JSON, when asked for and read
};

struct ImportSummary {
  int imported = 0;
  int needs_review = 0;
  int failed = 0;
  int duplicates = 0;
};
ImportSummary Summarise(const std::vector<ImportOutcome>& outcomes);

struct ImportOptions {
  bool want_json = false;
  // Called before each file: (files done, files in all, the next file).
  std::function<void(size_t, size_t, const std::string&)> progress;
  // Each stored record appends an audit event in its own transaction: this action
  // (decision.import; the demo data uses decision.create), by this actor ("cli" for
  // `assent import`, "system" for the demo data), at this time.
  std::string audit_action = std::string(audit::action::kDecisionImport);
  std::string audit_actor = "cli";
  Instant now = Instant::Now();
};

// Files as given; each directory replaced by the files under it (recursively, hidden
// ones skipped), in name order. A path that does not exist is kept: reading it fails
// with the system's reason.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths);

// With `store` null nothing is stored (a dry run): no body check, duplicates only
// within the batch. The error is only for a store that fails as a whole (kUnavailable,
// kInternal): files stored before it stay stored.
Result<std::vector<ImportOutcome>> ImportFiles(storage::Store* store, const std::vector<decisions::Form>& forms,
                                               const std::vector<std::string>& paths,
                                               const ImportOptions& options = {});

}  // namespace assent::services
