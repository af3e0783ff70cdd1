#include "tests/storage/store_contract.hpp"

#include <libpq-fe.h>

#include <algorithm>

#include "core/hash.hpp"
#include "services/store_copy.hpp"
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

accounts::User SampleUser(const std::string& username) {
  accounts::User u;
  u.username = username;
  u.display_name = "Person " + username;
  u.email = username + "@example.org";
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  u.roles = {{"cumbria", "governance_officer"}, {"*", "administrator"}};
  return u;
}

audit::NewEvent SampleEvent(std::string action, std::int64_t decision_id, int inserted) {
  audit::NewEvent e;
  e.at = "2026-11-21T10:15:00Z";
  e.actor_id = 0;
  e.actor = "cli";
  e.action = std::move(action);
  e.detail = "by the contract suite";
  e.decision_id = decision_id;
  e.inserted_decision = inserted;
  return e;
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

// The open register's search filters: status and the record's classification.
TEST_P(StoreContract, SearchFiltersByStatusAndClassification) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  auto official = SampleDecision("cumbria", "006/2017");
  official.fields.push_back({"classification", "OFFICIAL"});
  auto sensitive = SampleDecision("cumbria", "007/2017");
  sensitive.fields.push_back({"classification", "Official-Sensitive"});
  auto unmarked = SampleDecision("cumbria", "008/2017");
  cs.insert_decisions = {official, sensitive, unmarked};
  ASSERT_TRUE(store_->Apply(cs));

  auto all = store_->Search({.text = "strategy"});
  ASSERT_TRUE(all) << all.error().ToString();
  EXPECT_EQ(all->total, 3);
  auto published = store_->Search({.text = "strategy", .statuses = {Status::kPublished}});
  ASSERT_TRUE(published) << published.error().ToString();
  EXPECT_EQ(published->total, 3);
  EXPECT_EQ(published->hits.size(), 3u);
  auto withdrawn = store_->Search({.text = "strategy", .statuses = {Status::kWithdrawn}});
  ASSERT_TRUE(withdrawn) << withdrawn.error().ToString();
  EXPECT_EQ(withdrawn->total, 0);
  EXPECT_TRUE(withdrawn->hits.empty());
  EXPECT_EQ(store_->Search({.text = "strategy",
                            .statuses = {Status::kWithdrawn, Status::kPublished}})->total, 3);

  // Classification: the header field's value, in any case; other fields do not count.
  auto off = store_->Search({.text = "strategy", .classification = "official"});
  ASSERT_TRUE(off) << off.error().ToString();
  ASSERT_EQ(off->hits.size(), 1u);
  EXPECT_EQ(off->total, 1);
  EXPECT_EQ(off->hits[0].decision.reference, "006/2017");
  auto sens = store_->Search({.text = "strategy", .classification = "OFFICIAL-SENSITIVE"});
  ASSERT_TRUE(sens);
  ASSERT_EQ(sens->hits.size(), 1u);
  EXPECT_EQ(sens->hits[0].decision.reference, "007/2017");
  EXPECT_EQ(store_->Search({.text = "strategy", .classification = "S. Kirkpatrick"})->total, 0);
  // Filters combine, and a page past the end still counts every match.
  EXPECT_EQ(store_->Search({.text = "strategy", .statuses = {Status::kWithdrawn},
                            .classification = "official"})->total, 0);
  auto past = store_->Search({.text = "strategy", .offset = 5, .classification = "official"});
  ASSERT_TRUE(past);
  EXPECT_TRUE(past->hits.empty());
  EXPECT_EQ(past->total, 1);
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

// --- schema v3: accounts, sessions, blobs, mail, the audit log, drafted decisions ---------

// Every field a decision drafted and signed in Assent has, with awkward values.
Decision DraftedDecision(const std::string& body, const std::string& reference) {
  Decision d = SampleDecision(body, reference);
  d.attachments = {{"Business case.pdf", "application/pdf", Part::kPart1, std::string(64, 'a'), 123456},
                   {"Appendix – costs.xlsx", "application/vnd.ms-excel", Part::kPart2,
                    std::string(64, 'b'), 0}};
  d.category = "procurement";
  d.amount_pence = 12'345'678'901;
  d.author_id = 17;
  d.status_reason = "returned: please add the costs";
  decisions::SignOff so;
  so.step = "chief_executive";
  so.role = "Deputy Chief Executive";
  so.name = "Jane Smith";
  so.date = *Date::ParseIso("2026-11-21");
  so.declaration = "I have been consulted.";
  so.advice = "Proceed.";
  so.user_id = 5;
  so.signed_at = "2026-11-21T10:15:00Z";
  so.content_hash = std::string(64, 'c');
  so.voided = "voided: content edited by jsmith on 2026-11-22T09:00:00Z";
  decisions::SignOff maker;
  maker.step = "commissioner";
  maker.role = "";  // present but empty: not the same as absent
  maker.user_id = 6;
  maker.signed_at = "2026-11-23T08:00:00Z";
  maker.content_hash = std::string(64, 'd');
  maker.interests = "Director of a supplier (declared)";
  maker.outcome = Outcome::kNotApproved;
  maker.reasons = "Too costly — see Part 2";
  decisions::SignOff unknown = maker;
  unknown.step = "deputy";
  unknown.outcome = Outcome::kUnknown;
  unknown.role.reset();
  d.signoffs.push_back(so);
  d.signoffs.push_back(maker);
  d.signoffs.push_back(unknown);
  return d;
}

TEST_P(StoreContract, RoundTripsEveryFieldOfADraftedDecision) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.insert_decisions = {DraftedDecision("cumbria", "001/2026")};
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();
  Decision expected = DraftedDecision("cumbria", "001/2026");
  expected.id = applied->inserted_ids.at(0);
  expected.version = 1;
  auto got = store_->FindDecisionById(expected.id);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(*got, expected);
  ASSERT_EQ(got->signoffs.size(), 4u);
  EXPECT_EQ(got->signoffs[2].outcome, Outcome::kNotApproved);
  EXPECT_EQ(got->signoffs[3].outcome, Outcome::kUnknown);
  EXPECT_EQ(got->signoffs[0].outcome, std::nullopt);
  EXPECT_EQ(got->signoffs[2].role, std::optional<std::string>(""));
  EXPECT_EQ(got->amount_pence, 12'345'678'901);

  // An update replaces the attachments and clears the amount.
  Decision edit = *got;
  edit.attachments.pop_back();
  edit.amount_pence.reset();
  edit.status_reason.clear();
  auto updated = store_->Apply({.update_decisions = {edit}});
  ASSERT_TRUE(updated) << updated.error().ToString();
  EXPECT_EQ(updated->new_versions, (std::vector<std::int64_t>{2}));
  edit.version = 2;
  auto again = store_->FindDecisionById(expected.id);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, edit);

  // Copied records keep every field too.
  Decision copy = DraftedDecision("cumbria", "002/2026");
  copy.id = 900;
  copy.version = 4;
  ASSERT_TRUE(store_->Apply({.copy_decisions = {copy}}));
  EXPECT_EQ(*store_->FindDecisionById(900), copy);
}

