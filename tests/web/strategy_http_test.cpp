// HTTP end to end for the strategy register: the real server on a loopback port, a real
// SQLite store with the demo register, the demo strategy data files, a plain socket client.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "services/strategy_files.hpp"
#include "tests/storage/store_contract.hpp"
#include "tests/support/feed_parser.hpp"
#include "tests/support/files.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/web_site.hpp"

namespace assent::web {
namespace {

constexpr const char* kMarker = "PART2-CONFIDENTIAL-51c9";

class StrategyHttpTest : public ::testing::Test {
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
    strategy::Catalogue strategies;
    std::uint16_t port = 0;

    void Start() {
      site.Open("strategy.db");
      // A published decision with a Part 2 marker that approves no strategy.
      ASSERT_TRUE(site.store().Apply(
          {.insert_decisions = {testing_support::SampleDecision("cumbria", "099/2019", kMarker)}}));
      auto c = services::LoadStrategies(testing_support::SourceDir() + "/demo/strategies");
      ASSERT_TRUE(c) << c.error().ToString();
      strategies = std::move(*c);
      testing_support::WebSite::Serving serving;
      serving.strategies = &strategies;
      serving.staff = false;
      serving.server.io_threads = 1;
      serving.server.worker_threads = 2;
      site.Start(serving);
      port = site.port();
    }
  };

  static testing_support::HttpReply Fetch(const std::string& target) {
    return testing_support::Get(env_->port, target);
  }
  static bool Has(const std::string& body, const std::string& needle) {
    return body.find(needle) != std::string::npos;
  }
  static Env* env_;
};

StrategyHttpTest::Env* StrategyHttpTest::env_ = nullptr;

TEST_F(StrategyHttpTest, TimelineIsAnAccessibleSvgWithATable) {
  auto r = Fetch("/strategies?as_of=2021-12-01");
  ASSERT_EQ(r.status, 200) << r.raw.substr(0, 300);
  EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_TRUE(Has(r.body, "role=\"img\" aria-labelledby=\"timeline-title timeline-desc\""));
  EXPECT_TRUE(Has(r.body, "<title id=\"timeline-title\">Timeline of strategies by policing body</title>"));
  EXPECT_TRUE(Has(r.body, "<desc id=\"timeline-desc\">Years 2014 to 2026."));
  EXPECT_TRUE(Has(r.body, "<table class=\"govuk-table\" id=\"timeline-table\">"));
  // Body names are escaped inside the SVG as everywhere else.
  EXPECT_TRUE(Has(r.body, ">Police &amp; Crime Commissioner for Cumbria</text>"));
  for (const char* href : {"/cumbria/strategies/ict-2015-2019", "/cumbria/strategies/ict-2016-2020",
                           "/cumbria/strategies/ddat-2020-2025", "/lancashire/strategies/ict-2018-2025",
                           "/essex/strategies/digital-strategy-2021"}) {
    EXPECT_TRUE(Has(r.body, std::string("href=\"") + href + "\"")) << href;
  }
  // Supersession: the DDaT strategy replaces one not on the register, drawn with an arrow.
  EXPECT_TRUE(Has(r.body, "Constabulary ICT Strategy 2019–2025 (not on this register)"));
  EXPECT_TRUE(Has(r.body, "marker-end=\"url(#timeline-arrow)\""));
  // Decision dates: one circle per approved version (2 + 1 + 1 + 1 + 1).
  size_t circles = 0;
  for (size_t at = r.body.find("<circle"); at != std::string::npos; at = r.body.find("<circle", at + 1)) ++circles;
  EXPECT_EQ(circles, 6u);
  EXPECT_TRUE(Has(r.body, "<title>24 February 2016: decision 008/2016 approved November 2015 update (V1.1)</title>"));
}

TEST_F(StrategyHttpTest, BodyListsItsStrategies) {
  auto r = Fetch("/cumbria/strategies?as_of=2021-12-01");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r.body, "Cumbria Constabulary ICT Strategy 2015–2019"));
  EXPECT_TRUE(Has(r.body, "Cumbria Constabulary Digital, Data and Technology Strategy 2020–2025"));
  EXPECT_FALSE(Has(r.body, "Essex Police Digital Strategy"));
  EXPECT_TRUE(Has(r.body, "href=\"/cumbria/strategies/ict-2015-2019/report\""));
  EXPECT_EQ(Fetch("/nobody/strategies").status, 404);
  EXPECT_EQ(Fetch("/cumbria/strategies?as_of=yesterday").status, 400);
}

