#include "storage/postgres/import_review_rows.hpp"

#include <fmt/format.h>

#include "storage/postgres/connection.hpp"

namespace assent::storage::postgres {
namespace {

constexpr const char* kInsertReview = R"sql(
INSERT INTO import_reviews (version, body, form, reference, title, source_name, source_hash,
  file_sha256, file_size, source_kind, record_json, source_text, page_first_lines,
  unknown_fields, low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id,
  reviewed_by, reviewed_at, decision_id)
VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
  $20, $21, $22)
RETURNING id)sql";
constexpr const char* kCopyReview = R"sql(
INSERT INTO import_reviews (id, version, body, form, reference, title, source_name, source_hash,
  file_sha256, file_size, source_kind, record_json, source_text, page_first_lines,
  unknown_fields, low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id,
  reviewed_by, reviewed_at, decision_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
  $21, $22, $23, $24))sql";
// After copying ids in, new ids must start above them.
constexpr const char* kResyncReviewIds = R"sql(
SELECT setval(pg_get_serial_sequence('import_reviews', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM import_reviews)sql";
constexpr const char* kReviewQueued = "SELECT id FROM import_reviews WHERE source_hash = $1";
constexpr const char* kUpdateReview = R"sql(
UPDATE import_reviews SET version = version + 1, body = $1, reference = $2, title = $3,
  state = $4, reason = $5, reviewer_id = $6, reviewed_by = $7, reviewed_at = $8, decision_id = $9
WHERE id = $10 AND version = $11)sql";
constexpr const char* kSelectReview = R"sql(
SELECT id, version, body, form, reference, title, source_name, source_hash, file_sha256,
  file_size, source_kind, record_json, source_text, page_first_lines, unknown_fields,
  low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id, reviewed_by,
  reviewed_at, decision_id
FROM import_reviews WHERE id = $1)sql";
constexpr const char* kListReviews = R"sql(
SELECT id, version, body, form, reference, title, source_name, source_hash, file_sha256,
  file_size, source_kind, '', '', page_first_lines, unknown_fields,
  low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id, reviewed_by,
  reviewed_at, decision_id
FROM import_reviews WHERE ($1::text IS NULL OR state = $1::text) ORDER BY id LIMIT $2 OFFSET $3)sql";

ImportReview ReviewFromRow(const Rows& rows, int i) {
  ImportReview r;
  int c = 0;
  r.id = rows.Int(i, c++);
  r.version = rows.Int(i, c++);
  r.body = rows.Text(i, c++);
  r.form = rows.Text(i, c++);
  r.reference = rows.Text(i, c++);
  r.title = rows.Text(i, c++);
  r.source_name = rows.Text(i, c++);
  r.source_hash = rows.Text(i, c++);
  r.file_sha256 = rows.Text(i, c++);
  r.file_size = rows.Int(i, c++);
  r.source_kind = rows.Text(i, c++);
  r.record_json = rows.Text(i, c++);
  r.source_text = rows.Text(i, c++);
  r.page_first_line = ParsePageLines(rows.Text(i, c++));
  r.unknown_fields = static_cast<int>(rows.Int(i, c++));
  r.low_confidence_fields = static_cast<int>(rows.Int(i, c++));
  r.state = ParseReviewState(rows.Text(i, c++)).value_or(ReviewState::kAwaiting);
  r.reason = rows.Text(i, c++);
  r.queued_at = rows.Text(i, c++);
  r.queued_by = rows.Text(i, c++);
  r.reviewer_id = rows.Int(i, c++);
  r.reviewed_by = rows.Text(i, c++);
  r.reviewed_at = rows.Text(i, c++);
  r.decision_id = rows.Int(i, c++);
  return r;
}

std::int64_t DecisionIdOf(const ImportReview& r, const ApplyResult& result) {
  if (r.inserted_decision >= 0 && static_cast<std::size_t>(r.inserted_decision) < result.inserted_ids.size()) {
    return result.inserted_ids[static_cast<std::size_t>(r.inserted_decision)];
  }
  return r.decision_id;
}

Error AlreadyQueued(const ImportReview& r, std::int64_t id) {
  return Fail(ErrorCode::kConflict, fmt::format("{} is already in the import queue (item {})", r.source_name, id),
              "source_hash");
}

}  // namespace