TEST_P(StoreContract, DraftsWithoutAReferenceCoexist) {
  auto a = SampleDecision("cumbria", "");
  a.status = Status::kDraft;
  a.title = "First draft";
  auto b = a;
  b.title = "Second draft";
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.insert_decisions = {a, b};
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();
  ASSERT_EQ(applied->inserted_ids.size(), 2u);
  auto third = store_->Apply({.insert_decisions = {a}});
  ASSERT_TRUE(third) << third.error().ToString();
  EXPECT_EQ(store_->FindDecisionById(applied->inserted_ids[1])->title, "Second draft");
  EXPECT_EQ(store_->ListDecisions({.body = "cumbria"})->size(), 3u);
  EXPECT_FALSE(store_->FindDecision("cumbria", "")) << "a draft has no URL";
  // An edit of one draft does not collide with the others either.
  auto d = store_->FindDecisionById(applied->inserted_ids[0]);
  ASSERT_TRUE(d);
  d->title = "First draft, edited";
  auto edited = store_->Apply({.update_decisions = {*d}});
  EXPECT_TRUE(edited) << edited.error().ToString();
}

TEST_P(StoreContract, NewDecisionFieldsStayOutOfTheSearchIndex) {
  Decision d = DraftedDecision("cumbria", "001/2026");
  d.status = Status::kPublished;
  d.category = "Zanzibarcategory";
  d.status_reason = "Quixoticreason";
  d.attachments[0].name = "Xylophoneattachment.pdf";
  d.signoffs[2].reasons = "Wombatreasons";
  d.signoffs[2].interests = "Jellyfishinterests";
  d.signoffs[1].voided = "Kangaroovoided";
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.insert_decisions = {d};
  ASSERT_TRUE(store_->Apply(cs));
  EXPECT_EQ(store_->Search({.text = "strategy"})->total, 1) << "the record is indexed";
  for (const char* marker : {"Zanzibarcategory", "Quixoticreason", "Xylophoneattachment",
                             "Wombatreasons", "Jellyfishinterests", "Kangaroovoided"}) {
    auto r = store_->Search({.text = marker});
    ASSERT_TRUE(r) << r.error().ToString();
    EXPECT_EQ(r->total, 0) << marker;
  }
}

