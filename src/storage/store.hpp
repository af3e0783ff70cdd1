#pragma once
// The one storage interface, in domain terms. Backends (storage/sqlite, later
// storage/postgres) own their SQL; services are the only callers.
//
// Thread-safety: a Store is safe for concurrent use from several threads.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user.hpp"
#include "audit/event.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/body.hpp"
#include "decisions/decision.hpp"
#include "publication/forward_plan.hpp"
#include "strategy/recorded.hpp"
#include "storage/import_review.hpp"

namespace assent::storage {

// A register row: what lists need, without section text.
struct DecisionSummary {
  std::int64_t id = 0;
  std::string body;
  std::string reference;
  std::string title;
  std::optional<std::string> decision_maker_role;
  std::optional<Date> decision_date;
  decisions::Status status = decisions::Status::kDraft;
  decisions::Outcome outcome = decisions::Outcome::kUnknown;
  // publication::PublicStateName of where it stands on the public register, or empty
  // when it is not public (filled by ListDecisions; empty in search hits).
  std::string public_state;
  friend bool operator==(const DecisionSummary&, const DecisionSummary&) = default;
};

// A place in a register's order (see ListDecisions): the last row of a page, from which
// the next page carries on (keyset paging: a deep page costs what the first one does).
struct RegisterCursor {
  std::optional<Date> decision_date;  // undated rows come after every dated one
  std::string reference;
  std::int64_t id = 0;
  friend bool operator==(const RegisterCursor&, const RegisterCursor&) = default;
};

struct RegisterQuery {
  std::string body;                           // required: one body's register
  std::optional<int> year;                    // decision year
  std::vector<decisions::Status> statuses;    // empty: any status
  bool public_only = false;                   // only what the public register shows
  int limit = 100;
  int offset = 0;                             // ignored when `after` is given
  std::optional<RegisterCursor> after;        // only rows after this one in register order
};

// The last reference number handed out for a body and year.
struct ReferenceCounter {
  std::string body;
  int year = 0;
  int last = 0;
  friend bool operator==(const ReferenceCounter&, const ReferenceCounter&) = default;
};

// A content-addressed blob: attachment bytes, signed-content snapshots, original files.
struct Blob {
  std::string sha256;  // Sha256Hex(bytes); the backend checks it
  std::string bytes;
};

// An e-mail waiting in the outbox; queued in the same transaction as the change it
// reports, sent by the server's mail sender.
struct Mail {
  std::int64_t id = 0;  // 0 until stored
  std::string to;       // one address
  std::string subject;
  std::string body;     // plain text; never Part 2 text
  std::string created_at;  // UTC instant
  int attempts = 0;
  std::string last_error;
  friend bool operator==(const Mail&, const Mail&) = default;
};

// A bank-holiday file imported with `assent calendar import`, kept as given (GOV.UK JSON).
// The calendar in force is the bundled one with every import merged in, oldest first
// (services::EffectiveCalendar), so a later Assent release's bundled file and the
// imports compose the same way every time.
struct CalendarImport {
  std::int64_t seq = 0;     // 1, 2, ... in import order; 0 until stored
  std::string imported_at;  // UTC instant
  std::string source;       // the file name as given
  std::string sha256;       // of json
  std::string json;
  friend bool operator==(const CalendarImport&, const CalendarImport&) = default;
};

// One published version of a decision's public record: the first publication, each
// correction, the withdrawal tombstone. Immutable once written: there is no update or
// delete path, and both backends refuse one.
struct PublishedVersion {
  std::int64_t decision_id = 0;
  int number = 0;            // 1, 2, ... in order; the next must be the last + 1
  std::string kind;          // "published", "corrected", "withdrawn"
  std::string published_at;  // UTC instant
  std::string public_json;   // the rendered PublicDecision (render::DecisionJson)
  std::string sha256;        // Sha256Hex(public_json); the backend checks it
  std::string change_note;   // public note of a correction or withdrawal
  friend bool operator==(const PublishedVersion&, const PublishedVersion&) = default;
};

// A version proposal whose draft decision is inserted by the same batch, so the draft
// and its proposal are written in one transaction: the proposal's decision_id is
// ignored and set to the id assigned to insert_decisions[inserted_decision].
struct ProposalOfNewDecision {
  strategy::VersionProposal proposal;
  int inserted_decision = 0;
};

// Writes applied together in one transaction, or not at all.
struct ChangeSet {
  std::vector<decisions::Body> put_bodies;          // insert or replace by slug
  std::vector<decisions::Decision> insert_decisions;  // id and version are assigned
  // Each decision's `version` must be the version it was read at; a moved row
  // makes the whole batch fail with kConflict.
  std::vector<decisions::Decision> update_decisions;
  // Moving between stores (assent migrate, restore): decisions written with the id and
  // version they carry, and reference counters as they stand. Not for application use.
  std::vector<decisions::Decision> copy_decisions;
  std::vector<ReferenceCounter> copy_reference_counters;

