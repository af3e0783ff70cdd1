#pragma once
// The import review queue's use cases: who may review, what makes a record clean, the
// review page's view of a queued record (each field's value, confidence and source line,
// beside the numbered source text), and confirming (a published decision with the
// reviewer's corrections) or rejecting (with a reason). Every change is one Apply with
// its audit event. See docs/import.md.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/instant.hpp"
#include "core/result.hpp"
#include "decisions/form.hpp"
#include "import/record_reader.hpp"
#include "storage/store.hpp"
#include "workflow/chain.hpp"

namespace assent::services {

// A field read with less confidence than this is "low confidence".
inline constexpr double kLowConfidence = 0.8;

// The fields that decide what the public register shows, by label key: body, reference,
// title, decision_maker_role, outcome, decision_date. A record is clean when each is known
// with at least kLowConfidence and the reader asked for no review.
std::span<const std::string_view> KeyFields();

// The content key of a register table's row: the file's content hash and the row
// ("<sha256>#row-3"), so each row is its own queue item and decision, and re-importing
// the file is a no-op. RowOfSourceHash reads the row back (0: a whole document).
std::string RowSourceHash(std::string_view file_hash, int row);
int RowOfSourceHash(std::string_view source_hash);

struct ReviewCounts {
  int unknown = 0;
  int low_confidence = 0;
};
// Counted over the key fields.
ReviewCounts CountKeyFields(const import::ImportedRecord& record);
bool IsClean(const import::ImportedRecord& record);

// The roles that may review a body's imports: its governance officer (who keeps the
// register), chief executive or monitoring officer, or an administrator. Records whose
// body is unknown: administrators of every body ("*") only.
bool MayReviewImports(const workflow::Actor& actor, std::string_view body);
// Whether the person may review any body's imports (the staff home links the queue).
bool MayReviewAnyImports(const workflow::Actor& actor);

// Who confirms or rejects: a staff account (id, username, roles), or the command line
// ("cli") / the demo loader ("system"), id 0, which are not role-checked.
struct Reviewer {
  std::int64_t id = 0;
  std::string name;  // username, "cli" or "system"
  std::optional<workflow::Actor> actor;  // null: the command line or the system
};

// One row of the queue list.
struct ImportQueueRow {
  storage::ImportReview item;  // without record_json and source_text
  std::string body_name;       // the body's name, or the slug when the store lacks it
};
// The items the reviewer may see, oldest first; awaiting ones only unless `all`.
Result<std::vector<ImportQueueRow>> ListImportQueue(storage::Store& store, const Reviewer& reviewer, bool all);

struct ReviewField {
  std::string key;    // label key or reader field: "outcome", "signoffs[commissioner].date"
  std::string label;  // "Outcome", "Sign-off commissioner: date"
  std::string value;  // as read, for display; empty when unknown
  double confidence = 0;
  int page = 0;       // provenance; 0 when not found
  int line = 0;       // line on that page
  int text_line = 0;  // line of the extracted text (the anchor "#line-N"); 0 when not found
  std::string note;   // why unknown, or how it was read
  bool unknown = false;
  bool low = false;
  bool key_field = false;
};

struct SourceLine {
  int number = 0;  // line of the extracted text
  int page = 1;
  int page_line = 0;
  std::string text;
  bool cited = false;  // some field was read from it
};

struct ImportReviewPage {
  storage::ImportReview item;
  std::string body_name;
  std::vector<ReviewField> key_fields;
  std::vector<ReviewField> other_fields;
  std::vector<std::string> needs_review;  // the reader's reasons
  std::vector<SourceLine> lines;
  std::vector<decisions::Body> bodies;  // the bodies the reviewer may move the record to
};
// kNotFound for an unknown item and for one outside the reviewer's bodies.
Result<ImportReviewPage> GetImportReview(storage::Store& store, std::int64_t id, const Reviewer& reviewer);

// The header fields other than the key fields that the review page shows and corrects.
std::span<const std::string_view> CorrectableHeaderFields();  // classification, report_by, report_date, enquiries_to

// The reviewer's values for the rest of the record: header fields (by key; an empty value
// removes the field), the publication and media answers, and each sign-off's name and
// date (by step; a step the record does not have is ignored).
struct SignOffCorrection {
  std::string step;
  std::string label;  // for display: "Sign-off chief_executive"
  std::optional<std::string> name;
  std::optional<Date> date;
};
struct OtherCorrections {
  std::vector<std::pair<std::string, std::string>> fields;  // {key, value}; report_date as ISO
  std::optional<bool> for_publication;
  std::optional<bool> part2_exists;
  std::optional<bool> deferred;
  std::string deferral_reason;
  std::optional<Date> deferred_until;
  std::optional<bool> press_release_required;
  std::vector<SignOffCorrection> signoffs;
};

// The reviewer's values (already parsed by the caller): the key fields and, when
// `other` is set, the rest of the record (unset: the rest is stored as read).
struct ReviewCorrections {
  std::string body;
  std::string reference;
  std::string title;
  std::optional<std::string> decision_maker_role;
  decisions::Outcome outcome = decisions::Outcome::kUnknown;
  std::optional<Date> decision_date;
  std::optional<OtherCorrections> other;
};
// The values as read, for the correction form and for confirming a clean record.
ReviewCorrections CorrectionsAsRead(const import::ImportedRecord& record);
// The values of the rest of the record as read, from the stored record JSON.
OtherCorrections OtherAsRead(const storage::ImportReview& item);

// Confirms an awaiting item read at `version`: re-reads its stored source text with the
// form it was read with, applies the corrections, and stores the published decision, the
// item's new state and the audit event (import.confirm) in one transaction. Returns the
// decision id. Errors: kNotFound (no such item, or not the reviewer's), kIllegalTransition
// (already confirmed or rejected), kConflict (a stale version; a reference the body has
// used), kInvalidInput naming the field ("field title": the title is empty; "field body").
Result<std::int64_t> ConfirmImport(storage::Store& store, const std::vector<decisions::Form>& forms,
                                   std::int64_t id, std::int64_t version, const ReviewCorrections& corrections,
                                   const Reviewer& reviewer, Instant now = Instant::Now());

// Rejects an awaiting item with a reason (kInvalidInput "field reason" when empty).
Result<void> RejectImport(storage::Store& store, std::int64_t id, std::int64_t version, std::string_view reason,
                          const Reviewer& reviewer, Instant now = Instant::Now());

// The original file of an item the reviewer may see: its name and bytes.
struct OriginalFile {
  std::string name;
  std::string bytes;
};
Result<OriginalFile> GetOriginalFile(storage::Store& store, std::int64_t id, const Reviewer& reviewer);

}  // namespace assent::services
