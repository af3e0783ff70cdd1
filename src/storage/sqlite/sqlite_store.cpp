#include "storage/sqlite/sqlite_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <optional>
#include <mutex>
#include <vector>

#include "publication/search_document.hpp"
#include "storage/change_support.hpp"
#include "storage/row_mapping.hpp"
#include "storage/sqlite/calendar_rows.hpp"
#include "storage/snippet.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/register_paging.hpp"
#include "storage/sqlite/fts_query.hpp"
#include "storage/sqlite/forward_plan_rows.hpp"
#include "storage/sqlite/query_sql.hpp"
#include "storage/sqlite/import_review_rows.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/strategy_rows.hpp"
#include "storage/sqlite/publication_rows.hpp"

namespace assent::storage::sqlite {
namespace {

using decisions::Body;
using decisions::Decision;

// --- SQL, all with bound parameters -------------------------------------------------

constexpr const char* kUpsertBody = R"sql(
INSERT INTO bodies (slug, name, short_name, reference_pattern, publication_working_days,
                    calendar, form, website)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (slug) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
  reference_pattern = excluded.reference_pattern,
  publication_working_days = excluded.publication_working_days,
  calendar = excluded.calendar, form = excluded.form, website = excluded.website)sql";

constexpr const char* kSelectBodies = R"sql(
SELECT slug, name, short_name, reference_pattern, publication_working_days, calendar, form,
       website
FROM bodies ORDER BY name)sql";

constexpr const char* kSelectBody = R"sql(
SELECT slug, name, short_name, reference_pattern, publication_working_days, calendar, form,
       website
FROM bodies WHERE slug = ?1)sql";

constexpr const char* kCountByBody = R"sql(
SELECT d.body, d.status, count(*) FROM decisions d GROUP BY d.body, d.status)sql";

constexpr const char* kSelectDecisionBySlug = R"sql(
SELECT id FROM decisions WHERE body = ?1 AND reference_slug = ?2 AND reference_slug <> '')sql";

constexpr const char* kSelectDecisionById = R"sql(
SELECT id, version, body, form, reference, title, status, outcome, decision_maker_role,
       decision_date, pub_deferred, pub_deferral_reason, pub_deferred_until, pub_part2_exists,
       pub_part2_reason, pub_for_publication, pub_non_publication_reason,
       pub_redaction_required, media_press_release_required, media_strategy_formulated,
       media_strategy_attached, media_press_release_date, source, source_hash, category,
       amount_pence, author_id, status_reason
FROM decisions WHERE id = ?1)sql";

constexpr const char* kSelectBySourceHash = "SELECT id FROM decisions WHERE source_hash = ?1";

constexpr const char* kSelectSections =
    "SELECT key, heading, part, text FROM decision_sections WHERE decision_id = ?1 ORDER BY position";
constexpr const char* kSelectFields =
    "SELECT key, value FROM decision_fields WHERE decision_id = ?1 ORDER BY position";
constexpr const char* kSelectBoards =
    "SELECT name, date FROM decision_boards WHERE decision_id = ?1 ORDER BY position";
constexpr const char* kSelectPapers =
    "SELECT title, part FROM decision_papers WHERE decision_id = ?1 ORDER BY position";
constexpr const char* kSelectConsultees =
    "SELECT name FROM decision_consultees WHERE decision_id = ?1 ORDER BY position";
constexpr const char* kSelectSignoffs = R"sql(
SELECT step, role, name, date, declaration, advice, note, user_id, signed_at, content_hash,
       interests, outcome, reasons, voided
FROM decision_signoffs WHERE decision_id = ?1 ORDER BY position)sql";
constexpr const char* kSelectAttachments = R"sql(
SELECT name, media_type, part, sha256, size FROM decision_attachments WHERE decision_id = ?1
ORDER BY position)sql";

constexpr const char* kDecisionYears = R"sql(
SELECT DISTINCT substr(decision_date, 1, 4) AS y FROM decisions
WHERE body = ?1 AND decision_date IS NOT NULL
  AND (?2 IS NULL OR instr(?2, ',' || status || ',') > 0)
ORDER BY y DESC)sql";

constexpr const char* kBodyExists = "SELECT 1 FROM bodies WHERE slug = ?1";
constexpr const char* kReferenceTaken = R"sql(
SELECT id FROM decisions WHERE body = ?1 AND reference_slug = ?2 AND reference_slug <> ''
  AND id <> ?3)sql";

constexpr const char* kInsertDecision = R"sql(
INSERT INTO decisions (version, body, form, reference, reference_slug, title, status, outcome,
  decision_maker_role, decision_date, pub_deferred, pub_deferral_reason, pub_deferred_until,
  pub_part2_exists, pub_part2_reason, pub_for_publication, pub_non_publication_reason,
  pub_redaction_required, media_press_release_required, media_strategy_formulated,
  media_strategy_attached, media_press_release_date, source, source_hash, category,
  amount_pence, author_id, status_reason)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27))sql";

constexpr const char* kUpdateDecision = R"sql(
UPDATE decisions SET version = version + 1, body = ?1, form = ?2, reference = ?3,
  reference_slug = ?4, title = ?5, status = ?6, outcome = ?7, decision_maker_role = ?8,
  decision_date = ?9, pub_deferred = ?10, pub_deferral_reason = ?11, pub_deferred_until = ?12,
  pub_part2_exists = ?13, pub_part2_reason = ?14, pub_for_publication = ?15,
  pub_non_publication_reason = ?16, pub_redaction_required = ?17,
  media_press_release_required = ?18, media_strategy_formulated = ?19,
  media_strategy_attached = ?20, media_press_release_date = ?21, source = ?22, source_hash = ?23,
  category = ?24, amount_pence = ?25, author_id = ?26, status_reason = ?27
WHERE id = ?28 AND version = ?29)sql";

