#pragma once
// The life of a decision record as a table: which event moves a record from which
// status to which. The sign-off chain inside "submitted" comes from the body's form
// (see workflow/chain.hpp); this table is the outer life. A decided decision is not
// withdrawn: it is published (and a published one may be withdrawn, leaving a tombstone).

#include <span>
#include <string_view>

#include "core/result.hpp"
#include "decisions/decision.hpp"

namespace assent::workflow {

// kEditSigned: an edit of signed content voids the signatures and returns the decision
// to draft. Imported public records are stored as published; they make no transition.
enum class Event { kSubmit, kReturnForRevision, kEditSigned, kDecide, kPublish, kWithdraw };
std::string_view EventName(Event event);

struct Transition {
  decisions::Status from;
  Event event;
  decisions::Status to;
};

// Every allowed move; docs and tests read this table.
std::span<const Transition> Transitions();

// The status after `event`, or kIllegalTransition naming both.
Result<decisions::Status> Next(decisions::Status from, Event event);

// Whether a record may appear on the public register at all: published records show
// their Part 1; a published record later withdrawn shows its tombstone (withdrawn_on
// set); a decided record whose plan defers or withholds it shows a stub. A draft
// withdrawn before publication, or a decided record not yet published, never shows.
bool IsPublic(const decisions::Decision& decision);

}  // namespace assent::workflow