TEST_F(StrategyHttpTest, StrategyPageShowsVersionsProgressTargetsAndApprovingDecisions) {
  auto r = Fetch("/cumbria/strategies/ict-2015-2019?as_of=2017-03-01");
  ASSERT_EQ(r.status, 200) << r.raw.substr(0, 300);
  EXPECT_TRUE(Has(r.body, "November 2015 update (V1.1)"));
  EXPECT_TRUE(Has(r.body, "<a class=\"govuk-link\" href=\"/cumbria/decisions/008-2016\">008/2016</a>"));
  EXPECT_TRUE(Has(r.body, "Not on this register<br><span class=\"govuk-body-s\">Approved by Chief Officers"));
  EXPECT_TRUE(Has(r.body, "The strategy has 7 priority themes; the decision records on this register name 6 of them."));
  EXPECT_TRUE(Has(r.body, "Police Works Case &amp; Custody"));
  EXPECT_TRUE(Has(r.body, "<time datetime=\"2015-11\" class=\"govuk-!-font-weight-bold\">November 2015</time>: The NSPIS"));
  EXPECT_TRUE(Has(r.body, "£3.1m"));
  EXPECT_TRUE(Has(r.body, "£2.25m by 2018"));
  EXPECT_TRUE(Has(r.body, "138% <strong class=\"govuk-tag govuk-tag--green\">Met</strong>"));
  EXPECT_TRUE(Has(r.body, "24 February 2017 (annual update) <strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>"));
  EXPECT_TRUE(Has(r.body, "Police and Crime Plan 2013–2017"));

  auto ddat = Fetch("/cumbria/strategies/ddat-2020-2025?as_of=2021-01-01");
  ASSERT_EQ(ddat.status, 200);
  EXPECT_TRUE(Has(ddat.body, "National Policing Digital, Data and Technology Strategy 2020–2030 (NPCC and APCC)"));
  EXPECT_TRUE(Has(ddat.body, "Economic landscape"));
  EXPECT_TRUE(Has(ddat.body, "<strong class=\"govuk-tag govuk-tag--green\">Current</strong>"));

  auto essex = Fetch("/essex/strategies/digital-strategy-2021?as_of=2022-01-01");
  ASSERT_EQ(essex.status, 200);
  EXPECT_TRUE(Has(essex.body, "The strategy has 10 core principles; the decision records on this register name 0 of them."));
  EXPECT_TRUE(Has(essex.body, "All 7 priorities (not named in the record)."));

  EXPECT_EQ(Fetch("/cumbria/strategies/no-such").status, 404);
  EXPECT_EQ(Fetch("/essex/strategies/ict-2015-2019").status, 404) << "ids are per body";
}

