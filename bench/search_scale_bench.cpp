// Register search and register pages at scale on SQLite (issue 5): each query timed
// through Assent and, in the same run on the same database, as the exact same SQL sent
// directly with the sqlite3 C API (prepared once, the same parameters).
//
//   assent_search_bench FILE [--searches 400] [--pages 200] [--words bench/pg/words.txt]
//
// FILE is a database from assent_search_gen. Searches are a fixed mix, a quarter each:
// one common word (the 20 commonest of the vocabulary), one rarer word (the vocabulary's
// last 100, or a place name), two common words, a common word and a place name. Through
// Assent each search is timed at two levels: storage::Store::Search (what the direct SQL
// is compared with) and services::Search (the /search page's and API's use case: input
// checks, the body list, public rows). Register pages: a random body's first page (the
// API's 50 rows and one more) and a deep page 80% of the way down that body's register,
// by keyset (the `next` cursor) and, for comparison, by offset.
// Each measurement alternates Assent and direct query by query after one warm-up pass.
#include <fmt/format.h>
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "services/search.hpp"
#include "storage/open_store.hpp"
#include "storage/sqlite/fts_query.hpp"
#include "storage/sqlite/fts_rank.hpp"
#include "storage/sqlite/query_sql.hpp"
#include "synthetic_text.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using assent::decisions::Status;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Percentiles {
  double p50 = 0, p95 = 0;
};

Percentiles Of(std::vector<double> ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) { return ms[static_cast<size_t>(p * static_cast<double>(ms.size() - 1))]; };
  return {at(0.50), at(0.95)};
}

// This thread's CPU time: on a shared machine the wall clock includes waiting for a core.
double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Samples {
  std::vector<double> wall, cpu;
  size_t size() const { return wall.size(); }
};

struct Stopwatch {
  Clock::time_point wall = Clock::now();
  double cpu = CpuMs();
  void Into(Samples& s) const {
    const double c = CpuMs();
    s.wall.push_back(Ms(Clock::now() - wall));
    s.cpu.push_back(c - cpu);
  }
};

[[noreturn]] void Die(const std::string& what) {
  fmt::print(stderr, "search bench: {}\n", what);
  std::exit(1);
}

// A prepared statement of the direct side, reset and rebound for each run.
class Direct {
 public:
  Direct(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st_, nullptr) != SQLITE_OK) {
      Die(fmt::format("prepare: {}", sqlite3_errmsg(db)));
    }
  }
  ~Direct() { sqlite3_finalize(st_); }
  Direct(const Direct&) = delete;
  Direct& operator=(const Direct&) = delete;
  sqlite3_stmt* Begin() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
    return st_;
  }
  // Steps through every row reading every column as the Store does (text as text);
  // returns the rows and the last row's integer in column `count_col` (or -1).
  std::pair<int, long> Run(int count_col = -1) {
    int rows = 0;
    long count = -1;
    int rc;
    while ((rc = sqlite3_step(st_)) == SQLITE_ROW) {
      ++rows;
      for (int c = 0; c < sqlite3_column_count(st_); ++c) {
        if (sqlite3_column_type(st_, c) == SQLITE_TEXT) {
          sink_ += sqlite3_column_bytes(st_, c);
          (void)sqlite3_column_text(st_, c);
        }
      }
      if (count_col >= 0) count = sqlite3_column_int64(st_, count_col);
    }
    if (rc != SQLITE_DONE) Die(fmt::format("step: {}", sqlite3_errmsg(db_)));
    return {rows, count};
  }
  long sink_ = 0;

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

