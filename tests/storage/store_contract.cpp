#include "tests/storage/store_contract.hpp"

#include "storage/open_store.hpp"
#include "tests/support/postgres.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent::testing_support {

using decisions::Decision;
using decisions::Outcome;
using decisions::Part;
using decisions::Status;
using storage::ChangeSet;

void StoreContract::SetUp() {
  std::string skip;
  store_ = GetParam().open(&skip);
  if (!store_ && !skip.empty()) GTEST_SKIP() << skip;
  ASSERT_NE(store_, nullptr);
}

decisions::Body SampleBody(const std::string& slug) {
  decisions::Body b;
  b.slug = slug;
  b.name = "Police & Crime Commissioner for " + slug;
  b.short_name = slug;
  b.reference_pattern = "NNN/YYYY";
  b.form = "cumbria-request-for-decision";
  return b;
}

Decision SampleDecision(const std::string& body, const std::string& reference,
                        const std::string& part2_marker) {
  Decision d;
  d.body = body;
  d.form = "cumbria-request-for-decision";
  d.reference = reference;
  d.title = "ICT Strategy " + reference;
  d.status = Status::kPublished;
  d.outcome = Outcome::kApproved;
  d.decision_maker_role = "Police & Crime Commissioner";
  d.decision_date = *Date::ParseIso("2017-02-22");
  d.sections = {{"executive_summary", "Executive Summary", Part::kPart1, "Public summary."},
                {"part2", "Part 2", Part::kPart2, part2_marker}};
  d.fields = {{"report_by", "S. Kirkpatrick"}};
  d.boards = {{"Chief Officer Group", *Date::ParseIso("2017-02-10")}};
  d.background_papers = {{"ICT Strategy", Part::kPart1}, {"Appendix", Part::kPart2}};
  d.persons_consulted = {"Financial Services"};
  decisions::SignOff s;
  s.step = "originating_officer";
  s.role = "Originating Officer";
  s.name = "S. Kirkpatrick";
  s.date = *Date::ParseIso("2017-02-14");
  s.declaration = "I confirm.";
  d.signoffs = {s};
  d.publication.part2_exists = true;
  d.publication.deferred = false;
  d.media.press_release_required = false;
  return d;
}

namespace {

TEST_P(StoreContract, StartsEmptyAtCurrentSchema) {
  EXPECT_GE(store_->SchemaVersion(), 1);
  auto bodies = store_->ListBodies();
  ASSERT_TRUE(bodies) << bodies.error().ToString();
  EXPECT_TRUE(bodies->empty());
}

TEST_P(StoreContract, RoundTripsADecisionWithEveryPart) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();
  ASSERT_EQ(applied->inserted_ids.size(), 1u);

  auto got = store_->FindDecision("cumbria", "006-2017");
  ASSERT_TRUE(got) << got.error().ToString();
  Decision expected = SampleDecision("cumbria", "006/2017");
  expected.id = applied->inserted_ids[0];
  expected.version = 1;
  EXPECT_EQ(*got, expected);

  auto by_id = store_->FindDecisionById(expected.id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(*by_id, expected);
}

TEST_P(StoreContract, ListsNewestFirstAndFiltersByYearAndStatus) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria"), SampleBody("essex")};
  auto a = SampleDecision("cumbria", "008/2016");
  a.decision_date = *Date::ParseIso("2016-02-24");
  auto b = SampleDecision("cumbria", "006/2017");
  auto c = SampleDecision("cumbria", "001/2018");
  c.decision_date.reset();
  c.status = Status::kDraft;
  auto other = SampleDecision("essex", "097/2021");
  cs.insert_decisions = {a, b, c, other};
  ASSERT_TRUE(store_->Apply(cs));

