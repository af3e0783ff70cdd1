#pragma once
// The public projection of a decision. Every public renderer (HTML, JSON, and later
// Atom, CSV, print, search) takes only these types; there are no Part 2 fields here,
// so the compiler keeps confidential text off public surfaces. The only way to build
// one is MakePublicDecision.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/body.hpp"
#include "decisions/decision.hpp"

namespace assent::publication {

struct PublicSection {
  std::string heading;
  std::string text;
};

struct PublicField {
  std::string key;
  std::string label;
  std::string value;
};

struct PublicSignOff {
  std::string role;  // empty when the record does not say
  std::string name;  // empty when unsigned or unreadable
  std::optional<Date> date;
};

struct PublicBoard {
  std::string name;
  std::optional<Date> date;
};

struct PublicBody {
  std::string slug;
  std::string name;
  std::string short_name;
  std::string website;
  int publication_working_days = 0;
};

// Where a decision stands on the public register. Published: Part 1 shown (with
// redactions applied). Deferred and withheld: a stub that says the decision exists, what
// is held back, why (reason / FOIA ground) and until when or when it is reviewed; no
// section text. Withdrawn: a tombstone with the reason and date, after it was published.
enum class PublicState { kPublished, kDeferred, kWithheld, kWithdrawn };
std::string_view PublicStateName(PublicState s);   // "published", "deferred", "withheld", "withdrawn"
std::string_view PublicStateLabel(PublicState s);  // "Published", "Publication deferred", ...
// The state named by PublicStateName; kPublished for any other name (a stored row's
// public_state is one of the four, or empty for a record that is not public).
PublicState PublicStateOfName(std::string_view name);

// A redaction as the public may know it: where text was removed and under which ground.
// Never the removed text.
struct PublicRedaction {
  std::string where;         // "Section 'Financial implications'", "Attachment 'Bid.pdf'"
  std::string ground;        // "s43", see publication/grounds (issue 5)
  std::string ground_label;  // "Section 43: commercial interests"
};

// One published version: the first publication, each correction, the withdrawal.
struct PublicVersion {
  int number = 1;
  std::string kind;         // "published", "corrected", "withdrawn"
  std::string published_at; // UTC instant, "2026-11-21T10:15:00Z"
  std::string change_note;  // public note for a correction or withdrawal; empty for the first
  std::string sha256;       // hash of the stored public artifact of that version
};

// The media record from the form's media strategy questions.
struct PublicMedia {
  std::optional<bool> press_release_required;
  std::optional<bool> strategy_formulated;
  std::optional<bool> strategy_attached;
  std::optional<Date> proposed_date;
};

struct PublicDecision {
  PublicBody body;
  std::string reference;
  std::string reference_slug;
  std::string title;
  decisions::Status status = decisions::Status::kPublished;
  decisions::Outcome outcome = decisions::Outcome::kUnknown;
  std::optional<std::string> decision_maker_role;
  std::optional<Date> decision_date;
  std::vector<PublicField> fields;
  std::vector<PublicSection> sections;      // Part 1 only
  std::vector<PublicBoard> boards;
  std::vector<std::string> background_papers;  // Part 1 only
  std::vector<std::string> persons_consulted;
  std::vector<PublicSignOff> signoffs;
  // A confidential Part 2 exists (a Part 2 form, section or paper); its content is never here.
  bool part2_exists = false;
  int part2_papers_withheld = 0;
  std::string part2_statement;  // the record's own public statement of why, if it has one
  std::optional<bool> publication_deferred;
  std::optional<bool> press_release_required;
  bool withdrawn = false;

  // Publication (issue 5). Defaults describe a plainly published record.
  PublicState state = PublicState::kPublished;
  std::optional<Date> due_date;          // Part 1 due on the register by this date
  std::optional<Date> published_on;      // first published (UK date)
  std::string deferral_reason;           // kDeferred
  std::optional<Date> deferred_until;    // kDeferred: publishes itself on this date
  std::string withheld_what;             // kWithheld: "The whole decision", "Appendix A"
  std::string withheld_ground;           // kWithheld: ground code, e.g. "s43"
  std::string withheld_ground_label;     // kWithheld: "Section 43: commercial interests"
  std::optional<Date> review_date;       // kWithheld: when withholding is reviewed
  std::string withdrawal_reason;         // kWithdrawn
  std::optional<Date> withdrawn_on;      // kWithdrawn
  std::vector<PublicRedaction> redactions;
  std::vector<PublicVersion> versions;   // oldest first; empty for records never versioned
  PublicMedia media;
};

// Builds the public view of a decision that may be published (status published, or
// withdrawn for its tombstone). kNotFound for any other status, so that a draft's
// existence does not leak. Part 2 sections and papers are left out.
Result<PublicDecision> MakePublicDecision(const decisions::Decision& decision,
                                          const decisions::Body& body);

PublicBody MakePublicBody(const decisions::Body& body);

// The register's label of a public header field ("report_by" -> "Report by"); the key
// itself for a field that has none.
std::string_view PublicFieldLabel(std::string_view key);

// "Approved", "Not approved", "Not recorded".
std::string OutcomeLabel(decisions::Outcome outcome);

}  // namespace assent::publication