  // Staff accounts: inserted (id and version assigned; a taken username is kConflict)
  // or updated (version-checked like decisions).
  std::vector<accounts::User> insert_users;
  std::vector<accounts::User> update_users;
  std::vector<accounts::Session> put_sessions;          // insert or replace by token_hash
  std::vector<std::string> delete_sessions;             // by token_hash
  std::vector<std::int64_t> delete_sessions_of_users;   // every session of these users
  std::vector<Blob> put_blobs;                          // idempotent; kInvalidInput on a wrong hash
  std::vector<Mail> queue_mail;
  // Appended (seq assigned); copy_calendar_imports keep their seq (moving between stores).
  std::vector<CalendarImport> add_calendar_imports;
  std::vector<CalendarImport> copy_calendar_imports;
  // Appended after the other writes, in order, each chained to the one before (see
  // audit/event.hpp). An event naming a decision written in this batch records that
  // decision's row hash as written.
  std::vector<audit::NewEvent> audit;
  // Moving between stores: accounts with their ids and versions, and the audit log
  // verbatim (hashes kept). Not for application use.
  std::vector<accounts::User> copy_users;
  std::vector<audit::Event> copy_audit_events;
  // The import review queue: inserted (id and version assigned; a source_hash already
  // queued is kConflict) or updated (version-checked; state, reason, reviewer, decision).
  std::vector<ImportReview> insert_import_reviews;
  std::vector<ImportReview> update_import_reviews;
  // Kept with their id, version, state and decision_id (moving between stores: `assent migrate`).
  std::vector<ImportReview> copy_import_reviews;

  // The strategy register (strategy/recorded.hpp): progress entries and status changes,
  // and proposals for a new version (each naming its draft decision, which must exist).
  // Ids are assigned; they move the change token (the public strategy pages show them).
  std::vector<strategy::RecordedProgress> insert_strategy_progress;
  std::vector<strategy::VersionProposal> insert_strategy_proposals;
  std::vector<ProposalOfNewDecision> insert_proposals_of_new_decisions;
  // Moving between stores (assent migrate): written with the ids they carry (a feed's
  // entry ids are made from them). Not for application use.
  std::vector<strategy::RecordedProgress> copy_strategy_progress;
  std::vector<strategy::VersionProposal> copy_strategy_proposals;
  // Published versions (also used when moving between stores): kInvalidInput for a
  // wrong hash, kind or decision; kConflict for a number that is not the next.
  std::vector<PublishedVersion> insert_published_versions;
  // The forward plan (publication/forward_plan.hpp): items inserted (id and version
  // assigned; the body must exist) or updated (version-checked: a moved row is kConflict).
  // A linked decision_id must be a decision of the item's body. They move the change token.
  std::vector<publication::ForwardPlanItem> insert_forward_plan_items;
  std::vector<publication::ForwardPlanItem> update_forward_plan_items;

