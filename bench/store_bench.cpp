// Store-level latency and write throughput, for the scale benchmark (bench/pg_scale.sh).
//
//   assent_store_bench URL --bodies 40 --queries 2000 --writers 4 --stores 1 --seconds 10
//
// Reads: random register pages (ListDecisions, 100 rows), random decision pages
// (FindDecision by reference slug) and random one-word searches (Search, 20 hits), each
// timed one by one; prints p50/p95 in milliseconds. Writes: `--writers` threads spread
// over `--stores` independent Store instances (as separate application servers would
// be), each adding a sign-off to a random decision (read, append, Apply with the version
// check, retry on conflict); prints sign-offs per second and conflicts.
// Expects the synthetic data of bench/pg/generate.sql (bodies body1..bodyN, references
// NNNNN/YYYY, the vocabulary in bench/pg/words.txt).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "storage/open_store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string url;
  int bodies = 40;
  int per_body = 25000;
  int queries = 2000;
  int searches = 50;
  int writers = 4;
  int stores = 1;
  int seconds = 10;
  std::string words = "bench/pg/words.txt";
  bool skip_reads = false;
};

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

void PrintPercentiles(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) { return ms[static_cast<size_t>(p * static_cast<double>(ms.size() - 1))]; };
  fmt::print("{:<22} n={:<6} p50={:>8.3f} ms  p95={:>8.3f} ms\n", what, ms.size(), at(0.50), at(0.95));
}

// The reference of the k-th decision of a body, as bench/pg/generate.sql writes it.
std::string Slug(int k) { return fmt::format("{:05}-{}", k, 2011 + k % 15); }

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Assent store benchmark"};
  app.add_option("url", o.url, "store URL")->required();
  app.add_option("--bodies", o.bodies);
  app.add_option("--per-body", o.per_body);
  app.add_option("--queries", o.queries);
  app.add_option("--searches", o.searches, "searches (each can rank many matches)");
  app.add_option("--writers", o.writers);
  app.add_option("--stores", o.stores);
  app.add_option("--seconds", o.seconds);
  app.add_option("--words", o.words);
  app.add_flag("--skip-reads", o.skip_reads, "measure writes only");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> words;
  {
    std::ifstream in(o.words);
    for (std::string w; std::getline(in, w);) {
      if (!w.empty()) words.push_back(w);
    }
  }
  if (words.empty()) {
    fmt::print(stderr, "no words in {}\n", o.words);
    return 1;
  }
  auto opened = assent::storage::OpenStore(o.url, {.connections = std::max(2, o.writers)});
  if (!opened) {
    fmt::print(stderr, "{}\n", opened.error().ToString());
    return 1;
  }
  auto& store = **opened;
  std::mt19937 rng(42);
  auto body = [&] { return fmt::format("body{}", 1 + rng() % static_cast<unsigned>(o.bodies)); };

  std::vector<double> reg, page, search;
  for (int i = 0; i < (o.skip_reads ? 0 : o.queries); ++i) {
    auto t0 = Clock::now();
    auto r = store.ListDecisions({.body = body(), .limit = 100});
    reg.push_back(Ms(Clock::now() - t0));
    if (!r || r->empty()) {
      fmt::print(stderr, "register query failed or empty\n");
      return 1;
    }
    int k = static_cast<int>(rng() % static_cast<unsigned>(o.per_body));
    t0 = Clock::now();
    auto d = store.FindDecision(body(), Slug(k));
    page.push_back(Ms(Clock::now() - t0));
    if (!d) {
      fmt::print(stderr, "decision lookup failed: {}\n", d.error().ToString());
      return 1;
    }
  }
  for (int i = 0; i < (o.skip_reads ? 0 : o.searches); ++i) {
    auto t0 = Clock::now();
    auto s = store.Search({.text = words[rng() % words.size()], .limit = 20});
    search.push_back(Ms(Clock::now() - t0));
    if (!s) {
      fmt::print(stderr, "search failed: {}\n", s.error().ToString());
      return 1;
    }
  }
  if (!o.skip_reads) {
    PrintPercentiles("register (100 rows)", reg);
    PrintPercentiles("decision by reference", page);
    PrintPercentiles("search (20 hits)", search);
  }

  // Writes through `stores` independent stores.
  std::vector<std::unique_ptr<assent::storage::Store>> stores;
  for (int i = 0; i < o.stores; ++i) {
    auto s = assent::storage::OpenStore(o.url, {.connections = std::max(1, o.writers / o.stores)});
    if (!s) {
      fmt::print(stderr, "{}\n", s.error().ToString());
      return 1;
    }
    stores.push_back(std::move(*s));
  }
  std::atomic<long> done{0}, conflicts{0}, failed{0};
  auto deadline = Clock::now() + std::chrono::seconds(o.seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < o.writers; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 r(static_cast<unsigned>(1000 + t));
      auto& st = *stores[static_cast<size_t>(t % o.stores)];
      while (Clock::now() < deadline) {
        std::string b = fmt::format("body{}", 1 + r() % static_cast<unsigned>(o.bodies));
        std::string slug = Slug(static_cast<int>(r() % static_cast<unsigned>(o.per_body)));
        for (;;) {
          auto d = st.FindDecision(b, slug);
          if (!d) {
            ++failed;
            break;
          }
          assent::decisions::SignOff s;
          s.step = "chief_finance_officer";
          s.role = "Chief Finance Officer";
          s.name = "Bench Signer";
          s.declaration = "I have been consulted about the financial implications.";
          d->signoffs.push_back(std::move(s));
          auto a = st.Apply({.update_decisions = {*d}});
          if (a) {
            ++done;
            break;
          }
          if (a.error().code != assent::ErrorCode::kConflict) {
            ++failed;
            break;
          }
          ++conflicts;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  fmt::print("sign-offs: {} writers over {} store(s): {:.0f} per second ({} conflicts retried, {} failed)\n",
             o.writers, o.stores, static_cast<double>(done) / o.seconds, conflicts.load(), failed.load());
  return failed > 0 ? 1 : 0;
}