  auto all = store_->ListDecisions({.body = "cumbria"});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].reference, "006/2017");
  EXPECT_EQ((*all)[1].reference, "008/2016");
  EXPECT_EQ((*all)[2].reference, "001/2018");  // undated last

  auto y2016 = store_->ListDecisions({.body = "cumbria", .year = 2016});
  ASSERT_TRUE(y2016);
  ASSERT_EQ(y2016->size(), 1u);
  EXPECT_EQ((*y2016)[0].reference, "008/2016");

  auto published = store_->ListDecisions({.body = "cumbria", .statuses = {Status::kPublished}});
  ASSERT_TRUE(published);
  EXPECT_EQ(published->size(), 2u);

  auto years = store_->DecisionYears("cumbria", {Status::kPublished});
  ASSERT_TRUE(years);
  EXPECT_EQ(*years, (std::vector<int>{2017, 2016}));

  auto counts = store_->CountDecisionsByBody({Status::kPublished});
  ASSERT_TRUE(counts);
  ASSERT_EQ(counts->size(), 2u);
  for (const auto& bc : *counts) {
    EXPECT_EQ(bc.decisions, bc.body.slug == "cumbria" ? 2 : 1) << bc.body.slug;
  }
}

TEST_P(StoreContract, FailedApplyLeavesStoreUntouched) {
  ChangeSet first;
  first.put_bodies = {SampleBody("cumbria")};
  first.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  ASSERT_TRUE(store_->Apply(first));
  auto token = store_->ChangeToken();
  ASSERT_TRUE(token);

  // The second decision duplicates a reference: the whole batch must fail.
  ChangeSet bad;
  bad.put_bodies = {SampleBody("essex")};
  bad.insert_decisions = {SampleDecision("cumbria", "007/2017"),
                          SampleDecision("cumbria", "006/2017")};
  auto r = store_->Apply(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().ToString(),
            "field reference: cumbria already has a decision with reference 006/2017");

  auto bodies = store_->ListBodies();
  ASSERT_TRUE(bodies);
  EXPECT_EQ(bodies->size(), 1u);
  auto list = store_->ListDecisions({.body = "cumbria"});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 1u);
  EXPECT_FALSE(store_->FindDecision("cumbria", "007-2017"));
}

TEST_P(StoreContract, RejectsUnknownBodyAndInvalidDecision) {
  ChangeSet cs;
  cs.insert_decisions = {SampleDecision("nowhere", "001/2020")};
  auto r = store_->Apply(cs);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(r.error().ToString(), "field body: no body 'nowhere' in this store");

  ChangeSet empty_title;
  empty_title.put_bodies = {SampleBody("cumbria")};
  auto d = SampleDecision("cumbria", "001/2020");
  d.title = "  ";
  empty_title.insert_decisions = {d};
  r = store_->Apply(empty_title);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), "field title: the title is empty");
  auto bodies = store_->ListBodies();
  ASSERT_TRUE(bodies);
  EXPECT_TRUE(bodies->empty()) << "a failed batch must not write its bodies either";
}

TEST_P(StoreContract, UpdateChecksVersion) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  ASSERT_TRUE(store_->Apply(cs));
  auto d = store_->FindDecision("cumbria", "006-2017");
  ASSERT_TRUE(d);

  Decision edit = *d;
  edit.title = "Edited title";
  edit.sections.pop_back();
  ASSERT_TRUE(store_->Apply({.update_decisions = {edit}}));
  auto after = store_->FindDecision("cumbria", "006-2017");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->title, "Edited title");
  EXPECT_EQ(after->version, 2);
  EXPECT_EQ(after->sections.size(), 1u);

  Decision stale = *d;  // still at version 1
  stale.title = "Lost update";
  auto r = store_->Apply({.update_decisions = {stale}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().message,
            "decision 006/2017 was changed by someone else since it was read; reload it and try "
            "again");
  EXPECT_EQ(store_->FindDecision("cumbria", "006-2017")->title, "Edited title");
}

TEST_P(StoreContract, FindsBySourceHashAndReportsMissing) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  auto d = SampleDecision("cumbria", "006/2017");
  d.source = "000.txt";
  d.source_hash = "abc123";
  cs.insert_decisions = {d};
  ASSERT_TRUE(store_->Apply(cs));
  auto found = store_->FindDecisionBySourceHash("abc123");
  ASSERT_TRUE(found);
  ASSERT_TRUE(found->has_value());
  auto none = store_->FindDecisionBySourceHash("zzz");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());

  auto missing = store_->FindDecision("cumbria", "999-2017");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto no_body = store_->FindBody("nowhere");
  ASSERT_FALSE(no_body);
  EXPECT_EQ(no_body.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, ChangeTokenMovesOnWrite) {
  auto before = store_->ChangeToken();
  ASSERT_TRUE(before);
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria")}}));
  auto after = store_->ChangeToken();
  ASSERT_TRUE(after);
  EXPECT_NE(*before, *after);
  auto again = store_->ChangeToken();
  ASSERT_TRUE(again);
  EXPECT_EQ(*after, *again);
}

