#include "storage/postgres/postgres_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <type_traits>
#include <mutex>
#include <vector>

#include "publication/search_document.hpp"
#include "storage/change_support.hpp"
#include "storage/postgres/array_literal.hpp"
#include "storage/postgres/calendar_rows.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/forward_plan_rows.hpp"
#include "storage/postgres/import_review_rows.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/strategy_rows.hpp"
#include "storage/postgres/publication_rows.hpp"
#include "storage/register_paging.hpp"
#include "storage/row_mapping.hpp"
#include "storage/snippet.hpp"

namespace assent::storage::postgres {
namespace {

using decisions::Body;
using decisions::Decision;

// --- SQL, all with bound parameters -------------------------------------------------

constexpr const char* kUpsertBody = R"sql(
INSERT INTO bodies (slug, name, short_name, reference_pattern, publication_working_days,
                    calendar, form, website)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (slug) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
  reference_pattern = excluded.reference_pattern,
  publication_working_days = excluded.publication_working_days,
  calendar = excluded.calendar, form = excluded.form, website = excluded.website)sql";

constexpr const char* kSelectBodies = R"sql(
SELECT slug, name, short_name, reference_pattern, publication_working_days, calendar, form,
       website
FROM bodies ORDER BY name COLLATE "C")sql";

constexpr const char* kSelectBody = R"sql(
SELECT slug, name, short_name, reference_pattern, publication_working_days, calendar, form,
       website
FROM bodies WHERE slug = $1)sql";

constexpr const char* kCountByBody = R"sql(
SELECT b.slug, count(d.id) FROM bodies b
LEFT JOIN decisions d ON d.body = b.slug AND ($1::text[] IS NULL OR d.status = ANY($1::text[]))
GROUP BY b.slug)sql";

constexpr const char* kSelectDecisionBySlug = R"sql(
SELECT id FROM decisions WHERE body = $1 AND reference_slug = $2 AND reference_slug <> '')sql";

constexpr const char* kSelectDecisionById = R"sql(
SELECT id, version, body, form, reference, title, status, outcome, decision_maker_role,
       decision_date, pub_deferred, pub_deferral_reason, pub_deferred_until, pub_part2_exists,
       pub_part2_reason, pub_for_publication, pub_non_publication_reason,
       pub_redaction_required, media_press_release_required, media_strategy_formulated,
       media_strategy_attached, media_press_release_date, source, source_hash, category,
       amount_pence, author_id, status_reason
FROM decisions WHERE id = $1)sql";

constexpr const char* kSelectBySourceHash = "SELECT id FROM decisions WHERE source_hash = $1";

constexpr const char* kSelectSections =
    "SELECT key, heading, part, text FROM decision_sections WHERE decision_id = $1 ORDER BY position";
constexpr const char* kSelectFields =
    "SELECT key, value FROM decision_fields WHERE decision_id = $1 ORDER BY position";
constexpr const char* kSelectBoards =
    "SELECT name, date FROM decision_boards WHERE decision_id = $1 ORDER BY position";
constexpr const char* kSelectPapers =
    "SELECT title, part FROM decision_papers WHERE decision_id = $1 ORDER BY position";
constexpr const char* kSelectConsultees =
    "SELECT name FROM decision_consultees WHERE decision_id = $1 ORDER BY position";
constexpr const char* kSelectSignoffs = R"sql(
SELECT step, role, name, date, declaration, advice, note, user_id, signed_at, content_hash,
       interests, outcome, reasons, voided
FROM decision_signoffs WHERE decision_id = $1 ORDER BY position)sql";
constexpr const char* kSelectAttachments = R"sql(
SELECT name, media_type, part, sha256, size FROM decision_attachments WHERE decision_id = $1
ORDER BY position)sql";

// Newest first; undated last. References compare bytewise, as in SQLite, whatever the
// database's collation.
constexpr const char* kListDecisions = R"sql(
SELECT id, body, reference, title, decision_maker_role, decision_date, status, outcome,
       public_state
FROM decisions
WHERE body = $1
  AND ($2::int IS NULL OR (decision_date >= make_date($2::int, 1, 1)
                           AND decision_date < make_date($2::int + 1, 1, 1)))
  AND ($3::text[] IS NULL OR status = ANY($3::text[]))
  AND ($6::int = 0 OR public_state <> '')
ORDER BY decision_date DESC NULLS LAST, reference COLLATE "C" DESC, id DESC
LIMIT $4 OFFSET $5)sql";

// Keyset paging (RegisterQuery::after; storage/register_paging.hpp): $1 body, $2 year,
// $3 statuses, $4 limit, $5 public only as in kListDecisions. Dated rows after ($6, $7, $8) =
// (date, reference, id), an index seek on decisions_register_order (migration 8); then
// undated rows after ($6, $7) = (reference, id), or from the first when $6 is NULL.
constexpr const char* kListDatedAfter = R"sql(
SELECT id, body, reference, title, decision_maker_role, decision_date, status, outcome,
       public_state
FROM decisions
WHERE body = $1
  AND ($2::int IS NULL OR decision_date >= make_date($2::int, 1, 1))
  AND (decision_date, reference COLLATE "C", id) < ($6::date, $7::text COLLATE "C", $8::bigint)
  AND ($3::text[] IS NULL OR status = ANY($3::text[]))
  AND ($5::int = 0 OR public_state <> '')
ORDER BY decision_date DESC NULLS LAST, reference COLLATE "C" DESC, id DESC
LIMIT $4)sql";
constexpr const char* kListUndatedAfter = R"sql(
SELECT id, body, reference, title, decision_maker_role, decision_date, status, outcome,
       public_state
FROM decisions
WHERE body = $1 AND decision_date IS NULL AND $2::int IS NULL
  AND ($6::text IS NULL OR (reference COLLATE "C", id) < ($6::text COLLATE "C", $7::bigint))
  AND ($3::text[] IS NULL OR status = ANY($3::text[]))
  AND ($5::int = 0 OR public_state <> '')
ORDER BY decision_date DESC NULLS LAST, reference COLLATE "C" DESC, id DESC
LIMIT $4)sql";

constexpr const char* kDecisionYears = R"sql(
SELECT DISTINCT extract(year FROM decision_date)::int AS y FROM decisions
WHERE body = $1 AND decision_date IS NOT NULL
  AND ($2::text[] IS NULL OR status = ANY($2::text[]))
ORDER BY y DESC)sql";

constexpr const char* kBodyExists = "SELECT 1 FROM bodies WHERE slug = $1";
constexpr const char* kReferenceTaken = R"sql(
SELECT id FROM decisions WHERE body = $1 AND reference_slug = $2 AND reference_slug <> ''
  AND id <> $3)sql";

