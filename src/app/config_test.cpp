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

TEST(Config, MailAndLinkDefaults) {
  auto c = LoadConfig(Env({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->smtp_url, "");
  EXPECT_FALSE(c->smtp_starttls);
  EXPECT_TRUE(c->cookie_secure);
  EXPECT_EQ(c->EffectiveBaseUrl(), "http://127.0.0.1:8080");
  ConfigSources s = Env({});
  s.flags = {{"listen", "0.0.0.0:9000"}};
  auto d = LoadConfig(s);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->EffectiveBaseUrl(), "http://0.0.0.0:9000");
}

TEST(Config, MailKeysFromFileEnvironmentAndFlags) {
  testing_support::TempDir dir;
  std::string path = dir.File("assent.toml");
  std::ofstream(path) << "smtp_url = \"smtps://mail.example.org:465\"\n"
                         "smtp_from = \"Assent <decisions@example.org>\"\n"
                         "smtp_starttls = true\ncookie_secure = false\n"
                         "base_url = \"https://decisions.example.org/\"\n";
  ConfigSources s = Env({{"ASSENT_SMTP_USERNAME", "assent"}, {"ASSENT_SMTP_PASSWORD", "s3cret-pw"}});
  s.file = path;
  s.flags = {{"smtp-url", "smtp://127.0.0.1:2525"}};
  ConfigOrigins origins;
  auto c = LoadConfig(s, &origins);
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->smtp_url, "smtp://127.0.0.1:2525");
  EXPECT_EQ(c->smtp_from, "Assent <decisions@example.org>");
  EXPECT_EQ(c->smtp_username, "assent");
  EXPECT_EQ(c->smtp_password, "s3cret-pw");
  EXPECT_TRUE(c->smtp_starttls);
  EXPECT_FALSE(c->cookie_secure);
  EXPECT_EQ(c->EffectiveBaseUrl(), "https://decisions.example.org");  // no trailing slash
  EXPECT_EQ(origins["smtp_url"], "flag --smtp-url");
  EXPECT_EQ(origins["smtp_password"], "env ASSENT_SMTP_PASSWORD");
  EXPECT_EQ(origins["cookie_secure"], path);
}

TEST(Config, DescribeMasksTheSmtpPassword) {
  auto c = LoadConfig(Env({{"ASSENT_SMTP_PASSWORD", "s3cret-pw"},
                           {"ASSENT_SMTP_URL", "smtp://assent:url-pw@mail.example.org:587"}}));
  ASSERT_TRUE(c) << c.error().ToString();
  std::string text = DescribeConfig(*c, {});
  EXPECT_EQ(text.find("s3cret-pw"), std::string::npos) << text;
  EXPECT_EQ(text.find("url-pw"), std::string::npos) << text;
  EXPECT_NE(text.find("smtp_password = \"***\""), std::string::npos) << text;
  EXPECT_NE(text.find("smtp://assent:***@mail.example.org:587"), std::string::npos) << text;
  auto none = LoadConfig(Env({}));
  ASSERT_TRUE(none);
  EXPECT_NE(DescribeConfig(*none, {}).find("smtp_password = \"\""), std::string::npos);
}

TEST(Config, BadMailValuesAreNamed) {
  struct Case {
    const char* env;
    const char* value;
    const char* error;
  } cases[] = {
      {"ASSENT_SMTP_URL", "http://mail.example.org",
       "environment ASSENT_SMTP_URL: 'http://mail.example.org' is not an smtp:// or smtps:// URL, "
       "e.g. smtp://127.0.0.1:25"},
      {"ASSENT_SMTP_FROM", "decisions",
       "environment ASSENT_SMTP_FROM: 'decisions' is not an e-mail address, e.g. "
       "decisions@example.org"},
      {"ASSENT_SMTP_STARTTLS", "perhaps",
       "environment ASSENT_SMTP_STARTTLS: 'perhaps' is not true or false (or 1 or 0)"},
      {"ASSENT_BASE_URL", "decisions.example.org",
       "environment ASSENT_BASE_URL: 'decisions.example.org' is not an http:// or https:// "
       "address, e.g. https://decisions.example.org"},
      {"ASSENT_COOKIE_SECURE", "sometimes",
       "environment ASSENT_COOKIE_SECURE: 'sometimes' is not true or false (or 1 or 0)"},
  };
  for (const auto& c : cases) {
    auto r = LoadConfig(Env({{c.env, c.value}}));
    ASSERT_FALSE(r) << c.env;
    EXPECT_EQ(r.error().ToString(), c.error);
  }
  testing_support::TempDir dir;
  std::string path = dir.File("bad.toml");
  std::ofstream(path) << "smtp_starttls = \"yes\"\n";
  ConfigSources s = Env({});
  s.file = path;
  auto r = LoadConfig(s);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), path + ": key smtp_starttls: must be true or false");
}

}  // namespace
}  // namespace assent::app
