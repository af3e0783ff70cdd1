// assent backup, restore and migrate as an operator runs them, on real SQLite files and
// the PostgreSQL test cluster.
#include <gtest/gtest.h>

#include <fstream>

#include "storage/open_store.hpp"
#include "tests/support/files.hpp"
#include "tests/support/postgres.hpp"
#include "tests/support/run_assent.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using testing_support::RunAssent;
using testing_support::ShellQuote;
using testing_support::TempDir;

// A data directory holding the demo register (3 bodies, 5 decisions).
std::string DemoDataDir(const TempDir& dir) {
  std::string data = dir.File("data");
  auto r = RunAssent("--data-dir " + ShellQuote(data) + " --demo import " +
                     ShellQuote(testing_support::SourceDir() + "/demo/seeds/000_d97213282a44e43e.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return data;
}

std::int64_t Decisions(const std::string& url) {
  auto store = storage::OpenStore(url, {.connections = 1});
  if (!store) {
    ADD_FAILURE() << store.error().ToString();
    return -1;
  }
  auto counts = (*store)->CountDecisionsByBody({});
  if (!counts) {
    ADD_FAILURE() << counts.error().ToString();
    return -1;
  }
  std::int64_t n = 0;
  for (const auto& c : *counts) n += c.decisions;
  return n;
}

std::string PostgresUrlOrSkip() {
  std::string why;
  auto url = testing_support::FreshPostgresSchema(&why);
  if (!url && testing_support::PostgresRequired()) ADD_FAILURE() << why;
  return url.value_or("");
}

TEST(StoreCli, BackupThenRestoreElsewhere) {
  TempDir dir;
  std::string data = DemoDataDir(dir);
  std::string backup = dir.File("backup.db");
  auto b = RunAssent("--data-dir " + ShellQuote(data) + " backup " + ShellQuote(backup));
  ASSERT_EQ(b.exit_code, 0) << b.out;
  EXPECT_NE(b.out.find("5 decisions, integrity checked"), std::string::npos) << b.out;

  auto again = RunAssent("--data-dir " + ShellQuote(data) + " backup " + ShellQuote(backup));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.out, "assent: " + backup + ": already exists; choose a new file name\n");

  std::string other = dir.File("restored");
  auto r = RunAssent("--data-dir " + ShellQuote(other) + " restore " + ShellQuote(backup));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Decisions("sqlite:" + other + "/assent.db"), 5);

  auto refused = RunAssent("--data-dir " + ShellQuote(other) + " restore " + ShellQuote(backup));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out,
            "assent: the store holds 5 decisions; add --replace to overwrite it (back it up first)\n");
  auto replaced =
      RunAssent("--data-dir " + ShellQuote(other) + " restore --replace " + ShellQuote(backup));
  EXPECT_EQ(replaced.exit_code, 0) << replaced.out;
}

TEST(StoreCli, RestoreRefusesDamagedFilesAndLeavesTheStore) {
  TempDir dir;
  std::string data = DemoDataDir(dir);
  std::string garbage = dir.File("garbage.db");
  std::ofstream(garbage) << "this is not a database at all, not even close to one......";
  auto r = RunAssent("--data-dir " + ShellQuote(data) + " restore --replace " + ShellQuote(garbage));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "assent: " + garbage + ": not an Assent database (file is not a database)\n");
  EXPECT_EQ(Decisions("sqlite:" + data + "/assent.db"), 5);
}

TEST(StoreCli, MigratesSqliteToPostgresAndBackVerified) {
  std::string pg = PostgresUrlOrSkip();
  if (pg.empty()) GTEST_SKIP() << "PostgreSQL NOT TESTED: no test server";
  TempDir dir;
  std::string data = DemoDataDir(dir);
  std::string from = "sqlite:" + data + "/assent.db";
  auto m = RunAssent("migrate --from " + ShellQuote(from) + " --to " + ShellQuote(pg));
  ASSERT_EQ(m.exit_code, 0) << m.out;
  EXPECT_NE(m.out.find("copied 3 bodies, 5 decisions"), std::string::npos) << m.out;
  EXPECT_NE(m.out.find("verified: 3 bodies, 5 decisions and 0 reference counters read back identical"),
            std::string::npos)
      << m.out;

  auto twice = RunAssent("migrate --from " + ShellQuote(from) + " --to " + ShellQuote(pg));
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_EQ(twice.out, "assent: the target store already holds 5 decisions; copy into an empty store\n");
  EXPECT_EQ(Decisions(pg), 5);

  std::string back = "sqlite:" + dir.File("back.db");
  auto b = RunAssent("migrate --from " + ShellQuote(pg) + " --to " + ShellQuote(back));
  ASSERT_EQ(b.exit_code, 0) << b.out;
  EXPECT_EQ(Decisions(back), 5);
}

TEST(StoreCli, BackupOfPostgresPointsToPgDump) {
  auto r = RunAssent("--store-url postgresql://nobody@127.0.0.1:1/x backup /tmp/never.db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "assent: assent backup copies SQLite stores; back up PostgreSQL with pg_dump (see "
            "docs/operations.md)\n");
}

}  // namespace
}  // namespace assent