constexpr const char* kInsertDecision = R"sql(
INSERT INTO decisions (version, body, form, reference, reference_slug, title, status, outcome,
  decision_maker_role, decision_date, pub_deferred, pub_deferral_reason, pub_deferred_until,
  pub_part2_exists, pub_part2_reason, pub_for_publication, pub_non_publication_reason,
  pub_redaction_required, media_press_release_required, media_strategy_formulated,
  media_strategy_attached, media_press_release_date, source, source_hash, category,
  amount_pence, author_id, status_reason)
VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $24, $25, $26, $27)
RETURNING id)sql";

constexpr const char* kUpdateDecision = R"sql(
UPDATE decisions SET version = version + 1, body = $1, form = $2, reference = $3,
  reference_slug = $4, title = $5, status = $6, outcome = $7, decision_maker_role = $8,
  decision_date = $9, pub_deferred = $10, pub_deferral_reason = $11, pub_deferred_until = $12,
  pub_part2_exists = $13, pub_part2_reason = $14, pub_for_publication = $15,
  pub_non_publication_reason = $16, pub_redaction_required = $17,
  media_press_release_required = $18, media_strategy_formulated = $19,
  media_strategy_attached = $20, media_press_release_date = $21, source = $22, source_hash = $23,
  category = $24, amount_pence = $25, author_id = $26, status_reason = $27
WHERE id = $28 AND version = $29)sql";

constexpr const char* kDeleteChildren = R"sql(
WITH a AS (DELETE FROM decision_sections WHERE decision_id = $1),
     b AS (DELETE FROM decision_fields WHERE decision_id = $1),
     c AS (DELETE FROM decision_boards WHERE decision_id = $1),
     d AS (DELETE FROM decision_papers WHERE decision_id = $1),
     e AS (DELETE FROM decision_consultees WHERE decision_id = $1),
     f AS (DELETE FROM decision_attachments WHERE decision_id = $1)
DELETE FROM decision_signoffs WHERE decision_id = $1)sql";

// Child rows go in one statement per table: parallel arrays, unnested with their position.
constexpr const char* kInsertSections = R"sql(
INSERT INTO decision_sections (decision_id, position, key, heading, part, text)
SELECT $1, n - 1, k, h, p, t
FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS x(k, h, p, t, n))sql";
constexpr const char* kInsertFields = R"sql(
INSERT INTO decision_fields (decision_id, position, key, value)
SELECT $1, n - 1, k, v FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(k, v, n))sql";
constexpr const char* kInsertBoards = R"sql(
INSERT INTO decision_boards (decision_id, position, name, date)
SELECT $1, n - 1, nm, dt FROM unnest($2::text[], $3::date[]) WITH ORDINALITY AS x(nm, dt, n))sql";
constexpr const char* kInsertPapers = R"sql(
INSERT INTO decision_papers (decision_id, position, title, part)
SELECT $1, n - 1, t, p FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS x(t, p, n))sql";
constexpr const char* kInsertConsultees = R"sql(
INSERT INTO decision_consultees (decision_id, position, name)
SELECT $1, n - 1, nm FROM unnest($2::text[]) WITH ORDINALITY AS x(nm, n))sql";
constexpr const char* kInsertSignoffs = R"sql(
INSERT INTO decision_signoffs (decision_id, position, step, role, name, date, declaration,
                               advice, note, user_id, signed_at, content_hash, interests,
                               outcome, reasons, voided)
SELECT $1, n - 1, s, r, nm, dt, dc, ad, nt, u, sa, ch, it, oc, rs, vd
FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[],
            $9::bigint[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
            $15::text[])
  WITH ORDINALITY AS x(s, r, nm, dt, dc, ad, nt, u, sa, ch, it, oc, rs, vd, n))sql";
constexpr const char* kInsertAttachments = R"sql(
INSERT INTO decision_attachments (decision_id, position, name, media_type, part, sha256, size)
SELECT $1, n - 1, nm, mt, p, h, sz
FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::bigint[])
  WITH ORDINALITY AS x(nm, mt, p, h, sz, n))sql";

// Moving between stores: the row as it was, id and version included.
constexpr const char* kCopyDecision = R"sql(
INSERT INTO decisions (body, form, reference, reference_slug, title, status, outcome,
  decision_maker_role, decision_date, pub_deferred, pub_deferral_reason, pub_deferred_until,
  pub_part2_exists, pub_part2_reason, pub_for_publication, pub_non_publication_reason,
  pub_redaction_required, media_press_release_required, media_strategy_formulated,
  media_strategy_attached, media_press_release_date, source, source_hash, category,
  amount_pence, author_id, status_reason, id, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $24, $25, $26, $27, $28, $29))sql";
// After copying ids in, new ids must start above them.
constexpr const char* kResyncIds = R"sql(
SELECT setval(pg_get_serial_sequence('decisions', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM decisions)sql";

constexpr const char* kReserveReference = R"sql(
INSERT INTO reference_counters (body, year, last) VALUES ($1, $2, greatest($3::int, 1))
ON CONFLICT (body, year) DO UPDATE SET last = greatest(reference_counters.last + 1, excluded.last)
RETURNING last)sql";
constexpr const char* kPutReferenceCounter = R"sql(
INSERT INTO reference_counters (body, year, last) VALUES ($1, $2, $3)
ON CONFLICT (body, year) DO UPDATE SET last = excluded.last)sql";
constexpr const char* kSelectReferenceCounters =
    "SELECT body, year, last FROM reference_counters ORDER BY body COLLATE \"C\", year";

constexpr const char* kDeleteSearch = "DELETE FROM search_index WHERE decision_id = $1";
constexpr const char* kInsertSearch =
    "INSERT INTO search_index (decision_id, title, text) VALUES ($1, $2, $3)";
constexpr const char* kAllDecisionIds = "SELECT id FROM decisions ORDER BY id";

// Bounded ranking, as on SQLite (storage/sqlite/query_sql.hpp): `candidates` are the newest
// $9 + 1 matches that pass the filters, by decision id (a walk down search_index's primary
// key, or the GIN index's matches sorted by id, whichever the planner finds cheaper); only
// the newest $9 of them are ranked by cover density, and headlines are made for the page of
// hits only. The last column is the number of candidates: $9 + 1 means "more than $9".
// $2..$6 are NULL for no filter.
#define ASSENT_PG_SEARCH_FILTERS                                                           \
  "    AND ($2::text IS NULL OR d.body = $2::text)\n"                                        \
  "    AND ($3::int IS NULL OR (d.decision_date >= make_date($3::int, 1, 1)\n"               \
  "                             AND d.decision_date < make_date($3::int + 1, 1, 1)))\n"      \
  "    AND ($4::text IS NULL OR d.decision_maker_role = $4::text)\n"                         \
  "    AND ($5::text[] IS NULL OR d.status = ANY($5::text[]))\n"                             \
  "    AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM decision_fields f\n"                   \
  "         WHERE f.decision_id = d.id AND f.key = 'classification'\n"                       \
  "           AND lower(f.value) = lower($6::text)))\n"
