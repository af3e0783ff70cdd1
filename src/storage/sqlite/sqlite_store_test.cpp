#include <gtest/gtest.h>
#include <sqlite3.h>

#include "core/hash.hpp"
#include "storage/open_store.hpp"
#include "storage/sqlite/fts_rank.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/query_sql.hpp"
#include "tests/storage/store_contract.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent::storage {
namespace {

using testing_support::SampleBody;
using testing_support::SampleDecision;
using testing_support::TempDir;
using decisions::Decision;

TEST(SqliteStore, UsesWalAndRecordsSchemaVersion) {
  TempDir dir;
  std::string path = dir.File("a.db");
  {
    auto store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store) << store.error().ToString();
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), sqlite::kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(SqliteStore, RefusesANewerSchema) {
  TempDir dir;
  std::string path = dir.File("future.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenStore("sqlite:" + path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().ToString(),
            path + ": the database is at schema version 99, newer than this build (" +
                std::to_string(sqlite::kSchemaVersion) + "); upgrade Assent");
}

// Undoes migrations 10 (redaction cancellation), 9 (register index; dropped below), 8 (forward
// plan), 7 (publication), 6 (import review queue), 5 (strategy progress), 4 (calendar imports)
// and 3 on a database at the current schema.
constexpr const char* kBackToSchemaTwo = R"sql(
ALTER TABLE decision_redactions DROP COLUMN cancelled_by;
ALTER TABLE decision_redactions DROP COLUMN cancelled_by_name;
ALTER TABLE decision_redactions DROP COLUMN cancelled_at;
ALTER TABLE decision_redactions DROP COLUMN cancel_reason;
DROP TABLE forward_plan_items;
DROP TABLE import_reviews; DROP TABLE strategy_progress; DROP TABLE strategy_proposals;
DROP TABLE calendar_imports;
DROP TABLE published_versions; DROP TABLE decision_redactions; DROP INDEX decisions_public;
DROP INDEX decisions_register_order;
ALTER TABLE decisions DROP COLUMN plan_kind; ALTER TABLE decisions DROP COLUMN plan_reason;
ALTER TABLE decisions DROP COLUMN plan_until; ALTER TABLE decisions DROP COLUMN plan_ground;
ALTER TABLE decisions DROP COLUMN plan_withheld_what; ALTER TABLE decisions DROP COLUMN plan_review_date;
ALTER TABLE decisions DROP COLUMN plan_set_by; ALTER TABLE decisions DROP COLUMN plan_set_by_name;
ALTER TABLE decisions DROP COLUMN plan_set_at; ALTER TABLE decisions DROP COLUMN published_on;
ALTER TABLE decisions DROP COLUMN withdrawn_on; ALTER TABLE decisions DROP COLUMN public_state;
DROP TABLE decision_attachments; DROP TABLE user_roles; DROP TABLE sessions; DROP TABLE users;
DROP TABLE blobs; DROP TABLE mail_outbox; DROP TABLE audit_events; DROP TABLE assent_changes;
ALTER TABLE decisions DROP COLUMN category; ALTER TABLE decisions DROP COLUMN amount_pence;
ALTER TABLE decisions DROP COLUMN author_id; ALTER TABLE decisions DROP COLUMN status_reason;
ALTER TABLE decision_signoffs DROP COLUMN user_id;
ALTER TABLE decision_signoffs DROP COLUMN signed_at;
ALTER TABLE decision_signoffs DROP COLUMN content_hash;
ALTER TABLE decision_signoffs DROP COLUMN interests;
ALTER TABLE decision_signoffs DROP COLUMN outcome;
ALTER TABLE decision_signoffs DROP COLUMN reasons;
ALTER TABLE decision_signoffs DROP COLUMN voided;
PRAGMA user_version = 2;
)sql";

// A database at schema 2 keeps its records through migration 3 (the new fields empty), and
// takes accounts, the audit log and the change counter afterwards.
TEST(SqliteStore, MigratesSchemaTwoToThreeKeepingRecords) {
  TempDir dir;
  std::string path = dir.File("v2.db");
  Decision before = SampleDecision("cumbria", "006/2017");
  {
    auto store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store);
    auto r = (*store)->Apply({.put_bodies = {SampleBody("cumbria")}, .insert_decisions = {before}});
    ASSERT_TRUE(r);
    before.id = r->inserted_ids[0];
    before.version = 1;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, kBackToSchemaTwo, nullptr, nullptr, &err), SQLITE_OK) << err;
  sqlite3_close(db);

  auto store = OpenStore("sqlite:" + path);
  ASSERT_TRUE(store) << store.error().ToString();
  auto got = (*store)->FindDecisionById(before.id);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(*got, before);
  EXPECT_EQ((*store)->Search({.text = "strategy"})->total, 1);
  auto token = (*store)->ChangeToken();
  ASSERT_TRUE(token) << token.error().ToString();
  auto user = testing_support::SampleUser("jsmith");
  auto added = (*store)->Apply({.insert_users = {user},
                                .audit = {testing_support::SampleEvent("user.add")}});
  ASSERT_TRUE(added) << added.error().ToString();
  EXPECT_EQ((*store)->ListAuditEvents(0, 10)->size(), 1u);
  got->category = "estates";
  ASSERT_TRUE((*store)->Apply({.update_decisions = {*got}}));
  EXPECT_NE(*(*store)->ChangeToken(), *token);
}

