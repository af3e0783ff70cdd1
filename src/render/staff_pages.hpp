#pragma once
// The staff pages (sign-in, work lists, the decision as staff see it, the draft editor,
// sign and decide forms, what was signed, accounts), rendered from templates/staff_*.mustache
// in the same GOV.UK design as the public register. Unlike the public pages these show
// Part 2, carry the signed-in person's name and CSRF token, and are never cached.
// Every value is escaped by Mustache.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user.hpp"
#include "decisions/body.hpp"
#include "decisions/decision.hpp"
#include "decisions/form.hpp"
#include "render/html_pages.hpp"
#include "render/import_pages.hpp"
#include "services/compliance.hpp"
#include "services/publication.hpp"
#include "services/workflow.hpp"
#include "workflow/chain.hpp"
#include "workflow/delegation.hpp"

namespace assent::render {

// The staff header: who is signed in, and the CSRF token for the sign-out form.
struct StaffChrome {
  bool signed_in = false;
  std::string display_name;
  std::string username;
  std::string csrf;
  bool administrator = false;
};

// One line of a GOV.UK error summary, and the id of the field it is about (empty: the
// page as a whole).
struct FieldError {
  std::string field;
  std::string message;
};

struct SignInView {
  std::vector<FieldError> errors;
  std::string username;  // kept after a failed attempt
  std::string next;      // where to go after signing in
  std::string csrf;      // the pre-session token (double-submit cookie)
  bool signed_out = false;
};

struct PasswordView {
  std::vector<FieldError> errors;
  bool must_change = false;
};

struct WorkRow {
  std::int64_t id = 0;
  std::string reference;  // empty for a draft
  std::string title;
  std::string body_name;
  decisions::Status status = decisions::Status::kDraft;
  std::string waiting_for;
};

struct HomeView {
  std::string notice;
  std::vector<WorkRow> waiting;
  std::vector<WorkRow> drafts;
  std::vector<decisions::Body> may_start;  // bodies where the person may start a decision
  bool may_review_imports = false;         // links the import review queue
  // Bodies whose compliance view and forward plan the person may see (services/compliance).
  std::vector<decisions::Body> compliance;
};

struct UsersView {
  std::vector<accounts::User> users;
  std::int64_t now = 0;  // unix seconds, for "locked until"
};

struct NewDecisionView {
  decisions::Body body;
  std::vector<FieldError> errors;
  std::string title;
};

// What a decision's staff pages are drawn from besides the decision itself.
struct DecisionSetting {
  const decisions::Form& form;
  const decisions::Body& body;
  const workflow::DelegationScheme& scheme;
};

// What the signed-in person may do now (buttons on the decision page).
struct DecisionActions {
  bool edit = false;
  std::string sign_label;    // "Submit for approval", "Sign: OPCC Officer Approval"; empty: none
  std::string decide_label;  // "Decide: Police & Crime Commissioner"; empty: none
  bool return_for_revision = false;
  bool withdraw = false;
};

struct DecisionView {
  const services::StaffDecision& staff;
  DecisionSetting setting;
  DecisionActions actions;
  std::vector<FieldError> errors;
  std::string notice;
  std::string return_reason;    // kept after a refusal
  std::string withdraw_reason;  // kept after a refusal
};

// The draft editor's values as typed (so a refused edit shows them again unchanged).
struct EditForm {
  std::int64_t version = 0;
  std::string title;
  std::string category;
  std::string amount;  // pounds as typed: "25,000.50"
  std::map<std::string, std::string, std::less<>> sections;     // section key -> text
  std::map<std::string, std::string, std::less<>> fields;       // field key -> value
  std::string consultees;     // one per line
  std::string boards;         // one per line: "Chief Officer Group | 12/03/2026" (date optional)
  std::string papers_part1;   // one per line
  std::string papers_part2;   // one per line
  std::map<std::string, std::string, std::less<>> answers;      // question key -> value
  std::vector<decisions::Attachment> attachments;
  std::vector<std::string> remove_attachments;  // sha256 of attachments ticked for removal
};

struct EditView {
  std::int64_t id = 0;
  std::string reference;
  decisions::Status status = decisions::Status::kDraft;
  DecisionSetting setting;
  EditForm values;
  std::vector<FieldError> errors;
  std::string notice;
};

// The sign page and the decide page.
struct SignView {
  const services::StaffDecision& staff;
  DecisionSetting setting;
  const workflow::Step* step = nullptr;  // the step signed; null: none (see submit_only, errors)
  bool submit = false;                    // submitting a draft
  // Submitting signs nothing (workflow::SubmissionSigns is false for the form): the draft
  // goes to its chain's first step, named by next_step.
  bool submit_only = false;
  std::string next_step;
  std::string capacity;
  std::string advice;
  bool declaration = false;
  // Decide only.
  std::string outcome;  // "approved" | "not_approved" | ""
  std::string reasons;
  bool no_interests = false;
  std::string interests;
  std::vector<FieldError> errors;
};

struct SignedView {
  std::int64_t id = 0;
  std::string reference;
  std::string title;
  std::string body_name;
  std::string content_hash;
  std::string snapshot;  // the stored canonical content, as signed
  std::vector<decisions::SignOff> signatures;  // the signatures given on this content
};

// A yes/no, text or date answer of the form's publication and media questions, by the
// question's key (forms/*.toml [[publication]] / [[media]] keys), as a form value:
// "yes" / "no" / "" for yes-no questions, text, or an ISO date.
std::string AnswerValue(const decisions::PublicationAnswers& publication,
                        const decisions::MediaAnswers& media, std::string_view key);
// Sets one; kInvalidInput naming the question for a bad value (a date that is not a date).
// An unknown key is ignored.
Result<void> SetAnswer(decisions::PublicationAnswers& publication, decisions::MediaAnswers& media,
                       std::string_view key, std::string_view value);
// The key of the public statement of why there is a Part 2 (asked with part2_exists).
inline constexpr std::string_view kPart2ReasonKey = "part2_reason";

// "£25,000.50"
std::string PoundsText(std::int64_t pence);
// "2026-11-21T10:15:00Z" -> "21 November 2026, 10:15 UTC"; other text unchanged.
std::string InstantText(std::string_view iso);

// The publication page of a decided, published or withdrawn decision: due date, plan,
// redactions, publish, correct, withdraw, versions (staff_publication_page.cpp).
struct PublicationView {
  const decisions::Decision& decision;
  const decisions::Body& body;
  const services::StaffPublication& publication;
  std::vector<FieldError> errors;
  std::string notice;
  // What was typed, kept after a refusal: "plan", "deferral_reason", "deferred_until",
  // "ground", "withheld_what", "review_date", "section", "text", "redaction_ground",
  // "reason", "change_note", "title", "section.<key>".
  std::map<std::string, std::string, std::less<>> values;
};

// The forward plan's staff page: the items with their slippage, the add form, and (when
// `editing` names an item) that item's edit and link form (compliance_pages.cpp).
struct ForwardPlanView {
  const services::StaffForwardPlan& plan;
  std::int64_t editing = 0;  // the item whose form is shown; 0: the list and the add form
  std::vector<FieldError> errors;
  std::string notice;
  // What was typed, kept after a refusal: "title", "summary", "decision_maker",
  // "planned_date", "part2_expected", "decision", "version".
  std::map<std::string, std::string, std::less<>> values;
};

class StaffPages {
 public:
  explicit StaffPages(const HtmlPages& html) : html_(html) {}

