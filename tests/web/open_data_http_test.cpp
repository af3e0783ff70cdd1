// The open register over HTTP: search (page, Atom, API), a register's Atom feed, CSV and
// JSON API, the printable notice and the OpenAPI document, on the real server over the
// demo register plus records made here. The feeds are read by Debian's python3-feedparser.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/storage/store_contract.hpp"
#include "tests/support/feed_parser.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/web_site.hpp"

namespace assent::web {
namespace {

using testing_support::Get;
using testing_support::HttpReply;
using nlohmann::json;

class OpenDataHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = new testing_support::WebSite();
    site_->Open("open.db");
    // Two records of our own: one classified, one whose title would be a spreadsheet formula.
    auto classified = testing_support::SampleDecision("cumbria", "031/2019");
    classified.title = "Kestrel drone purchase";
    classified.decision_date = *Date::ParseIso("2019-06-03");
    classified.fields.push_back({"classification", "OFFICIAL"});
    classified.sections[0].text = "The kestrel drone replaces the helicopter for searches.";
    classified.media.strategy_formulated = true;
    classified.media.press_release_date = *Date::ParseIso("2019-06-10");
    auto formula = testing_support::SampleDecision("cumbria", "032/2019");
    formula.title = "=HYPERLINK(\"http://evil.example\",\"kestrel\")";
    formula.decision_date = *Date::ParseIso("2019-06-04");
    ASSERT_TRUE(site_->store().Apply({.insert_decisions = {classified, formula}}));
    testing_support::WebSite::Serving serving;
    serving.staff = false;
    serving.base_url = "https://decisions.example.org/";
    serving.server.io_threads = 1;
    serving.server.worker_threads = 2;
    site_->Start(serving);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  static HttpReply Fetch(const std::string& target) { return Get(site_->port(), target); }

  static json ParseFeed(const std::string& xml) { return testing_support::ParseFeed(xml); }

  static testing_support::WebSite* site_;
};

testing_support::WebSite* OpenDataHttpTest::site_ = nullptr;

TEST_F(OpenDataHttpTest, SearchPageRanksHighlightsAndFilters) {
  auto r = Fetch("/search?q=kestrel");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  EXPECT_NE(r.body.find("Kestrel drone purchase"), std::string::npos);
  EXPECT_NE(r.body.find("<mark>kestrel</mark>"), std::string::npos) << "highlighted snippet";
  EXPECT_NE(r.body.find("2 decisions found"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("<link rel=\"alternate\" type=\"application/atom+xml\""), std::string::npos);
  EXPECT_EQ(r.headers["cache-control"], "public, max-age=60");
  EXPECT_FALSE(site_->cache().Find("/search?q=kestrel").has_value()) << "searches stay out of the page cache";

  auto filtered = Fetch("/search?q=kestrel&classification=official");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_NE(filtered.body.find("Kestrel drone purchase"), std::string::npos);
  EXPECT_EQ(filtered.body.find("HYPERLINK"), std::string::npos);
  EXPECT_NE(Fetch("/search?q=kestrel&year=2018").body.find("No decisions match"), std::string::npos);
  EXPECT_NE(Fetch("/search?q=kestrel&body=essex").body.find("No decisions match"), std::string::npos);
  EXPECT_NE(Fetch("/search?q=kestrel&status=withdrawn").body.find("No decisions match"),
            std::string::npos);
  auto paged = Fetch("/search?q=kestrel&limit=1");
  EXPECT_NE(paged.body.find("1 to 1 of 2 decisions found"), std::string::npos);
  EXPECT_NE(paged.body.find("href=\"/search?q=kestrel&amp;limit=1&amp;offset=1\""), std::string::npos);

  auto empty = Fetch("/search");
  ASSERT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("Search decisions"), std::string::npos);

  struct Bad {
    const char* target;
    const char* message;
  } bad[] = {{"/search?q=x&year=19", "year must be a four-digit year"},
             {"/search?q=x&status=draft", "status must be one of: published, withdrawn"},
             {"/search?q=x&body=nowhere", "body &apos;nowhere&apos; is not on this register"},
             {"/search?q=x&limit=1000", "limit must be a whole number from 1 to 100"},
             {"/search?q=%zz", "q is not correctly encoded"}};
  for (const auto& b : bad) {
    auto e = Fetch(b.target);
    EXPECT_EQ(e.status, 400) << b.target;
    EXPECT_NE(e.body.find(b.message), std::string::npos) << b.target << "\n" << e.body.substr(0, 2000);
  }
}

TEST_F(OpenDataHttpTest, RegisterPageHasASearchBoxAndLinksItsFeedAndCsv) {
  auto r = Fetch("/cumbria/decisions");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("action=\"/search\""), std::string::npos);
  EXPECT_NE(r.body.find("name=\"body\" value=\"cumbria\""), std::string::npos);
  EXPECT_NE(r.body.find("<link rel=\"alternate\" type=\"application/atom+xml\" "
                        "title=\"Latest decisions – Police &amp; Crime Commissioner for Cumbria\" "
                        "href=\"/cumbria/decisions.atom\">"),
            std::string::npos)
      << r.body.substr(0, 1500);
  EXPECT_NE(r.body.find("href=\"/cumbria/decisions.csv\""), std::string::npos);
  auto d = Fetch("/cumbria/decisions/031-2019");
  EXPECT_NE(d.body.find("href=\"/cumbria/decisions/031-2019/print\""), std::string::npos);
}

