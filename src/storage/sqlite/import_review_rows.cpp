#include "storage/sqlite/import_review_rows.hpp"

#include <fmt/format.h>

#include "storage/sqlite/database.hpp"

namespace assent::storage::sqlite {
namespace {

#define ASSENT_TRY(expr)                 \
  do {                                   \
    if (auto r_ = (expr); !r_) return r_.error(); \
  } while (false)

constexpr const char* kInsertReview = R"sql(
INSERT INTO import_reviews (version, body, form, reference, title, source_name, source_hash,
  file_sha256, file_size, source_kind, record_json, source_text, page_first_lines,
  unknown_fields, low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id,
  reviewed_by, reviewed_at, decision_id)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, ?22))sql";
constexpr const char* kCopyReview = R"sql(
INSERT INTO import_reviews (id, version, body, form, reference, title, source_name, source_hash,
  file_sha256, file_size, source_kind, record_json, source_text, page_first_lines,
  unknown_fields, low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id,
  reviewed_by, reviewed_at, decision_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
  ?21, ?22, ?23, ?24))sql";
constexpr const char* kReviewQueued = "SELECT id FROM import_reviews WHERE source_hash = ?1";
constexpr const char* kUpdateReview = R"sql(
UPDATE import_reviews SET version = version + 1, body = ?1, reference = ?2, title = ?3,
  state = ?4, reason = ?5, reviewer_id = ?6, reviewed_by = ?7, reviewed_at = ?8, decision_id = ?9
WHERE id = ?10 AND version = ?11)sql";
constexpr const char* kSelectReview = R"sql(
SELECT id, version, body, form, reference, title, source_name, source_hash, file_sha256,
  file_size, source_kind, record_json, source_text, page_first_lines, unknown_fields,
  low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id, reviewed_by,
  reviewed_at, decision_id
FROM import_reviews WHERE id = ?1)sql";
constexpr const char* kListReviews = R"sql(
SELECT id, version, body, form, reference, title, source_name, source_hash, file_sha256,
  file_size, source_kind, '', '', page_first_lines, unknown_fields,
  low_confidence_fields, state, reason, queued_at, queued_by, reviewer_id, reviewed_by,
  reviewed_at, decision_id
FROM import_reviews WHERE (?1 IS NULL OR state = ?1) ORDER BY id LIMIT ?2 OFFSET ?3)sql";

ImportReview ReviewFromRow(const Statement& st) {
  ImportReview r;
  int c = 0;
  r.id = st.Int(c++);
  r.version = st.Int(c++);
  r.body = st.Text(c++);
  r.form = st.Text(c++);
  r.reference = st.Text(c++);
  r.title = st.Text(c++);
  r.source_name = st.Text(c++);
  r.source_hash = st.Text(c++);
  r.file_sha256 = st.Text(c++);
  r.file_size = st.Int(c++);
  r.source_kind = st.Text(c++);
  r.record_json = st.Text(c++);
  r.source_text = st.Text(c++);
  r.page_first_line = ParsePageLines(st.Text(c++));
  r.unknown_fields = static_cast<int>(st.Int(c++));
  r.low_confidence_fields = static_cast<int>(st.Int(c++));
  r.state = ParseReviewState(st.Text(c++)).value_or(ReviewState::kAwaiting);
  r.reason = st.Text(c++);
  r.queued_at = st.Text(c++);
  r.queued_by = st.Text(c++);
  r.reviewer_id = st.Int(c++);
  r.reviewed_by = st.Text(c++);
  r.reviewed_at = st.Text(c++);
  r.decision_id = st.Int(c++);
  return r;
}

std::int64_t DecisionIdOf(const ImportReview& r, const ApplyResult& result) {
  if (r.inserted_decision >= 0 && static_cast<std::size_t>(r.inserted_decision) < result.inserted_ids.size()) {
    return result.inserted_ids[static_cast<std::size_t>(r.inserted_decision)];
  }
  return r.decision_id;
}

}  // namespace

