#include "storage/sqlite/migrations.hpp"

#include <fmt/format.h>

#include "storage/sqlite/database.hpp"

namespace assent::storage::sqlite {
namespace {

// Migration N takes the schema from version N-1 to N. Never edit a shipped one: add one.
constexpr const char* kMigrations[] = {
    // 1: bodies and decision records.
    R"sql(
CREATE TABLE bodies (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  reference_pattern TEXT NOT NULL,
  publication_working_days INTEGER NOT NULL,
  calendar TEXT NOT NULL,
  form TEXT NOT NULL,
  website TEXT NOT NULL DEFAULT ''
);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 1,
  body TEXT NOT NULL REFERENCES bodies(slug),
  form TEXT NOT NULL,
  reference TEXT NOT NULL,
  reference_slug TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  outcome TEXT NOT NULL,
  decision_maker_role TEXT,
  decision_date TEXT,
  pub_deferred INTEGER,
  pub_deferral_reason TEXT NOT NULL DEFAULT '',
  pub_deferred_until TEXT,
  pub_part2_exists INTEGER,
  pub_part2_reason TEXT NOT NULL DEFAULT '',
  pub_for_publication INTEGER,
  pub_non_publication_reason TEXT NOT NULL DEFAULT '',
  pub_redaction_required INTEGER,
  media_press_release_required INTEGER,
  media_strategy_formulated INTEGER,
  media_strategy_attached INTEGER,
  media_press_release_date TEXT,
  source TEXT NOT NULL DEFAULT '',
  source_hash TEXT NOT NULL DEFAULT ''
);
-- Drafts have no reference yet; every other record's reference is unique in its body.
CREATE UNIQUE INDEX decisions_body_reference ON decisions(body, reference_slug)
  WHERE reference_slug <> '';
CREATE UNIQUE INDEX decisions_source_hash ON decisions(source_hash) WHERE source_hash <> '';
CREATE INDEX decisions_register ON decisions(body, status, decision_date DESC);

CREATE TABLE decision_sections (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  heading TEXT NOT NULL,
  part INTEGER NOT NULL CHECK (part IN (1, 2)),
  text TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);

CREATE TABLE decision_fields (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);

CREATE TABLE decision_boards (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  date TEXT,
  PRIMARY KEY (decision_id, position)
);

CREATE TABLE decision_papers (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  part INTEGER NOT NULL CHECK (part IN (1, 2)),
  PRIMARY KEY (decision_id, position)
);

CREATE TABLE decision_consultees (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);

CREATE TABLE decision_signoffs (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  step TEXT NOT NULL,
  role TEXT,
  name TEXT,
  date TEXT,
  declaration TEXT NOT NULL,
  advice TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);
)sql",
    // 2: reference numbers handed out, and the public search index. Existing decisions
    // are indexed by the store after this migration (see sqlite_store.cpp).
    R"sql(
CREATE TABLE reference_counters (
  body TEXT NOT NULL REFERENCES bodies(slug),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (body, year)
);
-- rowid is the decision id. Public text only: publication::MakeSearchDocument.
CREATE VIRTUAL TABLE search_index USING fts5(title, text, tokenize = 'porter unicode61');
)sql",
    // 3: staff accounts and sessions, blobs, the mail outbox, the audit log, the change
    // counter, and the fields of decisions drafted in Assent (attachments, category, amount,
    // author, status reason; signatures given here).
    R"sql(
ALTER TABLE decisions ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN amount_pence INTEGER;
ALTER TABLE decisions ADD COLUMN author_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE decision_signoffs ADD COLUMN user_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decision_signoffs ADD COLUMN signed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_signoffs ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_signoffs ADD COLUMN interests TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_signoffs ADD COLUMN outcome TEXT;
ALTER TABLE decision_signoffs ADD COLUMN reasons TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_signoffs ADD COLUMN voided TEXT NOT NULL DEFAULT '';

CREATE TABLE decision_attachments (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  part INTEGER NOT NULL CHECK (part IN (1, 2)),
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (decision_id, position)
);

-- Drafts, which have no reference yet, never collide: decisions_body_reference has been
-- partial (WHERE reference_slug <> '') since migration 1.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 1,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  failed_sign_ins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0
);
-- body '*' is every body hosted, so no reference to bodies.
CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  body TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, position)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);

CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT ''
);

-- Append-only; seq is assigned by the store (last + 1) inside the writing transaction.
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  decision_id INTEGER NOT NULL DEFAULT 0,
  decision_hash TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_decision ON audit_events(decision_id);

-- Moved by writes that can change a public page (bodies, decisions, reference counters)
-- and by nothing else, so sign-ins, sessions, mail and the audit log keep page caches.
CREATE TABLE assent_changes (one INTEGER PRIMARY KEY CHECK (one = 1), token INTEGER NOT NULL);
INSERT INTO assent_changes (one, token) VALUES (1, 1);
)sql",
    // 4: bank-holiday files imported with `assent calendar import`, kept as given.
    R"sql(
CREATE TABLE calendar_imports (
  seq INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  json TEXT NOT NULL
);
)sql",
    // 5: the strategy register's stored entries (strategy/recorded.hpp): progress and
    // status changes on deliverables, and proposals for a new version, each carried by
    // a draft decision. The strategies themselves stay in their data files.
    R"sql(
CREATE TABLE strategy_progress (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL REFERENCES bodies(slug),
  strategy TEXT NOT NULL,
  deliverable TEXT NOT NULL,
  happened TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX strategy_progress_body ON strategy_progress(body, strategy);

CREATE TABLE strategy_proposals (
  id INTEGER PRIMARY KEY,
  body TEXT NOT NULL REFERENCES bodies(slug),
  strategy TEXT NOT NULL,
  label TEXT NOT NULL,
  changes TEXT NOT NULL,
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL
);
CREATE INDEX strategy_proposals_body ON strategy_proposals(body, strategy);
)sql",
    // 6: the import review queue (docs/import.md). The original file is a blob.
    R"sql(
