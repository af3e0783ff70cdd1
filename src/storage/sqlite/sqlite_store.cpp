#include "storage/sqlite/sqlite_store.hpp"

#include <fmt/format.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "publication/search_document.hpp"
#include "storage/row_mapping.hpp"
#include "storage/snippet.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sqlite/fts_query.hpp"
#include "storage/sqlite/migrations.hpp"

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
       media_strategy_attached, media_press_release_date, source, source_hash
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
SELECT step, role, name, date, declaration, advice, note FROM decision_signoffs
WHERE decision_id = ?1 ORDER BY position)sql";

// Newest first; undated last. ?2 is the year or NULL; ?3 a comma-wrapped status list or NULL.
constexpr const char* kListDecisions = R"sql(
SELECT id, body, reference, title, decision_maker_role, decision_date, status, outcome
FROM decisions
WHERE body = ?1
  AND (?2 IS NULL OR substr(decision_date, 1, 4) = ?2)
  AND (?3 IS NULL OR instr(?3, ',' || status || ',') > 0)
ORDER BY decision_date IS NULL, decision_date DESC, reference DESC, id DESC
LIMIT ?4 OFFSET ?5)sql";

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
  media_strategy_attached, media_press_release_date, source, source_hash)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23))sql";

constexpr const char* kUpdateDecision = R"sql(
UPDATE decisions SET version = version + 1, body = ?1, form = ?2, reference = ?3,
  reference_slug = ?4, title = ?5, status = ?6, outcome = ?7, decision_maker_role = ?8,
  decision_date = ?9, pub_deferred = ?10, pub_deferral_reason = ?11, pub_deferred_until = ?12,
  pub_part2_exists = ?13, pub_part2_reason = ?14, pub_for_publication = ?15,
  pub_non_publication_reason = ?16, pub_redaction_required = ?17,
  media_press_release_required = ?18, media_strategy_formulated = ?19,
  media_strategy_attached = ?20, media_press_release_date = ?21, source = ?22, source_hash = ?23
WHERE id = ?24 AND version = ?25)sql";

constexpr const char* kDeleteChildren[] = {
    "DELETE FROM decision_sections WHERE decision_id = ?1",
    "DELETE FROM decision_fields WHERE decision_id = ?1",
    "DELETE FROM decision_boards WHERE decision_id = ?1",
    "DELETE FROM decision_papers WHERE decision_id = ?1",
    "DELETE FROM decision_consultees WHERE decision_id = ?1",
    "DELETE FROM decision_signoffs WHERE decision_id = ?1",
};

constexpr const char* kInsertSection =
    "INSERT INTO decision_sections VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kInsertField = "INSERT INTO decision_fields VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertBoard = "INSERT INTO decision_boards VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertPaper = "INSERT INTO decision_papers VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kInsertConsultee = "INSERT INTO decision_consultees VALUES (?1, ?2, ?3)";
constexpr const char* kInsertSignoff =
    "INSERT INTO decision_signoffs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

constexpr const char* kDataVersion = "PRAGMA data_version";

// Moving between stores: the row as it was, id and version included.
constexpr const char* kCopyDecision = R"sql(
INSERT INTO decisions (body, form, reference, reference_slug, title, status, outcome,
  decision_maker_role, decision_date, pub_deferred, pub_deferral_reason, pub_deferred_until,
  pub_part2_exists, pub_part2_reason, pub_for_publication, pub_non_publication_reason,
  pub_redaction_required, media_press_release_required, media_strategy_formulated,
  media_strategy_attached, media_press_release_date, source, source_hash, id, version)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25))sql";

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

// bm25 is lower-is-better; the title counts four times the text. ?2..?4 are NULL for no filter.
constexpr const char* kSearch = R"sql(
SELECT d.id, d.body, d.reference, d.title, d.decision_maker_role, d.decision_date, d.status,
       d.outcome, -bm25(search_index, 4.0, 1.0),
       snippet(search_index, -1, char(2), char(3), '…', 24)
FROM search_index JOIN decisions d ON d.id = search_index.rowid
WHERE search_index MATCH ?1
  AND (?2 IS NULL OR d.body = ?2)
  AND (?3 IS NULL OR substr(d.decision_date, 1, 4) = ?3)
  AND (?4 IS NULL OR d.decision_maker_role = ?4)
ORDER BY bm25(search_index, 4.0, 1.0), d.id DESC
LIMIT ?5 OFFSET ?6)sql";
constexpr const char* kSearchCount = R"sql(
SELECT count(*)
FROM search_index JOIN decisions d ON d.id = search_index.rowid
WHERE search_index MATCH ?1
  AND (?2 IS NULL OR d.body = ?2)
  AND (?3 IS NULL OR substr(d.decision_date, 1, 4) = ?3)
  AND (?4 IS NULL OR d.decision_maker_role = ?4))sql";

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



