#pragma once
// Use cases of the strategy register's stored side: staff record progress and status
// changes on a body's deliverables, import them in bulk from a CSV file, and start a new
// version of a strategy (a draft decision through the normal workflow). The public pages
// merge what is stored with the data files (MergeRecorded). Every write is one store
// transaction with its audit events, and moves the change token.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "services/accounts.hpp"
#include "services/workflow.hpp"
#include "storage/store.hpp"
#include "strategy/catalogue.hpp"
#include "strategy/recorded.hpp"

namespace assent::services {

// Who may record progress and start a new version for a body's strategies: its strategy
// lead or its chief executive.
inline constexpr std::string_view kStrategyEditorRoles[] = {"strategy_lead", "chief_executive"};
bool MayEditStrategies(const workflow::Actor& actor, std::string_view body);

// The strategy with the body's stored progress joined to it and the versions approved
// through published decisions added (strategy::WithRecorded, VersionThroughDecision).
Result<std::shared_ptr<const strategy::Strategy>> MergeRecorded(storage::Store& store,
                                                                const strategy::Strategy& s);

// A progress entry as staff type it. `status` empty: no change.
struct ProgressInput {
  std::string deliverable;
  std::string when;  // "2026", "2026-03" or "2026-03-14"
  std::string text;
  std::string status;  // a status name (strategy::StatusName), or empty
  bool status_required = false;  // the "change the status" form: a status must be chosen
};

// kNotFound for an unknown body or strategy; kForbidden (a sentence naming the roles) for
// one who may not edit; kInvalidInput with `where` the field ("when", "text", "status",
// "deliverable") for bad input, and nothing is stored.
Result<void> RecordProgress(storage::Store& store, const strategy::Catalogue& catalogue,
                            std::string_view body, std::string_view strategy_id,
                            const ProgressInput& input, const workflow::Actor& actor, Instant now);

// The bulk update (strategy/progress_csv.hpp). Every row is checked first; any problem:
// `problems` is filled and nothing is written. Otherwise every entry is written in one
// transaction (unless dry_run), each with an audit event by `actor`.
struct ProgressImport {
  int entries = 0;
  std::vector<std::string> problems;
};
Result<ProgressImport> ImportProgressCsv(storage::Store& store, const strategy::Catalogue& catalogue,
                                         std::string_view file_name, std::string_view text,
                                         bool dry_run, const AuditActor& actor, Instant now);

// "Start a new version": a draft decision for the body (services::DraftChanges, so the
// rule on who may start a decision applies too) titled after the strategy and label, and
// the stored proposal linking it, written in one transaction (both or neither). Returns
// the decision id. kInvalidInput "label" when the label is empty.
struct VersionInput {
  std::string label;
  std::string changes;
};
Result<std::int64_t> ProposeVersion(storage::Store& store, const WorkflowSetup& setup,
                                    const strategy::Catalogue& catalogue, std::string_view body,
                                    std::string_view strategy_id, const VersionInput& input,
                                    const workflow::Actor& actor, Instant now);

// The staff pages.
struct StaffStrategyRow {
  decisions::Body body;
  const strategy::Strategy* strategy = nullptr;
};
// The strategies of every body where the actor may edit them.
Result<std::vector<StaffStrategyRow>> ListEditableStrategies(storage::Store& store,
                                                             const strategy::Catalogue& catalogue,
                                                             const workflow::Actor& actor);

struct StaffDeliverable {
  const strategy::Theme* theme = nullptr;              // points into `merged`
  const strategy::Deliverable* deliverable = nullptr;  // points into `merged`
  const strategy::ProgressEntry* last = nullptr;       // the latest entry, or null
};
struct StaffProposal {
  strategy::VersionProposal proposal;
  decisions::Status status = decisions::Status::kDraft;
  std::string reference;  // empty until submitted
};
struct StaffStrategy {
  decisions::Body body;
  std::shared_ptr<const strategy::Strategy> merged;
  std::vector<StaffDeliverable> deliverables;
  std::vector<StaffProposal> proposals;
};
// kNotFound for an unknown body or strategy; kForbidden for one who may not edit.
Result<StaffStrategy> GetStaffStrategy(storage::Store& store, const strategy::Catalogue& catalogue,
                                       std::string_view body, std::string_view strategy_id,
                                       const workflow::Actor& actor);

// A body's recently recorded progress, newest recorded first, at most `limit`: for the
// body's feed. Public data only (stored progress is public once recorded).
struct RecentProgress {
  std::int64_t id = 0;  // the stored entry's id: stable, for the feed entry's id
  strategy::PartialDate when;
  std::string recorded_at;  // UTC instant
  std::string strategy_title;
  std::string deliverable_id;
  std::string deliverable_title;
  std::string text;
  std::optional<strategy::DeliverableStatus> status;
  std::string url;  // "/cumbria/strategies/ict-2015-2019"
};
Result<std::vector<RecentProgress>> ListRecentProgress(storage::Store& store,
                                                       const strategy::Catalogue& catalogue,
                                                       std::string_view body, int limit);

}  // namespace assent::services
