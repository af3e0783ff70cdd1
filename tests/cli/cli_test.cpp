// The `assent` binary as a user runs it: stdout, stderr and exit codes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/support/files.hpp"
#include "tests/support/run_assent.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using Run = testing_support::AssentRun;

// Runs the binary with a clean ASSENT_* environment; `args` are shell-quoted by the caller.
Run Assent(const std::string& args, const std::string& env = "") {
  return testing_support::RunAssent(args, env);
}

std::string Seed(const std::string& stem) {
  return testing_support::SourceDir() + "/demo/seeds/" + stem + ".txt";
}

TEST(Cli, HelpListsEveryCommand) {
  auto r = Assent("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* c : {"serve", "import", "config", "version"}) {
    EXPECT_NE(r.out.find(c), std::string::npos) << c;
  }
  auto v = Assent("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.substr(0, 7), "assent ");
}

TEST(Cli, UnknownCommandFails) {
  auto r = Assent("frobnicate");
  EXPECT_NE(r.exit_code, 0);
}

TEST(Cli, ConfigShowsOriginsAndRejectsBadValues) {
  auto r = Assent("config --listen 127.0.0.1:9999", "ASSENT_DATA_DIR=/srv/assent");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("listen = \"127.0.0.1:9999\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("from flag --listen"), std::string::npos);
  EXPECT_NE(r.out.find("store_url = \"sqlite:/srv/assent/assent.db\""), std::string::npos) << r.out;

  testing_support::TempDir dir;
  std::string file = dir.File("assent.toml");
  std::ofstream(file) << "listen = \"everywhere\"\n";
  auto bad = Assent("--config '" + file + "' config");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, "assent: " + file +
                         ": key listen: 'everywhere' is not host:port, e.g. 127.0.0.1:8080\n");
  auto env = Assent("config", "ASSENT_LISTEN=nowhere");
  EXPECT_EQ(env.exit_code, 1);
  EXPECT_NE(env.out.find("environment ASSENT_LISTEN"), std::string::npos);
}

TEST(Cli, DryRunPrintsEveryLabelFieldOfEachSeed) {
  for (const char* stem : {"000_d97213282a44e43e", "001_bbad0e5ce30ae459", "002_355094bc4b687ec6",
                           "003_9d093bf2b27382d5", "004_251d7e129d4e821e"}) {
    auto r = Assent("import --json --dry-run '" + Seed(stem) + "'");
    ASSERT_EQ(r.exit_code, 0) << stem << "\n" << r.out;
    // One JSON object per line on stdout; the summary follows on stderr.
    auto got = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    EXPECT_EQ(r.out.substr(r.out.find('\n') + 1),
              "dry run (nothing stored): 1 queued for review, 0 confirmed, 0 failed, 0 duplicates skipped\n");
    auto want = nlohmann::json::parse(
        testing_support::ReadSourceFile(std::string("tests/data/seeds/") + stem + ".json"));
    for (const auto& [key, value] : want.items()) {
      if (key == "_notes" || key == "source") continue;
      ASSERT_TRUE(got.contains(key)) << stem << " " << key;
      if (key == "signoffs") {
        ASSERT_EQ(got[key].size(), value.size()) << stem;
        for (size_t i = 0; i < value.size(); ++i) {
          for (const auto& [k, v] : value[i].items()) {
            EXPECT_EQ(got[key][i][k], v) << stem << " signoffs[" << i << "]." << k;
          }
        }
      } else {
        EXPECT_EQ(got[key], value) << stem << " " << key;
      }
    }
  }
}

TEST(Cli, ImportQueuesOnceAndReportsBadFilesWithoutStoppingTheBatch) {
  testing_support::TempDir dir;
  std::string common = "--data-dir '" + dir.File("data") + "' --bodies-file '" +
                       testing_support::SourceDir() + "/demo/bodies.toml'";
  auto first = Assent("import " + common + " '" + Seed("000_d97213282a44e43e") + "'");
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("queued for review: "), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("cumbria 006/2017 (0 unknown, 0 low-confidence key fields)"), std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find("1 queued for review, 0 confirmed, 0 failed, 0 duplicates skipped\n"), std::string::npos)
      << first.out;
  // Queued, not published: --confirm-clean on the same file later is a no-op too.
  auto again = Assent("import --confirm-clean " + common + " '" + Seed("000_d97213282a44e43e") + "'");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("already imported"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("0 queued for review, 0 confirmed, 0 failed, 1 duplicates skipped"), std::string::npos)
      << again.out;

  std::ofstream(dir.File("binary.txt"), std::ios::binary).write("ab\0cd", 5);
  auto bad = Assent("import " + common + " '" + Seed("003_9d093bf2b27382d5") + "' '" +
                    dir.File("binary.txt") + "' /nonexistent.txt");
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("assent: " + dir.File("binary.txt") + ": binary file, not decision text\n"),
            std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("assent: /nonexistent.txt: cannot read file (No such file or directory)\n"),
            std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("1 queued for review, 0 confirmed, 2 failed, 0 duplicates skipped\n"), std::string::npos)
      << bad.out;
  // The good file in the bad batch was queued on its own.
  auto good = Assent("import " + common + " '" + Seed("003_9d093bf2b27382d5") + "'");
  EXPECT_EQ(good.exit_code, 0) << good.out;
  EXPECT_NE(good.out.find("0 queued for review, 0 confirmed, 0 failed, 1 duplicates skipped"), std::string::npos)
      << good.out;
}

