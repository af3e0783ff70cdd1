// `assent strategy progress import FILE [--dry-run]` on the demo register: every row is
// checked before anything is written; a bad row is reported by file, line and column, the
// exit code is 1 and nothing is stored; good files go in one transaction.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "tests/support/run_assent.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using testing_support::RunAssent;
using testing_support::ShellQuote;

class StrategyProgressCli : public ::testing::Test {
 protected:
  testing_support::AssentRun Import(const std::string& name, const std::string& text,
                                    const std::string& flags = "") {
    std::string path = dir_.File(name);
    std::ofstream(path) << text;
    return RunAssent("--data-dir " + ShellQuote(dir_.File("data")) +
                     " --demo --log-level error strategy progress import " + flags + ShellQuote(path));
  }
  // Rows in the store's strategy_progress table, read straight from the SQLite file.
  int StoredEntries() {
    sqlite3* db = nullptr;
    int n = -1;
    if (sqlite3_open_v2(dir_.File("data/assent.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(db, "SELECT count(*) FROM strategy_progress", -1, &st, nullptr) == SQLITE_OK &&
          sqlite3_step(st) == SQLITE_ROW) {
        n = sqlite3_column_int(st, 0);
      }
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
  }
  // The stored entries, as the public JSON shows them: recorded ones carry "recorded".
  testing_support::AssentRun Good(const std::string& flags = "") {
    return Import("good.csv",
                  "body,strategy,deliverable,date,status,text\n"
                  "cumbria,ict-2015-2019,wan-replacement,2026-03,delivered,\"New WAN live, all sites\"\n"
                  "cumbria,ict-2015-2019,estates-strategy,2026,,Supported the Kendal move\n",
                  flags);
  }
  testing_support::TempDir dir_;
};

TEST_F(StrategyProgressCli, BadRowsAreReportedAndNothingIsWritten) {
  auto bad = Import("bad.csv",
                    "body,strategy,deliverable,date,status,text\n"
                    "cumbria,ict-2015-2019,wan-replacement,2026-03,delivered,fine\n"
                    "cumbria,ict-2015-2019,wan,2026-13,finished,\n"
                    "durham,ict,x,2026,,x\n"
                    "cumbria,ict-2015-2019,wan-replacement\n");
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_EQ(bad.out,
            "assent: bad.csv: line 3, column 3 (deliverable): cumbria/ict-2015-2019 has no deliverable 'wan'\n"
            "assent: bad.csv: line 3, column 4 (date): '2026-13' is not a date: write 2026, 2026-03 or "
            "2026-03-14\n"
            "assent: bad.csv: line 3, column 5 (status): 'finished' is not a status: leave it empty or write "
            "one of planned, in_progress, delivered, ongoing, not_stated\n"
            "assent: bad.csv: line 4, column 1 (body): no body 'durham' has strategies\n"
            "assent: bad.csv: line 5: 3 columns, expected 6 (body,strategy,deliverable,date,status,text)\n"
            "assent: 5 problems; nothing was recorded\n");
  EXPECT_EQ(StoredEntries(), 0) << "the good row on line 2 is not written either";
  auto good = Good();
  EXPECT_EQ(good.exit_code, 0) << good.out;
  EXPECT_EQ(good.out, "2 progress entries recorded from good.csv\n");
  EXPECT_EQ(StoredEntries(), 2);
}

TEST_F(StrategyProgressCli, DryRunChecksAndStoresNothing) {
  auto dry = Good("--dry-run ");
  EXPECT_EQ(dry.exit_code, 0) << dry.out;
  EXPECT_EQ(dry.out, "dry run (nothing stored): 2 progress entries would be recorded from good.csv\n");
  EXPECT_EQ(StoredEntries(), 0);
}

TEST_F(StrategyProgressCli, AnEmptyFileOrAWrongHeaderIsRefused) {
  auto empty = Import("empty.csv", "");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.out,
            "assent: empty.csv: line 1: the file is empty; its first line must be the header "
            "body,strategy,deliverable,date,status,text\n"
            "assent: 1 problem; nothing was recorded\n");
  auto header = Import("header.csv", "deliverable,date,text\ncumbria,2026,x\n");
  EXPECT_EQ(header.exit_code, 1);
  EXPECT_EQ(header.out,
            "assent: header.csv: line 1: the first line must be the header "
            "body,strategy,deliverable,date,status,text\n"
            "assent: 1 problem; nothing was recorded\n");
  auto missing = RunAssent("--data-dir " + ShellQuote(dir_.File("data")) +
                           " --demo --log-level error strategy progress import " +
                           ShellQuote(dir_.File("nope.csv")));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.out, "assent: " + dir_.File("nope.csv") + ": cannot read the file\n");
}

}  // namespace
}  // namespace assent
