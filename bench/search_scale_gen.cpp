// Synthetic register for the SQLite search benchmark (bench/search_scale.sh): N published
// decisions across 40 bodies written straight into an Assent SQLite database.
//
//   assent_search_gen FILE --decisions 1000000 [--bodies 40] [--words bench/pg/words.txt]
//
// The schema is Assent's: the store is opened once (which runs every migration), then the
// rows are bulk-inserted with the sqlite3 C API in one transaction, in the shape the Store
// writes them: the decision row, its Part 1 and Part 2 sections, and the search-index row
// that publication::MakeSearchDocument makes (reference, decision maker, section headings
// and Part 1 text; never Part 2).
//
// Decision i (1..N) belongs to body (i-1) % bodies + 1 and is dated in order across
// 2011-01-01 .. 2025-12-31, so ids (and the search index's rowids) grow with the decision
// date, as they do when a register is written day by day. The text draws its words from
// the vocabulary with a Zipf distribution (the first words in the file are the commonest:
// "strategy" is in nearly every record, the last words in a few per cent), and each
// record names one of 20,000 synthetic places (rare words: about N / 20,000 records each).
#include <fmt/format.h>
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "synthetic_text.hpp"
#include "storage/open_store.hpp"

namespace {

using assent::bench::kPlaces;
using assent::bench::Place;
using assent::bench::Zipf;

bool Check(sqlite3* db, int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
  fmt::print(stderr, "{}: {}\n", what, sqlite3_errmsg(db));
  return false;
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    fmt::print(stderr, "prepare failed: {}\n{}\n", sqlite3_errmsg(db), sql);
    std::exit(1);
  }
  return st;
}

void Text(sqlite3_stmt* st, int i, const std::string& s) {
  sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

bool Run(sqlite3* db, sqlite3_stmt* st, const char* what) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return Check(db, rc, what);
}

}  // namespace