TEST_F(OpenDataHttpTest, RegisterFeedIsValidAtomWithStableIds) {
  auto r = Fetch("/cumbria/decisions.atom");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["content-type"], "application/atom+xml; charset=utf-8");
  EXPECT_TRUE(site_->cache().Find("/cumbria/decisions.atom").has_value()) << "the register feed is cached";
  json feed = ParseFeed(r.body);
  EXPECT_EQ(feed["bozo"], 0) << feed["bozo_exception"];
  EXPECT_EQ(feed["version"], "atom10");
  EXPECT_EQ(feed["id"], "https://decisions.example.org/cumbria/decisions.atom");
  ASSERT_GE(feed["entries"].size(), 5u) << feed.dump(1);
  // Newest first: 032/2019 (4 June) before 031/2019 (3 June).
  int i031 = -1, i032 = -1;
  for (int i = 0; i < static_cast<int>(feed["entries"].size()); ++i) {
    if (feed["entries"][i]["id"] == "https://decisions.example.org/cumbria/decisions/031-2019") i031 = i;
    if (feed["entries"][i]["id"] == "https://decisions.example.org/cumbria/decisions/032-2019") i032 = i;
  }
  ASSERT_GE(i031, 0) << feed.dump(1);
  ASSERT_GE(i032, 0) << feed.dump(1);
  EXPECT_EQ(i032 + 1, i031);
  const json& e = feed["entries"][i031];
  EXPECT_EQ(e["title"], "031/2019: Kestrel drone purchase");
  EXPECT_EQ(e["link"], "https://decisions.example.org/cumbria/decisions/031-2019");
  EXPECT_EQ(e["updated"], "2019-06-03T00:00:00Z");
  EXPECT_NE(e["summary"].get<std::string>().find("helicopter"), std::string::npos);
  // The same entry keeps its id in a search feed.
  auto s = Fetch("/search.atom?q=kestrel&classification=official");
  ASSERT_EQ(s.status, 200);
  json sf = ParseFeed(s.body);
  EXPECT_EQ(sf["bozo"], 0) << sf["bozo_exception"];
  ASSERT_EQ(sf["entries"].size(), 1u) << sf.dump(1);
  EXPECT_EQ(sf["entries"][0]["id"], e["id"]);
  EXPECT_EQ(sf["id"], "https://decisions.example.org/search.atom?q=kestrel&classification=official");
  EXPECT_EQ(Fetch("/nowhere/decisions.atom").status, 404);
}

TEST_F(OpenDataHttpTest, CsvIsAnAttachmentWithGuardedCells) {
  auto r = Fetch("/cumbria/decisions.csv?year=2019");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "text/csv; charset=utf-8; header=present");
  EXPECT_EQ(r.headers["content-disposition"], "attachment; filename=\"cumbria-decisions-2019.csv\"");
  EXPECT_EQ(r.body.rfind("\"body\",\"reference\",\"url\",\"title\"", 0), 0u);
  EXPECT_NE(r.body.find("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"kestrel\"\")\""), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("\"https://decisions.example.org/cumbria/decisions/031-2019\""), std::string::npos);
  EXPECT_EQ(r.body.find("006/2017"), std::string::npos) << "the year filter applies";
  EXPECT_EQ(Fetch("/cumbria/decisions.csv?year=x").status, 400);
}

TEST_F(OpenDataHttpTest, PrintableNoticeCarriesTheMediaRecord) {
  auto r = Fetch("/cumbria/decisions/031-2019/print");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Decision notice 031/2019: Kestrel drone purchase"), std::string::npos);
  EXPECT_NE(r.body.find("Media record"), std::string::npos);
  EXPECT_NE(r.body.find("The kestrel drone replaces the helicopter"), std::string::npos);
  EXPECT_EQ(Fetch("/cumbria/decisions/999-2019/print").status, 404);
}

