#pragma once
// The sign-off chain engine: the steps come from the body's form (decisions::Form
// signoffs, then decision_makers), routing from the scheme of delegation. Every action
// is a pure function from a decision to the changed decision, or a refusal that says
// why. The services layer reads and writes the store; this file holds every rule.
//
// Life (see lifecycle.hpp for the outer table):
//   draft --submit (first step's role signs)--> submitted --sign steps in order-->
//   --decision maker(s) decide--> decided.  return: submitted -> draft (signatures void).
//   withdraw: draft|submitted -> withdrawn.  edit: draft|submitted; an edit that changes
//   the content voids every standing signature and returns a submitted decision to draft.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/body.hpp"
#include "decisions/decision.hpp"
#include "decisions/form.hpp"
#include "workflow/delegation.hpp"

namespace assent::workflow {

// Who is acting. Built by services from the signed-in account.
struct Actor {
  std::int64_t id = 0;
  std::string username;
  std::string name;  // display name, recorded with a signature
  std::vector<accounts::RoleGrant> roles;
  bool Has(std::string_view body, std::string_view role) const;
};

// Everything the rules need besides the decision.
struct Context {
  const decisions::Body& body;
  const decisions::Form& form;
  const DelegationScheme& scheme;
  std::string now;  // UTC instant, "2026-11-21T10:15:00Z"
  Date today;       // the body's local date
};

// The canonical serialisation of the content a signature approves: title, category,
// amount, every section (key, heading, part, text), fields, boards, background papers,
// consultees, attachments (name, part, sha256), publication and media answers.
// Not status, reference, sign-offs or version. Stored as a blob; its hash is pinned.
std::string ContentSnapshot(const decisions::Decision& decision);
std::string ContentHash(const decisions::Decision& decision);  // Sha256Hex(ContentSnapshot)

// A step of this decision's chain, as a person sees it.
struct Step {
  int number = 0;     // 1-based position in the chain, as messages name it ("Step 2")
  std::string key;    // the form block's key
  std::string label;  // printed title
  std::string role;   // the role that signs it (for a decision maker: after routing)
  bool deputy_allowed = true;
  std::string route;  // decision makers routed by the scheme: Route::reason; else empty
  // The capacities the signatory may sign in: the block's "delete as appropriate"
  // choices that fit `role` (or its deputy), else the block's label; never empty.
  std::vector<std::string> capacities;
  std::string declaration;
  bool advice = false;         // has a box for the signatory's own advice
  bool decision_maker = false;
  const decisions::SignOff* signature = nullptr;  // the standing signature, if signed
};
// Every step in order: the form's sign-offs, then its decision makers (all of which
// must decide; they may decide in either order once the sign-offs are complete).
std::vector<Step> Steps(const decisions::Decision& decision, const Context& ctx);
// The steps that may be signed now (empty when none: draft, decided, withdrawn).
std::vector<Step> OpenSteps(const decisions::Decision& decision, const Context& ctx);
// Whether `actor` may sign `step` of this decision: the role (or its deputy, where the
// route allows one) in the decision's body, and the step not already signed. The order
// of the chain is checked by Submit/Sign/Decide. The refusal says why ("Step 2 (OPCC
// Officer Approval) is signed by the Chief Executive or Deputy Chief Executive of
// Cumbria; you hold: Originating Officer").
Result<void> MaySign(const decisions::Decision& decision, const Step& step, const Actor& actor);

// A draft made from the body's form: every section of the form (empty text, its
// part), the form's fields with empty values, status draft, no reference.
decisions::Decision NewDraft(const Context& ctx, const Actor& actor, std::string title);

// Who may edit: the author, or an originating or governance officer of the body.
// An edit is allowed in draft and submitted. Title, category, amount and the lists
// (boards, papers, consultees, attachments) and answers are replaced; sections and
// fields are set by key (the form gives headings and parts) and those not named keep
// their text. A category must be one of the body's scheme.
struct DraftEdit {
  std::string title;
  std::string category;
  std::optional<std::int64_t> amount_pence;
  std::vector<decisions::Section> sections;  // by key; keys must be the form's sections
  std::vector<decisions::FieldValue> fields;
  std::vector<decisions::GovernanceBoard> boards;
  std::vector<decisions::BackgroundPaper> background_papers;
  std::vector<std::string> persons_consulted;
  std::vector<decisions::Attachment> attachments;
  decisions::PublicationAnswers publication;
  decisions::MediaAnswers media;
};

// The edit that changes nothing: the decision's current content as a DraftEdit, to
// change one part of (attachments, a test's single field).
DraftEdit EditOf(const decisions::Decision& decision);

struct SignInput {
  std::string step;       // the step's key (Submit: may be empty, meaning the first step)
  // One of the step's capacities; may be empty when only one fits the signatory. A
  // deputy signing a step that offers no deputy capacity signs as "Deputy <capacity>".
  std::string capacity;
  std::string advice;     // the signatory's own advice (steps with an advice box)
  bool declaration_confirmed = false;  // the signatory ticked the declaration (required
                                       // when the step has declaration text)
  // The content hash the signatory was shown; must equal the current ContentHash, so a
  // change made while they were reading is never signed unseen.
  std::string content_hash;
};

struct DecideInput {
  std::string step;  // may be empty when the form has a single decision maker
  std::string capacity;
  decisions::Outcome outcome = decisions::Outcome::kUnknown;  // approved / not approved
  std::string reasons;    // required
  bool no_interests = false;  // "I have no personal or prejudicial interest"
  std::string interests;      // else: what is declared (one of the two is required)
  bool declaration_confirmed = false;
  std::string content_hash;
};

// The result of an action: the changed decision, what to tell people, and the audit text.
struct Change {
  decisions::Decision decision;
  std::string action;   // audit::action::*
  std::string summary;  // audit detail: "signed step opcc_officer as Deputy Chief Executive"
  // Accounts whose standing signatures this action voided (they are told).
  std::vector<std::int64_t> voided_signatories;
};

// Each refuses with kForbidden (role), kIllegalTransition (status, order, chain not
// complete), kInvalidInput (missing reason, capacity not offered, unconfirmed
// declaration) or kConflict (content_hash is not the current content).
Result<Change> Edit(const decisions::Decision& decision, const DraftEdit& edit,
                    const Actor& actor, const Context& ctx);
// Whether submitting is the first step's signature: when the chain opens with the
// originating officer's declaration (Cumbria). Otherwise (Lancashire, Essex) the author
// submits without signing and the chain starts at its first step.
bool SubmissionSigns(const Step& first);
// The originating officer's submission (the first step's signature when
// SubmissionSigns). Required sections must have text. The caller assigns
// the reference (if the decision has none) before storing.
Result<Change> Submit(const decisions::Decision& decision, const SignInput& input,
                      const Actor& actor, const Context& ctx);
Result<Change> Sign(const decisions::Decision& decision, const SignInput& input,
                    const Actor& actor, const Context& ctx);
// A decision maker's block. When the last decision maker has decided: status decided,
// decision_date today, outcome approved only if every decision maker approved,
// decision_maker_role the capacities signed as, joined with " and ".
Result<Change> Decide(const decisions::Decision& decision, const DecideInput& input,
                      const Actor& actor, const Context& ctx);
// By whoever may sign an open step; reason required. Voids standing signatures.
Result<Change> ReturnForRevision(const decisions::Decision& decision, std::string_view reason,
                                 const Actor& actor, const Context& ctx);
// By the author, a governance officer, the chief executive or the commissioner of the
// body; reason required; draft or submitted. The reference is kept. A published decision
// is withdrawn by the chief executive (or deputy) or monitoring officer: withdrawn_on is
// set, and the register shows its tombstone.
Result<Change> Withdraw(const decisions::Decision& decision, std::string_view reason,
                        const Actor& actor, const Context& ctx);

// "you hold: Chief Executive, Governance Officer" (the actor's roles in the body), or
// "you hold no role in <body>": the end of every refusal for a role.
std::string HeldRoles(const Actor& actor, std::string_view body);

// Whether the actor may see this decision's Part 2 and its staff pages at all: any
// role in the body.
bool MayView(const decisions::Decision& decision, const Actor& actor);
// Whether the actor may edit it now (status and role).
bool MayEdit(const decisions::Decision& decision, const Actor& actor);

}  // namespace assent::workflow