constexpr const char* kSearch =
    "WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),\n"
    "candidates AS MATERIALIZED (\n"
    "  SELECT s.decision_id AS id\n"
    "  FROM search_index s JOIN decisions d ON d.id = s.decision_id, q\n"
    "  WHERE s.document @@ q.q\n" ASSENT_PG_SEARCH_FILTERS
    "  ORDER BY s.decision_id DESC\n"
    "  LIMIT $9::int + 1),\n"
    "hits AS (\n"
    "  SELECT d.id, d.body, d.reference, d.title, d.decision_maker_role, d.decision_date,\n"
    "         d.status, d.outcome, ts_rank_cd(s.document, q.q) AS rank, s.text\n"
    "  FROM (SELECT id FROM candidates ORDER BY id DESC LIMIT $9::int) c\n"
    "  JOIN search_index s ON s.decision_id = c.id JOIN decisions d ON d.id = c.id, q\n"
    "  ORDER BY rank DESC, d.id DESC\n"
    "  LIMIT $7 OFFSET $8)\n"
    "SELECT hits.id, hits.body, hits.reference, hits.title, hits.decision_maker_role,\n"
    "       hits.decision_date, hits.status, hits.outcome, hits.rank,\n"
    "       ts_headline('english', hits.title || E'\\n' || hits.text, q.q,\n"
    "                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) ||\n"
    "                   ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"'),\n"
    "       (SELECT count(*) FROM candidates)\n"
    "FROM hits, q\n"
    "ORDER BY hits.rank DESC, hits.id DESC";
constexpr const char* kSearchCount =
    "SELECT count(*) FROM (\n"
    "  SELECT 1 FROM search_index s JOIN decisions d ON d.id = s.decision_id\n"
    "  WHERE s.document @@ websearch_to_tsquery('english', $1)\n" ASSENT_PG_SEARCH_FILTERS
    "  ORDER BY s.decision_id DESC\n"
    "  LIMIT $7::int + 1) c";
#undef ASSENT_PG_SEARCH_FILTERS

constexpr int kFirstVersionWithSearch = 2;

constexpr const char* kBumpChanges = "UPDATE assent_changes SET token = token + 1";
constexpr const char* kSelectChanges = "SELECT token FROM assent_changes";

// --- staff accounts and sessions ---
constexpr const char* kSelectUsers = R"sql(
SELECT id, version, username, display_name, email, password_hash, failed_sign_ins,
       locked_until, disabled, must_change_password
FROM users ORDER BY username COLLATE "C")sql";
constexpr const char* kSelectUserByName = R"sql(
SELECT id, version, username, display_name, email, password_hash, failed_sign_ins,
       locked_until, disabled, must_change_password
FROM users WHERE username = $1)sql";
constexpr const char* kSelectUserById = R"sql(
SELECT id, version, username, display_name, email, password_hash, failed_sign_ins,
       locked_until, disabled, must_change_password
FROM users WHERE id = $1)sql";
constexpr const char* kSelectUserRoles =
    "SELECT body, role FROM user_roles WHERE user_id = $1 ORDER BY position";
constexpr const char* kSelectAllUserRoles =
    "SELECT user_id, body, role FROM user_roles ORDER BY user_id, position";
constexpr const char* kUsernameTaken = "SELECT id FROM users WHERE username = $1 AND id <> $2";
constexpr const char* kUserExists = "SELECT 1 FROM users WHERE id = $1";
constexpr const char* kInsertUser = R"sql(
INSERT INTO users (version, username, display_name, email, password_hash, failed_sign_ins,
                   locked_until, disabled, must_change_password)
VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id)sql";
constexpr const char* kCopyUser = R"sql(
INSERT INTO users (username, display_name, email, password_hash, failed_sign_ins,
                   locked_until, disabled, must_change_password, id, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10))sql";
constexpr const char* kResyncUserIds = R"sql(
SELECT setval(pg_get_serial_sequence('users', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM users)sql";
constexpr const char* kUpdateUser = R"sql(
UPDATE users SET version = version + 1, username = $1, display_name = $2, email = $3,
  password_hash = $4, failed_sign_ins = $5, locked_until = $6, disabled = $7,
  must_change_password = $8
WHERE id = $9 AND version = $10)sql";
constexpr const char* kDeleteUserRoles = "DELETE FROM user_roles WHERE user_id = $1";
constexpr const char* kInsertUserRoles = R"sql(
INSERT INTO user_roles (user_id, position, body, role)
SELECT $1, n - 1, b, r FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(b, r, n))sql";

constexpr const char* kPutSession = R"sql(
INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id,
  csrf_token = excluded.csrf_token, created_at = excluded.created_at,
  expires_at = excluded.expires_at)sql";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr const char* kDeleteSessionsOfUser = "DELETE FROM sessions WHERE user_id = $1";
constexpr const char* kSelectSession = R"sql(
SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions
WHERE token_hash = $1)sql";

// --- blobs and mail ---
// Bytes travel as hex text (parameters and results are text; bytes may hold NUL).
constexpr const char* kPutBlob = R"sql(
INSERT INTO blobs (sha256, bytes) VALUES ($1, decode($2, 'hex'))
ON CONFLICT (sha256) DO NOTHING)sql";
constexpr const char* kSelectBlob = "SELECT encode(bytes, 'hex') FROM blobs WHERE sha256 = $1";
constexpr const char* kSelectBlobHashes =
    "SELECT sha256 FROM blobs ORDER BY sha256 COLLATE \"C\"";

constexpr const char* kQueueMail = R"sql(
INSERT INTO mail_outbox (to_address, subject, body, created_at, attempts, last_error)
VALUES ($1, $2, $3, $4, $5, $6))sql";
constexpr const char* kPendingMail = R"sql(
SELECT id, to_address, subject, body, created_at, attempts, last_error FROM mail_outbox
WHERE attempts < $1 ORDER BY id LIMIT $2)sql";
constexpr const char* kDeleteMail = "DELETE FROM mail_outbox WHERE id = $1";
constexpr const char* kFailMail =
    "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1";

// --- the audit log ---
// Appenders queue here, after their other writes, so each reads the tail the one before
// it committed (the lock is released at commit). Keyed by schema, like the migration lock.
constexpr const char* kAuditLock =
    "SELECT pg_advisory_xact_lock(hashtext('assent-audit:' || current_schema()))";
constexpr const char* kAuditTail = "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsertEvent = R"sql(
INSERT INTO audit_events (seq, at, actor_id, actor, action, detail, decision_id, decision_hash,
                          prev_hash, hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10))sql";
constexpr const char* kListEvents = R"sql(
SELECT seq, at, actor_id, actor, action, detail, decision_id, decision_hash, prev_hash, hash
FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2)sql";
constexpr const char* kDecisionHistory = R"sql(
SELECT seq, at, actor_id, actor, action, detail, decision_id, decision_hash, prev_hash, hash
FROM audit_events WHERE decision_id = $1 ORDER BY seq)sql";