TEST_P(StoreContract, StoresFindsAndUpdatesAccounts) {
  auto jane = SampleUser("jsmith");
  auto amir = SampleUser("akhan");
  amir.roles = {{"essex", "commissioner"}};
  amir.disabled = true;
  amir.must_change_password = true;
  amir.failed_sign_ins = 6;
  amir.locked_until = 1'795'000'000;
  amir.email.clear();
  auto applied = store_->Apply({.insert_users = {jane, amir}});
  ASSERT_TRUE(applied) << applied.error().ToString();
  ASSERT_EQ(applied->inserted_user_ids.size(), 2u);
  EXPECT_NE(applied->inserted_user_ids[0], applied->inserted_user_ids[1]);
  jane.id = applied->inserted_user_ids[0];
  amir.id = applied->inserted_user_ids[1];
  jane.version = amir.version = 1;

  auto found = store_->FindUser("jsmith");
  ASSERT_TRUE(found) << found.error().ToString();
  EXPECT_EQ(*found, jane);
  auto by_id = store_->FindUserById(amir.id);
  ASSERT_TRUE(by_id) << by_id.error().ToString();
  EXPECT_EQ(*by_id, amir);
  auto all = store_->ListUsers();
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, (std::vector<accounts::User>{amir, jane})) << "by username";

  auto missing = store_->FindUser("nobody");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->FindUserById(9999).error().code, ErrorCode::kNotFound);

  // An update replaces the roles and moves the version.
  auto edit = jane;
  edit.display_name = "Jane Smith-Jones";
  edit.roles = {{"lancashire", "chief_executive"}};
  edit.failed_sign_ins = 2;
  ASSERT_TRUE(store_->Apply({.update_users = {edit}}));
  edit.version = 2;
  EXPECT_EQ(*store_->FindUser("jsmith"), edit);

  // A stale update and a taken username both fail, and write nothing.
  auto stale = jane;  // still at version 1
  stale.display_name = "Lost update";
  auto r = store_->Apply({.update_users = {stale}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().message,
            "user 'jsmith' was changed by someone else since it was read; reload it and try "
            "again");
  auto dup = SampleUser("jsmith");
  r = store_->Apply({.put_bodies = {SampleBody("cumbria")}, .insert_users = {dup}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().ToString(), "field username: username 'jsmith' is taken");
  EXPECT_TRUE(store_->ListBodies()->empty()) << "the failed batch wrote its body";
  auto rename = amir;
  rename.username = "jsmith";
  r = store_->Apply({.update_users = {rename}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "username 'jsmith' is taken");
  EXPECT_EQ(*store_->FindUser("jsmith"), edit);
  EXPECT_EQ(*store_->FindUserById(amir.id), amir);
}

TEST_P(StoreContract, PutsFindsAndDeletesSessions) {
  auto applied = store_->Apply({.insert_users = {SampleUser("jsmith"), SampleUser("akhan")}});
  ASSERT_TRUE(applied) << applied.error().ToString();
  std::int64_t jane = applied->inserted_user_ids[0];
  std::int64_t amir = applied->inserted_user_ids[1];
  accounts::Session s1{"hash-1", jane, "csrf-1", 1'700'000'000, 1'700'043'200};
  accounts::Session s2{"hash-2", jane, "csrf-2", 1'700'000'100, 1'700'043'300};
  accounts::Session s3{"hash-3", amir, "csrf-3", 1'700'000'200, 1'700'043'400};
  ASSERT_TRUE(store_->Apply({.put_sessions = {s1, s2, s3}}));
  EXPECT_EQ(*store_->FindSession("hash-2"), s2);
  EXPECT_EQ(store_->FindSession("hash-9").error().code, ErrorCode::kNotFound);

  // Put replaces by token hash.
  s1.expires_at = 1'700'099'999;
  s1.csrf_token = "csrf-1b";
  ASSERT_TRUE(store_->Apply({.put_sessions = {s1}}));
  EXPECT_EQ(*store_->FindSession("hash-1"), s1);

  ASSERT_TRUE(store_->Apply({.delete_sessions = {"hash-2"}}));
  EXPECT_FALSE(store_->FindSession("hash-2"));
  EXPECT_TRUE(store_->FindSession("hash-1"));

  // Every session of one account goes; a new one in the same batch stays.
  accounts::Session fresh{"hash-4", jane, "csrf-4", 1'700'001'000, 1'700'044'200};
  ASSERT_TRUE(store_->Apply({.put_sessions = {fresh}, .delete_sessions_of_users = {jane}}));
  EXPECT_FALSE(store_->FindSession("hash-1"));
  EXPECT_EQ(*store_->FindSession("hash-4"), fresh);
  EXPECT_EQ(*store_->FindSession("hash-3"), s3) << "another account's session is kept";

  auto orphan = store_->Apply({.put_sessions = {{"hash-5", 424242, "c", 1, 2}}});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(orphan.error().message, "no user with id 424242");
}

TEST_P(StoreContract, StoresBlobsByTheirHashAndRefusesAWrongOne) {
  std::string bytes("%PDF-1.7\0\x01\xff\xfe binary \n\r end", 27);
  std::string empty;
  storage::Blob a{Sha256Hex(bytes), bytes};
  storage::Blob b{Sha256Hex(empty), empty};
  ASSERT_TRUE(store_->Apply({.put_blobs = {a, b}}));
  ASSERT_TRUE(store_->Apply({.put_blobs = {a}})) << "putting the same blob again is a no-op";
  auto got = store_->FindBlob(a.sha256);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(*got, bytes);
  EXPECT_EQ(got->size(), 27u);
  auto none = store_->FindBlob(b.sha256);
  ASSERT_TRUE(none) << none.error().ToString();
  EXPECT_EQ(*none, "");
  auto hashes = store_->ListBlobHashes();
  ASSERT_TRUE(hashes);
  std::vector<std::string> expected = {a.sha256, b.sha256};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(*hashes, expected);
  EXPECT_EQ(store_->FindBlob(std::string(64, '0')).error().code, ErrorCode::kNotFound);

  // A blob whose bytes are not what its hash says: nothing in the batch is written.
  storage::Blob wrong{Sha256Hex("other bytes"), "tampered bytes"};
  storage::Blob good{Sha256Hex("good bytes"), "good bytes"};
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.put_blobs = {good, wrong};
  cs.queue_mail = {{.to = "a@example.org", .subject = "s", .body = "b"}};
  cs.audit = {SampleEvent("user.sign-in")};
  auto r = store_->Apply(cs);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(store_->FindBlob(good.sha256).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->FindBlob(wrong.sha256).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListBodies()->empty());
  EXPECT_TRUE(store_->PendingMail(10, 5)->empty());
  EXPECT_TRUE(store_->ListAuditEvents(0, 10)->empty());
  EXPECT_EQ(store_->ListBlobHashes()->size(), 2u);
}

TEST_P(StoreContract, QueuesMailAndRecordsAttempts) {
  std::vector<storage::Mail> queued;
  for (int i = 1; i <= 3; ++i) {
    storage::Mail m;
    m.to = "person" + std::to_string(i) + "@example.org";
    m.subject = "Decision 00" + std::to_string(i) + "/2026 needs your signature";
    m.body = "Line one\nLine two — with a dash\n";
    m.created_at = "2026-11-21T10:15:0" + std::to_string(i) + "Z";
    queued.push_back(m);
  }
  ASSERT_TRUE(store_->Apply({.queue_mail = {queued[0], queued[1]}}));
  ASSERT_TRUE(store_->Apply({.queue_mail = {queued[2]}}));
  auto pending = store_->PendingMail(10, 5);
  ASSERT_TRUE(pending) << pending.error().ToString();
  ASSERT_EQ(pending->size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    auto expected = queued[i];
    expected.id = (*pending)[i].id;
    EXPECT_EQ((*pending)[i], expected) << "oldest first";
    EXPECT_GT((*pending)[i].id, 0);
  }
  EXPECT_LT((*pending)[0].id, (*pending)[1].id);
  auto first = (*pending)[0].id, second = (*pending)[1].id, third = (*pending)[2].id;

  ASSERT_TRUE(store_->RecordMailAttempt(first, "421 try again later"));
  ASSERT_TRUE(store_->RecordMailAttempt(second, ""));  // sent: removed
  pending = store_->PendingMail(10, 5);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].id, first);
  EXPECT_EQ((*pending)[0].attempts, 1);
  EXPECT_EQ((*pending)[0].last_error, "421 try again later");
  EXPECT_EQ((*pending)[1].id, third);
  EXPECT_EQ((*pending)[1].attempts, 0);

  ASSERT_TRUE(store_->RecordMailAttempt(first, "421 still busy"));
  auto once = store_->PendingMail(10, 2);
  ASSERT_TRUE(once);
  ASSERT_EQ(once->size(), 1u) << "a mail with max_attempts attempts is no longer pending";
  EXPECT_EQ((*once)[0].id, third);
  auto limited = store_->PendingMail(1, 5);
  ASSERT_TRUE(limited);
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0].id, first);
  EXPECT_EQ((*limited)[0].attempts, 2);
  EXPECT_EQ((*limited)[0].last_error, "421 still busy");
  EXPECT_TRUE(store_->RecordMailAttempt(second, "")) << "a mail already gone is no error";
}

