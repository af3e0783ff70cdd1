#include "app/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace assent::app {
namespace {

ConfigSources Env(std::map<std::string, std::string> env) {
  ConfigSources s;
  s.getenv = [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  return s;
}

TEST(Config, DefaultsAreDocumented) {
  auto c = LoadConfig(Env({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->listen, "127.0.0.1:8080");
  EXPECT_EQ(c->EffectiveStoreUrl(), "sqlite:data/assent.db");
  EXPECT_FALSE(c->demo);
}

TEST(Config, FileThenEnvironmentThenFlags) {
  testing_support::TempDir dir;
  std::string path = dir.File("assent.toml");
  std::ofstream(path) << "listen = \"127.0.0.1:9000\"\ndata_dir = \"/srv/a\"\nworker_threads = 8\n";
  ConfigSources s = Env({{"ASSENT_DATA_DIR", "/srv/env"}, {"ASSENT_DEMO", "1"}});
  s.file = path;
  s.flags = {{"data-dir", "/srv/flag"}};
  ConfigOrigins origins;
  auto c = LoadConfig(s, &origins);
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->listen, "127.0.0.1:9000");
  EXPECT_EQ(c->data_dir, "/srv/flag");
  EXPECT_EQ(c->worker_threads, 8);
  EXPECT_TRUE(c->demo);
  EXPECT_EQ(c->EffectiveStoreUrl(), "sqlite:/srv/flag/assent.db");
  EXPECT_EQ(origins["listen"], path);
  EXPECT_EQ(origins["data_dir"], "flag --data-dir");
  EXPECT_EQ(origins["demo"], "env ASSENT_DEMO");
  EXPECT_EQ(origins["log_level"], "default");
}

TEST(Config, BadValuesNameFileAndKey) {
  testing_support::TempDir dir;
  struct Case {
    const char* toml;
    const char* error;  // after "<path>: "
  } cases[] = {
      {"listen = \"localhost\"\n", "key listen: 'localhost' is not host:port, e.g. 127.0.0.1:8080"},
      {"listen = \"127.0.0.1:99999\"\n",
       "key listen: '127.0.0.1:99999' has no valid port (0 to 65535) after the colon"},
      {"worker_threads = \"eight\"\n", "key worker_threads: must be a whole number"},
      {"worker_threads = 0\n", "key worker_threads: '0' is not a whole number from 1 to 256"},
      {"lisen = \"x\"\n", "key lisen: unknown key"},
      {"demo = \"maybe\"\n", "key demo: must be true or false"},
  };
  for (const auto& c : cases) {
    std::string path = dir.File("bad.toml");
    std::ofstream(path) << c.toml;
    ConfigSources s = Env({});
    s.file = path;
    auto r = LoadConfig(s);
    ASSERT_FALSE(r) << c.toml;
    EXPECT_EQ(r.error().ToString(), path + ": " + c.error) << c.toml;
  }
}

TEST(Config, BadEnvironmentAndFlagsAreNamed) {
  auto r = LoadConfig(Env({{"ASSENT_LISTEN", "nope"}}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(),
            "environment ASSENT_LISTEN: 'nope' is not host:port, e.g. 127.0.0.1:8080");
  ConfigSources s = Env({});
  s.flags = {{"log-level", "loud"}};
  r = LoadConfig(s);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(),
            "flag --log-level: 'loud' is not one of trace, debug, info, warn, error");
}

TEST(Config, DescribeMasksPasswords) {
  ConfigSources s = Env({{"ASSENT_STORE_URL", "postgresql://assent:hunter2@db/assent"}});
  ConfigOrigins origins;
  auto c = LoadConfig(s, &origins);
  ASSERT_TRUE(c);
  std::string text = DescribeConfig(*c, origins);
  EXPECT_EQ(text.find("hunter2"), std::string::npos);
  EXPECT_NE(text.find("postgresql://assent:***@db/assent"), std::string::npos) << text;
  EXPECT_NE(text.find("from env ASSENT_STORE_URL"), std::string::npos);
}

}  // namespace
}  // namespace assent::app