Result<void> WriteImportReviews(Connection& db, const ChangeSet& changes, ApplyResult& result) {
  for (const auto& r : changes.insert_import_reviews) {
    auto seen = db.Query(kReviewQueued, Params().Add(r.source_hash));
    if (!seen) return seen.error();
    if (!seen->empty()) return AlreadyQueued(r, seen->Int(0, 0));
    // The unique index is the last word when two importers queue the same file at once.
    auto rows = db.Query(kInsertReview,
                         Params().Add(r.body).Add(r.form).Add(r.reference).Add(r.title).Add(r.source_name)
                             .Add(r.source_hash).Add(r.file_sha256).Add(r.file_size).Add(r.source_kind)
                             .Add(r.record_json).Add(r.source_text).Add(PageLinesText(r.page_first_line))
                             .Add(r.unknown_fields).Add(r.low_confidence_fields)
                             .Add(ReviewStateName(r.state)).Add(r.reason).Add(r.queued_at).Add(r.queued_by)
                             .Add(r.reviewer_id).Add(r.reviewed_by).Add(r.reviewed_at)
                             .Add(DecisionIdOf(r, result)));
    if (!rows) {
      if (rows.error().code == ErrorCode::kConflict) return AlreadyQueued(r, 0);
      return rows.error();
    }
    result.inserted_review_ids.push_back(rows->Int(0, 0));
  }
  for (const auto& r : changes.copy_import_reviews) {
    auto rows = db.Query(kCopyReview,
                         Params().Add(r.id).Add(r.version).Add(r.body).Add(r.form).Add(r.reference).Add(r.title)
                             .Add(r.source_name).Add(r.source_hash).Add(r.file_sha256).Add(r.file_size)
                             .Add(r.source_kind).Add(r.record_json).Add(r.source_text)
                             .Add(PageLinesText(r.page_first_line)).Add(r.unknown_fields)
                             .Add(r.low_confidence_fields).Add(ReviewStateName(r.state)).Add(r.reason)
                             .Add(r.queued_at).Add(r.queued_by).Add(r.reviewer_id).Add(r.reviewed_by)
                             .Add(r.reviewed_at).Add(r.decision_id));
    if (!rows) return rows.error();
  }
  if (!changes.copy_import_reviews.empty()) {
    auto rows = db.Query(kResyncReviewIds);
    if (!rows) return rows.error();
  }
  for (const auto& r : changes.update_import_reviews) {
    auto rows = db.Query(kUpdateReview, Params().Add(r.body).Add(r.reference).Add(r.title)
                                            .Add(ReviewStateName(r.state)).Add(r.reason).Add(r.reviewer_id)
                                            .Add(r.reviewed_by).Add(r.reviewed_at).Add(DecisionIdOf(r, result))
                                            .Add(r.id).Add(r.version));
    if (!rows) return rows.error();
    if (rows->affected() != 1) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("import item {} was changed by someone else since it was read; reload it "
                              "and try again",
                              r.id));
    }
  }
  return Ok();
}

Result<std::vector<ImportReview>> ListImportReviews(Connection& db, const ImportReviewQuery& query) {
  Params params;
  if (query.state) {
    params.Add(ReviewStateName(*query.state));
  } else {
    params.AddNull();
  }
  params.Add(query.limit).Add(query.offset);
  auto rows = db.Query(kListReviews, params);
  if (!rows) return rows.error();
  std::vector<ImportReview> out;
  for (int i = 0; i < rows->size(); ++i) out.push_back(ReviewFromRow(*rows, i));
  return out;
}

Result<ImportReview> FindImportReview(Connection& db, std::int64_t id) {
  auto rows = db.Query(kSelectReview, Params().Add(id));
  if (!rows) return rows.error();
  if (rows->empty()) return Fail(ErrorCode::kNotFound, fmt::format("no import item {}", id));
  return ReviewFromRow(*rows, 0);
}

Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(Connection& db, std::string_view hash) {
  auto rows = db.Query(kReviewQueued, Params().Add(hash));
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->Int(0, 0));
}

}  // namespace assent::storage::postgres