TEST_P(StoreContract, ChainsAuditEventsAndHashesTheDecisionsTheyWrite) {
  // First batch: a decision created, its event naming it by index, and a sign-in.
  ChangeSet first;
  first.put_bodies = {SampleBody("cumbria")};
  first.insert_decisions = {SampleDecision("cumbria", "005/2017"),
                            DraftedDecision("cumbria", "006/2017")};
  first.audit = {SampleEvent("decision.create", 0, 1), SampleEvent("user.sign-in")};
  auto one = store_->Apply(first);
  ASSERT_TRUE(one) << one.error().ToString();
  std::int64_t id = one->inserted_ids.at(1);
  auto as_inserted = store_->FindDecisionById(id);
  ASSERT_TRUE(as_inserted);

  // Second batch: the decision edited, its event naming it by id; a Part 2 view of the
  // other decision (not written here: no row hash).
  Decision edit = *as_inserted;
  edit.title = "Edited";
  edit.signoffs[1].voided = "voided: content edited";
  ChangeSet second;
  second.update_decisions = {edit};
  second.audit = {SampleEvent("decision.edit", id), SampleEvent("part2.view", one->inserted_ids[0])};
  second.audit[0].actor_id = 5;
  second.audit[0].actor = "jsmith";
  auto two = store_->Apply(second);
  ASSERT_TRUE(two) << two.error().ToString();
  auto as_edited = store_->FindDecisionById(id);
  ASSERT_TRUE(as_edited);
  EXPECT_EQ(as_edited->version, 2);

  auto events = store_->ListAuditEvents(0, 100);
  ASSERT_TRUE(events) << events.error().ToString();
  ASSERT_EQ(events->size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ((*events)[i].seq, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ((*events)[0].prev_hash, audit::kGenesisHash);
  EXPECT_FALSE(audit::VerifyChain(*events, 0, audit::kGenesisHash).has_value());

  const auto& created = (*events)[0];
  EXPECT_EQ(created.action, "decision.create");
  EXPECT_EQ(created.decision_id, id) << "inserted_decision resolves to the inserted id";
  EXPECT_EQ(created.decision_hash, audit::DecisionRowHash(*as_inserted));
  EXPECT_EQ(created.at, "2026-11-21T10:15:00Z");
  EXPECT_EQ(created.actor, "cli");
  EXPECT_EQ(created.detail, "by the contract suite");
  const auto& signin = (*events)[1];
  EXPECT_EQ(signin.decision_id, 0);
  EXPECT_EQ(signin.decision_hash, "");
  EXPECT_EQ(signin.prev_hash, created.hash);
  const auto& edited = (*events)[2];
  EXPECT_EQ(edited.decision_id, id);
  EXPECT_EQ(edited.actor_id, 5);
  EXPECT_EQ(edited.actor, "jsmith");
  EXPECT_EQ(edited.decision_hash, audit::DecisionRowHash(*as_edited))
      << "the row hash of the decision as read back, new version included";
  EXPECT_NE(edited.decision_hash, created.decision_hash);
  EXPECT_EQ(edited.prev_hash, signin.hash) << "chained across the two batches";
  const auto& viewed = (*events)[3];
  EXPECT_EQ(viewed.decision_id, one->inserted_ids[0]);
  EXPECT_EQ(viewed.decision_hash, "") << "a view does not write the decision";

  // Paging, and one decision's history.
  auto page = store_->ListAuditEvents(2, 1);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0], edited);
  EXPECT_FALSE(audit::VerifyChain(*page, 2, signin.hash).has_value());
  auto history = store_->DecisionHistory(id);
  ASSERT_TRUE(history);
  EXPECT_EQ(*history, (std::vector<audit::Event>{created, edited}));
  EXPECT_TRUE(store_->DecisionHistory(424242)->empty());

  // A tampered event is found.
  auto tampered = *events;
  tampered[1].detail = "nothing to see";
  auto broken = audit::VerifyChain(tampered, 0, audit::kGenesisHash);
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 2);
}

