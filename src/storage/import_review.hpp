#pragma once
// The import review queue's stored item: one legacy document as the importer read it,
// waiting for a person to correct and confirm it (only then is it a decision on the
// register), or rejected with a reason. The original file is a content-addressed blob
// (Store::FindBlob(file_sha256)), kept byte for byte. See docs/import.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assent::storage {

enum class ReviewState { kAwaiting, kConfirmed, kRejected };
std::string_view ReviewStateName(ReviewState state);   // "awaiting", "confirmed", "rejected"
std::string_view ReviewStateLabel(ReviewState state);  // "Awaiting review", "Confirmed", "Rejected"
std::optional<ReviewState> ParseReviewState(std::string_view name);

struct ImportReview {
  std::int64_t id = 0;       // 0 until stored
  std::int64_t version = 0;  // optimistic-concurrency version; 1 when stored
  std::string body;          // body slug of the detected form; empty when unknown
  std::string form;          // form id; empty when unknown
  std::string reference;     // as read; empty when unknown
  std::string title;         // as read; empty when unknown
  std::string source_name;   // the file's name as imported
  // The content hash the importer deduplicates on (a PDF's bytes, a text's UTF-8):
  // unique, so the same document is queued once whatever became of it.
  std::string source_hash;
  std::string file_sha256;   // the original bytes' blob
  std::int64_t file_size = 0;
  std::string source_kind = "text";  // "text" or "pdf"
  std::string record_json;   // the reader's result as `assent import --json` prints it
  std::string source_text;   // the extracted text, lines joined by '\n'
  std::vector<int> page_first_line = {1};  // 1-based line of source_text where each page starts
  int unknown_fields = 0;
  int low_confidence_fields = 0;
  ReviewState state = ReviewState::kAwaiting;
  std::string reason;        // why rejected, or what stops a confirmation
  std::string queued_at;     // UTC instant
  std::string queued_by;     // "cli", "system", a username
  std::int64_t reviewer_id = 0;  // 0: the command line or the system
  std::string reviewed_by;   // username, "cli" (--confirm-clean), "system" (demo data)
  std::string reviewed_at;   // UTC instant; empty while awaiting
  std::int64_t decision_id = 0;  // the decision created on confirmation
  // In ChangeSet::update_import_reviews only: the index of a decision in the same
  // batch's insert_decisions whose new id becomes decision_id. -1: none.
  int inserted_decision = -1;
  friend bool operator==(const ImportReview&, const ImportReview&) = default;
};

struct ImportReviewQuery {
  std::optional<ReviewState> state;  // nullopt: any
  int limit = 200;
  int offset = 0;
};

}  // namespace assent::storage

namespace assent::storage {

// For the backends: page_first_line as stored ("1,48,97") and back ({1} when empty or bad).
std::string PageLinesText(const std::vector<int>& lines);
std::vector<int> ParsePageLines(std::string_view text);

}  // namespace assent::storage
