// HTTP end to end: the real server on a loopback port, a real SQLite store holding the
// demo register plus records made to test confidentiality, and a plain socket client.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "tests/storage/store_contract.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/web_site.hpp"

namespace assent::web {
namespace {

using testing_support::Get;
using testing_support::HttpReply;
using testing_support::SendRaw;

constexpr const char* kMarker = "PART2-CONFIDENTIAL-7f3a";

class HttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    env_ = new Env();
    env_->Start();
  }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }

  struct Env {
    testing_support::WebSite site;
    storage::Store* store = nullptr;
    web::PageCache* cache = nullptr;
    std::uint16_t port = 0;

    void Start() {
      site.Open("http.db");
      store = &site.store();
      cache = &site.cache();
      // A published record whose Part 2 section, Part 2 paper carry the marker, and a
      // draft that must stay invisible.
      auto secret = testing_support::SampleDecision("cumbria", "099/2019", kMarker);
      secret.background_papers.push_back({std::string("Paper ") + kMarker, decisions::Part::kPart2});
      auto draft = testing_support::SampleDecision("cumbria", "098/2019", kMarker);
      draft.status = decisions::Status::kDecided;
      draft.title = std::string("Draft ") + kMarker;
      ASSERT_TRUE(store->Apply({.insert_decisions = {secret, draft}}));

      testing_support::WebSite::Serving serving;
      serving.staff = false;
      serving.server.io_threads = 2;
      serving.server.worker_threads = 2;
      serving.server.read_timeout = std::chrono::seconds(1);
      serving.server.idle_timeout = std::chrono::seconds(1);
      serving.server.body_limit = 4096;
      site.Start(serving);
      port = site.port();
    }
  };

  static HttpReply Fetch(const std::string& target, const std::string& extra = "") {
    return Get(env_->port, target, extra);
  }
  static Env* env_;
};

HttpTest::Env* HttpTest::env_ = nullptr;

TEST_F(HttpTest, HomeListsTheThreeBodies) {
  auto r = Fetch("/");
  ASSERT_EQ(r.status, 200) << r.raw.substr(0, 300);
  EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
  for (const char* name : {"Police &amp; Crime Commissioner for Cumbria",
                           "Police and Crime Commissioner for Lancashire",
                           "Police, Fire and Crime Commissioner for Essex"}) {
    EXPECT_NE(r.body.find(name), std::string::npos) << name;
  }
  EXPECT_NE(r.body.find("href=\"/cumbria/decisions\""), std::string::npos);
}

TEST_F(HttpTest, EveryResponseCarriesSecurityHeaders) {
  for (const char* target : {"/", "/cumbria/decisions", "/nope", "/assets/app/assent.css",
                             "/cumbria/decisions/006-2017.json"}) {
    auto r = Fetch(target);
    const auto& csp = r.headers["content-security-policy"];
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << target;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << target;
    EXPECT_FALSE(r.headers["referrer-policy"].empty()) << target;
    EXPECT_FALSE(r.headers["date"].empty()) << target;
  }
}

TEST_F(HttpTest, RegisterIsNewestFirstAndFiltersByYear) {
  auto r = Fetch("/cumbria/decisions");
  ASSERT_EQ(r.status, 200);
  size_t a = r.body.find("004/2020"), b = r.body.find("006/2017"), c = r.body.find("008/2016");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_NE(r.body.find("href=\"/cumbria/decisions/006-2017\""), std::string::npos);

  auto y = Fetch("/cumbria/decisions?year=2016");
  ASSERT_EQ(y.status, 200);
  EXPECT_NE(y.body.find("008/2016"), std::string::npos);
  EXPECT_EQ(y.body.find("006/2017"), std::string::npos);

  auto bad = Fetch("/cumbria/decisions?year=20x6");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("year must be a four-digit year"), std::string::npos);
}

TEST_F(HttpTest, DecisionPageShowsPart1AndSaysPart2Exists) {
  auto r = Fetch("/cumbria/decisions/006-2017");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 400);
  EXPECT_NE(r.body.find("Cumbria Constabulary ICT Strategy 2016 – 2020"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"part2-notice\""), std::string::npos);
  EXPECT_NE(r.body.find("Executive Summary"), std::string::npos);

  auto essex = Fetch("/essex/decisions/097-21");
  ASSERT_EQ(essex.status, 200);
  EXPECT_NE(essex.body.find("Essex Police Digital Strategy"), std::string::npos);
  auto lancs = Fetch("/lancashire/decisions/2018-37");
  EXPECT_EQ(lancs.status, 200);
}

TEST_F(HttpTest, JsonCarriesTheSamePublicData) {
  auto r = Fetch("/cumbria/decisions/006-2017.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "application/json");
  EXPECT_EQ(r.headers["access-control-allow-origin"], "*");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["reference"], "006/2017");
  EXPECT_EQ(j["outcome"], "approved");
  EXPECT_EQ(j["decision_date"], "2017-02-22");
  EXPECT_EQ(j["part2"]["exists"], true);
  EXPECT_EQ(j["body"]["slug"], "cumbria");

  auto list = nlohmann::json::parse(Fetch("/essex/decisions.json").body);
  ASSERT_EQ(list["decisions"].size(), 1u);
  EXPECT_EQ(list["decisions"][0]["reference"], "097-21");
  EXPECT_EQ(list["decisions"][0]["url"], "/essex/decisions/097-21");

  auto missing = Fetch("/essex/decisions/999-99.json");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["status"], 404);
}