TEST_P(StoreContract, AFailedBatchWritesNoAuditEventAndNoMail) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied);
  auto d = store_->FindDecisionById(applied->inserted_ids[0]);
  ASSERT_TRUE(d);
  Decision stale = *d;
  d->title = "Moved on";
  ASSERT_TRUE(store_->Apply({.update_decisions = {*d}}));

  stale.title = "Lost";
  ChangeSet bad;
  bad.update_decisions = {stale};
  bad.queue_mail = {{.to = "a@example.org", .subject = "Signed", .body = "..."}};
  bad.put_blobs = {{Sha256Hex("x"), "x"}};
  bad.insert_users = {SampleUser("jsmith")};
  bad.audit = {SampleEvent("decision.edit", stale.id)};
  auto r = store_->Apply(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(store_->ListAuditEvents(0, 10)->empty());
  EXPECT_TRUE(store_->PendingMail(10, 5)->empty());
  EXPECT_TRUE(store_->ListBlobHashes()->empty());
  EXPECT_TRUE(store_->ListUsers()->empty());

  // An event naming an inserted decision the batch does not have is refused outright.
  ChangeSet wrong_index;
  wrong_index.audit = {SampleEvent("decision.create", 0, 0)};
  auto refused = store_->Apply(wrong_index);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(store_->ListAuditEvents(0, 10)->empty());
}