TEST_F(OpenDataHttpTest, ApiPagesTheRegisterAndAnswersErrorsAsJson) {
  auto first = Fetch("/api/v1/bodies/cumbria/decisions?year=2019&limit=1");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.headers["access-control-allow-origin"], "*");
  auto j = json::parse(first.body);
  ASSERT_EQ(j["decisions"].size(), 1u);
  EXPECT_EQ(j["decisions"][0]["reference"], "032/2019");
  EXPECT_EQ(j["decisions"][0]["state"], "published");
  // `next` pages by cursor: the last row's date, id and (encoded) reference.
  const std::string next = j["next"].get<std::string>();
  EXPECT_EQ(next.rfind("/api/v1/bodies/cumbria/decisions?year=2019&limit=1&after=2019-", 0), 0u)
      << next;
  EXPECT_NE(next.find("~032%2F2019"), std::string::npos) << next;
  auto second = json::parse(Fetch(next).body);
  ASSERT_EQ(second["decisions"].size(), 1u) << second.dump(1);
  EXPECT_EQ(second["decisions"][0]["reference"], "031/2019");
  EXPECT_TRUE(second["next"].is_null()) << "the last page has no next";
  // Offset paging still works for existing clients.
  auto by_offset = json::parse(Fetch("/api/v1/bodies/cumbria/decisions?year=2019&limit=1&offset=1").body);
  ASSERT_EQ(by_offset["decisions"].size(), 1u) << by_offset.dump(1);
  EXPECT_EQ(by_offset["decisions"][0]["reference"], "031/2019");
  EXPECT_EQ(json::parse(Fetch("/api/v1/bodies/cumbria/decisions").body)["decisions"].size(), 5u);

  auto one = json::parse(Fetch("/api/v1/bodies/cumbria/decisions/031-2019").body);
  EXPECT_EQ(one["publication"]["state"], "published");
  EXPECT_EQ(one["media"]["strategy_formulated"], true);
  EXPECT_EQ(one["media"]["proposed_date"], "2019-06-10");
  EXPECT_EQ(one["print_url"], "/cumbria/decisions/031-2019/print");

  auto search = json::parse(Fetch("/api/v1/search?q=kestrel&limit=1").body);
  EXPECT_EQ(search["total"], 2);
  EXPECT_EQ(search["total_capped"], false);
  ASSERT_EQ(search["results"].size(), 1u);
  EXPECT_EQ(search["next"], "/api/v1/search?q=kestrel&limit=1&offset=1");
  bool matched = false;
  for (const auto& part : search["results"][0]["snippet"]) matched = matched || part["match"] == true;
  EXPECT_TRUE(matched);

  struct Bad {
    const char* target;
    int status;
    const char* message;
  } bad[] = {{"/api/v1/bodies/nowhere/decisions", 404, "If you typed the web address"},
             {"/api/v1/bodies/cumbria/decisions?limit=0", 400, "limit must be a whole number from 1 to 100"},
             {"/api/v1/bodies/cumbria/decisions?status=draft", 400, "status must be one of"},
             {"/api/v1/bodies/cumbria/decisions/999-2019", 404, "If you typed"},
             {"/api/v1/search?q=x&offset=-1", 400, "offset must be a whole number from 0 to 10000"},
             {"/api/v1/bodies/cumbria/decisions?after=2019-13-01~1~x", 400, "after must be a cursor"},
             {"/api/v1/bodies/cumbria/decisions?after=2019-06-03~0~x", 400, "after must be a cursor"},
             {"/api/v1/bodies/cumbria/decisions?after=nonsense", 400, "after must be a cursor"},
             {"/api/v1/nothing/here", 404, "openapi.json"}};
  for (const auto& b : bad) {
    auto e = Fetch(b.target);
    EXPECT_EQ(e.status, b.status) << b.target;
    EXPECT_EQ(e.headers["content-type"], "application/json") << b.target;
    auto ej = json::parse(e.body, nullptr, false);
    ASSERT_FALSE(ej.is_discarded()) << b.target << ": " << e.body;
    EXPECT_EQ(ej["error"]["status"], b.status) << b.target;
    EXPECT_NE(ej["error"]["message"].get<std::string>().find(b.message), std::string::npos)
        << b.target << ": " << e.body;
  }
}

TEST_F(OpenDataHttpTest, OpenApiDocumentIsServedAndListsTheRoutes) {
  auto r = Fetch("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  auto doc = json::parse(r.body);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  for (const char* path : {"/api/v1/bodies", "/api/v1/bodies/{body}/decisions",
                           "/api/v1/bodies/{body}/decisions/{ref}", "/api/v1/search",
                           "/api/v1/strategies", "/api/v1/openapi.json"}) {
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
  }
}

}  // namespace
}  // namespace assent::web