TEST_F(HttpTest, Part2AndUnpublishedRecordsNeverReachAPublicSurface) {
  auto secret = Fetch("/cumbria/decisions/099-2019");
  ASSERT_EQ(secret.status, 200);
  EXPECT_NE(secret.body.find("id=\"part2-notice\""), std::string::npos);
  EXPECT_NE(secret.body.find("2 confidential background papers are not published"), std::string::npos);
  auto draft = Fetch("/cumbria/decisions/098-2019");
  EXPECT_EQ(draft.status, 404) << "an undecided record must not be revealed";
  for (const char* target :
       {"/", "/cumbria/decisions", "/cumbria/decisions.json", "/cumbria/decisions/099-2019",
        "/cumbria/decisions/099-2019.json", "/cumbria/decisions/098-2019",
        "/cumbria/decisions/098-2019.json", "/bodies.json", "/cumbria/decisions?year=2019",
        "/cumbria/decisions/PART2-CONFIDENTIAL"}) {
    auto r = Fetch(target);
    EXPECT_EQ(r.raw.find(kMarker), std::string::npos) << target;
    EXPECT_EQ(r.raw.find("Paper PART2"), std::string::npos) << target;
  }
}

TEST_F(HttpTest, ErrorsUseTheSameDesign) {
  auto r = Fetch("/no-such-body/decisions");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("govuk-header"), std::string::npos);
  EXPECT_NE(r.body.find("Page not found"), std::string::npos);
  auto deep = Fetch("/a/b/c/d");
  EXPECT_EQ(deep.status, 404);
  auto post = SendRaw(env_->port,
                      "POST /cumbria/decisions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                      "Connection: close\r\n\r\nhi");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers["allow"], "GET, HEAD");
  auto slash = Fetch("/cumbria/decisions/");
  EXPECT_EQ(slash.status, 301);
  EXPECT_EQ(slash.headers["location"], "/cumbria/decisions");
}

TEST_F(HttpTest, StaticAssetsAreCachedAndRevalidated) {
  auto r = Fetch("/assets/app/assent.css");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/css; charset=utf-8");
  EXPECT_EQ(r.headers["cache-control"], "public, max-age=86400");
  std::string etag = r.headers["etag"];
  ASSERT_FALSE(etag.empty());
  auto again = Fetch("/assets/app/assent.css", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  // Pages revalidate too.
  auto page = Fetch("/cumbria/decisions");
  auto page304 = Fetch("/cumbria/decisions", "If-None-Match: " + page.headers["etag"] + "\r\n");
  EXPECT_EQ(page304.status, 304);
}

TEST_F(HttpTest, HeadAndHealth) {
  auto head = SendRaw(env_->port, "HEAD /cumbria/decisions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_NE(head.headers["content-length"], "0");
  auto health = Fetch("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(nlohmann::json::parse(health.body)["status"], "ok");
}

TEST_F(HttpTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::string two =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /cumbria/decisions.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  auto r = SendRaw(env_->port, two);
  EXPECT_EQ(r.status, 200);
  size_t second = r.raw.find("HTTP/1.1 200 OK", 10);
  ASSERT_NE(second, std::string::npos) << r.raw.substr(0, 200);
  EXPECT_NE(r.raw.find("Connection: close", second), std::string::npos);
}

TEST_F(HttpTest, RejectsBadAndOversizedRequests) {
  auto garbage = SendRaw(env_->port, "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
  std::string big(8192, 'x');
  auto large = SendRaw(env_->port, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 8192\r\n\r\n" + big);
  EXPECT_EQ(large.status, 413);
  auto bad_escape = Fetch("/cumbria/decisions/%zz");
  EXPECT_EQ(bad_escape.status, 400);
}

TEST_F(HttpTest, SlowClientsAreCutOffAndOthersStillServed) {
  // Slowloris: a connection that never finishes its headers is closed after the read timeout.
  int slow = testing_support::Connect(env_->port);
  ASSERT_GE(slow, 0);
  ASSERT_GT(::send(slow, "GET / HTTP/1.1\r\nHost:", 21, MSG_NOSIGNAL), 0);
  auto started = std::chrono::steady_clock::now();
  auto ok = Fetch("/healthz");
  EXPECT_EQ(ok.status, 200) << "other clients are served meanwhile";
  char buf[16];
  ssize_t n = ::recv(slow, buf, sizeof(buf), 0);  // blocks until the server closes
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_LE(n, 0);
  EXPECT_LT(waited, std::chrono::seconds(5));
  ::close(slow);
}

TEST_F(HttpTest, CacheNeverServesStaleAfterAChange) {
  auto before = Fetch("/essex/decisions.json");
  ASSERT_EQ(nlohmann::json::parse(before.body)["decisions"].size(), 1u);
  auto extra = testing_support::SampleDecision("essex", "001-22");
  ASSERT_TRUE(env_->store->Apply({.insert_decisions = {extra}}));
  env_->cache->Invalidate();  // what the change watcher does within a second
  auto after = Fetch("/essex/decisions.json");
  EXPECT_EQ(nlohmann::json::parse(after.body)["decisions"].size(), 2u);
}

}  // namespace
}  // namespace assent::web