TEST_P(StoreContract, OnlyPublicChangesMoveTheChangeToken) {
  ASSERT_TRUE(store_->Apply({.put_bodies = {SampleBody("cumbria")}}));
  auto before = store_->ChangeToken();
  ASSERT_TRUE(before) << before.error().ToString();
  auto users = store_->Apply({.insert_users = {SampleUser("jsmith")}});
  ASSERT_TRUE(users);
  auto user = *store_->FindUser("jsmith");
  user.failed_sign_ins = 1;
  ChangeSet quiet;
  quiet.update_users = {user};
  quiet.put_sessions = {{"hash-1", user.id, "csrf", 1, 2}};
  quiet.put_blobs = {{Sha256Hex("x"), "x"}};
  quiet.queue_mail = {{.to = "a@example.org", .subject = "s", .body = "b"}};
  quiet.audit = {SampleEvent("user.sign-in")};
  ASSERT_TRUE(store_->Apply(quiet));
  ASSERT_TRUE(store_->Apply({.delete_sessions = {"hash-1"}}));
  auto mail = store_->PendingMail(1, 5);
  ASSERT_TRUE(mail && mail->size() == 1u);
  ASSERT_TRUE(store_->RecordMailAttempt((*mail)[0].id, ""));
  EXPECT_EQ(*store_->ChangeToken(), *before)
      << "accounts, sessions, blobs, mail and the audit log keep the page cache";

  ChangeSet created;
  created.insert_decisions = {SampleDecision("cumbria", "006/2017")};
  created.audit = {SampleEvent("decision.create", 0, 0)};
  ASSERT_TRUE(store_->Apply(created));
  auto after_decision = store_->ChangeToken();
  ASSERT_TRUE(after_decision);
  EXPECT_NE(*after_decision, *before);
  ASSERT_TRUE(store_->ReserveReferenceNumber("cumbria", 2026, 1));
  EXPECT_NE(*store_->ChangeToken(), *after_decision) << "reference counters are public";
}

