#include "storage/sqlite/publication_rows.hpp"

#include <fmt/format.h>

#include "storage/row_mapping.hpp"
#include "storage/sqlite/database.hpp"

namespace assent::storage::sqlite {
namespace {

constexpr const char* kUpdatePublication = R"sql(
UPDATE decisions SET plan_kind = ?2, plan_reason = ?3, plan_until = ?4, plan_ground = ?5,
  plan_withheld_what = ?6, plan_review_date = ?7, plan_set_by = ?8, plan_set_by_name = ?9,
  plan_set_at = ?10, published_on = ?11, withdrawn_on = ?12, public_state = ?13
WHERE id = ?1)sql";
constexpr const char* kSelectPublication = R"sql(
SELECT plan_kind, plan_reason, plan_until, plan_ground, plan_withheld_what, plan_review_date,
       plan_set_by, plan_set_by_name, plan_set_at, published_on, withdrawn_on
FROM decisions WHERE id = ?1)sql";
constexpr const char* kDeleteRedactions = "DELETE FROM decision_redactions WHERE decision_id = ?1";
constexpr const char* kInsertRedaction = R"sql(
INSERT INTO decision_redactions (decision_id, position, target, section_key, attachment_sha256,
  text, reason, ground, proposed_by, proposed_by_name, proposed_at, signed_off_by,
  signed_off_by_name, signed_off_role, signed_off_at, cancelled_by, cancelled_by_name,
  cancelled_at, cancel_reason)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
  ?19))sql";
constexpr const char* kSelectRedactions = R"sql(
SELECT target, section_key, attachment_sha256, text, reason, ground, proposed_by,
       proposed_by_name, proposed_at, signed_off_by, signed_off_by_name, signed_off_role,
       signed_off_at, cancelled_by, cancelled_by_name, cancelled_at, cancel_reason
FROM decision_redactions WHERE decision_id = ?1 ORDER BY position)sql";
constexpr const char* kDecisionExists = "SELECT 1 FROM decisions WHERE id = ?1";
constexpr const char* kLastVersion =
    "SELECT coalesce(max(number), 0) FROM published_versions WHERE decision_id = ?1";
constexpr const char* kInsertVersion = R"sql(
INSERT INTO published_versions (decision_id, number, kind, published_at, public_json, sha256,
  change_note)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql";
constexpr const char* kSelectVersions = R"sql(
SELECT decision_id, number, kind, published_at, public_json, sha256, change_note
FROM published_versions WHERE decision_id = ?1 ORDER BY number)sql";

constexpr const char* kCountPublic =
    "SELECT body, count(*) FROM decisions WHERE public_state <> '' GROUP BY body";
constexpr const char* kPublicYears = R"sql(
SELECT DISTINCT substr(decision_date, 1, 4) AS y FROM decisions
WHERE body = ?1 AND decision_date IS NOT NULL AND public_state <> ''
ORDER BY y DESC)sql";

}  // namespace

Result<std::map<std::string, int, std::less<>>> CountPublicByBody(Database& db) {
  auto st = db.Prepare(kCountPublic);
  if (!st) return st.error();
  std::map<std::string, int, std::less<>> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return out;
    out[st->Text(0)] = static_cast<int>(st->Int(1));
  }
}

Result<std::vector<int>> PublicYears(Database& db, std::string_view body) {
  auto st = db.Prepare(kPublicYears);
  if (!st) return st.error();
  st->Bind(1, body);
  std::vector<int> years;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return years;
    years.push_back(std::stoi(st->Text(0)));
  }
}

Result<void> WritePublication(Database& db, std::int64_t id, const decisions::Decision& d) {
  {
    auto st = db.Prepare(kUpdatePublication);
    if (!st) return st.error();
    st->Bind(1, id);
    int i = 1;
    ForEachPublicationColumn(d, [&](const auto& value) { st->Bind(++i, value); });
    if (auto r = st->Run(); !r) return r;
  }
  {
    auto st = db.Prepare(kDeleteRedactions);
    if (!st) return st.error();
    st->Bind(1, id);
    if (auto r = st->Run(); !r) return r;
  }
  int position = 0;
  for (const auto& r : d.redactions) {
    auto st = db.Prepare(kInsertRedaction);
    if (!st) return st.error();
    st->Bind(1, id).Bind(2, position++);
    int i = 2;
    ForEachRedactionColumn(r, [&](const auto& value) { st->Bind(++i, value); });
    if (auto ran = st->Run(); !ran) return ran;
  }
  return Ok();
}

Result<void> ReadPublication(Database& db, std::int64_t id, decisions::Decision& d) {
  {
    auto st = db.Prepare(kSelectPublication);
    if (!st) return st.error();
    st->Bind(1, id);
    auto row = st->Step();
    if (!row) return row.error();
    if (*row) PublicationFromRow(*st, d);
  }
  auto st = db.Prepare(kSelectRedactions);
  if (!st) return st.error();
  st->Bind(1, id);
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return Ok();
    d.redactions.push_back(RedactionFromRow(*st));
  }
}

Result<void> InsertPublishedVersions(Database& db, const std::vector<PublishedVersion>& versions) {
  for (const auto& v : versions) {
    {
      auto st = db.Prepare(kDecisionExists);
      if (!st) return st.error();
      st->Bind(1, v.decision_id);
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) {
        return Fail(ErrorCode::kInvalidInput,
                    fmt::format("no decision with id {} for a published version", v.decision_id));
      }
    }
    {
      auto st = db.Prepare(kLastVersion);
      if (!st) return st.error();
      st->Bind(1, v.decision_id);
      auto row = st->Step();
      if (!row) return row.error();
      std::int64_t last = st->Int(0);
      if (v.number != last + 1) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("decision {} has {} published versions; the next is {}, not {}",
                                v.decision_id, last, last + 1, v.number));
      }
    }
    auto st = db.Prepare(kInsertVersion);
    if (!st) return st.error();
    st->Bind(1, v.decision_id).Bind(2, v.number).Bind(3, v.kind).Bind(4, v.published_at)
        .Bind(5, v.public_json).Bind(6, v.sha256).Bind(7, v.change_note);
    if (auto r = st->Run(); !r) return r;
  }
  return Ok();
}

Result<std::vector<PublishedVersion>> ReadPublishedVersions(Database& db, std::int64_t decision_id) {
  auto st = db.Prepare(kSelectVersions);
  if (!st) return st.error();
  st->Bind(1, decision_id);
  std::vector<PublishedVersion> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(PublishedVersionFromRow(*st));
  }
}

}  // namespace assent::storage::sqlite