Result<void> WriteImportReviews(Database& db, const ChangeSet& changes, ApplyResult& result) {
  for (const auto& r : changes.insert_import_reviews) {
    {
      auto st = db.Prepare(kReviewQueued);
      if (!st) return st.error();
      st->Bind(1, r.source_hash);
      auto row = st->Step();
      if (!row) return row.error();
      if (*row) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("{} is already in the import queue (item {})", r.source_name, st->Int(0)),
                    "source_hash");
      }
    }
    auto st = db.Prepare(kInsertReview);
    if (!st) return st.error();
    st->Bind(1, r.body).Bind(2, r.form).Bind(3, r.reference).Bind(4, r.title).Bind(5, r.source_name)
        .Bind(6, r.source_hash).Bind(7, r.file_sha256).Bind(8, r.file_size).Bind(9, r.source_kind)
        .Bind(10, r.record_json).Bind(11, r.source_text).Bind(12, PageLinesText(r.page_first_line))
        .Bind(13, r.unknown_fields).Bind(14, r.low_confidence_fields).Bind(15, ReviewStateName(r.state))
        .Bind(16, r.reason).Bind(17, r.queued_at).Bind(18, r.queued_by).Bind(19, r.reviewer_id)
        .Bind(20, r.reviewed_by).Bind(21, r.reviewed_at).Bind(22, DecisionIdOf(r, result));
    ASSENT_TRY(st->Run());
    result.inserted_review_ids.push_back(db.LastInsertId());
  }
  for (const auto& r : changes.copy_import_reviews) {
    auto st = db.Prepare(kCopyReview);
    if (!st) return st.error();
    st->Bind(1, r.id).Bind(2, r.version).Bind(3, r.body).Bind(4, r.form).Bind(5, r.reference).Bind(6, r.title)
        .Bind(7, r.source_name).Bind(8, r.source_hash).Bind(9, r.file_sha256).Bind(10, r.file_size)
        .Bind(11, r.source_kind).Bind(12, r.record_json).Bind(13, r.source_text)
        .Bind(14, PageLinesText(r.page_first_line)).Bind(15, r.unknown_fields).Bind(16, r.low_confidence_fields)
        .Bind(17, ReviewStateName(r.state)).Bind(18, r.reason).Bind(19, r.queued_at).Bind(20, r.queued_by)
        .Bind(21, r.reviewer_id).Bind(22, r.reviewed_by).Bind(23, r.reviewed_at).Bind(24, r.decision_id);
    ASSENT_TRY(st->Run());
  }
  for (const auto& r : changes.update_import_reviews) {
    auto st = db.Prepare(kUpdateReview);
    if (!st) return st.error();
    st->Bind(1, r.body).Bind(2, r.reference).Bind(3, r.title).Bind(4, ReviewStateName(r.state))
        .Bind(5, r.reason).Bind(6, r.reviewer_id).Bind(7, r.reviewed_by).Bind(8, r.reviewed_at)
        .Bind(9, DecisionIdOf(r, result)).Bind(10, r.id).Bind(11, r.version);
    ASSENT_TRY(st->Run());
    if (db.Changes() != 1) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("import item {} was changed by someone else since it was read; reload it "
                              "and try again",
                              r.id));
    }
  }
  return Ok();
}

Result<std::vector<ImportReview>> ListImportReviews(Database& db, const ImportReviewQuery& query) {
  auto st = db.Prepare(kListReviews);
  if (!st) return st.error();
  if (query.state) {
    st->Bind(1, ReviewStateName(*query.state));
  } else {
    st->BindNull(1);
  }
  st->Bind(2, query.limit).Bind(3, query.offset);
  std::vector<ImportReview> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(ReviewFromRow(*st));
  }
}

Result<ImportReview> FindImportReview(Database& db, std::int64_t id) {
  auto st = db.Prepare(kSelectReview);
  if (!st) return st.error();
  st->Bind(1, id);
  auto row = st->Step();
  if (!row) return row.error();
  if (!*row) return Fail(ErrorCode::kNotFound, fmt::format("no import item {}", id));
  return ReviewFromRow(*st);
}

Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(Database& db, std::string_view hash) {
  auto st = db.Prepare(kReviewQueued);
  if (!st) return st.error();
  st->Bind(1, hash);
  auto row = st->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(st->Int(0));
}

}  // namespace assent::storage::sqlite