TEST_P(StoreContract, CopiesAccountsAndTheAuditLogVerbatim) {
  auto user = SampleUser("jsmith");
  user.id = 7;
  user.version = 3;
  std::vector<audit::Event> log;
  log.push_back(audit::Chain(SampleEvent("user.add"), 0, "", 0, audit::kGenesisHash));
  log.push_back(audit::Chain(SampleEvent("decision.import"), 42, std::string(64, 'e'), 1,
                             log[0].hash));
  auto copied = store_->Apply({.copy_users = {user}, .copy_audit_events = log});
  ASSERT_TRUE(copied) << copied.error().ToString();
  EXPECT_EQ(*store_->FindUserById(7), user);
  EXPECT_EQ(*store_->ListAuditEvents(0, 10), log);

  auto next = store_->Apply({.insert_users = {SampleUser("akhan")}});
  ASSERT_TRUE(next) << next.error().ToString();
  EXPECT_GT(next->inserted_user_ids.at(0), 7) << "new ids start above copied ones";

  // The next event chains to the copied tail.
  ASSERT_TRUE(store_->Apply({.audit = {SampleEvent("user.sign-in")}}));
  auto events = store_->ListAuditEvents(0, 10);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[2].seq, 3);
  EXPECT_EQ((*events)[2].prev_hash, log[1].hash);
  EXPECT_FALSE(audit::VerifyChain(*events, 0, audit::kGenesisHash).has_value());
}

// assent migrate / restore: the whole store moves, accounts, blobs and the audit log too,
// and the verification reads it all back.
TEST_P(StoreContract, CopyStoreMovesAccountsBlobsAndTheAuditLog) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria")};
  cs.insert_decisions = {DraftedDecision("cumbria", "006/2017")};
  cs.insert_users = {SampleUser("jsmith"), SampleUser("akhan")};
  cs.put_blobs = {{Sha256Hex("one"), "one"}, {Sha256Hex(std::string("t\0o", 3)), std::string("t\0o", 3)}};
  cs.queue_mail = {{.to = "a@example.org", .subject = "s", .body = "b"}};
  cs.audit = {SampleEvent("decision.create", 0, 0), SampleEvent("user.add")};
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();
  ASSERT_TRUE(store_->Apply({.put_sessions = {{"hash-1", applied->inserted_user_ids[0], "c", 1, 2}},
                             .audit = {SampleEvent("user.sign-in")}}));

  auto target = storage::OpenStore("sqlite::memory:");
  ASSERT_TRUE(target) << target.error().ToString();
  auto report = services::CopyStore(*store_, **target);
  ASSERT_TRUE(report) << report.error().ToString();
  EXPECT_EQ(report->decisions, 1);
  EXPECT_EQ(report->users, 2);
  EXPECT_EQ(report->blobs, 2);
  EXPECT_EQ(report->audit_events, 3);
  auto verified = services::VerifyCopy(*store_, **target);
  ASSERT_TRUE(verified) << verified.error().ToString();
  EXPECT_EQ(verified->users, 2);
  EXPECT_EQ(verified->audit_events, 3);
  EXPECT_EQ(verified->blobs, 2);
  EXPECT_EQ(*(*target)->FindBlob(Sha256Hex(std::string("t\0o", 3))), std::string("t\0o", 3));
  auto events = (*target)->ListAuditEvents(0, 10);
  ASSERT_TRUE(events);
  EXPECT_FALSE(audit::VerifyChain(*events, 0, audit::kGenesisHash).has_value());
  EXPECT_EQ((*events)[0].decision_hash,
            audit::DecisionRowHash(*(*target)->FindDecisionById(applied->inserted_ids[0])));
  EXPECT_TRUE((*target)->PendingMail(10, 5)->empty()) << "the outbox is not copied";
  EXPECT_FALSE((*target)->FindSession("hash-1")) << "sessions are not copied";

  // A second copy into the filled target is refused; a difference is found.
  auto again = services::CopyStore(*store_, **target);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidInput);
  auto u = *(*target)->FindUser("akhan");
  u.display_name = "Changed";
  ASSERT_TRUE((*target)->Apply({.update_users = {u}}));
  auto differs = services::VerifyCopy(*store_, **target);
  ASSERT_FALSE(differs);
  EXPECT_EQ(differs.error().message, "verification failed: account 'akhan' differs in the target");

  auto second = storage::OpenStore("sqlite::memory:");
  ASSERT_TRUE(second);
  ASSERT_TRUE(services::CopyStore(*store_, **second));
  ASSERT_TRUE((*second)->Apply({.audit = {SampleEvent("user.sign-in")}}));
  auto longer = services::VerifyCopy(*store_, **second);
  ASSERT_FALSE(longer);
  EXPECT_EQ(longer.error().message,
            "verification failed: the target's audit log goes on after event 3");
}