TEST(Cli, ConfirmCleanPublishesCleanRecordsAndQueuesTheRest) {
  testing_support::TempDir dir;
  std::string common = "--data-dir '" + dir.File("data") + "' --bodies-file '" +
                       testing_support::SourceDir() + "/demo/bodies.toml'";
  std::string unmarked = testing_support::SourceDir() + "/tests/data/import/cumbria_unmarked_outcome.txt";
  auto dry = Assent("import --dry-run --confirm-clean '" + Seed("000_d97213282a44e43e") + "' '" + unmarked + "'");
  ASSERT_EQ(dry.exit_code, 0) << dry.out;
  EXPECT_NE(dry.out.find("dry run (nothing stored): 1 queued for review, 1 confirmed, 0 failed, 0 duplicates skipped"),
            std::string::npos) << dry.out;
  auto r = Assent("import --confirm-clean " + common + " '" + Seed("000_d97213282a44e43e") + "' '" + unmarked + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("confirmed: " + Seed("000_d97213282a44e43e") + " -> cumbria 006/2017\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("queued for review: " + unmarked + " -> cumbria 011/2018 (1 unknown, 0 low-confidence key fields)"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 queued for review, 1 confirmed, 0 failed, 0 duplicates skipped\n"), std::string::npos)
      << r.out;
  // Re-importing both is a no-op, confirmed or queued.
  auto again = Assent("import --confirm-clean " + common + " '" + Seed("000_d97213282a44e43e") + "' '" + unmarked + "'");
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("0 queued for review, 0 confirmed, 0 failed, 2 duplicates skipped"), std::string::npos)
      << again.out;
  // The audit log says who confirmed: the command line.
  auto verify = Assent("audit verify " + common);
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
}

TEST(Cli, ServeStopsGracefullyOnSigterm) {
  testing_support::TempDir dir;
  // --preserve-status: the exit code is the server's own, not timeout's 124.
  auto r = Assent("serve --listen 127.0.0.1:0 --data-dir '" + dir.File("data") + "'",
                  "ASSENT_LOG_LEVEL=info timeout --preserve-status -s TERM 2");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Assent listening on http://127.0.0.1:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("received signal 15, shutting down"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stopped"), std::string::npos) << r.out;
  // Without --demo a new store starts empty: no bodies, no decisions.
  EXPECT_EQ(r.out.find("demo register loaded"), std::string::npos) << r.out;
}

TEST(Cli, ServeRejectsABadListenAddress) {
  testing_support::TempDir dir;
  auto bad = Assent("serve --listen 256.1.1.1:80 --data-dir '" + dir.File("b") + "'");
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_NE(bad.out.find("listen: '256.1.1.1' is not an IP address"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace assent