constexpr const char* kDeleteChildren[] = {
    "DELETE FROM decision_sections WHERE decision_id = ?1",
    "DELETE FROM decision_fields WHERE decision_id = ?1",
    "DELETE FROM decision_boards WHERE decision_id = ?1",
    "DELETE FROM decision_papers WHERE decision_id = ?1",
    "DELETE FROM decision_consultees WHERE decision_id = ?1",
    "DELETE FROM decision_signoffs WHERE decision_id = ?1",
    "DELETE FROM decision_attachments WHERE decision_id = ?1",
};

constexpr const char* kInsertSection =
    "INSERT INTO decision_sections VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kInsertField = "INSERT INTO decision_fields VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertBoard = "INSERT INTO decision_boards VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertPaper = "INSERT INTO decision_papers VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertConsultee = "INSERT INTO decision_consultees VALUES (?1, ?2, ?3)";
constexpr const char* kInsertSignoff = R"sql(
INSERT INTO decision_signoffs (decision_id, position, step, role, name, date, declaration,
  advice, note, user_id, signed_at, content_hash, interests, outcome, reasons, voided)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16))sql";
constexpr const char* kInsertAttachment = R"sql(
INSERT INTO decision_attachments (decision_id, position, name, media_type, part, sha256, size)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql";

// The change token: moved only by writes that can change a public page.
constexpr const char* kBumpChanges = "UPDATE assent_changes SET token = token + 1";
constexpr const char* kSelectChanges = "SELECT token FROM assent_changes";

// --- staff accounts and sessions ---
constexpr const char* kSelectUsers = R"sql(
SELECT id, version, username, display_name, email, password_hash, failed_sign_ins,
       locked_until, disabled, must_change_password
FROM users ORDER BY username)sql";
constexpr const char* kSelectUserByName = R"sql(
SELECT id, version, username, display_name, email, password_hash, failed_sign_ins,
       locked_until, disabled, must_change_password
FROM users WHERE username = ?1)sql";
constexpr const char* kSelectUserById = R"sql(
SELECT id, version, username, display_name, email, password_hash, failed_sign_ins,
       locked_until, disabled, must_change_password
FROM users WHERE id = ?1)sql";
constexpr const char* kSelectUserRoles =
    "SELECT body, role FROM user_roles WHERE user_id = ?1 ORDER BY position";
constexpr const char* kSelectAllUserRoles =
    "SELECT user_id, body, role FROM user_roles ORDER BY user_id, position";
constexpr const char* kUsernameTaken = "SELECT id FROM users WHERE username = ?1 AND id <> ?2";
constexpr const char* kUserExists = "SELECT 1 FROM users WHERE id = ?1";
constexpr const char* kInsertUser = R"sql(
INSERT INTO users (version, username, display_name, email, password_hash, failed_sign_ins,
                   locked_until, disabled, must_change_password)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql";
constexpr const char* kCopyUser = R"sql(
INSERT INTO users (username, display_name, email, password_hash, failed_sign_ins,
                   locked_until, disabled, must_change_password, id, version)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql";
constexpr const char* kUpdateUser = R"sql(
UPDATE users SET version = version + 1, username = ?1, display_name = ?2, email = ?3,
  password_hash = ?4, failed_sign_ins = ?5, locked_until = ?6, disabled = ?7,
  must_change_password = ?8
WHERE id = ?9 AND version = ?10)sql";
constexpr const char* kDeleteUserRoles = "DELETE FROM user_roles WHERE user_id = ?1";
constexpr const char* kInsertUserRole =
    "INSERT INTO user_roles (user_id, position, body, role) VALUES (?1, ?2, ?3, ?4)";

constexpr const char* kPutSession = R"sql(
INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (token_hash) DO UPDATE SET user_id = excluded.user_id,
  csrf_token = excluded.csrf_token, created_at = excluded.created_at,
  expires_at = excluded.expires_at)sql";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?1";
constexpr const char* kDeleteSessionsOfUser = "DELETE FROM sessions WHERE user_id = ?1";
constexpr const char* kSelectSession = R"sql(
SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions
WHERE token_hash = ?1)sql";

// --- blobs and mail ---
constexpr const char* kPutBlob =
    "INSERT INTO blobs (sha256, bytes) VALUES (?1, ?2) ON CONFLICT (sha256) DO NOTHING";
constexpr const char* kSelectBlob = "SELECT bytes FROM blobs WHERE sha256 = ?1";
constexpr const char* kSelectBlobHashes = "SELECT sha256 FROM blobs ORDER BY sha256";

constexpr const char* kQueueMail = R"sql(
INSERT INTO mail_outbox (to_address, subject, body, created_at, attempts, last_error)
VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql";
constexpr const char* kPendingMail = R"sql(
SELECT id, to_address, subject, body, created_at, attempts, last_error FROM mail_outbox
WHERE attempts < ?1 ORDER BY id LIMIT ?2)sql";
constexpr const char* kDeleteMail = "DELETE FROM mail_outbox WHERE id = ?1";
constexpr const char* kFailMail =
    "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1";

// --- the audit log ---
constexpr const char* kAuditTail = "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsertEvent = R"sql(
INSERT INTO audit_events (seq, at, actor_id, actor, action, detail, decision_id, decision_hash,
                          prev_hash, hash)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql";
constexpr const char* kListEvents = R"sql(
SELECT seq, at, actor_id, actor, action, detail, decision_id, decision_hash, prev_hash, hash
FROM audit_events WHERE seq > ?1 ORDER BY seq LIMIT ?2)sql";
constexpr const char* kDecisionHistory = R"sql(
SELECT seq, at, actor_id, actor, action, detail, decision_id, decision_hash, prev_hash, hash
FROM audit_events WHERE decision_id = ?1 ORDER BY seq)sql";

