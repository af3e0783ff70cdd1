#pragma once
// The audit trail: an append-only log of events, each carrying the hash of the one
// before, so any edit, insertion or removal inside the chain is detected. Events that
// write a decision also record the hash of the decision row as written, so an edit of
// a decision row outside the application is detected too (see services/audit_log.hpp).
// Pure values and hashing; no I/O.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "decisions/decision.hpp"

namespace assent::audit {

// The hash before the first event: 64 zeros.
extern const std::string kGenesisHash;

// Actions, as stored. Detail text never holds Part 2 or redacted text.
namespace action {
inline constexpr std::string_view kDecisionCreate = "decision.create";
inline constexpr std::string_view kDecisionImport = "decision.import";
inline constexpr std::string_view kDecisionEdit = "decision.edit";
inline constexpr std::string_view kDecisionSubmit = "decision.submit";
inline constexpr std::string_view kDecisionSign = "decision.sign";
inline constexpr std::string_view kDecisionDecide = "decision.decide";
inline constexpr std::string_view kDecisionReturn = "decision.return";
inline constexpr std::string_view kDecisionWithdraw = "decision.withdraw";
inline constexpr std::string_view kDecisionPublish = "decision.publish";
inline constexpr std::string_view kPublicationPlan = "publication.plan";
inline constexpr std::string_view kRedactionPropose = "redaction.propose";
inline constexpr std::string_view kRedactionSignOff = "redaction.sign-off";
inline constexpr std::string_view kRedactionCancel = "redaction.cancel";
inline constexpr std::string_view kDecisionCorrect = "decision.correct";
inline constexpr std::string_view kPart2View = "part2.view";
inline constexpr std::string_view kImportQueue = "import.queue";
inline constexpr std::string_view kImportConfirm = "import.confirm";
inline constexpr std::string_view kImportReject = "import.reject";
inline constexpr std::string_view kUserAdd = "user.add";
inline constexpr std::string_view kUserSetRoles = "user.set-roles";
inline constexpr std::string_view kUserResetPassword = "user.reset-password";
inline constexpr std::string_view kUserChangePassword = "user.change-password";
inline constexpr std::string_view kSignIn = "user.sign-in";
inline constexpr std::string_view kSignInFailed = "user.sign-in-failed";
inline constexpr std::string_view kSignOut = "user.sign-out";
inline constexpr std::string_view kCalendarImport = "calendar.import";
inline constexpr std::string_view kStrategyProgress = "strategy.progress";        // staff form
inline constexpr std::string_view kStrategyImport = "strategy.progress-import";   // CSV row
inline constexpr std::string_view kStrategyVersion = "strategy.propose-version";
inline constexpr std::string_view kForwardPlanAdd = "forward-plan.add";
inline constexpr std::string_view kForwardPlanEdit = "forward-plan.edit";
inline constexpr std::string_view kForwardPlanLink = "forward-plan.link";
}  // namespace action

// An event as the application asks for it; the store numbers and chains it.
struct NewEvent {
  std::string at;               // UTC instant "2026-11-21T10:15:00Z"
  std::int64_t actor_id = 0;    // 0: the system (import, demo data, scheduler, CLI)
  std::string actor;            // username, or "system" / "cli"
  std::string action;           // one of action::*
  std::string detail;           // what happened, for people; never Part 2 text
  // The decision concerned: an id, or the index of a decision in the same
  // ChangeSet's insert_decisions (its id is known only when written). -1: none.
  std::int64_t decision_id = 0;
  int inserted_decision = -1;
  friend bool operator==(const NewEvent&, const NewEvent&) = default;
};

struct Event {
  std::int64_t seq = 0;  // 1, 2, 3... in append order
  std::string at;
  std::int64_t actor_id = 0;
  std::string actor;
  std::string action;
  std::string detail;
  std::int64_t decision_id = 0;  // 0: none
  // DecisionRowHash of the decision as this event wrote it; empty when the event did
  // not write the decision (a Part 2 view, a sign-in).
  std::string decision_hash;
  std::string prev_hash;  // the previous event's hash; kGenesisHash for seq 1
  std::string hash;       // EventHash(*this)
  friend bool operator==(const Event&, const Event&) = default;
};

// SHA-256 over a canonical, length-prefixed encoding of every field except `hash`.
std::string EventHash(const Event& event);

// Builds the stored event that follows `prev_seq`/`prev_hash`: fills seq, prev_hash
// and hash. Backends call this inside the transaction that appends.
Event Chain(const NewEvent& event, std::int64_t decision_id, std::string decision_hash,
            std::int64_t prev_seq, std::string_view prev_hash);

// SHA-256 over a canonical encoding of the whole stored decision row, including id,
// version, status, sign-offs and attachments: what the store holds, field by field.
std::string DecisionRowHash(const decisions::Decision& decision);

// The first problem in a run of events read in seq order, continuing from
// `prev_seq`/`prev_hash` (0 and kGenesisHash at the start of the log).
struct ChainBreak {
  std::int64_t seq = 0;  // the first event that does not verify
  std::string problem;   // "hash does not match its content", "seq 12 follows 10",
                         // "prev_hash does not match event 11"
};
std::optional<ChainBreak> VerifyChain(std::span<const Event> events, std::int64_t prev_seq,
                                      std::string_view prev_hash);

}  // namespace assent::audit
