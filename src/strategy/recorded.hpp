#pragma once
// What staff record about a strategy after its data file was written: progress entries
// and status changes on its deliverables (typed in, or imported from a CSV file), and
// proposals for a new version, each carried by a draft decision. Kept in the Store; the
// public register merges them with the data files at read time (WithRecorded). Values
// and pure rules only.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "decisions/decision.hpp"
#include "strategy/strategy.hpp"

namespace assent::strategy {

// One progress entry on a deliverable, as stored. A status change is an entry with
// `status` set; its text may then be empty. Otherwise the text is required.
struct RecordedProgress {
  std::int64_t id = 0;  // assigned by the store; orders entries recorded on the same date
  std::string body;
  std::string strategy;     // the strategy's id within the body
  std::string deliverable;  // the deliverable's id within the strategy
  PartialDate when;         // when it happened: "2026", "2026-03", "2026-03-14"
  std::string text;
  std::optional<DeliverableStatus> status;  // the new status, if this entry sets one
  std::string recorded_by;  // username
  std::string recorded_at;  // UTC instant
  std::string source;       // "staff", or the CSV file's name
  friend bool operator==(const RecordedProgress&, const RecordedProgress&) = default;
};
inline constexpr std::string_view kStaffSource = "staff";

// "Start a new version": a draft decision that, once approved and published, adds a
// version to the strategy.
struct VersionProposal {
  std::int64_t id = 0;  // assigned by the store
  std::string body;
  std::string strategy;
  std::string label;    // "2026 refresh (V2.0)"
  std::string changes;  // what the new version changes
  std::int64_t decision_id = 0;
  std::string proposed_by;  // username
  std::string proposed_at;  // UTC instant
  friend bool operator==(const VersionProposal&, const VersionProposal&) = default;
};

// What the version rule needs to know of the proposal's decision.
struct DecisionState {
  decisions::Status status = decisions::Status::kDraft;
  decisions::Outcome outcome = decisions::Outcome::kUnknown;
  std::optional<Date> decision_date;
  std::string reference;  // as printed: "2026/14"
};

// The rule: a version is added only through a decision that is published with the
// outcome "approved" (and so has a date and a reference). Anything else -- a draft, a
// decision awaiting sign-off, one not approved, withdrawn, or decided but not yet
// published -- adds nothing.
std::optional<Version> VersionThroughDecision(const VersionProposal& proposal,
                                              const DecisionState& decision);

// Checks a progress entry as staff or a CSV row give it: the strategy and deliverable
// exist in `s`, the text is not empty (unless the entry sets a status). kInvalidInput
// naming the field ("deliverable", "text") otherwise.
Result<void> CheckRecorded(const Strategy& s, const RecordedProgress& entry);

// A deliverable of the strategy by id, or null.
const Deliverable* FindDeliverable(const Strategy& s, std::string_view id);

// A copy of `s` with the recorded entries that concern it joined to each deliverable's
// timeline (kept oldest first) and the versions appended (oldest first by approval).
// A deliverable's status becomes that of its latest recorded status change -- latest by
// `when`, then by the order recorded -- when there is one; otherwise the data file's.
// Entries for other strategies or unknown deliverables are ignored.
Strategy WithRecorded(const Strategy& s, std::span<const RecordedProgress> recorded,
                      std::span<const Version> added_versions);

}  // namespace assent::strategy