// A database from before the search index (schema 1) gets its published records indexed
// when the migration adds the index.
TEST(SqliteStore, IndexesExistingRecordsWhenMigratingFromSchemaOne) {
  TempDir dir;
  std::string path = dir.File("old.db");
  {
    auto store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->Apply({.put_bodies = {SampleBody("cumbria")},
                                 .insert_decisions = {SampleDecision("cumbria", "006/2017")}}));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, kBackToSchemaTwo, nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE search_index; DROP TABLE reference_counters; "
                         "PRAGMA user_version = 1",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenStore("sqlite:" + path);
  ASSERT_TRUE(store) << store.error().ToString();
  auto hits = (*store)->Search({.text = "strategy"});
  ASSERT_TRUE(hits) << hits.error().ToString();
  EXPECT_EQ(hits->total, 1);
}

TEST(SqliteStore, SeesWritesOfAnotherProcessThroughChangeToken) {
  TempDir dir;
  std::string url = "sqlite:" + dir.File("shared.db");
  auto server = OpenStore(url);
  auto cli = OpenStore(url);  // another opener of the same file, as `assent import` would be
  ASSERT_TRUE(server && cli);
  auto before = (*server)->ChangeToken();
  ASSERT_TRUE(before);
  ASSERT_TRUE((*cli)->Apply({.put_bodies = {SampleBody("cumbria")}}));
  auto after = (*server)->ChangeToken();
  ASSERT_TRUE(after);
  EXPECT_NE(*before, *after);
  auto bodies = (*server)->ListBodies();
  ASSERT_TRUE(bodies);
  EXPECT_EQ(bodies->size(), 1u);
}

TEST(SqliteStore, PublishedVersionsCannotBeChangedEvenOutsideAssent) {
  TempDir dir;
  std::string path = dir.File("versions.db");
  {
    auto store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store) << store.error().ToString();
    ChangeSet cs;
    cs.put_bodies.push_back(SampleBody("cumbria"));
    cs.insert_decisions.push_back(SampleDecision("cumbria", "006/2017"));
    auto applied = (*store)->Apply(cs);
    ASSERT_TRUE(applied) << applied.error().ToString();
    PublishedVersion v{applied->inserted_ids.at(0), 1, "published", "2026-11-23T10:00:00Z", "{}\n", "", ""};
    v.sha256 = Sha256Hex(v.public_json);
    ChangeSet publish;
    publish.insert_published_versions.push_back(v);
    ASSERT_TRUE((*store)->Apply(publish));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  for (const char* sql : {"UPDATE published_versions SET public_json = '{\"tampered\": true}'",
                          "DELETE FROM published_versions"}) {
    char* err = nullptr;
    EXPECT_NE(sqlite3_exec(db, sql, nullptr, nullptr, &err), SQLITE_OK) << sql;
    EXPECT_NE(std::string(err ? err : "").find("immutable"), std::string::npos) << sql;
    sqlite3_free(err);
  }
  sqlite3_close(db);
}

// The query plan's lines for `sql` (EXPLAIN QUERY PLAN), one per line.
std::string QueryPlan(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  std::string explain = std::string("EXPLAIN QUERY PLAN ") + sql;
  if (sqlite3_prepare_v2(db, explain.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    return std::string("cannot prepare: ") + sqlite3_errmsg(db);
  }
  std::string plan;
  while (sqlite3_step(st) == SQLITE_ROW) {
    plan += reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
    plan += '\n';
  }
  sqlite3_finalize(st);
  return plan;
}

// The register queries read decisions_register_order (migration 8) in its order: no sort,
// whatever the filters, and keyset paging seeks instead of skipping rows.
TEST(SqliteStore, RegisterQueriesUseTheOrderIndexWithoutSorting) {
  TempDir dir;
  std::string path = dir.File("plan.db");
  {
    auto store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store) << store.error().ToString();
    Decision d = SampleDecision("cumbria", "006/2017");
    ASSERT_TRUE((*store)->Apply({.put_bodies = {SampleBody("cumbria")}, .insert_decisions = {d}}));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite::RegisterFtsRank(db), SQLITE_OK);
  for (const char* sql : {sqlite::kListDecisions, sqlite::kListDatedAfter, sqlite::kListUndatedAfter}) {
    std::string plan = QueryPlan(db, sql);
    EXPECT_NE(plan.find("USING INDEX decisions_register_order"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  }
  std::string keyset = QueryPlan(db, sqlite::kListDatedAfter);
  EXPECT_NE(keyset.find("(decision_date,reference)<(?,?)"), std::string::npos) << keyset;
  // Bounded ranking: the candidates come from FTS5 in rowid order, not sorted afterwards.
  std::string search = QueryPlan(db, sqlite::kSearch);
  auto materialize = search.find("MATERIALIZE candidates");
  ASSERT_NE(materialize, std::string::npos) << search;
  auto scan = search.find("SCAN candidates", materialize);
  EXPECT_EQ(search.substr(materialize, scan - materialize).find("TEMP B-TREE"), std::string::npos)
      << search;
  sqlite3_close(db);
}

TEST(OpenStore, RejectsBadUrls) {
  auto bad = OpenStore("mysql://x");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "'mysql://x' is not a store URL; expected sqlite:PATH or postgresql://...");
  auto down = OpenStore("postgresql://assent@127.0.0.1:1/assent?connect_timeout=2");
  ASSERT_FALSE(down);
  EXPECT_EQ(down.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(down.error().message.rfind("cannot connect to PostgreSQL: ", 0), 0u)
      << down.error().message;
  auto empty = OpenStore("sqlite:");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidInput);
  auto unwritable = OpenStore("sqlite:/nonexistent-dir/x/assent.db");
  ASSERT_FALSE(unwritable);
  EXPECT_EQ(unwritable.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace assent::storage