  bool empty() const {
    return put_bodies.empty() && insert_decisions.empty() && update_decisions.empty() &&
           copy_decisions.empty() && copy_reference_counters.empty() &&
           insert_users.empty() && update_users.empty() && put_sessions.empty() &&
           delete_sessions.empty() && delete_sessions_of_users.empty() &&
           put_blobs.empty() && queue_mail.empty() && audit.empty() &&
           copy_users.empty() && copy_audit_events.empty() && add_calendar_imports.empty() &&
           copy_calendar_imports.empty() && insert_strategy_progress.empty() &&
           insert_strategy_proposals.empty() && insert_proposals_of_new_decisions.empty() &&
           copy_strategy_progress.empty() && copy_strategy_proposals.empty() &&
           insert_import_reviews.empty() && update_import_reviews.empty() &&
           copy_import_reviews.empty() && insert_published_versions.empty() &&
           insert_forward_plan_items.empty() && update_forward_plan_items.empty();
  }
};

// A public full-text search. The index holds public text only
// (publication::MakeSearchDocument), kept in step with every write.
struct SearchQuery {
  std::string text;                           // words as a person typed them
  std::optional<std::string> body;            // one body's register, or all
  std::optional<int> year;                    // decision year
  std::optional<std::string> decision_maker;  // decision maker role as recorded
  int limit = 20;
  int offset = 0;
  std::vector<decisions::Status> statuses;    // empty: any status the index holds
  std::optional<std::string> classification;  // header field "classification", any case
};

// A stretch of snippet text; `match` marks the words that matched. Renderers escape
// the text and mark matches up themselves, so a snippet never carries markup.
struct SnippetPart {
  std::string text;
  bool match = false;
  friend bool operator==(const SnippetPart&, const SnippetPart&) = default;
};

struct SearchHit {
  DecisionSummary decision;
  std::vector<SnippetPart> snippet;
  double rank = 0;  // higher is better; comparable within one result only
};

// Search ranks a bounded candidate set, not every match: the kSearchCandidates newest
// matches (by decision id, i.e. as written, which for a register written day by day is by
// decision date) that pass the filters. A common word can match a third of a register of
// a million; ranking all of them would cost seconds, and nobody reads past the first pages.
// Filters apply before the cap, so a body's or a year's search ranks within that filter.
inline constexpr int kSearchCandidates = 1000;

struct SearchResult {
  std::vector<SearchHit> hits;  // best first, among the candidates
  // Matches that pass the filters, counted up to the cap: the exact number when `capped`
  // is false; kSearchCandidates when it is true, meaning "more than kSearchCandidates"
  // (only the newest kSearchCandidates were ranked, and only they can be paged through).
  int total = 0;
  bool capped = false;
};

struct ApplyResult {
  std::vector<std::int64_t> inserted_ids;       // in the order of insert_decisions
  std::vector<std::int64_t> inserted_user_ids;  // in the order of insert_users
  std::vector<std::int64_t> new_versions;       // in the order of update_decisions
  std::vector<std::int64_t> inserted_review_ids;  // in the order of insert_import_reviews
  std::vector<std::int64_t> inserted_forward_plan_ids;  // in the order of insert_forward_plan_items
};

struct BodyCount {
  decisions::Body body;
  int decisions = 0;  // counted over the given statuses
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The schema version this store is at (after migrations).
  virtual int SchemaVersion() = 0;

  virtual Result<std::vector<decisions::Body>> ListBodies() = 0;
  // Bodies with their number of decisions in the given statuses (empty: all).
  virtual Result<std::vector<BodyCount>> CountDecisionsByBody(
      const std::vector<decisions::Status>& statuses) = 0;
  // kNotFound when there is no such body.
  virtual Result<decisions::Body> FindBody(std::string_view slug) = 0;

  // By the URL form of the reference (see decisions::ReferenceSlug). kNotFound when absent.
  virtual Result<decisions::Decision> FindDecision(std::string_view body,
                                                   std::string_view reference_slug) = 0;
  virtual Result<decisions::Decision> FindDecisionById(std::int64_t id) = 0;
  // The decision imported from a file with this SHA-256, if any.
  virtual Result<std::optional<std::int64_t>> FindDecisionBySourceHash(std::string_view hash) = 0;

  // Newest first: by decision date (undated last), then reference (bytewise), then id,
  // all descending; an index on both backends matches this order exactly.
  virtual Result<std::vector<DecisionSummary>> ListDecisions(const RegisterQuery& query) = 0;
  // The years that have decisions in the given statuses, newest first.
  virtual Result<std::vector<int>> DecisionYears(std::string_view body,
                                                 const std::vector<decisions::Status>& statuses) = 0;

  // Applies the whole batch in one transaction. kInvalidInput for a decision that
  // fails decisions::Validate or names an unknown body, or a blob whose bytes do not
  // hash to its sha256; kConflict for a duplicate reference, a taken username or a
  // stale version. On any error nothing is written (no audit event, no mail either).
  virtual Result<ApplyResult> Apply(const ChangeSet& changes) = 0;