// Moving between stores: the row as it was, id and version included.
constexpr const char* kCopyDecision = R"sql(
INSERT INTO decisions (body, form, reference, reference_slug, title, status, outcome,
  decision_maker_role, decision_date, pub_deferred, pub_deferral_reason, pub_deferred_until,
  pub_part2_exists, pub_part2_reason, pub_for_publication, pub_non_publication_reason,
  pub_redaction_required, media_press_release_required, media_strategy_formulated,
  media_strategy_attached, media_press_release_date, source, source_hash, category,
  amount_pence, author_id, status_reason, id, version)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29))sql";

constexpr const char* kReserveReference = R"sql(
INSERT INTO reference_counters (body, year, last) VALUES (?1, ?2, max(?3, 1))
ON CONFLICT (body, year) DO UPDATE SET last = max(last + 1, excluded.last)
RETURNING last)sql";
constexpr const char* kPutReferenceCounter = R"sql(
INSERT INTO reference_counters (body, year, last) VALUES (?1, ?2, ?3)
ON CONFLICT (body, year) DO UPDATE SET last = excluded.last)sql";
constexpr const char* kSelectReferenceCounters =
    "SELECT body, year, last FROM reference_counters ORDER BY body, year";

constexpr const char* kDeleteSearch = "DELETE FROM search_index WHERE rowid = ?1";
constexpr const char* kInsertSearch =
    "INSERT INTO search_index (rowid, title, text) VALUES (?1, ?2, ?3)";
constexpr const char* kAllDecisionIds = "SELECT id FROM decisions ORDER BY id";

// --- helpers -----------------------------------------------------------------------

#define ASSENT_TRY(expr)                \
  do {                                  \
    if (auto r_ = (expr); !r_) return r_.error(); \
  } while (false)

std::string StatusList(const std::vector<decisions::Status>& statuses) {
  std::string list = ",";
  for (auto s : statuses) {
    list += decisions::StatusName(s);
    list += ',';
  }
  return list;
}



// Binds the decision's own columns as ?1..?27, in the order of kInsertDecision.
void BindDecision(Statement& st, const Decision& d) {
  int i = 0;
  ForEachDecisionColumn(d, [&](const auto& value) { st.Bind(++i, value); });
}

// Binds a user's columns as ?1..?8, in the order of kInsertUser.
void BindUser(Statement& st, const accounts::User& u) {
  int i = 0;
  ForEachUserColumn(u, [&](const auto& value) { st.Bind(++i, value); });
}

// Binds an event's columns as ?1..?10, in the order of kInsertEvent.
void BindEvent(Statement& st, const audit::Event& e) {
  int i = 0;
  ForEachEventColumn(e, [&](const auto& value) { st.Bind(++i, value); });
}

Error StaleUser(const accounts::User& u) {
  return Fail(ErrorCode::kConflict,
              fmt::format("user '{}' was changed by someone else since it was read; reload it "
                          "and try again",
                          u.username));
}

Error NoSuchUser(std::int64_t id) {
  return Fail(ErrorCode::kInvalidInput, fmt::format("no user with id {}", id));
}

Error StaleDecision(const Decision& d) {
  return Fail(ErrorCode::kConflict,
              fmt::format("decision {} was changed by someone else since it was read; "
                          "reload it and try again",
                          d.reference.empty() ? std::to_string(d.id) : d.reference));
}

// Binds the optional filters of a search as ?2..?4, ?7 and ?8.
void BindSearchFilters(Statement& st, const SearchQuery& q) {
  if (q.body) {
    st.Bind(2, *q.body);
  } else {
    st.BindNull(2);
  }
  if (q.year) {
    st.Bind(3, fmt::format("{:04}", *q.year));
  } else {
    st.BindNull(3);
  }
  st.Bind(4, q.decision_maker);
  if (q.statuses.empty()) {
    st.BindNull(7);
  } else {
    st.Bind(7, StatusList(q.statuses));
  }
  st.Bind(8, q.classification);
}