CREATE TABLE import_reviews (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 1,
  body TEXT NOT NULL DEFAULT '',
  form TEXT NOT NULL DEFAULT '',
  reference TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  source_name TEXT NOT NULL,
  source_hash TEXT NOT NULL UNIQUE,
  file_sha256 TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  source_kind TEXT NOT NULL,
  record_json TEXT NOT NULL,
  source_text TEXT NOT NULL,
  page_first_lines TEXT NOT NULL,
  unknown_fields INTEGER NOT NULL,
  low_confidence_fields INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('awaiting', 'confirmed', 'rejected')),
  reason TEXT NOT NULL DEFAULT '',
  queued_at TEXT NOT NULL,
  queued_by TEXT NOT NULL,
  reviewer_id INTEGER NOT NULL DEFAULT 0,
  reviewed_by TEXT NOT NULL DEFAULT '',
  reviewed_at TEXT NOT NULL DEFAULT '',
  decision_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_reviews_state ON import_reviews(state, id);
)sql",
    // 7: publication: the plan, dates and public state on the decision row; redaction
    // records; published versions, which nothing may update or delete.
    R"sql(
ALTER TABLE decisions ADD COLUMN plan_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN plan_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN plan_until TEXT;
ALTER TABLE decisions ADD COLUMN plan_ground TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN plan_withheld_what TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN plan_review_date TEXT;
ALTER TABLE decisions ADD COLUMN plan_set_by INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN plan_set_by_name TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN plan_set_at TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN published_on TEXT;
ALTER TABLE decisions ADD COLUMN withdrawn_on TEXT;
ALTER TABLE decisions ADD COLUMN public_state TEXT NOT NULL DEFAULT '';
UPDATE decisions SET public_state = 'published' WHERE status = 'published';
CREATE INDEX decisions_public ON decisions(body, public_state);

CREATE TABLE decision_redactions (
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  position INTEGER NOT NULL,
  target TEXT NOT NULL,
  section_key TEXT NOT NULL,
  attachment_sha256 TEXT NOT NULL,
  text TEXT NOT NULL,
  reason TEXT NOT NULL,
  ground TEXT NOT NULL,
  proposed_by INTEGER NOT NULL,
  proposed_by_name TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  signed_off_by INTEGER NOT NULL,
  signed_off_by_name TEXT NOT NULL,
  signed_off_role TEXT NOT NULL,
  signed_off_at TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);

CREATE TABLE published_versions (
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  number INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('published', 'corrected', 'withdrawn')),
  published_at TEXT NOT NULL,
  public_json TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  change_note TEXT NOT NULL,
  PRIMARY KEY (decision_id, number)
);
CREATE TRIGGER published_versions_immutable_update BEFORE UPDATE ON published_versions
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
CREATE TRIGGER published_versions_immutable_delete BEFORE DELETE ON published_versions
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;
)sql",
    // 8: the forward plan: forthcoming decisions with planned dates, linked to the
    // decision once taken (decision_id 0: not linked).
    R"sql(
CREATE TABLE forward_plan_items (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 1,
  body TEXT NOT NULL REFERENCES bodies(slug),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  decision_maker TEXT NOT NULL,
  planned_date TEXT NOT NULL,
  part2_expected INTEGER NOT NULL,
  decision_id INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX forward_plan_items_body ON forward_plan_items(body, planned_date, id);
)sql",
    // 9: an index in the register's exact order (ListDecisions: date descending with
    // undated last, which is SQLite's descending order, then reference and id), so that a
    // register page is an index range with no sort, and keyset paging is a seek.
    R"sql(
CREATE INDEX decisions_register_order ON decisions(body, decision_date DESC, reference DESC, id DESC);
)sql",
    // 10: a proposed redaction may be cancelled (by its proposer, the chief executive or
    // the treasurer) with a reason; the record stays, marked cancelled.
    R"sql(
ALTER TABLE decision_redactions ADD COLUMN cancelled_by INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decision_redactions ADD COLUMN cancelled_by_name TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_redactions ADD COLUMN cancelled_at TEXT NOT NULL DEFAULT '';
ALTER TABLE decision_redactions ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
)sql",
};

constexpr int kCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));
static_assert(kCount == kSchemaVersion, "add a migration when raising kSchemaVersion");

}  // namespace

Result<int> Migrate(Database& db) {
  int version = 0;
  {
    auto stmt = db.Prepare("PRAGMA user_version");
    if (!stmt) return stmt.error();
    auto row = stmt->Step();
    if (!row) return row.error();
    version = static_cast<int>(stmt->Int(0));
  }  // the statement is reset here, before any write
  if (version > kSchemaVersion) {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("the database is at schema version {}, newer than this build ({}); "
                            "upgrade Assent",
                            version, kSchemaVersion));
  }
  for (int next = version + 1; next <= kSchemaVersion; ++next) {
    auto tx = Transaction::Begin(db);
    if (!tx) return tx.error();
    if (auto r = db.Exec(kMigrations[next - 1]); !r) {
      return Fail(r.error().code, fmt::format("migration {} failed: {}", next, r.error().message));
    }
    std::string set = fmt::format("PRAGMA user_version = {}", next);
    if (auto r = db.Exec(set.c_str()); !r) return r.error();
    if (auto r = tx->Commit(); !r) return r.error();
  }
  return version;
}

}  // namespace assent::storage::sqlite
