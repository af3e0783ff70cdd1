#pragma once
// Redactions as records: proposed (what, why, ground, who), signed off by the Chief
// Executive or the Chief Finance Officer (Treasurer) who did not propose it, and applied
// only when the public view is built (MakePublicDecision), never by changing the text.
// Pure rules; no I/O.

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "decisions/decision.hpp"
#include "publication/public_decision.hpp"
#include "workflow/chain.hpp"

namespace assent::publication {

// The text a redacted span becomes on public surfaces.
inline constexpr std::string_view kRedactedMark = "[redacted]";

struct RedactionProposal {
  decisions::RedactionTarget target = decisions::RedactionTarget::kSection;
  std::string section_key;        // section, span
  std::string attachment_sha256;  // attachment
  std::string text;               // span: must occur in the section as written
  std::string reason;
  std::string ground;             // a code of publication/grounds
};

// The record to append, or kInvalidInput naming the field: "section" (not a Part 1
// section of this decision), "text" (empty, or not found in the section), "attachment",
// "reason", "ground". Roles are checked by the caller (MayProposeRedaction).
Result<decisions::Redaction> ProposeRedaction(const decisions::Decision& decision,
                                              const RedactionProposal& proposal,
                                              const workflow::Actor& actor, std::string now);

// Redaction `number` (1-based) signed off by `actor`: kNotFound for no such number,
// kIllegalTransition when already signed off, kForbidden unless the actor holds the
// Chief Executive or Chief Finance Officer role in the body and did not propose it.
Result<decisions::Redaction> SignOffRedaction(const decisions::Decision& decision, int number,
                                              const workflow::Actor& actor, std::string now);

// Redaction `number` (1-based) cancelled by `actor` with a reason: the record stays,
// marked cancelled, and never applies. A proposed redaction is cancelled by its proposer,
// the Chief Executive or the Chief Finance Officer (Treasurer); a signed-off one by the
// Chief Executive or the Treasurer while the decision is not yet published, never after
// (kIllegalTransition: a correction is the route). kNotFound for no such number,
// kIllegalTransition when already cancelled, kInvalidInput "reason" when none is given.
Result<decisions::Redaction> CancelRedaction(const decisions::Decision& decision, int number,
                                             std::string_view reason, const workflow::Actor& actor,
                                             std::string now);

// Whether a redaction applies to the public view: signed off and not cancelled.
bool Applies(const decisions::Redaction& redaction);

// Whether any redaction waits for its sign-off (publishing is refused until none does);
// a cancelled one waits for nothing.
bool HasUnsignedRedaction(const decisions::Decision& decision);

// The public text of a Part 1 section after the signed-off redactions: nullopt when the
// whole section is left out -- a section redaction, or a span that no longer occurs
// word for word (the text changed since it was proposed: fail closed).
std::optional<std::string> RedactedSectionText(const decisions::Section& section,
                                               const std::vector<decisions::Redaction>& redactions);

// Whether a signed-off redaction removes this attachment.
bool AttachmentRedacted(const decisions::Decision& decision, std::string_view sha256);

// The public notices of the signed-off redactions: where and the ground, never the text.
std::vector<PublicRedaction> RedactionNotices(const decisions::Decision& decision);

// "Section 'Financial implications'", "Part of section 'Background'", "Attachment 'Bid.pdf'".
std::string RedactionWhere(const decisions::Decision& decision, const decisions::Redaction& r);

}  // namespace assent::publication
