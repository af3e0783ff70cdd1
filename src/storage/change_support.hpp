#pragma once
// What both backends' Apply() share besides SQL: the checks made before a transaction
// opens, whether a batch can change a public page (and so must move the change token),
// and which decision each new audit event concerns, with the row hash it records.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::storage {

// Decisions valid (decisions::Validate), blobs whose bytes hash to their sha256, audit
// events that name an inserted decision the batch has. kInvalidInput otherwise.
Result<void> PrecheckChanges(const ChangeSet& changes);

// Bodies, decisions, reference counters and strategy entries: what public pages show. Accounts, sessions,
// blobs, mail and the audit log do not move the change token.
bool ChangesPublicPages(const ChangeSet& changes);

// The decision an audit event concerns (0: none) and, when this batch wrote that
// decision, audit::DecisionRowHash of it as it will be read back: with its id and its new
// version (inserted: 1; updated: the version read at + 1; copied: as carried).
struct EventTarget {
  std::int64_t decision_id = 0;
  std::string decision_hash;
};
// One per changes.audit, in order; `applied` holds the ids and versions just written.
std::vector<EventTarget> ResolveEventTargets(const ChangeSet& changes,
                                             const ApplyResult& applied);

}  // namespace assent::storage