// Binds the decision's own columns as ?1..?23, in the order of kInsertDecision.
void BindDecision(Statement& st, const Decision& d) {
  int i = 0;
  ForEachDecisionColumn(d, [&](const auto& value) { st.Bind(++i, value); });
}

// Binds the optional filters of a search as ?2..?4.
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
    auto st = db->Prepare(kListDecisions);
    if (!st) return st.error();
    st->Bind(1, q.body);
    if (q.year) {
      st->Bind(2, fmt::format("{:04}", *q.year));
    } else {
      st->BindNull(2);
    }
    if (q.statuses.empty()) {
      st->BindNull(3);
    } else {
      st->Bind(3, StatusList(q.statuses));
    }
    st->Bind(4, q.limit).Bind(5, q.offset);
    std::vector<DecisionSummary> out;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(SummaryFromRow(*st));
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
    if (!changes.insert_users.empty() || !changes.update_users.empty() ||
        !changes.put_sessions.empty() || !changes.delete_sessions.empty() ||
        !changes.delete_sessions_of_users.empty() || !changes.put_blobs.empty() ||
        !changes.queue_mail.empty() || !changes.audit.empty() || !changes.copy_users.empty() ||
        !changes.copy_audit_events.empty()) {
      return NotYet();
    }
    for (const auto& d : changes.insert_decisions) ASSENT_TRY(decisions::Validate(d));
    for (const auto& d : changes.update_decisions) ASSENT_TRY(decisions::Validate(d));
    std::lock_guard lock(write_mu_);
    Database& db = *writer_;
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
        st->Bind(24, d.id).Bind(25, d.version);
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
        st->Bind(24, d.id).Bind(25, d.version);
        ASSENT_TRY(st->Run());
      }
      if (sqlite3_changes(db.raw()) != 1) {
        return Fail(ErrorCode::kConflict,
                    fmt::format("decision {} was changed by someone else since it was read; "
                                "reload it and try again",
                                d.reference.empty() ? std::to_string(d.id) : d.reference));
      }
      for (const char* del : kDeleteChildren) {
        auto st = db.Prepare(del);
        if (!st) return st.error();
        st->Bind(1, d.id);
        ASSENT_TRY(st->Run());
      }
      ASSENT_TRY(WriteChildren(db, d.id, d));
      ASSENT_TRY(IndexForSearch(db, d.id, d));
    }
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
    {
      auto st = db->Prepare(kSearch);
      if (!st) return st.error();
      st->Bind(1, match);
      BindSearchFilters(*st, q);
      st->Bind(5, q.limit).Bind(6, q.offset);
      for (;;) {
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) break;
        SearchHit hit;
        hit.decision = SummaryFromRow(*st);
        hit.rank = st->Double(8);
        hit.snippet = SplitSnippet(st->Text(9));
        result.hits.push_back(std::move(hit));
      }
    }
    auto st = db->Prepare(kSearchCount);
    if (!st) return st.error();
    st->Bind(1, match);
    BindSearchFilters(*st, q);
    auto row = st->Step();
    if (!row) return row.error();
    result.total = static_cast<int>(st->Int(0));
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

  Result<std::uint64_t> ChangeToken() override {
    std::lock_guard lock(watch_mu_);
    auto st = watcher_->Prepare(kDataVersion);
    if (!st) return st.error();
    auto row = st->Step();
    if (!row) return row.error();
    return static_cast<std::uint64_t>(st->Int(0));
  }


  // Schema v3 reads: not implemented yet in this commit (storage-v3 work in progress).
  Result<std::vector<accounts::User>> ListUsers() override { return NotYet(); }
  Result<accounts::User> FindUser(std::string_view) override { return NotYet(); }
  Result<accounts::User> FindUserById(std::int64_t) override { return NotYet(); }
  Result<accounts::Session> FindSession(std::string_view) override { return NotYet(); }
  Result<std::string> FindBlob(std::string_view) override { return NotYet(); }
  Result<std::vector<audit::Event>> ListAuditEvents(std::int64_t, int) override {
    return NotYet();
  }
  Result<std::vector<audit::Event>> DecisionHistory(std::int64_t) override { return NotYet(); }
  Result<std::vector<Mail>> PendingMail(int, int) override { return NotYet(); }
  Result<void> RecordMailAttempt(std::int64_t, std::string_view) override { return NotYet(); }
  static Error NotYet() { return Fail(ErrorCode::kInternal, "not implemented yet"); }

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
    return InsertRows(db, kInsertSignoff, id, d.signoffs, [](Statement& st, const auto& s) {
      st.Bind(3, s.step).Bind(4, s.role).Bind(5, s.name).Bind(6, s.date).Bind(7, s.declaration)
          .Bind(8, s.advice).Bind(9, s.note);
    });
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
