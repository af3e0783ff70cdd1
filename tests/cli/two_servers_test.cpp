// Two `assent serve` processes on one PostgreSQL database, as a shared deployment runs
// them: they start at the same moment on an empty database (one migrates, the other
// waits on the advisory lock), and a record written through one process is served by
// both once their caches see the change counter move.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/support/files.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/postgres.hpp"
#include "tests/support/run_assent.hpp"
#include "tests/support/server_process.hpp"

namespace assent {
namespace {

using testing_support::ServerProcess;
using testing_support::ShellQuote;

// Polls `path` on `port` until it answers `status`, for up to five seconds.
bool Eventually(std::uint16_t port, const std::string& path, int status) {
  for (int i = 0; i < 100; ++i) {
    if (testing_support::Get(port, path).status == status) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(TwoServersOnPostgres, StartTogetherAndServeEachOthersWrites) {
  std::string why;
  auto url = testing_support::FreshPostgresSchema(&why);
  if (!url) {
    if (testing_support::PostgresRequired()) FAIL() << why;
    GTEST_SKIP() << "PostgreSQL NOT TESTED: " << why;
  }
  std::string bodies = testing_support::SourceDir() + "/demo/bodies.toml";
  std::vector<std::string> args = {"--store-url", *url, "--bodies-file", bodies,
                                   "--worker-threads", "2", "--io-threads", "1"};
  ServerProcess a(args);
  ServerProcess b(args);
  ASSERT_TRUE(a.WaitUntilListening()) << a.Log();
  ASSERT_TRUE(b.WaitUntilListening()) << b.Log();
  EXPECT_EQ(a.Log().find("password"), std::string::npos);

  // Nothing yet: both answer 404 for the record (and cache nothing wrong for long).
  EXPECT_EQ(testing_support::Get(a.port(), "/cumbria/decisions/006-2017").status, 404);
  EXPECT_EQ(testing_support::Get(b.port(), "/cumbria/decisions/006-2017").status, 404);

  // A third process writes (as an import on an application server would).
  auto imported = testing_support::RunAssent(
      "--store-url " + ShellQuote(*url) + " import --confirm-clean " +
      ShellQuote(testing_support::SourceDir() + "/demo/seeds/000_d97213282a44e43e.txt"));
  ASSERT_EQ(imported.exit_code, 0) << imported.out;

  EXPECT_TRUE(Eventually(a.port(), "/cumbria/decisions/006-2017", 200)) << a.Log();
  EXPECT_TRUE(Eventually(b.port(), "/cumbria/decisions/006-2017", 200)) << b.Log();
  auto page = testing_support::Get(b.port(), "/cumbria/decisions");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("006/2017"), std::string::npos);
  EXPECT_EQ(a.Stop(), 0) << a.Log();
  EXPECT_EQ(b.Stop(), 0) << b.Log();
}

}  // namespace
}  // namespace assent