// --- helpers -----------------------------------------------------------------------

#define ASSENT_TRY(expr)                          \
  do {                                            \
    if (auto r_ = (expr); !r_) return r_.error(); \
  } while (false)

std::optional<std::string> StatusArray(const std::vector<decisions::Status>& statuses) {
  if (statuses.empty()) return std::nullopt;
  ArrayLiteral a;
  for (auto s : statuses) a.Add(std::string(decisions::StatusName(s)));
  return a.str();
}

std::optional<std::string> IsoOrNull(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToIso();
}

// One row of a result, in the shape storage/row_mapping.hpp reads.
struct Row {
  const Rows& rows;
  int i;
  std::int64_t Int(int c) const { return rows.Int(i, c); }
  std::string Text(int c) const { return rows.Text(i, c); }
  std::optional<std::string> OptText(int c) const { return rows.OptText(i, c); }
  std::optional<bool> OptBool(int c) const { return rows.OptBool(i, c); }
  std::optional<Date> OptDate(int c) const { return rows.OptDate(i, c); }
  std::optional<std::int64_t> OptInt(int c) const { return rows.OptInt(i, c); }
};


// The decision's own columns as $1..$27, in the order of kInsertDecision.
Params DecisionParams(const Decision& d) {
  Params p;
  ForEachDecisionColumn(d, [&](const auto& value) { p.Add(value); });
  return p;
}


// A user's columns as $1..$8, in the order of kInsertUser.
Params UserParams(const accounts::User& u) {
  Params p;
  ForEachUserColumn(u, [&](const auto& value) { p.Add(value); });
  return p;
}

// An event's columns as $1..$10, in the order of kInsertEvent.
Params EventParams(const audit::Event& e) {
  Params p;
  ForEachEventColumn(e, [&](const auto& value) { p.Add(value); });
  return p;
}

std::string HexEncode(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

std::string HexDecode(std::string_view hex) {
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(HexDigit(hex[i]) * 16 + HexDigit(hex[i + 1])));
  }
  return out;
}

Error StaleDecision(const Decision& d) {
  return Fail(ErrorCode::kConflict,
              fmt::format("decision {} was changed by someone else since it was read; "
                          "reload it and try again",
                          d.reference.empty() ? std::to_string(d.id) : d.reference));
}

Error StaleUser(const accounts::User& u) {
  return Fail(ErrorCode::kConflict,
              fmt::format("user '{}' was changed by someone else since it was read; reload it "
                          "and try again",
                          u.username));
}

Error UsernameTaken(const accounts::User& u) {
  return Fail(ErrorCode::kConflict, fmt::format("username '{}' is taken", u.username),
              "field username");
}