  // Hands out the next reference number for a body and year: one more than the last
  // handed out, and at least `at_least` (the highest number already used, e.g. by
  // imported records, plus one). Atomic across connections, processes and servers: no
  // number is ever handed out twice. kInvalidInput for an unknown body.
  virtual Result<int> ReserveReferenceNumber(std::string_view body, int year, int at_least) = 0;
  virtual Result<std::vector<ReferenceCounter>> ListReferenceCounters() = 0;

  // Ranked full-text search over the public index. An empty text finds nothing.
  virtual Result<SearchResult> Search(const SearchQuery& query) = 0;

  // Staff accounts. kNotFound when absent.
  virtual Result<std::vector<accounts::User>> ListUsers() = 0;  // by username
  virtual Result<accounts::User> FindUser(std::string_view username) = 0;
  virtual Result<accounts::User> FindUserById(std::int64_t id) = 0;
  // kNotFound when absent; an expired session is returned as stored (callers check).
  virtual Result<accounts::Session> FindSession(std::string_view token_hash) = 0;

  // kNotFound when absent.
  virtual Result<std::string> FindBlob(std::string_view sha256) = 0;
  // The hash of every stored blob, in ascending order (for copying a store).
  virtual Result<std::vector<std::string>> ListBlobHashes() = 0;

  // The audit log in seq order: events with seq > after_seq, at most `limit`.
  virtual Result<std::vector<audit::Event>> ListAuditEvents(std::int64_t after_seq, int limit) = 0;
  // One decision's events, oldest first.
  virtual Result<std::vector<audit::Event>> DecisionHistory(std::int64_t decision_id) = 0;

  // The public register (RegisterQuery::public_only): each body with its number of
  // public decisions, and a body's years with public decisions, newest first.
  virtual Result<std::vector<BodyCount>> CountPublicDecisionsByBody() = 0;
  virtual Result<std::vector<int>> PublicDecisionYears(std::string_view body) = 0;

  // A decision's published versions, oldest first (empty when never published in Assent).
  virtual Result<std::vector<PublishedVersion>> ListPublishedVersions(std::int64_t decision_id) = 0;

  // Unsent mail, oldest first, at most `limit`, with fewer than `max_attempts` attempts.
  virtual Result<std::vector<Mail>> PendingMail(int limit, int max_attempts) = 0;
  // Records one delivery attempt: sent (error empty: removed from the outbox) or failed
  // (attempts + 1, last_error). A mail no longer in the outbox is no error (nothing to do).
  virtual Result<void> RecordMailAttempt(std::int64_t id, std::string_view error) = 0;

  // Every imported bank-holiday file, oldest first.
  virtual Result<std::vector<CalendarImport>> ListCalendarImports() = 0;

  // The strategy register's stored entries for a body, oldest recorded first (by id).
  // An empty `strategy` means every strategy of the body.
  virtual Result<std::vector<strategy::RecordedProgress>> ListStrategyProgress(
      std::string_view body, std::string_view strategy) = 0;
  virtual Result<std::vector<strategy::VersionProposal>> ListStrategyProposals(
      std::string_view body, std::string_view strategy) = 0;

  // The import review queue, oldest first, without record_json and source_text.
  virtual Result<std::vector<ImportReview>> ListImportReviews(const ImportReviewQuery& query) = 0;
  // One item in full. kNotFound when absent.
  virtual Result<ImportReview> FindImportReview(std::int64_t id) = 0;
  // The item queued from a document with this content hash, if any.
  virtual Result<std::optional<std::int64_t>> FindImportReviewBySourceHash(std::string_view hash) = 0;

  // A body's forward plan, by planned date then id. kNotFound for an unknown item.
  virtual Result<std::vector<publication::ForwardPlanItem>> ListForwardPlan(std::string_view body) = 0;
  virtual Result<publication::ForwardPlanItem> FindForwardPlanItem(std::int64_t id) = 0;

  // A token that changes whenever any connection or process commits a write that can
  // change a public page: bodies, decisions, reference counters, calendar imports (due
  // dates move), strategy progress and proposals, forward plan items. Accounts, sessions, blobs, mail and the
  // audit log do not move it. Caches compare it to know when to drop what they hold.
  virtual Result<std::uint64_t> ChangeToken() = 0;
};

}  // namespace assent::storage