// A PostgreSQL schema at version 2 keeps its records through migrations 3 and 4 (the SQL
// below undoes 4 and 3).
TEST(PostgresStore, MigratesSchemaTwoToThreeKeepingRecords) {
  std::string why;
  auto url = FreshPostgresSchema(&why);
  if (!url) {
    if (PostgresRequired()) FAIL() << why;
    GTEST_SKIP() << "PostgreSQL NOT TESTED: " << why;
  }
  Decision before = SampleDecision("cumbria", "006/2017");
  {
    auto store = storage::OpenStore(*url, {.connections = 1});
    ASSERT_TRUE(store) << store.error().ToString();
    auto r = (*store)->Apply({.put_bodies = {SampleBody("cumbria")}, .insert_decisions = {before}});
    ASSERT_TRUE(r);
    before.id = r->inserted_ids[0];
    before.version = 1;
  }
  PGconn* conn = PQconnectdb(url->c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  PGresult* res = PQexec(conn, R"sql(
ALTER TABLE decision_redactions DROP COLUMN cancelled_by, DROP COLUMN cancelled_by_name,
  DROP COLUMN cancelled_at, DROP COLUMN cancel_reason;
DROP TABLE forward_plan_items;
DROP TABLE published_versions, decision_redactions;
DROP FUNCTION published_versions_immutable();
DROP INDEX decisions_public;
DROP INDEX decisions_register_order;
ALTER TABLE decisions DROP COLUMN plan_kind, DROP COLUMN plan_reason, DROP COLUMN plan_until,
  DROP COLUMN plan_ground, DROP COLUMN plan_withheld_what, DROP COLUMN plan_review_date,
  DROP COLUMN plan_set_by, DROP COLUMN plan_set_by_name, DROP COLUMN plan_set_at,
  DROP COLUMN published_on, DROP COLUMN withdrawn_on, DROP COLUMN public_state;
DROP TABLE import_reviews, strategy_progress, strategy_proposals, calendar_imports;
DROP TABLE decision_attachments, user_roles, sessions, users, blobs, mail_outbox, audit_events;
ALTER TABLE decisions DROP COLUMN category, DROP COLUMN amount_pence, DROP COLUMN author_id,
  DROP COLUMN status_reason;
ALTER TABLE decision_signoffs DROP COLUMN user_id, DROP COLUMN signed_at,
  DROP COLUMN content_hash, DROP COLUMN interests, DROP COLUMN outcome, DROP COLUMN reasons,
  DROP COLUMN voided;
UPDATE assent_schema SET version = 2;
)sql");
  EXPECT_EQ(PQresultStatus(res), PGRES_COMMAND_OK) << PQerrorMessage(conn);
  PQclear(res);
  PQfinish(conn);

  auto store = storage::OpenStore(*url, {.connections = 1});
  ASSERT_TRUE(store) << store.error().ToString();
  auto got = (*store)->FindDecisionById(before.id);
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(*got, before);
  auto added = (*store)->Apply({.insert_users = {SampleUser("jsmith")},
                                .audit = {SampleEvent("user.add")}});
  ASSERT_TRUE(added) << added.error().ToString();
  EXPECT_EQ((*store)->ListAuditEvents(0, 10)->size(), 1u);
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