void Text(sqlite3_stmt* st, int i, const std::string& s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

struct Row {
  std::string what;
  Samples assent, direct;
};

void PrintTable(const std::vector<Row>& rows, const std::string& title) {
  fmt::print("\n{}\n", title);
  fmt::print("| {:<48} | {:>4} | {:>19} | {:>19} | {:>5} | {:>17} | {:>17} | {:>5} |\n", "Measure",
             "n", "Assent wall p50/p95", "direct wall p50/p95", "ratio", "Assent CPU p50/p95",
             "direct CPU p50/p95", "ratio");
  fmt::print("|{:-<50}|{:-<6}|{:-<21}|{:-<21}|{:-<7}|{:-<19}|{:-<19}|{:-<7}|\n", "", "", "", "", "",
             "", "", "");
  const auto pair = [](const Percentiles& p) { return fmt::format("{:.2f} / {:.2f}", p.p50, p.p95); };
  for (const auto& r : rows) {
    const auto aw = Of(r.assent.wall), dw = Of(r.direct.wall);
    const auto ac = Of(r.assent.cpu), dc = Of(r.direct.cpu);
    fmt::print("| {:<48} | {:>4} | {:>19} | {:>19} | {:>5.2f} | {:>17} | {:>17} | {:>5.2f} |\n", r.what,
               r.assent.size(), pair(aw), pair(dw), dw.p95 > 0 ? aw.p95 / dw.p95 : 0.0, pair(ac),
               pair(dc), dc.p95 > 0 ? ac.p95 / dc.p95 : 0.0);
  }
  fmt::print("(milliseconds; ratio: Assent p95 / direct p95)\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string file, words_file = "bench/pg/words.txt";
  int searches = 400, pages = 200, bodies = 40;
  CLI::App app{"Assent search and register benchmark against direct SQLite"};
  app.add_option("file", file, "database made by assent_search_gen")->required();
  app.add_option("--searches", searches, "searches per kind (4 kinds)");
  app.add_option("--pages", pages, "register pages per kind");
  app.add_option("--bodies", bodies);
  app.add_option("--words", words_file);
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> words;
  {
    std::ifstream in(words_file);
    for (std::string w; std::getline(in, w);) {
      if (!w.empty()) words.push_back(w);
    }
  }
  if (words.size() < 120) Die("the vocabulary needs at least 120 words");
  auto opened = assent::storage::OpenStore("sqlite:" + file);
  if (!opened) Die(opened.error().ToString());
  auto& store = **opened;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    Die("cannot open " + file);
  }
  // The ranking function the store registers on its connections (the same SQL needs it).
  if (assent::storage::sqlite::RegisterFtsRank(db) != SQLITE_OK) Die("cannot register assent_rank");
  long decisions = 0;
  {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM decisions", -1, &st, nullptr);
    if (sqlite3_step(st) == SQLITE_ROW) decisions = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  fmt::print("database {}: {} decisions, {} bodies; search candidates capped at {}\n", file,
             decisions, bodies, assent::storage::kSearchCandidates);

  // The queries, a fixed mix.
  std::mt19937 rng(7);
  auto pick = [&](size_t lo, size_t hi) { return words[lo + rng() % (hi - lo)]; };
  auto place = [&] { return assent::bench::Place(static_cast<int>(rng() % assent::bench::kPlaces)); };
  struct Kind {
    const char* name;
    std::function<std::string()> make;
  };
  const std::vector<Kind> kinds = {
      {"one common word", [&] { return pick(0, 20); }},
      {"one rare word (tail word or place)",
       [&] { return rng() % 2 ? pick(words.size() - 100, words.size()) : place(); }},
      {"two common words", [&] { return pick(0, 20) + " " + pick(0, 20); }},
      {"common word + place", [&] { return pick(0, 20) + " " + place(); }},
  };
  const std::string statuses = ",published,withdrawn,";  // what services::Search asks for
  Direct search_sql(db, assent::storage::sqlite::kSearch);
  Direct count_sql(db, assent::storage::sqlite::kSearchCount);
  std::vector<Row> search_rows;
  long capped = 0;
  for (const auto& kind : kinds) {
    std::vector<std::string> texts;
    for (int i = 0; i < searches; ++i) texts.push_back(kind.make());
    Samples a, s, d;
    auto through_store = [&](const std::string& t) {
      auto r = store.Search({.text = t, .limit = 20, .statuses = {Status::kPublished, Status::kWithdrawn}});
      if (!r) Die(r.error().ToString());
      return *r;
    };
    auto through_service = [&](const std::string& t) {
      auto r = assent::services::Search(store, {.text = t, .limit = 20});
      if (!r) Die(r.error().ToString());
    };
    auto direct = [&](const std::string& t) {
      const std::string match = assent::storage::sqlite::FtsQuery(t);
      auto* st = search_sql.Begin();
      Text(st, 1, match);
      Text(st, 7, statuses);
      sqlite3_bind_int(st, 5, 20);
      sqlite3_bind_int(st, 6, 0);
      sqlite3_bind_int(st, 9, assent::storage::kSearchCandidates);
      auto [rows, count] = search_sql.Run(10);
      if (rows == 0) {  // as the Store does: count on its own
        auto* c = count_sql.Begin();
        Text(c, 1, match);
        Text(c, 7, statuses);
        sqlite3_bind_int(c, 9, assent::storage::kSearchCandidates);
        count_sql.Run(0);
      }
    };
    for (const auto& t : texts) {  // warm-up
      through_store(t);
      direct(t);
    }
    for (size_t i = 0; i < texts.size(); ++i) {
      const auto& t = texts[i];
      auto time = [&](auto&& f, Samples& into) {
        Stopwatch t0;
        f(t);
        t0.Into(into);
      };
      if (i % 2 == 0) {
        time(through_store, a);
        time(direct, d);
        time(through_service, s);
      } else {
        time(through_service, s);
        time(direct, d);
        time(through_store, a);
      }
      auto r = through_store(t);
      capped += r.capped ? 1 : 0;
    }
    search_rows.push_back({fmt::format("{}: Store::Search", kind.name), a, d});
    search_rows.push_back({fmt::format("{}: services::Search", kind.name), s, d});
  }
  PrintTable(search_rows, "Search, 20 hits with snippets (direct: Store::Search's SQL)");
  fmt::print("{} of {} searches were capped (more than {} matches)\n", capped,
             searches * static_cast<long>(kinds.size()), assent::storage::kSearchCandidates);

  // Register pages.
  Direct first_sql(db, assent::storage::sqlite::kListDecisions);
  Direct after_sql(db, assent::storage::sqlite::kListDatedAfter);
  const std::string public_statuses = ",published,withdrawn,";
  Samples fa, fd, ka, kd, oa, od;
  const int per_body = static_cast<int>(decisions / bodies);
  const int deep = per_body * 4 / 5;
  for (int pass = 0; pass < 2; ++pass) {  // a warm-up pass, then the measured one
    for (int i = 0; i < pages; ++i) {
      const std::string body = fmt::format("body{}", 1 + rng() % static_cast<unsigned>(bodies));
      assent::storage::RegisterQuery q{.body = body, .statuses = {Status::kPublished, Status::kWithdrawn},
                                       .limit = 51};
      auto bind_common = [&](sqlite3_stmt* st) {
        Text(st, 1, body);
        Text(st, 4, public_statuses);
        sqlite3_bind_int(st, 5, 51);
        sqlite3_bind_int(st, 6, 0);
      };
      // First page.
      Stopwatch t0;
      auto first = store.ListDecisions(q);
      if (pass) t0.Into(fa);
      if (!first || first->size() != 51u) Die("first register page failed or short");
      t0 = Stopwatch();
      auto* st = first_sql.Begin();
      bind_common(st);
      sqlite3_bind_int(st, 7, 0);
      first_sql.Run();
      if (pass) t0.Into(fd);
      // Deep page by offset.
      q.offset = deep;
      t0 = Stopwatch();
      auto by_offset = store.ListDecisions(q);
      if (pass) t0.Into(oa);
      if (!by_offset || by_offset->empty()) Die("deep register page by offset failed or empty");
      t0 = Stopwatch();
      st = first_sql.Begin();
      bind_common(st);
      sqlite3_bind_int(st, 7, deep);
      first_sql.Run();
      if (pass) t0.Into(od);
      // The same deep page by keyset, from the row before it.
      const auto& before = *by_offset;  // cursor: the row just before the deep page
      auto prev = store.ListDecisions({.body = body, .statuses = q.statuses, .limit = 1, .offset = deep - 1});
      if (!prev || prev->empty()) Die("cursor row missing");
      const auto& c = prev->front();
      q.offset = 0;
      q.after = assent::storage::RegisterCursor{c.decision_date, c.reference, c.id};
      t0 = Stopwatch();
      auto by_key = store.ListDecisions(q);
      if (pass) t0.Into(ka);
      if (!by_key || by_key->empty() || by_key->front().id != before.front().id) {
        Die("keyset page differs from the offset page");
      }
      t0 = Stopwatch();
      st = after_sql.Begin();
      bind_common(st);
      Text(st, 2, "");
      Text(st, 8, c.decision_date->ToIso());
      Text(st, 9, c.reference);
      sqlite3_bind_int64(st, 10, c.id);
      after_sql.Run();
      if (pass) t0.Into(kd);
    }
  }
  PrintTable({{"register first page (51 rows)", fa, fd},
              {fmt::format("register deep page by keyset (row {})", deep), ka, kd},
              {fmt::format("register deep page by offset (row {})", deep), oa, od}},
             "Register pages of a random body");
  sqlite3_close(db);
  return 0;
}
