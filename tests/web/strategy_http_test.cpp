// HTTP end to end for the strategy register: the real server on a loopback port, a real
// SQLite store with the demo register, the demo strategy data files, a plain socket client.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "services/strategy_files.hpp"
#include "tests/storage/store_contract.hpp"
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

}  // namespace
}  // namespace assent::web