TEST_P(StoreContract, ReservesEachReferenceNumberOnce) {
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria"), SampleBody("essex")}}));
  EXPECT_EQ(*store_->ReserveReferenceNumber("cumbria", 2024, 1), 1);
  EXPECT_EQ(*store_->ReserveReferenceNumber("cumbria", 2024, 1), 2);
  // Imported records already use up to 9: the next number is 10, then 11.
  EXPECT_EQ(*store_->ReserveReferenceNumber("cumbria", 2024, 10), 10);
  EXPECT_EQ(*store_->ReserveReferenceNumber("cumbria", 2024, 3), 11);
  EXPECT_EQ(*store_->ReserveReferenceNumber("cumbria", 2025, 1), 1);
  EXPECT_EQ(*store_->ReserveReferenceNumber("essex", 2024, 0), 1);
  auto unknown = store_->ReserveReferenceNumber("nowhere", 2024, 1);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(unknown.error().message, "no body 'nowhere' in this store");
  auto counters = store_->ListReferenceCounters();
  ASSERT_TRUE(counters);
  std::vector<storage::ReferenceCounter> expected = {
      {"cumbria", 2024, 11}, {"cumbria", 2025, 1}, {"essex", 2024, 1}};
  EXPECT_EQ(*counters, expected);
}

TEST_P(StoreContract, SearchFindsPublicTextOnly) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria"), SampleBody("essex")};
  auto strategy = SampleDecision("cumbria", "006/2017", "ZEBRAPART2MARKER");
  strategy.title = "Digital strategy refresh";
  strategy.sections[0].text = "The commissioner approved the body-worn video rollout.";
  auto draft = SampleDecision("cumbria", "", "x");
  draft.status = Status::kDraft;
  draft.title = "Draft about quokkas";
  auto other = SampleDecision("essex", "100-22");
  other.title = "Estates disposal";
  other.decision_date = *Date::ParseIso("2022-05-01");
  other.decision_maker_role = "PFCC";
  other.sections[0].text = "Sale of the old station; the strategy for estates.";
  cs.insert_decisions = {strategy, draft, other};
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();

  auto hits = store_->Search({.text = "body-worn video"});
  ASSERT_TRUE(hits) << hits.error().ToString();
  ASSERT_EQ(hits->hits.size(), 1u);
  EXPECT_EQ(hits->total, 1);
  EXPECT_EQ(hits->hits[0].decision.reference, "006/2017");
  bool marked = false;
  for (const auto& part : hits->hits[0].snippet) {
    EXPECT_EQ(part.text.find('\x02'), std::string::npos);
    if (part.match) marked = true;
  }
  EXPECT_TRUE(marked) << "the snippet marks the matched words";

  // Stemming: "strategies" finds both; the title match ranks first.
  auto both = store_->Search({.text = "strategies"});
  ASSERT_TRUE(both);
  ASSERT_EQ(both->hits.size(), 2u);
  EXPECT_EQ(both->total, 2);
  EXPECT_EQ(both->hits[0].decision.reference, "006/2017");
  EXPECT_GE(both->hits[0].rank, both->hits[1].rank);

  // Filters.
  EXPECT_EQ(store_->Search({.text = "strategy", .body = "essex"})->hits.size(), 1u);
  EXPECT_EQ(store_->Search({.text = "strategy", .year = 2022})->hits.size(), 1u);
  EXPECT_EQ(store_->Search({.text = "strategy", .decision_maker = "PFCC"})->hits.size(), 1u);
  auto paged = store_->Search({.text = "strategy", .limit = 1, .offset = 1});
  ASSERT_TRUE(paged);
  EXPECT_EQ(paged->hits.size(), 1u);
  EXPECT_EQ(paged->total, 2);

  // Part 2, drafts and query syntax typed by a person.
  EXPECT_EQ(store_->Search({.text = "ZEBRAPART2MARKER"})->total, 0);
  EXPECT_EQ(store_->Search({.text = "quokkas"})->total, 0);
  for (const char* typed : {"\"unbalanced", "a AND (b", "NEAR(x y", "-", "*", "", "   "}) {
    auto r = store_->Search({.text = typed});
    ASSERT_TRUE(r) << typed << ": " << r.error().ToString();
    EXPECT_EQ(r->total, 0) << typed;
  }

  // A withdrawn record leaves the index with the write that withdraws it.
  auto d = store_->FindDecision("cumbria", "006-2017");
  ASSERT_TRUE(d);
  d->status = Status::kWithdrawn;
  ASSERT_TRUE(store_->Apply({.update_decisions = {*d}}));
  EXPECT_EQ(store_->Search({.text = "body-worn"})->total, 0);
}

