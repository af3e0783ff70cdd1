#include "render/strategy_csv.hpp"

#include <gtest/gtest.h>

namespace assent::render {
namespace {

TEST(StrategyCsv, OneRowPerDeliverableAndTargetQuoted) {
  strategy::Strategy s;
  s.id = "ict";
  s.body = "cumbria";
  s.title = "ICT Strategy, \"2015\"";
  s.versions.push_back({.label = "v1", .approved = *Date::ParseIso("2016-02-24")});
  strategy::Theme th{.id = "infra", .title = "Infrastructure"};
  strategy::Deliverable wan{.id = "wan", .title = "WAN", .status = strategy::DeliverableStatus::kInProgress,
                            .due = *strategy::PartialDate::Parse("2016")};
  wan.progress.push_back({*strategy::PartialDate::Parse("2016-02"), "Procurement underway.", ""});
  th.deliverables.push_back(wan);
  th.targets.push_back({.id = "savings", .name = "Savings", .unit = strategy::Unit::kGbp, .baseline = 0,
                        .target = 2250000, .target_by = *strategy::PartialDate::Parse("2018"),
                        .achieved = 3100000});
  s.themes.push_back(th);
  services::StrategyPage page;
  page.strategy = &s;
  page.as_of = *Date::ParseIso("2017-03-01");
  page.report = strategy::BuildDeliveryReport(s, page.as_of);

  std::string csv = StrategyReportCsv(page);
  EXPECT_EQ(csv,
            "\"as_of\",\"strategy\",\"theme\",\"kind\",\"item\",\"status\",\"due\",\"overdue\","
            "\"last_progress\",\"baseline\",\"target\",\"achieved\",\"attainment_percent\",\"met\"\r\n"
            "\"2017-03-01\",\"ICT Strategy, \"\"2015\"\"\",\"Infrastructure\",\"deliverable\",\"WAN\","
            "\"in_progress\",\"2016\",\"yes\",\"2016-02\",\"\",\"\",\"\",\"\",\"\"\r\n"
            "\"2017-03-01\",\"ICT Strategy, \"\"2015\"\"\",\"Infrastructure\",\"target\",\"Savings\",\"\","
            "\"2018\",\"\",\"\",\"0\",\"2250000\",\"3100000\",\"137.8\",\"yes\"\r\n");
}

}  // namespace
}  // namespace assent::render
