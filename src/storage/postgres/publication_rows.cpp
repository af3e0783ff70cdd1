#include "storage/postgres/publication_rows.hpp"

#include <fmt/format.h>

#include "storage/postgres/connection.hpp"
#include "storage/row_mapping.hpp"

namespace assent::storage::postgres {
namespace {

constexpr const char* kUpdatePublication = R"sql(
UPDATE decisions SET plan_kind = $2, plan_reason = $3, plan_until = $4, plan_ground = $5,
  plan_withheld_what = $6, plan_review_date = $7, plan_set_by = $8, plan_set_by_name = $9,
  plan_set_at = $10, published_on = $11, withdrawn_on = $12, public_state = $13
WHERE id = $1)sql";
constexpr const char* kSelectPublication = R"sql(
SELECT plan_kind, plan_reason, plan_until, plan_ground, plan_withheld_what, plan_review_date,
       plan_set_by, plan_set_by_name, plan_set_at, published_on, withdrawn_on
FROM decisions WHERE id = $1)sql";
constexpr const char* kDeleteRedactions = "DELETE FROM decision_redactions WHERE decision_id = $1";
constexpr const char* kInsertRedaction = R"sql(
INSERT INTO decision_redactions (decision_id, position, target, section_key, attachment_sha256,
  text, reason, ground, proposed_by, proposed_by_name, proposed_at, signed_off_by,
  signed_off_by_name, signed_off_role, signed_off_at, cancelled_by, cancelled_by_name,
  cancelled_at, cancel_reason)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
  $19))sql";
constexpr const char* kSelectRedactions = R"sql(
SELECT target, section_key, attachment_sha256, text, reason, ground, proposed_by,
       proposed_by_name, proposed_at, signed_off_by, signed_off_by_name, signed_off_role,
       signed_off_at, cancelled_by, cancelled_by_name, cancelled_at, cancel_reason
FROM decision_redactions WHERE decision_id = $1 ORDER BY position)sql";
// Locks the decision row, so concurrent publishers of one decision number in turn.
constexpr const char* kLockDecision = "SELECT id FROM decisions WHERE id = $1 FOR UPDATE";
constexpr const char* kLastVersion =
    "SELECT coalesce(max(number), 0) FROM published_versions WHERE decision_id = $1";
constexpr const char* kInsertVersion = R"sql(
INSERT INTO published_versions (decision_id, number, kind, published_at, public_json, sha256,
  change_note)
VALUES ($1, $2, $3, $4, $5, $6, $7))sql";
constexpr const char* kSelectVersions = R"sql(
SELECT decision_id, number, kind, published_at, public_json, sha256, change_note
FROM published_versions WHERE decision_id = $1 ORDER BY number)sql";

constexpr const char* kCountPublic =
    "SELECT body, count(*) FROM decisions WHERE public_state <> '' GROUP BY body";
constexpr const char* kPublicYears = R"sql(
SELECT DISTINCT extract(year FROM decision_date)::int AS y FROM decisions
WHERE body = $1 AND decision_date IS NOT NULL AND public_state <> ''
ORDER BY y DESC)sql";

// One row of a result, as storage/row_mapping.hpp reads it.
struct RowAt {
  const Rows& rows;
  int i;
  std::int64_t Int(int c) const { return rows.Int(i, c); }
  std::string Text(int c) const { return rows.Text(i, c); }
  std::optional<Date> OptDate(int c) const { return rows.OptDate(i, c); }
};

}  // namespace

Result<std::map<std::string, int, std::less<>>> CountPublicByBody(Connection& db) {
  auto rows = db.Query(kCountPublic);
  if (!rows) return rows.error();
  std::map<std::string, int, std::less<>> out;
  for (int i = 0; i < rows->size(); ++i) out[rows->Text(i, 0)] = static_cast<int>(rows->Int(i, 1));
  return out;
}

Result<std::vector<int>> PublicYears(Connection& db, std::string_view body) {
  auto rows = db.Query(kPublicYears, Params().Add(body));
  if (!rows) return rows.error();
  std::vector<int> years;
  for (int i = 0; i < rows->size(); ++i) years.push_back(static_cast<int>(rows->Int(i, 0)));
  return years;
}

Result<void> WritePublication(Connection& db, std::int64_t id, const decisions::Decision& d) {
  Params p;
  p.Add(id);
  ForEachPublicationColumn(d, [&](const auto& value) { p.Add(value); });
  if (auto r = db.Query(kUpdatePublication, p); !r) return r.error();
  if (auto r = db.Query(kDeleteRedactions, Params().Add(id)); !r) return r.error();
  int position = 0;
  for (const auto& x : d.redactions) {
    Params q;
    q.Add(id).Add(position++);
    ForEachRedactionColumn(x, [&](const auto& value) { q.Add(value); });
    if (auto r = db.Query(kInsertRedaction, q); !r) return r.error();
  }
  return Ok();
}

Result<void> ReadPublication(Connection& db, std::int64_t id, decisions::Decision& d) {
  auto row = db.Query(kSelectPublication, Params().Add(id));
  if (!row) return row.error();
  if (!row->empty()) PublicationFromRow(RowAt{*row, 0}, d);
  auto rows = db.Query(kSelectRedactions, Params().Add(id));
  if (!rows) return rows.error();
  for (int i = 0; i < rows->size(); ++i) d.redactions.push_back(RedactionFromRow(RowAt{*rows, i}));
  return Ok();
}

Result<void> InsertPublishedVersions(Connection& db, const std::vector<PublishedVersion>& versions) {
  for (const auto& v : versions) {
    auto exists = db.Query(kLockDecision, Params().Add(v.decision_id));
    if (!exists) return exists.error();
    if (exists->empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("no decision with id {} for a published version", v.decision_id));
    }
    auto last = db.Query(kLastVersion, Params().Add(v.decision_id));
    if (!last) return last.error();
    std::int64_t n = last->Int(0, 0);
    if (v.number != n + 1) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("decision {} has {} published versions; the next is {}, not {}",
                              v.decision_id, n, n + 1, v.number));
    }
    auto r = db.Query(kInsertVersion, Params().Add(v.decision_id).Add(v.number).Add(v.kind)
                                          .Add(v.published_at).Add(v.public_json).Add(v.sha256)
                                          .Add(v.change_note));
    if (!r) return r.error();
  }
  return Ok();
}

Result<std::vector<PublishedVersion>> ReadPublishedVersions(Connection& db, std::int64_t decision_id) {
  auto rows = db.Query(kSelectVersions, Params().Add(decision_id));
  if (!rows) return rows.error();
  std::vector<PublishedVersion> out;
  for (int i = 0; i < rows->size(); ++i) out.push_back(PublishedVersionFromRow(RowAt{*rows, i}));
  return out;
}

}  // namespace assent::storage::postgres
