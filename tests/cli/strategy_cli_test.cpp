// `assent serve` with a strategy directory: a bad data file stops it before it listens,
// with the file and key named and exit code 1.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/support/run_assent.hpp"
#include "tests/support/temp_dir.hpp"

namespace assent {
namespace {

using Run = testing_support::AssentRun;

Run Serve(const std::string& args) {
  return testing_support::RunAssent("serve --listen 127.0.0.1:0 " + args, "timeout 20");
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string StrategyText(const char* id, const char* replaces) {
  return std::string("id = \"") + id + "\"\nbody = \"cumbria\"\ntitle = \"S\"\nstart_year = 2015\n"
         "end_year = 2019\nowner = \"O\"\nreplaces = [\"" + replaces + "\"]\n"
         "[[version]]\nlabel = \"v1\"\napproved = 2015-02-13\ndecision = \"001/2015\"\n";
}

TEST(StrategyCli, ASupersessionCycleStopsTheServerNamingTheFile) {
  testing_support::TempDir dir;
  std::filesystem::create_directories(dir.File("strategies"));
  Write(dir.File("strategies/a.toml"), StrategyText("a", "b"));
  Write(dir.File("strategies/b.toml"), StrategyText("b", "a"));
  auto r = Serve("--data-dir '" + dir.File("data") + "' --strategies-dir '" + dir.File("strategies") + "'");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("assent: " + dir.File("strategies/a.toml") +
                       ": key replaces: supersession cycle: cumbria/a -> cumbria/b -> cumbria/a"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace assent
