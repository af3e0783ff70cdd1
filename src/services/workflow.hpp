#pragma once
// Use cases of the decision workflow: draft, edit, submit, sign, decide, return,
// withdraw, and the staff work lists. Each reads the decision, applies the pure rule
// (workflow/chain.hpp), and writes the decision, its audit event, the signed content
// snapshot and the notifications in one store transaction (version-checked: a
// concurrent action on the same decision gets kConflict and nothing is written).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "services/catalogue.hpp"
#include "storage/store.hpp"
#include "workflow/chain.hpp"

namespace assent::services {

// What the workflow needs besides the store: forms, bodies' schemes of delegation,
// and the public base URL for links in e-mails ("https://decisions.example.org").
struct WorkflowSetup {
  const Catalogue& catalogue;
  std::string base_url;
};

// The decision as staff see it, with its chain and history.
struct StaffDecision {
  decisions::Decision decision;
  std::vector<workflow::Step> steps;       // pointers into `decision`
  std::vector<workflow::Step> open_steps;  // signable now
  std::string content_hash;                // workflow::ContentHash(decision)
  std::vector<audit::Event> history;
  bool may_edit = false;
};

// kNotFound for an unknown decision and for one the actor may not view (no role in
// its body) -- the same answer, so ids are not probed.
Result<StaffDecision> GetStaffDecision(storage::Store& store, const WorkflowSetup& setup,
                                       std::int64_t id, const workflow::Actor& actor);
// Records a Part 2 view event (call when Part 2 text is shown).
Result<void> RecordPart2View(storage::Store& store, std::int64_t id, const workflow::Actor& actor,
                             Instant now);

// kForbidden unless the actor is an originating or governance officer of the body.
Result<std::int64_t> CreateDraft(storage::Store& store, const WorkflowSetup& setup,
                                 std::string_view body, std::string title,
                                 const workflow::Actor& actor, Instant now);
// What CreateDraft writes, not yet applied: the draft as insert_decisions[0] and its audit
// event, for a caller that adds its own writes to the same transaction (ProposeVersion).
// The same checks and errors as CreateDraft.
Result<storage::ChangeSet> DraftChanges(storage::Store& store, const WorkflowSetup& setup,
                                        std::string_view body, std::string title,
                                        const workflow::Actor& actor, Instant now);
// `expected_version` is the version the editor loaded (kConflict if it moved).
Result<void> EditDraft(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                       std::int64_t expected_version, const workflow::DraftEdit& edit,
                       const workflow::Actor& actor, Instant now);
// Stores uploaded attachment bytes and adds the attachment to the draft (an edit).
Result<void> AddAttachment(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                           std::int64_t expected_version, std::string name,
                           std::string media_type, decisions::Part part, std::string bytes,
                           const workflow::Actor& actor, Instant now);
// Assigns the reference from the body's pattern on first submission (next number of
// the year; never reused, even if the draft is later withdrawn).
Result<void> Submit(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                    const workflow::SignInput& input, const workflow::Actor& actor, Instant now);
Result<void> Sign(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                  const workflow::SignInput& input, const workflow::Actor& actor, Instant now);
Result<void> Decide(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                    const workflow::DecideInput& input, const workflow::Actor& actor,
                    Instant now);
Result<void> ReturnForRevision(storage::Store& store, const WorkflowSetup& setup,
                               std::int64_t id, std::string_view reason,
                               const workflow::Actor& actor, Instant now);
Result<void> Withdraw(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                      std::string_view reason, const workflow::Actor& actor, Instant now);

// The content a signature approved (the stored snapshot), kNotFound if absent.
Result<std::string> SignedContent(storage::Store& store, std::string_view content_hash);

// The staff home page: decisions waiting for the actor's signature or decision, and
// the drafts the actor wrote that are not yet decided. Newest first.
struct WorkItem {
  storage::DecisionSummary decision;
  std::string waiting_for;  // "OPCC Officer Approval" -- the open step's label
};
struct WorkLists {
  std::vector<WorkItem> waiting_for_me;
  std::vector<WorkItem> my_drafts;
};
Result<WorkLists> GetWorkLists(storage::Store& store, const WorkflowSetup& setup,
                               const workflow::Actor& actor);

workflow::Actor ActorFor(const accounts::User& user);

}  // namespace assent::services