TEST_F(StrategyHttpTest, DeliveryReportListsOverdueItemsAsAtADate) {
  auto r = Fetch("/cumbria/strategies/ict-2015-2019/report?as_of=2017-03-01");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r.body, "<dd class=\"govuk-summary-list__value\">1 March 2017</dd>"));
  // Due in 2016 (or April 2016) and still planned or in progress as last reported.
  for (const char* item : {"Replacement WAN infrastructure", "Digital Repository System (Apex)",
                           "Next stage of the strategy", "Tablet and laptop devices for flex workers, and more apps"}) {
    EXPECT_TRUE(Has(r.body, std::string("<td class=\"govuk-table__cell\">") + item + "</td>")) << item;
  }
  EXPECT_TRUE(Has(r.body, "<dt class=\"govuk-summary-list__key\">Overdue</dt>\n    <dd class=\"govuk-summary-list__value\">5</dd>"));

  auto early = Fetch("/cumbria/strategies/ict-2015-2019/report?as_of=2016-03-01");
  ASSERT_EQ(early.status, 200);
  EXPECT_TRUE(Has(early.body, "<dt class=\"govuk-summary-list__key\">Overdue</dt>\n    <dd class=\"govuk-summary-list__value\">0</dd>"));

  auto csv = Fetch("/cumbria/strategies/ict-2015-2019/report.csv?as_of=2017-03-01");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers["content-disposition"],
            "attachment; filename=\"cumbria-ict-2015-2019-delivery-report-2017-03-01.csv\"");
  EXPECT_EQ(csv.body.substr(0, csv.body.find("\r\n")),
            "\"as_of\",\"strategy\",\"theme\",\"kind\",\"item\",\"status\",\"due\",\"overdue\",\"last_progress\","
            "\"baseline\",\"target\",\"achieved\",\"attainment_percent\",\"met\"");
  EXPECT_TRUE(Has(csv.body, "\"Capital infrastructure\",\"deliverable\",\"Replacement WAN infrastructure\",\"in_progress\",\"2016\",\"yes\",\"2016-02\""));
  EXPECT_TRUE(Has(csv.body, "\"target\",\"Savings on the cost of ICT provision\",\"\",\"2018\",\"\",\"\",\"0\",\"2250000\",\"3100000\",\"137.8\",\"yes\""));
  EXPECT_EQ(Fetch("/cumbria/strategies/nope/report.csv").status, 404);
}

TEST_F(StrategyHttpTest, JsonFollowsTheRegisterStyle) {
  auto r = Fetch("/cumbria/strategies/ict-2015-2019.json?as_of=2017-03-01");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["content-type"], "application/json");
  EXPECT_EQ(r.headers["access-control-allow-origin"], "*");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["status"], "current");
  EXPECT_EQ(j["as_of"], "2017-03-01");
  ASSERT_EQ(j["versions"].size(), 2u);
  EXPECT_TRUE(j["versions"][0]["decision"].is_null());
  EXPECT_EQ(j["versions"][1]["decision"]["url"], "/cumbria/decisions/008-2016");
  EXPECT_EQ(j["versions"][1]["decision"]["on_register"], true);
  const auto& target = j["themes"][5]["targets"][0];
  EXPECT_EQ(target["achieved"], 3100000.0);
  EXPECT_EQ(target["attainment_percent"], 137.8);
  EXPECT_EQ(target["met"], true);
  EXPECT_EQ(j["overdue"], 5);
  EXPECT_EQ(j["review"]["next_review"], "2017-02-24");
  EXPECT_EQ(j["review"]["overdue"], true);
  EXPECT_EQ(j["themes"][4]["deliverables"][0]["progress"][0]["when"], "2015-11");

  auto all = nlohmann::json::parse(Fetch("/api/v1/strategies?as_of=2021-12-01").body);
  ASSERT_EQ(all["bodies"].size(), 3u);
  EXPECT_EQ(all["bodies"][0]["slug"], "cumbria");
  EXPECT_EQ(all["bodies"][0]["strategies"].size(), 3u);
  EXPECT_EQ(all["national_strategies"].size(), 2u);
  EXPECT_EQ(Fetch("/strategies.json?as_of=2021-12-01").body, Fetch("/api/v1/strategies?as_of=2021-12-01").body);

  auto list = nlohmann::json::parse(Fetch("/lancashire/strategies.json?as_of=2026-11-21").body);
  ASSERT_EQ(list["strategies"].size(), 1u);
  EXPECT_EQ(list["strategies"][0]["status"], "ended");
  EXPECT_EQ(list["strategies"][0]["latest_version"]["decision"]["reference"], "2018/37");

  auto missing = Fetch("/cumbria/strategies/nope.json");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["status"], 404);
}

