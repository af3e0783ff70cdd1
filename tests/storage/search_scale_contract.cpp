// The parts of the Store contract that keep search and the register fast at a million
// decisions, on every backend: bounded ranking (only the newest kSearchCandidates matches
// that pass the filters are ranked, and the count says so honestly) and keyset paging of
// a register in its exact order.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>

#include "tests/storage/store_contract.hpp"

namespace assent::testing_support {
namespace {

using decisions::Decision;
using decisions::Status;
using storage::ChangeSet;
using storage::DecisionSummary;
using storage::RegisterCursor;
using storage::RegisterQuery;

// A published decision without the optional lists, so a thousand insert quickly.
Decision Lean(const std::string& body, const std::string& reference, const std::string& title,
              const std::string& text, const char* date) {
  Decision d = SampleDecision(body, reference);
  d.title = title;
  d.sections[0].text = text;
  d.boards.clear();
  d.background_papers.clear();
  d.persons_consulted.clear();
  if (date) {
    d.decision_date = *Date::ParseIso(date);
  } else {
    d.decision_date.reset();
  }
  return d;
}

std::set<std::string> References(const storage::SearchResult& r) {
  std::set<std::string> out;
  for (const auto& h : r.hits) out.insert(h.decision.reference);
  return out;
}

// kSearchCandidates + 10 matches: the 5 oldest (in essex, dated 2015, the word in their
// title too, so they would rank first if they were ranked) fall outside the cap.
TEST_P(StoreContract, SearchRanksTheNewestCandidatesAndSaysWhenCapped) {
  const int n = storage::kSearchCandidates + 10;
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria"), SampleBody("essex")};
  for (int i = 0; i < n; ++i) {
    const bool old = i < 5;
    const bool middle = i == 500;
    std::string ref = fmt::format("{:04}/{}", i, old ? 2015 : 2017);
    cs.insert_decisions.push_back(
        Lean(old ? "essex" : "cumbria", ref,
             old ? "Lighthouse lighthouse repairs" : middle ? "Lighthouse lease" : "Harbour works",
             "Maintenance of the harbour lighthouse and its keepers' cottages.",
             old ? "2015-06-01" : "2017-03-01"));
  }
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();

  auto all = store_->Search({.text = "lighthouse", .limit = 20});
  ASSERT_TRUE(all) << all.error().ToString();
  EXPECT_TRUE(all->capped);
  EXPECT_EQ(all->total, storage::kSearchCandidates);
  ASSERT_EQ(all->hits.size(), 20u);
  // Ranking among the candidates: the one title match among them comes first.
  EXPECT_EQ(all->hits[0].decision.reference, "0500/2017");
  for (std::size_t i = 1; i < all->hits.size(); ++i) {
    EXPECT_GE(all->hits[i - 1].rank, all->hits[i].rank);
  }
  // The cap: no page ever shows the 5 oldest matches, and paging stops at the cap.
  std::set<std::string> seen;
  for (int offset = 0; offset < storage::kSearchCandidates; offset += 100) {
    auto page = store_->Search({.text = "lighthouse", .limit = 100, .offset = offset});
    ASSERT_TRUE(page) << page.error().ToString();
    ASSERT_EQ(page->hits.size(), 100u) << offset;
    for (const auto& h : page->hits) {
      EXPECT_EQ(h.decision.body, "cumbria") << h.decision.reference;
      seen.insert(h.decision.reference);
    }
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(storage::kSearchCandidates));
  auto past = store_->Search({.text = "lighthouse", .limit = 20, .offset = storage::kSearchCandidates});
  ASSERT_TRUE(past) << past.error().ToString();
  EXPECT_TRUE(past->hits.empty());
  EXPECT_TRUE(past->capped);
  EXPECT_EQ(past->total, storage::kSearchCandidates);

  // Filters apply before the cap: a selective filter ranks within itself, exactly counted.
  const std::set<std::string> oldest = {"0000/2015", "0001/2015", "0002/2015", "0003/2015",
                                        "0004/2015"};
  auto essex = store_->Search({.text = "lighthouse", .body = "essex"});
  ASSERT_TRUE(essex) << essex.error().ToString();
  EXPECT_FALSE(essex->capped);
  EXPECT_EQ(essex->total, 5);
  EXPECT_EQ(References(*essex), oldest);
  auto y2015 = store_->Search({.text = "lighthouse", .year = 2015});
  ASSERT_TRUE(y2015) << y2015.error().ToString();
  EXPECT_FALSE(y2015->capped);
  EXPECT_EQ(y2015->total, 5);
  EXPECT_EQ(References(*y2015), oldest);
  // A filter that leaves more than the cap is capped too.
  auto cumbria = store_->Search({.text = "lighthouse", .body = "cumbria", .limit = 5});
  ASSERT_TRUE(cumbria) << cumbria.error().ToString();
  EXPECT_TRUE(cumbria->capped);
  EXPECT_EQ(cumbria->total, storage::kSearchCandidates);
  EXPECT_EQ(cumbria->hits[0].decision.reference, "0500/2017");

  // Under the cap the count is exact and says so; two words must both match.
  auto lease = store_->Search({.text = "lighthouse lease"});
  ASSERT_TRUE(lease) << lease.error().ToString();
  EXPECT_FALSE(lease->capped);
  EXPECT_EQ(lease->total, 1);
  ASSERT_EQ(lease->hits.size(), 1u);
  EXPECT_EQ(lease->hits[0].decision.reference, "0500/2017");
  auto titled = store_->Search({.text = "lighthouse repairs"});
  ASSERT_TRUE(titled);
  EXPECT_FALSE(titled->capped);
  EXPECT_EQ(titled->total, 5);
}

// Pages a register by cursor, `limit` rows at a time, until a page comes back short.
std::vector<DecisionSummary> PageThrough(storage::Store& store, RegisterQuery q, int limit) {
  std::vector<DecisionSummary> out;
  q.limit = limit;
  for (int guard = 0; guard < 100; ++guard) {
    auto page = store.ListDecisions(q);
    EXPECT_TRUE(page) << page.error().ToString();
    if (!page) break;
    out.insert(out.end(), page->begin(), page->end());
    if (static_cast<int>(page->size()) < limit) break;
    const auto& last = page->back();
    q.after = RegisterCursor{last.decision_date, last.reference, last.id};
  }
  return out;
}

std::vector<std::string> Refs(const std::vector<DecisionSummary>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.reference);
  return out;
}

TEST_P(StoreContract, PagesARegisterByCursorInItsExactOrder) {
  ChangeSet cs;
  cs.put_bodies = {SampleBody("cumbria"), SampleBody("essex")};
  // Same dates with references that sort bytewise ("9/2017" after "010/2017" descending:
  // '9' > '0'), undated records, another body, and a draft.
  const struct {
    const char* ref;
    const char* date;
  } rows[] = {{"001/2016", "2016-01-05"}, {"002/2016", "2016-07-01"}, {"010/2017", "2017-03-01"},
              {"9/2017", "2017-03-01"},   {"A/2017", "2017-03-01"},   {"011/2017", "2017-11-30"},
              {"001/2018", "2018-02-01"}, {"U-1", nullptr},           {"U-2", nullptr},
              {"003/2016", "2016-07-01"}};
  for (const auto& r : rows) cs.insert_decisions.push_back(Lean("cumbria", r.ref, "T", "x", r.date));
  cs.insert_decisions.push_back(Lean("essex", "001/2017", "T", "x", "2017-03-01"));
  auto draft = Lean("cumbria", "D-1", "T", "x", "2017-05-05");
  draft.status = Status::kDraft;
  cs.insert_decisions.push_back(draft);
  auto applied = store_->Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();

  const std::vector<std::string> order = {"001/2018", "011/2017", "D-1",      "A/2017",
                                          "9/2017",   "010/2017", "003/2016", "002/2016",
                                          "001/2016", "U-2",      "U-1"};
  auto all = store_->ListDecisions({.body = "cumbria"});
  ASSERT_TRUE(all) << all.error().ToString();
  EXPECT_EQ(Refs(*all), order);
  for (int limit : {1, 2, 3, 4, 11}) {
    EXPECT_EQ(Refs(PageThrough(*store_, {.body = "cumbria"}, limit)), order) << limit;
  }
  // Offset paging is unchanged.
  auto offset = store_->ListDecisions({.body = "cumbria", .limit = 3, .offset = 4});
  ASSERT_TRUE(offset);
  EXPECT_EQ(Refs(*offset), (std::vector<std::string>{"9/2017", "010/2017", "003/2016"}));

  // Filters hold on every page: status, year (no undated rows), public only.
  const std::vector<std::string> published = {"001/2018", "011/2017", "A/2017", "9/2017",
                                              "010/2017", "003/2016", "002/2016", "001/2016",
                                              "U-2",      "U-1"};
  EXPECT_EQ(Refs(PageThrough(*store_, {.body = "cumbria", .statuses = {Status::kPublished}}, 2)),
            published);
  EXPECT_EQ(Refs(PageThrough(*store_, {.body = "cumbria", .public_only = true}, 3)), published);
  const std::vector<std::string> y2017 = {"011/2017", "D-1", "A/2017", "9/2017", "010/2017"};
  EXPECT_EQ(Refs(PageThrough(*store_, {.body = "cumbria", .year = 2017}, 2)), y2017);

  // A cursor from an undated row carries on among the undated rows.
  auto after_u2 = store_->ListDecisions(
      {.body = "cumbria", .limit = 5, .after = RegisterCursor{std::nullopt, "U-2", (*all)[9].id}});
  ASSERT_TRUE(after_u2) << after_u2.error().ToString();
  EXPECT_EQ(Refs(*after_u2), (std::vector<std::string>{"U-1"}));
  // A cursor dated after the year asked for starts at the top of that year.
  auto later = store_->ListDecisions(
      {.body = "cumbria", .year = 2016, .limit = 2,
       .after = RegisterCursor{*Date::ParseIso("2018-02-01"), "001/2018", (*all)[0].id}});
  ASSERT_TRUE(later) << later.error().ToString();
  EXPECT_EQ(Refs(*later), (std::vector<std::string>{"003/2016", "002/2016"}));
  // A cursor past the end gives an empty page, never an error.
  auto none = store_->ListDecisions(
      {.body = "cumbria", .year = 2016,
       .after = RegisterCursor{*Date::ParseIso("2001-01-01"), "", 0}});
  ASSERT_TRUE(none) << none.error().ToString();
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace assent::testing_support