class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Database> writer, std::vector<std::unique_ptr<Database>> readers,
              std::unique_ptr<Database> watcher)
      : writer_(std::move(writer)), watcher_(std::move(watcher)) {
    for (auto& r : readers) {
      free_readers_.push_back(r.get());
      readers_.push_back(std::move(r));
    }
  }

  int SchemaVersion() override { return kSchemaVersion; }

  Result<std::vector<Body>> ListBodies() override {
    Lease db(*this);
    auto st = db->Prepare(kSelectBodies);
    if (!st) return st.error();
    std::vector<Body> out;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(BodyFromRow(*st));
    }
    return out;
  }

  Result<std::vector<BodyCount>> CountDecisionsByBody(
      const std::vector<decisions::Status>& statuses) override {
    auto bodies = ListBodies();
    if (!bodies) return bodies.error();
    std::vector<BodyCount> out;
    for (auto& b : *bodies) out.push_back({std::move(b), 0});
    Lease db(*this);
    auto st = db->Prepare(kCountByBody);
    if (!st) return st.error();
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      auto status = decisions::ParseStatus(st->Text(1));
      bool wanted = statuses.empty();
      for (auto s : statuses) wanted = wanted || (status && *status == s);
      if (!wanted) continue;
      for (auto& bc : out) {
        if (bc.body.slug == st->Text(0)) bc.decisions += static_cast<int>(st->Int(2));
      }
    }
    return out;
  }

  Result<Body> FindBody(std::string_view slug) override {
    Lease db(*this);
    auto st = db->Prepare(kSelectBody);
    if (!st) return st.error();
    st->Bind(1, slug);
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return Fail(ErrorCode::kNotFound, fmt::format("no body '{}'", slug));
    return BodyFromRow(*st);
  }

  Result<Decision> FindDecision(std::string_view body, std::string_view reference_slug) override {
    Lease db(*this);
    std::int64_t id = 0;
    {
      auto st = db->Prepare(kSelectDecisionBySlug);
      if (!st) return st.error();
      st->Bind(1, body).Bind(2, reference_slug);
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no decision '{}' in '{}'", reference_slug, body));
      }
      id = st->Int(0);
    }
    return ReadDecision(*db, id);
  }

  Result<Decision> FindDecisionById(std::int64_t id) override {
    Lease db(*this);
    return ReadDecision(*db, id);
  }

  Result<std::optional<std::int64_t>> FindDecisionBySourceHash(std::string_view hash) override {
    Lease db(*this);
    auto st = db->Prepare(kSelectBySourceHash);
    if (!st) return st.error();
    st->Bind(1, hash);
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(st->Int(0));
  }

  Result<std::vector<DecisionSummary>> ListDecisions(const RegisterQuery& q) override {
    Lease db(*this);
    std::vector<DecisionSummary> out;
    // Runs one of the register statements (query_sql.hpp) for up to `limit` more rows.
    const auto run = [&](const char* sql, int limit, const auto& bind) -> Result<void> {
      auto st = db->Prepare(sql);
      if (!st) return st.error();
      st->Bind(1, q.body);
      if (q.statuses.empty()) {
        st->BindNull(4);
      } else {
        st->Bind(4, StatusList(q.statuses));
      }
      st->Bind(5, limit).Bind(6, q.public_only ? 1 : 0);
      bind(*st);
      for (;;) {
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(SummaryFromRow(*st));
        out.back().public_state = st->Text(8);
      }
      return Ok();
    };
    const std::string low = q.year ? fmt::format("{:04}", *q.year) : "";
    if (!q.after) {
      ASSENT_TRY(run(kListDecisions, q.limit, [&](Statement& st) {
        if (q.year) {
          st.Bind(2, low).Bind(3, fmt::format("{:04}", *q.year + 1));
        } else {
          st.BindNull(2).BindNull(3);
        }
        st.Bind(7, q.offset);
      }));
      return out;
    }
    const KeysetSteps steps = PlanKeyset(q);
    if (steps.dated_after) {
      const RegisterCursor& c = *steps.dated_after;
      ASSENT_TRY(run(kListDatedAfter, q.limit, [&](Statement& st) {
        st.Bind(2, low).Bind(8, c.decision_date->ToIso()).Bind(9, c.reference).Bind(10, c.id);
      }));
    }
    const int left = q.limit - static_cast<int>(out.size());
    if (steps.undated && left > 0) {
      ASSENT_TRY(run(kListUndatedAfter, left, [&](Statement& st) {
        if (steps.undated_after) {
          st.Bind(9, steps.undated_after->reference).Bind(10, steps.undated_after->id);
        } else {
          st.BindNull(9).BindNull(10);
        }
      }));
    }
    return out;
  }

  Result<std::vector<int>> DecisionYears(std::string_view body,
                                         const std::vector<decisions::Status>& statuses) override {
    Lease db(*this);
    auto st = db->Prepare(kDecisionYears);
    if (!st) return st.error();
    st->Bind(1, body);
    if (statuses.empty()) {
      st->BindNull(2);
    } else {
      st->Bind(2, StatusList(statuses));
    }
    std::vector<int> years;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      years.push_back(static_cast<int>(st->Int(0)));
    }
    return years;
  }

  Result<ApplyResult> Apply(const ChangeSet& changes) override {
    ASSENT_TRY(PrecheckChanges(changes));
    std::lock_guard lock(write_mu_);
    Database& db = *writer_;
    // BEGIN IMMEDIATE: one writer at a time across connections and processes, so the
    // audit tail read below is the tail this transaction appends to.
    auto tx = Transaction::Begin(db);
    if (!tx) return tx.error();
    ApplyResult result;
    for (const auto& b : changes.put_bodies) {
      auto st = db.Prepare(kUpsertBody);
      if (!st) return st.error();
      st->Bind(1, b.slug).Bind(2, b.name).Bind(3, b.short_name).Bind(4, b.reference_pattern)
          .Bind(5, b.publication_working_days).Bind(6, b.calendar).Bind(7, b.form)
          .Bind(8, b.website);
      ASSENT_TRY(st->Run());
    }
    for (const auto& d : changes.insert_decisions) {
      ASSENT_TRY(CheckBodyAndReference(db, d, 0));
      {
        auto st = db.Prepare(kInsertDecision);
        if (!st) return st.error();
        BindDecision(*st, d);
        ASSENT_TRY(st->Run());
      }
      std::int64_t id = db.LastInsertId();
      ASSENT_TRY(WriteChildren(db, id, d));
      ASSENT_TRY(IndexForSearch(db, id, d));
      result.inserted_ids.push_back(id);
    }
    for (const auto& d : changes.copy_decisions) {
      ASSENT_TRY(CheckBodyAndReference(db, d, d.id));
      {
        auto st = db.Prepare(kCopyDecision);
        if (!st) return st.error();
        BindDecision(*st, d);
        st->Bind(28, d.id).Bind(29, d.version);
        ASSENT_TRY(st->Run());
      }
      ASSENT_TRY(WriteChildren(db, d.id, d));
      ASSENT_TRY(IndexForSearch(db, d.id, d));
    }
    for (const auto& c : changes.copy_reference_counters) {
      auto st = db.Prepare(kPutReferenceCounter);
      if (!st) return st.error();
      st->Bind(1, c.body).Bind(2, c.year).Bind(3, c.last);
      ASSENT_TRY(st->Run());
    }
    for (const auto& d : changes.update_decisions) {
      ASSENT_TRY(CheckBodyAndReference(db, d, d.id));
      {
        auto st = db.Prepare(kUpdateDecision);
        if (!st) return st.error();
        BindDecision(*st, d);
        st->Bind(28, d.id).Bind(29, d.version);
        ASSENT_TRY(st->Run());
      }
      if (db.Changes() != 1) return StaleDecision(d);
      for (const char* del : kDeleteChildren) {
        auto st = db.Prepare(del);
        if (!st) return st.error();
        st->Bind(1, d.id);
        ASSENT_TRY(st->Run());
      }
      ASSENT_TRY(WriteChildren(db, d.id, d));
      ASSENT_TRY(IndexForSearch(db, d.id, d));
      result.new_versions.push_back(d.version + 1);
    }
    ASSENT_TRY(InsertPublishedVersions(db, changes.insert_published_versions));
    ASSENT_TRY(WriteUsers(db, changes, result));
    ASSENT_TRY(WriteSessions(db, changes));
    for (const auto& b : changes.put_blobs) {
      auto st = db.Prepare(kPutBlob);
      if (!st) return st.error();
      st->Bind(1, b.sha256).BindBlob(2, b.bytes);
      ASSENT_TRY(st->Run());
    }
    ASSENT_TRY(WriteImportReviews(db, changes, result));
    for (const auto& m : changes.queue_mail) {
      auto st = db.Prepare(kQueueMail);
      if (!st) return st.error();
      st->Bind(1, m.to).Bind(2, m.subject).Bind(3, m.body).Bind(4, m.created_at)
          .Bind(5, m.attempts).Bind(6, m.last_error);
      ASSENT_TRY(st->Run());
    }
    for (const auto& e : changes.copy_audit_events) {
      auto st = db.Prepare(kInsertEvent);
      if (!st) return st.error();
      BindEvent(*st, e);
      ASSENT_TRY(st->Run());
    }
    ASSENT_TRY(WriteCalendarImports(db, changes));
    ASSENT_TRY(WriteStrategyRows(db, changes, result));
    ASSENT_TRY(WriteForwardPlanItems(db, changes, result));
    if (ChangesPublicPages(changes)) ASSENT_TRY(BumpChanges(db));
    ASSENT_TRY(AppendAudit(db, changes, result));
    ASSENT_TRY(tx->Commit());
    return result;
  }

  Result<int> ReserveReferenceNumber(std::string_view body, int year, int at_least) override {
    std::lock_guard lock(write_mu_);
    Database& db = *writer_;
    auto tx = Transaction::Begin(db);
    if (!tx) return tx.error();
    {
      auto st = db.Prepare(kBodyExists);
      if (!st) return st.error();
      st->Bind(1, body);
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", body));
      }
    }
    int number = 0;
    {
      auto st = db.Prepare(kReserveReference);
      if (!st) return st.error();
      st->Bind(1, body).Bind(2, year).Bind(3, at_least);
      auto row = st->Step();
      if (!row) return row.error();
      number = static_cast<int>(st->Int(0));
    }
    ASSENT_TRY(BumpChanges(db));
    ASSENT_TRY(tx->Commit());
    return number;
  }

  Result<std::vector<ReferenceCounter>> ListReferenceCounters() override {
    Lease db(*this);
    auto st = db->Prepare(kSelectReferenceCounters);
    if (!st) return st.error();
    std::vector<ReferenceCounter> out;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back({st->Text(0), static_cast<int>(st->Int(1)), static_cast<int>(st->Int(2))});
    }
    return out;
  }

  Result<SearchResult> Search(const SearchQuery& q) override {
    SearchResult result;
    std::string match = FtsQuery(q.text);
    if (match.empty()) return result;
    Lease db(*this);
    int candidates = -1;
    {
      auto st = db->Prepare(kSearch);
      if (!st) return st.error();
      st->Bind(1, match);
      BindSearchFilters(*st, q);
      st->Bind(5, q.limit).Bind(6, q.offset).Bind(9, kSearchCandidates);
      for (;;) {
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) break;
        SearchHit hit;
        hit.decision = SummaryFromRow(*st);
        hit.rank = st->Double(8);
        hit.snippet = SplitSnippet(st->Text(9));
        candidates = static_cast<int>(st->Int(10));
        result.hits.push_back(std::move(hit));
      }
    }
    if (candidates < 0) {  // no hit on this page: count on its own
      auto st = db->Prepare(kSearchCount);
      if (!st) return st.error();
      st->Bind(1, match);
      BindSearchFilters(*st, q);
      st->Bind(9, kSearchCandidates);
      auto row = st->Step();
      if (!row) return row.error();
      candidates = static_cast<int>(st->Int(0));
    }
    result.capped = candidates > kSearchCandidates;
    result.total = std::min(candidates, kSearchCandidates);
    return result;
  }

  // Builds the search index for every decision (after the migration that created it).
  Result<void> Reindex() {
    std::lock_guard lock(write_mu_);
    Database& db = *writer_;
    std::vector<std::int64_t> ids;
    {
      auto st = db.Prepare(kAllDecisionIds);
      if (!st) return st.error();
      for (;;) {
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) break;
        ids.push_back(st->Int(0));
      }
    }
    auto tx = Transaction::Begin(db);
    if (!tx) return tx.error();
    for (auto id : ids) {
      auto d = ReadDecision(db, id);
      if (!d) return d.error();
      ASSENT_TRY(IndexForSearch(db, id, *d));
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
    std::lock_guard lock(watch_mu_);
    auto st = watcher_->Prepare(kSelectChanges);
    if (!st) return st.error();
    auto row = st->Step();
    if (!row) {
      // A shared-cache (in-memory) database locks the table while a writer is between
      // its bump and its commit: the last token read stands until the next call. Any
      // other error is reported (the health check relies on it).
      if (last_token_ && (sqlite3_errcode(watcher_->raw()) & 0xff) == SQLITE_LOCKED) {
        return *last_token_;
      }
      return row.error();
    }
    if (!*row) return Fail(ErrorCode::kInternal, "the change counter row is missing");
    last_token_ = static_cast<std::uint64_t>(st->Int(0));
    return *last_token_;
  }

  // --- schema v3 reads ---

  Result<std::vector<accounts::User>> ListUsers() override {
    Lease db(*this);
    std::vector<accounts::User> users;
    {
      auto st = db->Prepare(kSelectUsers);
      if (!st) return st.error();
      for (;;) {
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) break;
        users.push_back(UserFromRow(*st));
      }
    }
    auto st = db->Prepare(kSelectAllUserRoles);
    if (!st) return st.error();
    std::map<std::int64_t, std::vector<accounts::RoleGrant>> roles;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      roles[st->Int(0)].push_back({st->Text(1), st->Text(2)});
    }
    for (auto& u : users) {
      if (auto it = roles.find(u.id); it != roles.end()) u.roles = std::move(it->second);
    }
    return users;
  }

  Result<accounts::User> FindUser(std::string_view username) override {
    Lease db(*this);
    return ReadUser(*db, kSelectUserByName, username,
                    fmt::format("no user '{}'", username));
  }

  Result<accounts::User> FindUserById(std::int64_t id) override {
    Lease db(*this);
    return ReadUser(*db, kSelectUserById, id, fmt::format("no user with id {}", id));
  }

  Result<accounts::Session> FindSession(std::string_view token_hash) override {
    Lease db(*this);
    auto st = db->Prepare(kSelectSession);
    if (!st) return st.error();
    st->Bind(1, token_hash);
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return Fail(ErrorCode::kNotFound, "no such session");
    return SessionFromRow(*st);
  }

  Result<std::string> FindBlob(std::string_view sha256) override {
    Lease db(*this);
    auto st = db->Prepare(kSelectBlob);
    if (!st) return st.error();
    st->Bind(1, sha256);
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return Fail(ErrorCode::kNotFound, fmt::format("no blob {}", sha256));
    return st->Blob(0);
  }

  Result<std::vector<std::string>> ListBlobHashes() override {
    Lease db(*this);
    auto st = db->Prepare(kSelectBlobHashes);
    if (!st) return st.error();
    std::vector<std::string> out;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(st->Text(0));
    }
    return out;
  }

  Result<std::vector<publication::ForwardPlanItem>> ListForwardPlan(std::string_view body) override {
    Lease db(*this);
    return sqlite::ReadForwardPlan(*db, body);
  }

  Result<publication::ForwardPlanItem> FindForwardPlanItem(std::int64_t id) override {
    Lease db(*this);
    return sqlite::ReadForwardPlanItem(*db, id);
  }

  Result<std::vector<ImportReview>> ListImportReviews(const ImportReviewQuery& query) override {
    Lease db(*this);
    return sqlite::ListImportReviews(*db, query);
  }

  Result<ImportReview> FindImportReview(std::int64_t id) override {
    Lease db(*this);
    return sqlite::FindImportReview(*db, id);
  }

  Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(std::string_view hash) override {
    Lease db(*this);
    return sqlite::FindImportReviewBySourceHash(*db, hash);
  }

  Result<std::vector<audit::Event>> ListAuditEvents(std::int64_t after_seq, int limit) override {
    Lease db(*this);
    auto st = db->Prepare(kListEvents);
    if (!st) return st.error();
    st->Bind(1, after_seq).Bind(2, limit);
    return ReadEvents(*st);
  }

  Result<std::vector<audit::Event>> DecisionHistory(std::int64_t decision_id) override {
    Lease db(*this);
    auto st = db->Prepare(kDecisionHistory);
    if (!st) return st.error();
    st->Bind(1, decision_id);
    return ReadEvents(*st);
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
    auto st = db->Prepare(kPendingMail);
    if (!st) return st.error();
    st->Bind(1, max_attempts).Bind(2, limit);
    std::vector<Mail> out;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(MailFromRow(*st));
    }
    return out;
  }

  Result<void> RecordMailAttempt(std::int64_t id, std::string_view error) override {
    std::lock_guard lock(write_mu_);
    auto st = writer_->Prepare(error.empty() ? kDeleteMail : kFailMail);
    if (!st) return st.error();
    st->Bind(1, id);
    if (!error.empty()) st->Bind(2, error);
    return st->Run();
  }

 private:
  // Borrows a reader connection for the scope; waits when all are busy.
  class Lease {
   public:
    explicit Lease(SqliteStore& s) : s_(s) {
      std::unique_lock lock(s_.pool_mu_);
      s_.pool_cv_.wait(lock, [&] { return !s_.free_readers_.empty(); });
      db_ = s_.free_readers_.back();
      s_.free_readers_.pop_back();
    }
    ~Lease() {
      {
        std::lock_guard lock(s_.pool_mu_);
        s_.free_readers_.push_back(db_);
      }
      s_.pool_cv_.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Database* operator->() { return db_; }
    Database& operator*() { return *db_; }

   private:
    SqliteStore& s_;
    Database* db_;
  };

  static Result<void> BumpChanges(Database& db) {
    auto st = db.Prepare(kBumpChanges);
    if (!st) return st.error();
    return st->Run();
  }

  static Result<std::vector<audit::Event>> ReadEvents(Statement& st) {
    std::vector<audit::Event> out;
    for (;;) {
      auto row = st.Step();
      if (!row) return row.error();
      if (!*row) return out;
      out.push_back(EventFromRow(st));
    }
  }

  template <typename Key>
  static Result<accounts::User> ReadUser(Database& db, const char* sql, const Key& key,
                                         std::string not_found) {
    accounts::User u;
    {
      auto st = db.Prepare(sql);
      if (!st) return st.error();
      st->Bind(1, key);
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) return Fail(ErrorCode::kNotFound, std::move(not_found));
      u = UserFromRow(*st);
    }
    auto st = db.Prepare(kSelectUserRoles);
    if (!st) return st.error();
    st->Bind(1, u.id);
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      u.roles.push_back({st->Text(0), st->Text(1)});
    }
    return u;
  }

  static Result<void> CheckUsernameFree(Database& db, const accounts::User& u) {
    auto st = db.Prepare(kUsernameTaken);
    if (!st) return st.error();
    st->Bind(1, u.username).Bind(2, u.id);
    auto row = st->Step();
    if (!row) return row.error();
    if (*row) {
      return Fail(ErrorCode::kConflict, fmt::format("username '{}' is taken", u.username),
                  "field username");
    }
    return Ok();
  }

  static Result<void> WriteRoles(Database& db, std::int64_t user_id, const accounts::User& u) {
    {
      auto st = db.Prepare(kDeleteUserRoles);
      if (!st) return st.error();
      st->Bind(1, user_id);
      ASSENT_TRY(st->Run());
    }
    return InsertRows(db, kInsertUserRole, user_id, u.roles, [](Statement& st, const auto& g) {
      st.Bind(3, g.body).Bind(4, g.role);
    });
  }

  static Result<void> WriteUsers(Database& db, const ChangeSet& changes, ApplyResult& result) {
    for (const auto& u : changes.copy_users) {
      ASSENT_TRY(CheckUsernameFree(db, u));
      auto st = db.Prepare(kCopyUser);
      if (!st) return st.error();
      BindUser(*st, u);
      st->Bind(9, u.id).Bind(10, u.version);
      ASSENT_TRY(st->Run());
      ASSENT_TRY(WriteRoles(db, u.id, u));
    }
    for (const auto& u : changes.insert_users) {
      accounts::User fresh = u;
      fresh.id = 0;
      ASSENT_TRY(CheckUsernameFree(db, fresh));
      {
        auto st = db.Prepare(kInsertUser);
        if (!st) return st.error();
        BindUser(*st, u);
        ASSENT_TRY(st->Run());
      }
      std::int64_t id = db.LastInsertId();
      ASSENT_TRY(WriteRoles(db, id, u));
      result.inserted_user_ids.push_back(id);
    }
    for (const auto& u : changes.update_users) {
      ASSENT_TRY(CheckUsernameFree(db, u));
      {
        auto st = db.Prepare(kUpdateUser);
        if (!st) return st.error();
        BindUser(*st, u);
        st->Bind(9, u.id).Bind(10, u.version);
        ASSENT_TRY(st->Run());
      }
      if (db.Changes() != 1) return StaleUser(u);
      ASSENT_TRY(WriteRoles(db, u.id, u));
    }
    return Ok();
  }

  // Deletions first, so a batch can end every session of an account and start a new one.
  static Result<void> WriteSessions(Database& db, const ChangeSet& changes) {
    for (const auto& token_hash : changes.delete_sessions) {
      auto st = db.Prepare(kDeleteSession);
      if (!st) return st.error();
      st->Bind(1, token_hash);
      ASSENT_TRY(st->Run());
    }
    for (auto user_id : changes.delete_sessions_of_users) {
      auto st = db.Prepare(kDeleteSessionsOfUser);
      if (!st) return st.error();
      st->Bind(1, user_id);
      ASSENT_TRY(st->Run());
    }
    for (const auto& s : changes.put_sessions) {
      {
        auto st = db.Prepare(kUserExists);
        if (!st) return st.error();
        st->Bind(1, s.user_id);
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) return NoSuchUser(s.user_id);
      }
      auto st = db.Prepare(kPutSession);
      if (!st) return st.error();
      st->Bind(1, s.token_hash).Bind(2, s.user_id).Bind(3, s.csrf_token).Bind(4, s.created_at)
          .Bind(5, s.expires_at);
      ASSENT_TRY(st->Run());
    }
    return Ok();
  }

  // After every other write: each event chained to the tail, in order.
  static Result<void> AppendAudit(Database& db, const ChangeSet& changes,
                                  const ApplyResult& result) {
    if (changes.audit.empty()) return Ok();
    auto targets = ResolveEventTargets(changes, result);
    std::int64_t seq = 0;
    std::string hash = audit::kGenesisHash;
    {
      auto st = db.Prepare(kAuditTail);
      if (!st) return st.error();
      auto row = st->Step();
      if (!row) return row.error();
      if (*row) {
        seq = st->Int(0);
        hash = st->Text(1);
      }
    }
    for (std::size_t i = 0; i < changes.audit.size(); ++i) {
      auto e = audit::Chain(changes.audit[i], targets[i].decision_id,
                            std::move(targets[i].decision_hash), seq, hash);
      auto st = db.Prepare(kInsertEvent);
      if (!st) return st.error();
      BindEvent(*st, e);
      ASSENT_TRY(st->Run());
      seq = e.seq;
      hash = std::move(e.hash);
    }
    return Ok();
  }

  Result<void> CheckBodyAndReference(Database& db, const Decision& d, std::int64_t self_id) {
    {
      auto st = db.Prepare(kBodyExists);
      if (!st) return st.error();
      st->Bind(1, d.body);
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", d.body),
                    "field body");
      }
    }
    std::string slug = decisions::ReferenceSlug(d.reference);
    if (slug.empty()) return Ok();
    auto st = db.Prepare(kReferenceTaken);
    if (!st) return st.error();
    st->Bind(1, d.body).Bind(2, slug).Bind(3, self_id);
    auto row = st->Step();
    if (!row) return row.error();
    if (*row) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("{} already has a decision with reference {}", d.body, d.reference),
                  "field reference");
    }
    return Ok();
  }

  // Inserts one child row per item: ?1 is the decision id, ?2 the position, and `bind`
  // binds the item's own columns from ?3 on.
  template <typename Items, typename Bind>
  static Result<void> InsertRows(Database& db, const char* sql, std::int64_t id,
                                 const Items& items, Bind&& bind) {
    int pos = 0;
    for (const auto& item : items) {
      auto st = db.Prepare(sql);
      if (!st) return st.error();
      st->Bind(1, id).Bind(2, pos++);
      bind(*st, item);
      ASSENT_TRY(st->Run());
    }
    return Ok();
  }

  // The index row follows the decision: public text while it is on the register, nothing otherwise.
  static Result<void> IndexForSearch(Database& db, std::int64_t id, const Decision& d) {
    {
      auto st = db.Prepare(kDeleteSearch);
      if (!st) return st.error();
      st->Bind(1, id);
      ASSENT_TRY(st->Run());
    }
    auto doc = publication::MakeSearchDocument(d);
    if (!doc) return Ok();
    auto st = db.Prepare(kInsertSearch);
    if (!st) return st.error();
    st->Bind(1, id).Bind(2, doc->title).Bind(3, doc->text);
    return st->Run();
  }

  static Result<void> WriteChildren(Database& db, std::int64_t id, const Decision& d) {
    ASSENT_TRY(InsertRows(db, kInsertSection, id, d.sections, [](Statement& st, const auto& s) {
      st.Bind(3, s.key).Bind(4, s.heading).Bind(5, static_cast<int>(s.part)).Bind(6, s.text);
    }));
    ASSENT_TRY(InsertRows(db, kInsertField, id, d.fields, [](Statement& st, const auto& f) {
      st.Bind(3, f.key).Bind(4, f.value);
    }));
    ASSENT_TRY(InsertRows(db, kInsertBoard, id, d.boards, [](Statement& st, const auto& b) {
      st.Bind(3, b.name).Bind(4, b.date);
    }));
    ASSENT_TRY(InsertRows(db, kInsertPaper, id, d.background_papers, [](Statement& st, const auto& p) {
      st.Bind(3, p.title).Bind(4, static_cast<int>(p.part));
    }));
    ASSENT_TRY(InsertRows(db, kInsertConsultee, id, d.persons_consulted,
                          [](Statement& st, const std::string& c) { st.Bind(3, c); }));
    ASSENT_TRY(InsertRows(db, kInsertSignoff, id, d.signoffs, [](Statement& st, const auto& s) {
      int i = 2;
      ForEachSignOffColumn(s, [&](const auto& value) { st.Bind(++i, value); });
    }));
    ASSENT_TRY(InsertRows(db, kInsertAttachment, id, d.attachments, [](Statement& st, const auto& a) {
      st.Bind(3, a.name).Bind(4, a.media_type).Bind(5, static_cast<int>(a.part)).Bind(6, a.sha256)
          .Bind(7, a.size);
    }));
    return WritePublication(db, id, d);
  }

  static Result<Decision> ReadDecision(Database& db, std::int64_t id) {
    Decision d;
    {
      auto st = db.Prepare(kSelectDecisionById);
      if (!st) return st.error();
      st->Bind(1, id);
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) return Fail(ErrorCode::kNotFound, fmt::format("no decision with id {}", id));
      d = DecisionFromRow(*st);
    }
    const auto each = [&](const char* sql, auto&& fn) -> Result<void> {
      auto st = db.Prepare(sql);
      if (!st) return st.error();
      st->Bind(1, id);
      for (;;) {
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) return Ok();
        fn(*st);
      }
    };
    ASSENT_TRY(each(kSelectSections, [&](const Statement& st) {
      d.sections.push_back({st.Text(0), st.Text(1), PartOf(st.Int(2)), st.Text(3)});
    }));
    ASSENT_TRY(each(kSelectFields, [&](const Statement& st) {
      d.fields.push_back({st.Text(0), st.Text(1)});
    }));
    ASSENT_TRY(each(kSelectBoards, [&](const Statement& st) {
      d.boards.push_back({st.Text(0), st.OptDate(1)});
    }));
    ASSENT_TRY(each(kSelectPapers, [&](const Statement& st) {
      d.background_papers.push_back({st.Text(0), PartOf(st.Int(1))});
    }));
    ASSENT_TRY(each(kSelectConsultees, [&](const Statement& st) {
      d.persons_consulted.push_back(st.Text(0));
    }));
    ASSENT_TRY(each(kSelectSignoffs, [&](const Statement& st) {
      d.signoffs.push_back(SignOffFromRow(st));
    }));
    ASSENT_TRY(each(kSelectAttachments, [&](const Statement& st) {
      d.attachments.push_back(AttachmentFromRow(st));
    }));
    ASSENT_TRY(ReadPublication(db, id, d));
    return d;
  }

  std::mutex write_mu_;
  std::unique_ptr<Database> writer_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Database>> readers_;
  std::vector<Database*> free_readers_;
  std::mutex watch_mu_;
  std::unique_ptr<Database> watcher_;
  std::optional<std::uint64_t> last_token_;  // guarded by watch_mu_
};

std::atomic<int> memory_counter{0};
constexpr int kFirstVersionWithSearch = 2;

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(std::string_view path, int read_connections) {
  std::string file(path);
  if (file == ":memory:") {
    // Several connections must see one in-memory database: a named shared-cache URI.
    file = fmt::format("file:assent-memory-{}?mode=memory&cache=shared", ++memory_counter);
  }
  auto writer = Database::Open(file);
  if (!writer) return writer.error();
  auto from = Migrate(**writer);
  if (!from) return Fail(from.error().code, from.error().message, std::string(path));
  std::vector<std::unique_ptr<Database>> readers;
  for (int i = 0; i < std::max(1, read_connections); ++i) {
    auto r = Database::Open(file);
    if (!r) return r.error();
    readers.push_back(std::move(*r));
  }
  auto watcher = Database::Open(file);
  if (!watcher) return watcher.error();
  auto store = std::make_unique<SqliteStore>(std::move(*writer), std::move(readers),
                                            std::move(*watcher));
  if (*from >= 1 && *from < kFirstVersionWithSearch) {
    if (auto r = store->Reindex(); !r) return r.error();
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace assent::storage::sqlite