TEST_F(StrategyHttpTest, DecisionPagesLinkTheVersionTheyApprove) {
  auto r = Fetch("/cumbria/decisions/008-2016");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r.body, "<a class=\"govuk-link\" href=\"/cumbria/strategies/ict-2015-2019\">Cumbria Constabulary ICT Strategy 2015–2019</a>: November 2015 update (V1.1)"));
  auto essex = Fetch("/essex/decisions/097-21");
  ASSERT_EQ(essex.status, 200);
  EXPECT_TRUE(Has(essex.body, "href=\"/essex/strategies/digital-strategy-2021\""));
  auto json = nlohmann::json::parse(Fetch("/cumbria/decisions/006-2017.json").body);
  ASSERT_EQ(json["strategy_versions"].size(), 1u);
  EXPECT_EQ(json["strategy_versions"][0]["url"], "/cumbria/strategies/ict-2016-2020");
  EXPECT_EQ(json["strategy_versions"][0]["version"], "ICT Strategy 2016–2020");
  auto other = Fetch("/cumbria/decisions/099-2019");
  ASSERT_EQ(other.status, 200);
  EXPECT_FALSE(Has(other.body, "id=\"approves-strategy\""));
  EXPECT_EQ(nlohmann::json::parse(Fetch("/cumbria/decisions/099-2019.json").body)["strategy_versions"].size(), 0u);
}

TEST_F(StrategyHttpTest, NoStrategyAnswerCarriesPart2Text) {
  for (const char* target : {"/strategies", "/strategies.json", "/cumbria/strategies", "/cumbria/strategies.json",
                             "/cumbria/strategies/ict-2015-2019", "/cumbria/strategies/ict-2015-2019.json",
                             "/cumbria/strategies/ict-2015-2019/report", "/cumbria/strategies/ict-2015-2019/report.csv"}) {
    auto r = Fetch(target);
    EXPECT_EQ(r.status, 200) << target;
    EXPECT_FALSE(Has(r.raw, kMarker)) << target;
  }
}