  std::string SignIn(const SignInView& view) const;
  std::string Password(const StaffChrome& chrome, const PasswordView& view) const;
  std::string Home(const StaffChrome& chrome, const HomeView& view) const;
  std::string Users(const StaffChrome& chrome, const UsersView& view) const;
  std::string NewDecision(const StaffChrome& chrome, const NewDecisionView& view) const;
  std::string Decision(const StaffChrome& chrome, const DecisionView& view) const;
  std::string Edit(const StaffChrome& chrome, const EditView& view) const;
  std::string Sign(const StaffChrome& chrome, const SignView& view) const;
  std::string Decide(const StaffChrome& chrome, const SignView& view) const;
  // The snapshot is shown as the decision's content (read from its JSON), with the
  // stored text itself below; a snapshot that cannot be read is shown as stored.
  std::string Signed(const StaffChrome& chrome, const SignedView& view, const DecisionSetting& setting) const;
  std::string Publication(const StaffChrome& chrome, const PublicationView& view) const;
  // The compliance view and the forward plan (compliance_pages.cpp).
  std::string Compliance(const StaffChrome& chrome, const services::StaffCompliance& compliance) const;
  std::string ForwardPlan(const StaffChrome& chrome, const ForwardPlanView& view) const;
  std::string Error(const StaffChrome& chrome, int status, std::string_view title,
                    std::string_view message) const;
  // The import review queue (import_pages.cpp).
  std::string ImportQueue(const StaffChrome& chrome, const ImportQueueView& view) const;
  std::string ImportReview(const StaffChrome& chrome, const ImportReviewView& view) const;

 private:
  const HtmlPages& html_;
};

}  // namespace assent::render
