#pragma once
// The decision record: what a body's form holds, as the office and the public know it.
// Plain values with defaulted equality; no I/O. Part 2 text lives here too, so a
// Decision must never reach a public renderer: see publication/public_decision.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "decisions/publication_record.hpp"

namespace assent::decisions {

// Part 1 is public under FOIA once published; Part 2 is confidential and never leaves
// the building (it is what the body expects to withhold under an exemption).
enum class Part { kPart1 = 1, kPart2 = 2 };

enum class Outcome { kUnknown, kApproved, kNotApproved };
std::string_view OutcomeName(Outcome outcome);  // "unknown", "approved", "not_approved"
std::optional<Outcome> ParseOutcome(std::string_view name);

// Where a record is in its life. Imported public records arrive as kPublished.
enum class Status { kDraft, kSubmitted, kDecided, kPublished, kWithdrawn };
std::string_view StatusName(Status status);   // "draft", ..., "withdrawn"
std::string_view StatusLabel(Status status);  // "Draft", ..., "Withdrawn"
std::optional<Status> ParseStatus(std::string_view name);

struct Section {
  std::string key;      // the form's section key, or a slug of the heading for extra sections
  std::string heading;  // as printed
  Part part = Part::kPart1;
  std::string text;
  friend bool operator==(const Section&, const Section&) = default;
};

// A labelled value from the form's header: classification, report by, enquiries to...
struct FieldValue {
  std::string key;    // "classification", "report_by", "enquiries_to", "area_affected", "report_date"
  std::string value;  // as printed (dates as ISO when the field is a date)
  friend bool operator==(const FieldValue&, const FieldValue&) = default;
};

struct GovernanceBoard {
  std::string name;
  std::optional<Date> date;
  friend bool operator==(const GovernanceBoard&, const GovernanceBoard&) = default;
};

struct BackgroundPaper {
  std::string title;
  Part part = Part::kPart1;
  friend bool operator==(const BackgroundPaper&, const BackgroundPaper&) = default;
};

// One recorded signature in the chain. Unknown values stay empty with a note saying why;
// a guessed name or date is worse than none.
struct SignOff {
  std::string step;                 // the form's sign-off step key, e.g. "originating_officer"
  std::optional<std::string> role;  // the role or capacity signed as, e.g. "Deputy Chief Executive"
  std::optional<std::string> name;
  std::optional<Date> date;
  std::string declaration;  // the declaration text the signatory made
  std::string advice;       // the signatory's own advice, if the form has a box for it
  std::string note;         // why something is unknown: "signature date '15.11.11' unreadable"
  // Signatures given in Assent (empty / zero on imported records):
  std::int64_t user_id = 0;   // the staff account that signed
  std::string signed_at;      // UTC instant, "2026-11-21T10:15:00Z"
  std::string content_hash;   // workflow::ContentHash of the content signed (hex SHA-256)
  // Decision-maker blocks only: the declaration of interests ("" = none declared),
  // approve / do not approve, and the reasons given.
  std::string interests;
  std::optional<Outcome> outcome;
  std::string reasons;
  // Why this signature no longer stands ("voided: content edited by jsmith on ...");
  // empty while it stands. Voided signatures are kept so what was signed stays visible.
  std::string voided;
  bool stands() const { return voided.empty(); }
  friend bool operator==(const SignOff&, const SignOff&) = default;
};

// A file attached to the record (background paper, Part 2 appendix). The bytes are a
// content-addressed blob in the store (Store::FindBlob(sha256)).
struct Attachment {
  std::string name;        // file name as uploaded, e.g. "Business case.pdf"
  std::string media_type;  // "application/pdf"
  Part part = Part::kPart1;
  std::string sha256;      // hex SHA-256 of the bytes
  std::int64_t size = 0;   // bytes
  friend bool operator==(const Attachment&, const Attachment&) = default;
};

// Answers to the form's "Public Access to Information" questions.
struct PublicationAnswers {
  std::optional<bool> deferred;
  std::string deferral_reason;
  std::optional<Date> deferred_until;
  std::optional<bool> part2_exists;
  std::string part2_reason;  // the public statement of why there is a Part 2
  std::optional<bool> for_publication;
  std::string non_publication_reason;
  std::optional<bool> redaction_required;
  friend bool operator==(const PublicationAnswers&, const PublicationAnswers&) = default;
};

// Answers to the form's media strategy questions.
struct MediaAnswers {
  std::optional<bool> press_release_required;
  std::optional<bool> strategy_formulated;
  std::optional<bool> strategy_attached;
  std::optional<Date> press_release_date;
  friend bool operator==(const MediaAnswers&, const MediaAnswers&) = default;
};

struct Decision {
  std::int64_t id = 0;   // store identity; 0 until stored
  std::int64_t version = 0;  // optimistic-concurrency version; 0 until stored
  std::string body;      // body slug
  std::string form;      // form id
  std::string reference; // as the body writes it: "006/2017", "097-21", "2018/37"
  std::string title;
  std::vector<Section> sections;
  std::vector<FieldValue> fields;
  std::vector<GovernanceBoard> boards;
  std::vector<BackgroundPaper> background_papers;
  std::vector<std::string> persons_consulted;
  std::vector<SignOff> signoffs;
  Outcome outcome = Outcome::kUnknown;
  std::optional<std::string> decision_maker_role;  // as signed: "Police & Crime Commissioner", "PFCC"
  std::optional<Date> decision_date;
  PublicationAnswers publication;
  MediaAnswers media;
  Status status = Status::kDraft;
  std::string source;       // provenance: the imported file's name, or empty when drafted here
  std::string source_hash;  // SHA-256 of the imported bytes; re-importing the same file is a no-op
  // Drafted in Assent:
  std::vector<Attachment> attachments;
  std::string category;                      // the scheme of delegation's category, e.g. "procurement"
  std::optional<std::int64_t> amount_pence;  // the sum the decision commits, if any
  std::int64_t author_id = 0;                // the account that created the draft; 0 when imported
  // Why it was last returned for revision or withdrawn (shown with the status).
  std::string status_reason;
  // Publication (publication/publication_plan.hpp, redaction.hpp): the plan, the
  // redaction records, the UK date it was first published in Assent (empty for imported
  // records), and the date a published decision was withdrawn (its public tombstone; a
  // draft withdrawn before publication has none and stays off the register).
  PublicationPlan plan;
  std::vector<Redaction> redactions;
  std::optional<Date> published_on;
  std::optional<Date> withdrawn_on;

  // The value of a header field, or empty.
  std::string_view Field(std::string_view key) const;
  friend bool operator==(const Decision&, const Decision&) = default;
};

// The reference as it appears in a URL: "/" and spaces become "-" ("006/2017" -> "006-2017").
std::string ReferenceSlug(std::string_view reference);

// Checks what every stored decision must have. Messages name the field.
Result<void> Validate(const Decision& decision);

}  // namespace assent::decisions