// The body's strategy feed: the progress staff recorded (stored here as a CSV import would
// store it) and every approved version, read by Debian's python3-feedparser. This test adds
// entries that change no status, so the suite's other answers stay as they are.
TEST_F(StrategyHttpTest, BodyFeedCarriesRecordedProgressAndApprovedVersions) {
  storage::ChangeSet cs;
  cs.insert_strategy_progress.push_back(
      {.body = "cumbria", .strategy = "ict-2015-2019", .deliverable = "sleuth-upgrade",
       .when = *strategy::PartialDate::Parse("2026-03"), .text = "Upgrade signed off by <users> & audit",
       .status = strategy::DeliverableStatus::kDelivered, .recorded_by = "lead",
       .recorded_at = "2026-03-14T10:00:00Z", .source = "staff"});
  cs.insert_strategy_progress.push_back(
      {.body = "cumbria", .strategy = "ict-2015-2019", .deliverable = "barrow-hq",
       .when = *strategy::PartialDate::Parse("2026-04-02"), .text = "Snagging list closed",
       .recorded_by = "lead", .recorded_at = "2026-04-03T09:30:00Z", .source = "progress.csv"});
  ASSERT_TRUE(env_->site.store().Apply(cs));
  auto stored = env_->site.store().ListStrategyProgress("cumbria", "ict-2015-2019");
  ASSERT_TRUE(stored);
  ASSERT_GE(stored->size(), 2u);
  const std::int64_t sleuth_id = (*stored)[stored->size() - 2].id;

  auto r = Fetch("/cumbria/strategies.atom");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  EXPECT_EQ(r.headers["content-type"], "application/atom+xml; charset=utf-8");
  EXPECT_FALSE(Has(r.raw, kMarker));
  auto feed = testing_support::ParseFeed(r.body);
  EXPECT_EQ(feed["bozo"], 0) << feed["bozo_exception"];
  EXPECT_EQ(feed["version"], "atom10");
  EXPECT_EQ(feed["id"], "http://localhost/cumbria/strategies.atom");
  EXPECT_EQ(feed["title"], "Strategies – Police & Crime Commissioner for Cumbria") << feed.dump(1);
  const auto& entries = feed["entries"];
  // Newest recorded first: the Barrow entry, then the SLEUTH status change.
  ASSERT_GE(entries.size(), 4u) << feed.dump(1);
  EXPECT_EQ(entries[0]["title"], "Cumbria Constabulary ICT Strategy 2015–2019 – Move to the new Barrow HQ: progress reported");
  EXPECT_EQ(entries[0]["updated"], "2026-04-03T09:30:00Z");
  EXPECT_EQ(entries[0]["link"], "http://localhost/cumbria/strategies/ict-2015-2019");
  EXPECT_EQ(entries[0]["summary"], "2 April 2026. Snagging list closed");
  EXPECT_EQ(entries[1]["id"], "http://localhost/cumbria/strategies/ict-2015-2019#progress-" + std::to_string(sleuth_id));
  EXPECT_EQ(entries[1]["title"],
            "Cumbria Constabulary ICT Strategy 2015–2019 – Technical upgrade of SLEUTH: status Delivered");
  EXPECT_EQ(entries[1]["summary"], "March 2026. Upgrade signed off by <users> & audit Status now: Delivered.");
  // The approved versions, newest first, each linked to its strategy and naming its decision.
  bool v11 = false;
  for (const auto& e : entries) {
    if (e["title"] == "Cumbria Constabulary ICT Strategy 2015–2019 – version approved: November 2015 update (V1.1)") {
      v11 = true;
      EXPECT_EQ(e["id"], "http://localhost/cumbria/strategies/ict-2015-2019#version-2016-02-24-008-2016");
      EXPECT_EQ(e["updated"], "2016-02-24T00:00:00Z");
      EXPECT_NE(e["summary"].get<std::string>().find("by decision 008/2016"), std::string::npos) << e.dump();
    }
  }
  EXPECT_TRUE(v11) << feed.dump(1);
  // The same ids on a second fetch (stable), and only this body's strategies.
  auto again = testing_support::ParseFeed(Fetch("/cumbria/strategies.atom").body);
  EXPECT_EQ(again["entries"], entries);
  EXPECT_FALSE(Has(r.body, "Essex Police Digital Strategy"));
  EXPECT_EQ(Fetch("/nobody/strategies.atom").status, 404);

  // The pages announce the feed.
  const std::string alternate =
      "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Strategy progress and versions – Police "
      "&amp; Crime Commissioner for Cumbria\" href=\"/cumbria/strategies.atom\">";
  EXPECT_TRUE(Has(Fetch("/cumbria/strategies").body, alternate));
  EXPECT_TRUE(Has(Fetch("/cumbria/strategies/ict-2015-2019").body, alternate));
  EXPECT_TRUE(Has(Fetch("/cumbria/decisions").body, "href=\"/cumbria/strategies.atom\""));
}

TEST_F(StrategyHttpTest, TheApiServesEachBodysStrategiesWithTheirTimelines) {
  auto list = Fetch("/api/v1/bodies/cumbria/strategies?as_of=2021-12-01");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.headers["access-control-allow-origin"], "*");
  EXPECT_EQ(list.body, Fetch("/cumbria/strategies.json?as_of=2021-12-01").body);
  auto one = Fetch("/api/v1/bodies/cumbria/strategies/ict-2015-2019?as_of=2017-03-01");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body, Fetch("/cumbria/strategies/ict-2015-2019.json?as_of=2017-03-01").body);
  auto j = nlohmann::json::parse(one.body);
  EXPECT_EQ(j["versions"][1]["decision"]["reference"], "008/2016");
  EXPECT_EQ(j["versions"][1]["decision"]["url"], "/cumbria/decisions/008-2016");
  EXPECT_EQ(j["themes"][4]["deliverables"][0]["progress"][0]["when"], "2015-11");
  for (const char* missing : {"/api/v1/bodies/nobody/strategies", "/api/v1/bodies/cumbria/strategies/nope",
                              "/api/v1/bodies/essex/strategies/ict-2015-2019"}) {
    auto r = Fetch(missing);
    EXPECT_EQ(r.status, 404) << missing;
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["status"], 404) << missing;
  }
  EXPECT_EQ(Fetch("/api/v1/bodies/cumbria/strategies?as_of=soon").status, 400);
}

}  // namespace
}  // namespace assent::web