int main(int argc, char** argv) {
  std::string file, words_file = "bench/pg/words.txt";
  long decisions = 100000;
  int bodies = 40;
  CLI::App app{"Synthetic Assent SQLite register for the search benchmark"};
  app.add_option("file", file, "SQLite database file (created; must not exist)")->required();
  app.add_option("--decisions", decisions, "number of decisions");
  app.add_option("--bodies", bodies, "number of bodies (body1..bodyN)");
  app.add_option("--words", words_file, "vocabulary, commonest first");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> words;
  {
    std::ifstream in(words_file);
    for (std::string w; std::getline(in, w);) {
      if (!w.empty()) words.push_back(w);
    }
  }
  if (words.empty()) {
    fmt::print(stderr, "no words in {}\n", words_file);
    return 1;
  }
  if (std::ifstream(file).good()) {
    fmt::print(stderr, "{} exists; the generator writes a fresh database\n", file);
    return 1;
  }
  {  // Assent creates the schema.
    auto store = assent::storage::OpenStore("sqlite:" + file);
    if (!store) {
      fmt::print(stderr, "{}\n", store.error().ToString());
      return 1;
    }
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
    fmt::print(stderr, "cannot open {}\n", file);
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  Check(db, sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                         " PRAGMA cache_size = -262144; BEGIN",
                         nullptr, nullptr, nullptr),
        "begin");
  auto* body_st = Prepare(db, R"sql(
INSERT INTO bodies (slug, name, short_name, reference_pattern, publication_working_days, calendar,
                    form, website)
VALUES (?1, ?2, ?3, 'NNNNN/YYYY', 3, 'england-and-wales', 'cumbria-request-for-decision', ''))sql");
  for (int b = 1; b <= bodies; ++b) {
    Text(body_st, 1, fmt::format("body{}", b));
    Text(body_st, 2, fmt::format("Police and Crime Commissioner for Area {}", b));
    Text(body_st, 3, fmt::format("Area {}", b));
    if (!Run(db, body_st, "insert body")) return 1;
  }
  auto* dec_st = Prepare(db, R"sql(
INSERT INTO decisions (id, version, body, form, reference, reference_slug, title, status, outcome,
  decision_maker_role, decision_date, pub_deferred, pub_part2_exists, pub_for_publication,
  pub_redaction_required, media_press_release_required, public_state)
VALUES (?1, 1, ?2, 'cumbria-request-for-decision', ?3, ?4, ?5, 'published', ?6, ?7, ?8, 0, 1, 1,
        0, 0, 'published'))sql");
  auto* sec_st = Prepare(db, R"sql(
INSERT INTO decision_sections (decision_id, position, key, heading, part, text)
VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
  auto* fts_st = Prepare(db, "INSERT INTO search_index (rowid, title, text) VALUES (?1, ?2, ?3)");

  std::mt19937_64 rng(20261122);
  Zipf zipf(words.size());
  std::uniform_int_distribution<int> place(0, kPlaces - 1);
  auto text = [&](int n) {
    std::string s;
    for (int j = 0; j < n; ++j) {
      if (j) s += ' ';
      s += words[zipf(rng)];
    }
    return s;
  };
  using namespace std::chrono;
  const sys_days first = year_month_day{year{2011}, month{1}, day{1}};
  const long span = (sys_days{year_month_day{year{2026}, month{1}, day{1}}} - first).count();
  std::vector<int> per_body(static_cast<std::size_t>(bodies), 0);
  for (long i = 1; i <= decisions; ++i) {
    const int b = static_cast<int>((i - 1) % bodies);
    const int k = ++per_body[static_cast<std::size_t>(b)];
    const year_month_day date{first + days{(i - 1) * span / decisions}};
    const int y = static_cast<int>(date.year());
    const std::string iso = fmt::format("{:04}-{:02}-{:02}", y, static_cast<unsigned>(date.month()),
                                        static_cast<unsigned>(date.day()));
    const std::string reference = fmt::format("{:05}/{}", k, y);
    std::string title = text(3);
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    const std::string role = i % 5 == 0 ? "Deputy Police and Crime Commissioner"
                                        : "Police and Crime Commissioner";
    const std::string summary = text(60) + " at " + Place(place(rng));
    const std::string recommendation = text(30);

    sqlite3_bind_int64(dec_st, 1, i);
    Text(dec_st, 2, fmt::format("body{}", b + 1));
    Text(dec_st, 3, reference);
    Text(dec_st, 4, fmt::format("{:05}-{}", k, y));
    Text(dec_st, 5, title);
    Text(dec_st, 6, i % 17 == 0 ? "not_approved" : "approved");
    Text(dec_st, 7, role);
    Text(dec_st, 8, iso);
    if (!Run(db, dec_st, "insert decision")) return 1;
    struct Sec {
      const char* key;
      const char* heading;
      int part;
      std::string text;
    };
    const Sec sections[] = {{"executive_summary", "Executive Summary", 1, summary},
                            {"recommendation", "Recommendation", 1, recommendation},
                            {"part2", "Part 2", 2, fmt::format("Confidential commercial detail {}", i)}};
    int pos = 0;
    for (const auto& s : sections) {
      sqlite3_bind_int64(sec_st, 1, i);
      sqlite3_bind_int(sec_st, 2, pos++);
      Text(sec_st, 3, s.key);
      Text(sec_st, 4, s.heading);
      sqlite3_bind_int(sec_st, 5, s.part);
      Text(sec_st, 6, s.text);
      if (!Run(db, sec_st, "insert section")) return 1;
    }
    sqlite3_bind_int64(fts_st, 1, i);
    Text(fts_st, 2, title);
    Text(fts_st, 3, fmt::format("{}\n{}\nExecutive Summary\n{}\nRecommendation\n{}", reference, role,
                                summary, recommendation));
    if (!Run(db, fts_st, "insert search row")) return 1;
    if (i % 100000 == 0) fmt::print(stderr, "  {} decisions\n", i);
  }
  if (!Check(db, sqlite3_exec(db, "UPDATE assent_changes SET token = token + 1", nullptr, nullptr,
                              nullptr),
             "change token")) {
    return 1;
  }
  if (!Check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), "commit")) return 1;
  sqlite3_finalize(body_st);
  sqlite3_finalize(dec_st);
  sqlite3_finalize(sec_st);
  sqlite3_finalize(fts_st);
  Check(db, sqlite3_exec(db, "ANALYZE", nullptr, nullptr, nullptr), "analyze");
  sqlite3_close(db);
  fmt::print("generated {} decisions in {:.0f} s\n", decisions,
             duration<double>(steady_clock::now() - t0).count());
  return 0;
}