TEST_P(StoreContract, CopiesDecisionsWithTheirIdsAndVersions) {
  auto d = SampleDecision("cumbria", "006/2017");
  d.id = 42;
  d.version = 3;
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.copy_decisions = {d};
  cs.copy_reference_counters = {{"cumbria", 2017, 6}};
  auto r = store_->Apply(cs);
  ASSERT_TRUE(r) << r.error().ToString();
  auto got = store_->FindDecisionById(42);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(*got, d);
  EXPECT_EQ(store_->Search({.text = "strategy"})->total, 1) << "copied records are indexed";
  EXPECT_EQ(*store_->ReserveReferenceNumber("cumbria", 2017, 1), 7);
  auto next = store_->Apply({.insert_decisions = {SampleDecision("cumbria", "007/2017")}});
  ASSERT_TRUE(next) << next.error().ToString();
  EXPECT_GT(next->inserted_ids[0], 42) << "new ids start above copied ones";
}

TEST_P(StoreContract, NoLookupCrossesBodies) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria"), SampleBody("essex")};
  cs.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  ASSERT_TRUE(store_->Apply(cs));
  EXPECT_FALSE(store_->FindDecision("essex", "006-2017"));
  EXPECT_TRUE(store_->ListDecisions({.body = "essex"})->empty());
  EXPECT_EQ(store_->Search({.text = "strategy", .body = "essex"})->total, 0);
  EXPECT_TRUE(store_->DecisionYears("essex", {})->empty());
}

std::unique_ptr<storage::Store> OpenTempSqlite(std::string*) {
  static TempDir dir_holder;  // removed at exit
  static TempDir* dir = &dir_holder;
  static int n = 0;
  auto store = storage::OpenStore("sqlite:" + dir->File("contract-" + std::to_string(++n) + ".db"));
  if (!store) {
    ADD_FAILURE() << store.error().ToString();
    return nullptr;
  }
  return std::move(*store);
}

std::unique_ptr<storage::Store> OpenMemorySqlite(std::string*) {
  auto store = storage::OpenStore("sqlite::memory:");
  if (!store) {
    ADD_FAILURE() << store.error().ToString();
    return nullptr;
  }
  return std::move(*store);
}

std::unique_ptr<storage::Store> OpenPostgres(std::string* skip) {
  std::string why;
  auto url = FreshPostgresSchema(&why);
  if (!url) {
    if (PostgresRequired()) {
      ADD_FAILURE() << why;
    } else {
      *skip = "PostgreSQL NOT TESTED: " + why;
    }
    return nullptr;
  }
  auto store = storage::OpenStore(*url, {.connections = 3});
  if (!store) {
    ADD_FAILURE() << store.error().ToString();
    return nullptr;
  }
  return std::move(*store);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
                         ::testing::Values(StoreFactory{"file", &OpenTempSqlite},
                                           StoreFactory{"memory", &OpenMemorySqlite}),
                         [](const auto& p) { return p.param.name; });
INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract,
                         ::testing::Values(StoreFactory{"postgres", &OpenPostgres}),
                         [](const auto& p) { return p.param.name; });

}  // namespace
}  // namespace assent::testing_support