// The query text and its filters as $1..$6.
Params SearchParams(const SearchQuery& q) {
  Params p;
  p.Add(q.text);
  if (q.body) {
    p.Add(*q.body);
  } else {
    p.AddNull();
  }
  if (q.year) {
    p.Add(*q.year);
  } else {
    p.AddNull();
  }
  p.Add(q.decision_maker);
  p.Add(StatusArray(q.statuses));
  p.Add(q.classification);
  return p;
}

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::vector<std::unique_ptr<Connection>> connections) {
    for (auto& c : connections) {
      free_.push_back(c.get());
      all_.push_back(std::move(c));
    }
  }

  int SchemaVersion() override { return kSchemaVersion; }

  Result<std::vector<Body>> ListBodies() override {
    Lease db(*this);
    auto rows = db->Query(kSelectBodies);
    if (!rows) return rows.error();
    std::vector<Body> out;
    for (int i = 0; i < rows->size(); ++i) out.push_back(BodyFromRow(Row{*rows, i}));
    return out;
  }

  Result<std::vector<BodyCount>> CountDecisionsByBody(
      const std::vector<decisions::Status>& statuses) override {
    auto bodies = ListBodies();
    if (!bodies) return bodies.error();
    Lease db(*this);
    auto rows = db->Query(kCountByBody, Params().Add(StatusArray(statuses)));
    if (!rows) return rows.error();
    std::vector<BodyCount> out;
    for (auto& b : *bodies) {
      int n = 0;
      for (int i = 0; i < rows->size(); ++i) {
        if (rows->Text(i, 0) == b.slug) n = static_cast<int>(rows->Int(i, 1));
      }
      out.push_back({std::move(b), n});
    }
    return out;
  }

  Result<Body> FindBody(std::string_view slug) override {
    Lease db(*this);
    auto rows = db->Query(kSelectBody, Params().Add(slug));
    if (!rows) return rows.error();
    if (rows->empty()) return Fail(ErrorCode::kNotFound, fmt::format("no body '{}'", slug));
    return BodyFromRow(Row{*rows, 0});
  }

  Result<Decision> FindDecision(std::string_view body, std::string_view reference_slug) override {
    Lease db(*this);
    auto rows = db->Query(kSelectDecisionBySlug, Params().Add(body).Add(reference_slug));
    if (!rows) return rows.error();
    if (rows->empty()) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("no decision '{}' in '{}'", reference_slug, body));
    }
    return ReadDecision(*db, rows->Int(0, 0));
  }

  Result<Decision> FindDecisionById(std::int64_t id) override {
    Lease db(*this);
    return ReadDecision(*db, id);
  }

  Result<std::optional<std::int64_t>> FindDecisionBySourceHash(std::string_view hash) override {
    Lease db(*this);
    auto rows = db->Query(kSelectBySourceHash, Params().Add(hash));
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(rows->Int(0, 0));
  }

  Result<std::vector<DecisionSummary>> ListDecisions(const RegisterQuery& q) override {
    Lease db(*this);
    std::vector<DecisionSummary> out;
    // $1..$4 as kListDecisions takes them, with the limit as given.
    const auto params = [&](int limit) {
      Params p;
      p.Add(q.body);
      if (q.year) {
        p.Add(*q.year);
      } else {
        p.AddNull();
      }
      p.Add(StatusArray(q.statuses)).Add(limit);
      return p;
    };
    const int public_only = q.public_only ? 1 : 0;
    const auto run = [&](const char* sql, const Params& p) -> Result<void> {
      auto rows = db->Query(sql, p);
      if (!rows) return rows.error();
      for (int i = 0; i < rows->size(); ++i) {
        out.push_back(SummaryFromRow(Row{*rows, i}));
        out.back().public_state = rows->Text(i, 8);
      }
      return Ok();
    };
    if (!q.after) {
      ASSENT_TRY(run(kListDecisions, params(q.limit).Add(q.offset).Add(public_only)));
      return out;
    }
    const KeysetSteps steps = PlanKeyset(q);
    if (steps.dated_after) {
      const RegisterCursor& c = *steps.dated_after;
      ASSENT_TRY(run(kListDatedAfter, params(q.limit).Add(public_only).Add(c.decision_date->ToIso())
                                          .Add(c.reference).Add(c.id)));
    }
    const int left = q.limit - static_cast<int>(out.size());
    if (steps.undated && left > 0) {
      Params p = params(left).Add(public_only);
      if (steps.undated_after) {
        p.Add(steps.undated_after->reference).Add(steps.undated_after->id);
      } else {
        p.AddNull().AddNull();
      }
      ASSENT_TRY(run(kListUndatedAfter, p));
    }
    return out;
  }

  Result<std::vector<int>> DecisionYears(std::string_view body,
                                         const std::vector<decisions::Status>& statuses) override {
    Lease db(*this);
    auto rows = db->Query(kDecisionYears, Params().Add(body).Add(StatusArray(statuses)));
    if (!rows) return rows.error();
    std::vector<int> years;
    for (int i = 0; i < rows->size(); ++i) years.push_back(static_cast<int>(rows->Int(i, 0)));
    return years;
  }

  Result<ApplyResult> Apply(const ChangeSet& changes) override {
    ASSENT_TRY(PrecheckChanges(changes));
    Lease lease(*this);
    Connection& db = *lease;
    auto tx = Transaction::Begin(db);
    if (!tx) return tx.error();
    ApplyResult result;
    for (const auto& b : changes.put_bodies) {
      ASSENT_TRY(db.Query(kUpsertBody, Params().Add(b.slug).Add(b.name).Add(b.short_name)
                                           .Add(b.reference_pattern)
                                           .Add(b.publication_working_days).Add(b.calendar)
                                           .Add(b.form).Add(b.website)));
    }
    for (const auto& d : changes.insert_decisions) {
      ASSENT_TRY(CheckBodyAndReference(db, d, 0));
      auto rows = db.Query(kInsertDecision, DecisionParams(d));
      if (!rows) return DuplicateReference(rows.error(), d);
      std::int64_t id = rows->Int(0, 0);
      ASSENT_TRY(WriteChildren(db, id, d));
      ASSENT_TRY(IndexForSearch(db, id, d));
      result.inserted_ids.push_back(id);
    }
    for (const auto& d : changes.copy_decisions) {
      ASSENT_TRY(CheckBodyAndReference(db, d, d.id));
      auto rows = db.Query(kCopyDecision, DecisionParams(d).Add(d.id).Add(d.version));
      if (!rows) return DuplicateReference(rows.error(), d);
      ASSENT_TRY(WriteChildren(db, d.id, d));
      ASSENT_TRY(IndexForSearch(db, d.id, d));
    }
    if (!changes.copy_decisions.empty()) ASSENT_TRY(db.Query(kResyncIds));
    for (const auto& c : changes.copy_reference_counters) {
      ASSENT_TRY(db.Query(kPutReferenceCounter, Params().Add(c.body).Add(c.year).Add(c.last)));
    }
    for (const auto& d : changes.update_decisions) {
      ASSENT_TRY(CheckBodyAndReference(db, d, d.id));
      auto rows = db.Query(kUpdateDecision, DecisionParams(d).Add(d.id).Add(d.version));
      if (!rows) return DuplicateReference(rows.error(), d);
      if (rows->affected() != 1) return StaleDecision(d);
      ASSENT_TRY(db.Query(kDeleteChildren, Params().Add(d.id)));
      ASSENT_TRY(WriteChildren(db, d.id, d));
      ASSENT_TRY(IndexForSearch(db, d.id, d));
      result.new_versions.push_back(d.version + 1);
    }
    ASSENT_TRY(InsertPublishedVersions(db, changes.insert_published_versions));
    ASSENT_TRY(WriteUsers(db, changes, result));
    ASSENT_TRY(WriteSessions(db, changes));
    for (const auto& b : changes.put_blobs) {
      ASSENT_TRY(db.Query(kPutBlob, Params().Add(b.sha256).Add(HexEncode(b.bytes))));
    }
    ASSENT_TRY(WriteImportReviews(db, changes, result));
    for (const auto& m : changes.queue_mail) {
      ASSENT_TRY(db.Query(kQueueMail, Params().Add(m.to).Add(m.subject).Add(m.body)
                                          .Add(m.created_at).Add(m.attempts)
                                          .Add(m.last_error)));
    }
    for (const auto& e : changes.copy_audit_events) {
      ASSENT_TRY(db.Query(kInsertEvent, EventParams(e)));
    }
    ASSENT_TRY(WriteStrategyRows(db, changes, result));
    ASSENT_TRY(WriteForwardPlanItems(db, changes, result));
    // The counter row before the audit lock, in every transaction: one lock order, so
    // appenders never deadlock on each other.
    if (ChangesPublicPages(changes)) ASSENT_TRY(db.Query(kBumpChanges));
    // After the counter row: calendar imports (which always move it) take seq = last + 1
    // one transaction at a time.
    ASSENT_TRY(WriteCalendarImports(db, changes));
    ASSENT_TRY(AppendAudit(db, changes, result));
    if (auto r = tx->Commit(); !r) {
      // A concurrent writer took the same reference between our check and commit.
      return r.error().code == ErrorCode::kConflict
                 ? Fail(ErrorCode::kConflict,
                        "another change was committed at the same time; reload and try again")
                 : r.error();
    }
    return result;
  }

  Result<int> ReserveReferenceNumber(std::string_view body, int year, int at_least) override {
    Lease db(*this);
    auto exists = db->Query(kBodyExists, Params().Add(body));
    if (!exists) return exists.error();
    if (exists->empty()) {
      return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", body));
    }
    // One statement, so one atomic step: the row lock orders concurrent servers.
    auto tx = Transaction::Begin(*db);
    if (!tx) return tx.error();
    auto rows = db->Query(kReserveReference, Params().Add(body).Add(year).Add(at_least));
    if (!rows) return rows.error();
    int number = static_cast<int>(rows->Int(0, 0));
    ASSENT_TRY(db->Query(kBumpChanges));
    ASSENT_TRY(tx->Commit());
    return number;
  }

  Result<std::vector<ReferenceCounter>> ListReferenceCounters() override {
    Lease db(*this);
    auto rows = db->Query(kSelectReferenceCounters);
    if (!rows) return rows.error();
    std::vector<ReferenceCounter> out;
    for (int i = 0; i < rows->size(); ++i) {
      out.push_back({rows->Text(i, 0), static_cast<int>(rows->Int(i, 1)),
                     static_cast<int>(rows->Int(i, 2))});
    }
    return out;
  }

  Result<SearchResult> Search(const SearchQuery& q) override {
    SearchResult result;
    if (q.text.find_first_not_of(" \t\r\n") == std::string::npos) return result;
    Lease db(*this);
    auto rows = db->Query(kSearch, SearchParams(q).Add(q.limit).Add(q.offset).Add(kSearchCandidates));
    if (!rows) return rows.error();
    int candidates = -1;
    for (int i = 0; i < rows->size(); ++i) {
      SearchHit hit;
      hit.decision = SummaryFromRow(Row{*rows, i});
      hit.rank = rows->Double(i, 8);
      hit.snippet = SplitSnippet(rows->Text(i, 9));
      candidates = static_cast<int>(rows->Int(i, 10));
      result.hits.push_back(std::move(hit));
    }
    if (candidates < 0) {  // no hit on this page: count on its own
      auto count = db->Query(kSearchCount, SearchParams(q).Add(kSearchCandidates));
      if (!count) return count.error();
      candidates = static_cast<int>(count->Int(0, 0));
    }
    result.capped = candidates > kSearchCandidates;
    result.total = std::min(candidates, kSearchCandidates);
    return result;
  }

  // Builds the search index for every decision (after the migration that created it).
  Result<void> Reindex() {
    Lease db(*this);
    auto ids = db->Query(kAllDecisionIds);
    if (!ids) return ids.error();
    auto tx = Transaction::Begin(*db);
    if (!tx) return tx.error();
    for (int i = 0; i < ids->size(); ++i) {
      auto d = ReadDecision(*db, ids->Int(i, 0));
      if (!d) return d.error();
      ASSENT_TRY(IndexForSearch(*db, d->id, *d));
    }
    return tx->Commit();
  }

  Result<std::vector<strategy::RecordedProgress>> ListStrategyProgress(
      std::string_view body, std::string_view strategy) override {
    Lease db(*this);
    return ReadStrategyProgress(*db, body, strategy);
  }

  Result<std::vector<strategy::VersionProposal>> ListStrategyProposals(
      std::string_view body, std::string_view strategy) override {
    Lease db(*this);
    return ReadStrategyProposals(*db, body, strategy);
  }

  Result<std::uint64_t> ChangeToken() override {
    Lease db(*this);
    auto rows = db->Query(kSelectChanges);
    if (!rows) return rows.error();
    return static_cast<std::uint64_t>(rows->Int(0, 0));
  }

  // --- schema v3 reads ---

  Result<std::vector<accounts::User>> ListUsers() override {
    Lease db(*this);
    auto rows = db->Query(kSelectUsers);
    if (!rows) return rows.error();
    auto roles = db->Query(kSelectAllUserRoles);
    if (!roles) return roles.error();
    std::map<std::int64_t, std::vector<accounts::RoleGrant>> by_user;
    for (int i = 0; i < roles->size(); ++i) {
      by_user[roles->Int(i, 0)].push_back({roles->Text(i, 1), roles->Text(i, 2)});
    }
    std::vector<accounts::User> out;
    for (int i = 0; i < rows->size(); ++i) {
      auto u = UserFromRow(Row{*rows, i});
      if (auto it = by_user.find(u.id); it != by_user.end()) u.roles = std::move(it->second);
      out.push_back(std::move(u));
    }
    return out;
  }

  Result<accounts::User> FindUser(std::string_view username) override {
    Lease db(*this);
    return ReadUser(*db, kSelectUserByName, Params().Add(username),
                    fmt::format("no user '{}'", username));
  }

  Result<accounts::User> FindUserById(std::int64_t id) override {
    Lease db(*this);
    return ReadUser(*db, kSelectUserById, Params().Add(id), fmt::format("no user with id {}", id));
  }

  Result<accounts::Session> FindSession(std::string_view token_hash) override {
    Lease db(*this);
    auto rows = db->Query(kSelectSession, Params().Add(token_hash));
    if (!rows) return rows.error();
    if (rows->empty()) return Fail(ErrorCode::kNotFound, "no such session");
    return SessionFromRow(Row{*rows, 0});
  }

  Result<std::string> FindBlob(std::string_view sha256) override {
    Lease db(*this);
    auto rows = db->Query(kSelectBlob, Params().Add(sha256));
    if (!rows) return rows.error();
    if (rows->empty()) return Fail(ErrorCode::kNotFound, fmt::format("no blob {}", sha256));
    return HexDecode(rows->Text(0, 0));
  }

  Result<std::vector<publication::ForwardPlanItem>> ListForwardPlan(std::string_view body) override {
    Lease db(*this);
    return postgres::ReadForwardPlan(*db, body);
  }

  Result<publication::ForwardPlanItem> FindForwardPlanItem(std::int64_t id) override {
    Lease db(*this);
    return postgres::ReadForwardPlanItem(*db, id);
  }

  Result<std::vector<ImportReview>> ListImportReviews(const ImportReviewQuery& query) override {
    Lease db(*this);
    return postgres::ListImportReviews(*db, query);
  }

  Result<ImportReview> FindImportReview(std::int64_t id) override {
    Lease db(*this);
    return postgres::FindImportReview(*db, id);
  }

  Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(std::string_view hash) override {
    Lease db(*this);
    return postgres::FindImportReviewBySourceHash(*db, hash);
  }

  Result<std::vector<std::string>> ListBlobHashes() override {
    Lease db(*this);
    auto rows = db->Query(kSelectBlobHashes);
    if (!rows) return rows.error();
    std::vector<std::string> out;
    for (int i = 0; i < rows->size(); ++i) out.push_back(rows->Text(i, 0));
    return out;
  }

  Result<std::vector<audit::Event>> ListAuditEvents(std::int64_t after_seq, int limit) override {
    Lease db(*this);
    auto rows = db->Query(kListEvents, Params().Add(after_seq).Add(limit));
    if (!rows) return rows.error();
    return EventsFrom(*rows);
  }

  Result<std::vector<audit::Event>> DecisionHistory(std::int64_t decision_id) override {
    Lease db(*this);
    auto rows = db->Query(kDecisionHistory, Params().Add(decision_id));
    if (!rows) return rows.error();
    return EventsFrom(*rows);
  }

  Result<std::vector<CalendarImport>> ListCalendarImports() override {
    Lease db(*this);
    return ReadCalendarImports(*db);
  }

  Result<std::vector<PublishedVersion>> ListPublishedVersions(std::int64_t decision_id) override {
    Lease db(*this);
    return ReadPublishedVersions(*db, decision_id);
  }

  Result<std::vector<BodyCount>> CountPublicDecisionsByBody() override {
    auto bodies = ListBodies();
    if (!bodies) return bodies.error();
    Lease db(*this);
    auto counts = CountPublicByBody(*db);
    if (!counts) return counts.error();
    std::vector<BodyCount> out;
    for (auto& b : *bodies) {
      auto it = counts->find(b.slug);
      out.push_back({std::move(b), it == counts->end() ? 0 : it->second});
    }
    return out;
  }

  Result<std::vector<int>> PublicDecisionYears(std::string_view body) override {
    Lease db(*this);
    return PublicYears(*db, body);
  }

  Result<std::vector<Mail>> PendingMail(int limit, int max_attempts) override {
    Lease db(*this);
    auto rows = db->Query(kPendingMail, Params().Add(max_attempts).Add(limit));
    if (!rows) return rows.error();
    std::vector<Mail> out;
    for (int i = 0; i < rows->size(); ++i) out.push_back(MailFromRow(Row{*rows, i}));
    return out;
  }

  Result<void> RecordMailAttempt(std::int64_t id, std::string_view error) override {
    Lease db(*this);
    if (error.empty()) {
      ASSENT_TRY(db->Query(kDeleteMail, Params().Add(id)));
    } else {
      ASSENT_TRY(db->Query(kFailMail, Params().Add(id).Add(error)));
    }
    return Ok();
  }

 private:
  // Borrows a connection for the scope; waits when all are busy. A broken connection is
  // re-established on the way out of the pool.
  class Lease {
   public:
    explicit Lease(PostgresStore& s) : s_(s) {
      std::unique_lock lock(s_.mu_);
      s_.cv_.wait(lock, [&] { return !s_.free_.empty(); });
      conn_ = s_.free_.back();
      s_.free_.pop_back();
      lock.unlock();
      conn_->EnsureHealthy();
    }
    ~Lease() {
      {
        std::lock_guard lock(s_.mu_);
        s_.free_.push_back(conn_);
      }
      s_.cv_.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection* operator->() { return conn_; }
    Connection& operator*() { return *conn_; }

   private:
    PostgresStore& s_;
    Connection* conn_;
  };

  static std::vector<audit::Event> EventsFrom(const Rows& rows) {
    std::vector<audit::Event> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(EventFromRow(Row{rows, i}));
    return out;
  }

  static Result<accounts::User> ReadUser(Connection& db, const char* sql, const Params& key,
                                         std::string not_found) {
    auto rows = db.Query(sql, key);
    if (!rows) return rows.error();
    if (rows->empty()) return Fail(ErrorCode::kNotFound, std::move(not_found));
    auto u = UserFromRow(Row{*rows, 0});
    auto roles = db.Query(kSelectUserRoles, Params().Add(u.id));
    if (!roles) return roles.error();
    for (int i = 0; i < roles->size(); ++i) u.roles.push_back({roles->Text(i, 0), roles->Text(i, 1)});
    return u;
  }

  static Result<void> CheckUsernameFree(Connection& db, const accounts::User& u, std::int64_t id) {
    auto rows = db.Query(kUsernameTaken, Params().Add(u.username).Add(id));
    if (!rows) return rows.error();
    if (!rows->empty()) return UsernameTaken(u);
    return Ok();
  }

  static Result<void> WriteRoles(Connection& db, std::int64_t user_id, const accounts::User& u) {
    ASSENT_TRY(db.Query(kDeleteUserRoles, Params().Add(user_id)));
    if (u.roles.empty()) return Ok();
    ArrayLiteral body, role;
    for (const auto& g : u.roles) {
      body.Add(g.body);
      role.Add(g.role);
    }
    ASSENT_TRY(db.Query(kInsertUserRoles, Params().Add(user_id).Add(body.str()).Add(role.str())));
    return Ok();
  }

  static Result<void> WriteUsers(Connection& db, const ChangeSet& changes, ApplyResult& result) {
    for (const auto& u : changes.copy_users) {
      ASSENT_TRY(CheckUsernameFree(db, u, u.id));
      ASSENT_TRY(db.Query(kCopyUser, UserParams(u).Add(u.id).Add(u.version)));
      ASSENT_TRY(WriteRoles(db, u.id, u));
    }
    if (!changes.copy_users.empty()) ASSENT_TRY(db.Query(kResyncUserIds));
    for (const auto& u : changes.insert_users) {
      ASSENT_TRY(CheckUsernameFree(db, u, 0));
      // The unique index is the last word when two servers add the same username at once.
      auto rows = db.Query(kInsertUser, UserParams(u));
      if (!rows) return rows.error().code == ErrorCode::kConflict ? UsernameTaken(u) : rows.error();
      std::int64_t id = rows->Int(0, 0);
      ASSENT_TRY(WriteRoles(db, id, u));
      result.inserted_user_ids.push_back(id);
    }
    for (const auto& u : changes.update_users) {
      ASSENT_TRY(CheckUsernameFree(db, u, u.id));
      auto rows = db.Query(kUpdateUser, UserParams(u).Add(u.id).Add(u.version));
      if (!rows) return rows.error().code == ErrorCode::kConflict ? UsernameTaken(u) : rows.error();
      if (rows->affected() != 1) return StaleUser(u);
      ASSENT_TRY(WriteRoles(db, u.id, u));
    }
    return Ok();
  }

  // Deletions first, so a batch can end every session of an account and start a new one.
  static Result<void> WriteSessions(Connection& db, const ChangeSet& changes) {
    for (const auto& token_hash : changes.delete_sessions) {
      ASSENT_TRY(db.Query(kDeleteSession, Params().Add(token_hash)));
    }
    for (auto user_id : changes.delete_sessions_of_users) {
      ASSENT_TRY(db.Query(kDeleteSessionsOfUser, Params().Add(user_id)));
    }
    for (const auto& s : changes.put_sessions) {
      auto user = db.Query(kUserExists, Params().Add(s.user_id));
      if (!user) return user.error();
      if (user->empty()) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("no user with id {}", s.user_id));
      }
      ASSENT_TRY(db.Query(kPutSession, Params().Add(s.token_hash).Add(s.user_id)
                                           .Add(s.csrf_token).Add(s.created_at)
                                           .Add(s.expires_at)));
    }
    return Ok();
  }

  // After every other write: under the audit lock, each event chained to the tail.
  static Result<void> AppendAudit(Connection& db, const ChangeSet& changes,
                                  const ApplyResult& result) {
    if (changes.audit.empty()) return Ok();
    auto targets = ResolveEventTargets(changes, result);
    ASSENT_TRY(db.Query(kAuditLock));
    auto tail = db.Query(kAuditTail);
    if (!tail) return tail.error();
    std::int64_t seq = tail->empty() ? 0 : tail->Int(0, 0);
    std::string hash = tail->empty() ? audit::kGenesisHash : tail->Text(0, 1);
    for (std::size_t i = 0; i < changes.audit.size(); ++i) {
      auto e = audit::Chain(changes.audit[i], targets[i].decision_id,
                            std::move(targets[i].decision_hash), seq, hash);
      ASSENT_TRY(db.Query(kInsertEvent, EventParams(e)));
      seq = e.seq;
      hash = std::move(e.hash);
    }
    return Ok();
  }

  // The unique index is the last word when two servers insert the same reference at once.
  static Error DuplicateReference(const Error& e, const Decision& d) {
    if (e.code != ErrorCode::kConflict) return e;
    return Fail(ErrorCode::kConflict,
                fmt::format("{} already has a decision with reference {}", d.body, d.reference),
                "field reference");
  }

  static Result<void> CheckBodyAndReference(Connection& db, const Decision& d,
                                            std::int64_t self_id) {
    auto body = db.Query(kBodyExists, Params().Add(d.body));
    if (!body) return body.error();
    if (body->empty()) {
      return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", d.body),
                  "field body");
    }
    std::string slug = decisions::ReferenceSlug(d.reference);
    if (slug.empty()) return Ok();
    auto taken = db.Query(kReferenceTaken, Params().Add(d.body).Add(slug).Add(self_id));
    if (!taken) return taken.error();
    if (!taken->empty()) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("{} already has a decision with reference {}", d.body, d.reference),
                  "field reference");
    }
    return Ok();
  }

  // The index row follows the decision: public text while it is on the register, nothing otherwise.
  static Result<void> IndexForSearch(Connection& db, std::int64_t id, const Decision& d) {
    ASSENT_TRY(db.Query(kDeleteSearch, Params().Add(id)));
    auto doc = publication::MakeSearchDocument(d);
    if (!doc) return Ok();
    ASSENT_TRY(db.Query(kInsertSearch, Params().Add(id).Add(doc->title).Add(doc->text)));
    return Ok();
  }

  static Result<void> WriteChildren(Connection& db, std::int64_t id, const Decision& d) {
    if (!d.sections.empty()) {
      ArrayLiteral key, heading, part, text;
      for (const auto& s : d.sections) {
        key.Add(s.key);
        heading.Add(s.heading);
        part.Add(static_cast<long long>(s.part));
        text.Add(s.text);
      }
      ASSENT_TRY(db.Query(kInsertSections, Params().Add(id).Add(key.str()).Add(heading.str())
                                               .Add(part.str()).Add(text.str())));
    }
    if (!d.fields.empty()) {
      ArrayLiteral key, value;
      for (const auto& f : d.fields) {
        key.Add(f.key);
        value.Add(f.value);
      }
      ASSENT_TRY(db.Query(kInsertFields, Params().Add(id).Add(key.str()).Add(value.str())));
    }
    if (!d.boards.empty()) {
      ArrayLiteral name, date;
      for (const auto& b : d.boards) {
        name.Add(b.name);
        date.Add(IsoOrNull(b.date));
      }
      ASSENT_TRY(db.Query(kInsertBoards, Params().Add(id).Add(name.str()).Add(date.str())));
    }
    if (!d.background_papers.empty()) {
      ArrayLiteral title, part;
      for (const auto& p : d.background_papers) {
        title.Add(p.title);
        part.Add(static_cast<long long>(p.part));
      }
      ASSENT_TRY(db.Query(kInsertPapers, Params().Add(id).Add(title.str()).Add(part.str())));
    }
    if (!d.persons_consulted.empty()) {
      ArrayLiteral name;
      for (const auto& c : d.persons_consulted) name.Add(c);
      ASSENT_TRY(db.Query(kInsertConsultees, Params().Add(id).Add(name.str())));
    }
    if (!d.signoffs.empty()) {
      std::vector<ArrayLiteral> columns(14);  // kInsertSignoffs' $2..$15
      for (const auto& s : d.signoffs) {
        std::size_t c = 0;
        ForEachSignOffColumn(s, [&](const auto& value) {
          if constexpr (std::is_integral_v<std::decay_t<decltype(value)>>) {
            columns[c++].Add(static_cast<long long>(value));
          } else {
            columns[c++].Add(value);
          }
        });
      }
      Params p;
      p.Add(id);
      for (const auto& col : columns) p.Add(col.str());
      ASSENT_TRY(db.Query(kInsertSignoffs, p));
    }
    if (!d.attachments.empty()) {
      ArrayLiteral name, media_type, part, sha256, size;
      for (const auto& a : d.attachments) {
        name.Add(a.name);
        media_type.Add(a.media_type);
        part.Add(static_cast<long long>(a.part));
        sha256.Add(a.sha256);
        size.Add(static_cast<long long>(a.size));
      }
      ASSENT_TRY(db.Query(kInsertAttachments, Params().Add(id).Add(name.str())
                                                  .Add(media_type.str()).Add(part.str())
                                                  .Add(sha256.str()).Add(size.str())));
    }
    return WritePublication(db, id, d);
  }

  static Result<Decision> ReadDecision(Connection& db, std::int64_t id) {
    Decision d;
    {
      auto r = db.Query(kSelectDecisionById, Params().Add(id));
      if (!r) return r.error();
      if (r->empty()) return Fail(ErrorCode::kNotFound, fmt::format("no decision with id {}", id));
      d = DecisionFromRow(Row{*r, 0});
    }
    const auto each = [&](const char* sql, auto&& fn) -> Result<void> {
      auto r = db.Query(sql, Params().Add(id));
      if (!r) return r.error();
      for (int i = 0; i < r->size(); ++i) fn(*r, i);
      return Ok();
    };
    ASSENT_TRY(each(kSelectSections, [&](const Rows& r, int i) {
      d.sections.push_back({r.Text(i, 0), r.Text(i, 1), PartOf(r.Int(i, 2)), r.Text(i, 3)});
    }));
    ASSENT_TRY(each(kSelectFields, [&](const Rows& r, int i) {
      d.fields.push_back({r.Text(i, 0), r.Text(i, 1)});
    }));
    ASSENT_TRY(each(kSelectBoards, [&](const Rows& r, int i) {
      d.boards.push_back({r.Text(i, 0), r.OptDate(i, 1)});
    }));
    ASSENT_TRY(each(kSelectPapers, [&](const Rows& r, int i) {
      d.background_papers.push_back({r.Text(i, 0), PartOf(r.Int(i, 1))});
    }));
    ASSENT_TRY(each(kSelectConsultees, [&](const Rows& r, int i) {
      d.persons_consulted.push_back(r.Text(i, 0));
    }));
    ASSENT_TRY(each(kSelectSignoffs, [&](const Rows& r, int i) {
      d.signoffs.push_back(SignOffFromRow(Row{r, i}));
    }));
    ASSENT_TRY(each(kSelectAttachments, [&](const Rows& r, int i) {
      d.attachments.push_back(AttachmentFromRow(Row{r, i}));
    }));
    ASSENT_TRY(ReadPublication(db, id, d));
    return d;
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(std::string_view url, int connections) {
  std::string u(url);
  std::vector<std::unique_ptr<Connection>> pool;
  int from = 0;
  for (int i = 0; i < std::max(1, connections); ++i) {
    auto c = Connection::Open(u);
    if (!c) return c.error();
    if (i == 0) {
      auto v = Migrate(**c);
      if (!v) return v.error();
      from = *v;
    }
    pool.push_back(std::move(*c));
  }
  auto store = std::make_unique<PostgresStore>(std::move(pool));
  if (from >= 1 && from < kFirstVersionWithSearch) {
    if (auto r = store->Reindex(); !r) return r.error();
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace assent::storage::postgres
