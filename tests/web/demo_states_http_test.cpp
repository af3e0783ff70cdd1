// The full demo register (as serve --demo loads it: the seeds, the demo staff and the
// decisions of demo/decisions/) over HTTP: the HTML register, its JSON and the JSON API
// show the deferred and withheld stubs and the withdrawal tombstone with a state and no
// content; search and the Atom feeds list published decisions only.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/http_client.hpp"
#include "tests/support/web_site.hpp"

namespace assent::web {
namespace {

using nlohmann::json;
using testing_support::Get;

class DemoStatesHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = new testing_support::WebSite();
    site_->Open("demo.db", services::DemoScope::kFull);
    testing_support::WebSite::Serving serving;
    serving.staff = false;
    serving.server.io_threads = 1;
    serving.server.worker_threads = 2;
    site_->Start(serving);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  static json Json(const std::string& target) {
    auto r = Get(site_->port(), target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.status == 200 ? json::parse(r.body) : json::object();
  }
  // The row of the register whose title starts with `title`.
  static json Row(const json& rows, const std::string& title) {
    for (const auto& r : rows) {
      if (r["title"].get<std::string>().rfind(title, 0) == 0) return r;
    }
    ADD_FAILURE() << "no row '" << title << "' in " << rows.dump();
    return json::object();
  }
  static testing_support::WebSite* site_;
};
testing_support::WebSite* DemoStatesHttp::site_ = nullptr;

TEST_F(DemoStatesHttp, TheApiRegisterListsStubsAndTombstonesWithTheirState) {
  auto essex = Json("/api/v1/bodies/essex/decisions");
  auto lease = Row(essex["decisions"], "Lease of the training annex");
  EXPECT_EQ(lease["state"], "withdrawn");
  EXPECT_EQ(lease["status"], "withdrawn");
  EXPECT_TRUE(lease["outcome"].is_null()) << "a tombstone does not say more than its page";
  EXPECT_EQ(Row(essex["decisions"], "Award of the fleet vehicle telematics")["state"], "published");

  auto lancashire = Json("/api/v1/bodies/lancashire/decisions");
  auto drones = Row(lancashire["decisions"], "Expansion of the drone capability");
  EXPECT_EQ(drones["state"], "deferred");
  EXPECT_EQ(drones["status"], "decided");

  auto cumbria = Json("/api/v1/bodies/cumbria/decisions");
  auto armoury = Row(cumbria["decisions"], "Security improvements to the force armoury");
  EXPECT_EQ(armoury["state"], "withheld");
  // /{body}/decisions.json lists the same stubs.
  auto page = Json("/cumbria/decisions.json");
  EXPECT_EQ(Row(page["decisions"], "Security improvements to the force armoury")["state"], "withheld");
  // The status filter: withdrawn lists the tombstones only.
  auto withdrawn = Json("/api/v1/bodies/essex/decisions?status=withdrawn");
  ASSERT_EQ(withdrawn["decisions"].size(), 1u) << withdrawn.dump();
  EXPECT_EQ(withdrawn["decisions"][0]["state"], "withdrawn");

  // The decision endpoint: the stub's public fields, never its text.
  auto stub = Json(armoury["api_url"].get<std::string>());
  EXPECT_EQ(stub["state"], "withheld");
  EXPECT_EQ(stub["publication"]["state"], "withheld");
  EXPECT_EQ(stub["publication"]["withheld_ground"], "s31");
  EXPECT_FALSE(stub["publication"]["review_date"].is_null());
  EXPECT_TRUE(stub["sections"].empty()) << stub.dump();
  std::string raw = stub.dump();
  for (const char* text : {"access controls", "intruder alarm", "location and layout"}) {
    EXPECT_EQ(raw.find(text), std::string::npos) << text << " in " << raw;
  }
  auto deferred = Json(drones["api_url"].get<std::string>());
  EXPECT_EQ(deferred["publication"]["state"], "deferred");
  EXPECT_FALSE(deferred["publication"]["deferred_until"].is_null());
  EXPECT_EQ(deferred.dump().find("four more aircraft"), std::string::npos);
  auto tombstone = Json(lease["api_url"].get<std::string>());
  EXPECT_EQ(tombstone["publication"]["state"], "withdrawn");
  EXPECT_NE(tombstone["publication"]["withdrawal_reason"].get<std::string>().find("Published in error"),
            std::string::npos);
  EXPECT_EQ(tombstone.dump().find("rent of £17,000"), std::string::npos);
}

TEST_F(DemoStatesHttp, TheHtmlRegisterShowsStubsAndSearchAndFeedsListPublishedOnly) {
  auto html = Get(site_->port(), "/cumbria/decisions");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("Security improvements to the force armoury"), std::string::npos);
  EXPECT_NE(html.body.find("withheld under Section 31"), std::string::npos) << html.body;
  auto essex = Get(site_->port(), "/essex/decisions");
  EXPECT_NE(essex.body.find("Withdrawn on"), std::string::npos);

  // Search finds published text only: the redacted price, the withheld and the deferred
  // decisions' words are not in the index.
  auto hits = Json("/api/v1/search?q=armoury");
  EXPECT_EQ(hits["total"], 0) << hits.dump();
  hits = Json("/api/v1/search?q=aircraft");
  EXPECT_EQ(hits["total"], 0) << hits.dump();
  hits = Json("/api/v1/search?q=telematics");
  EXPECT_EQ(hits["total"], 1) << hits.dump();
  auto feed = Get(site_->port(), "/cumbria/decisions.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.body.find("armoury"), std::string::npos) << "the feed lists published decisions only";
  EXPECT_NE(feed.body.find("Community Safety Fund grants"), std::string::npos);
}

}  // namespace
}  // namespace assent::web
