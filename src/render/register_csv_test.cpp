#include "render/register_csv.hpp"

#include <gtest/gtest.h>

namespace assent::render {
namespace {

TEST(RegisterCsv, QuotesEveryFieldAndGuardsFormulas) {
  services::RegisterPage page;
  page.body = {"cumbria", "Cumbria", "Cumbria", "", 3};
  page.rows.push_back({"006/2017", "006-2017", "=HYPERLINK(\"http://x\",\"click\")",
                       std::string("Police & Crime Commissioner"), *Date::ParseIso("2017-02-22"),
                       decisions::Status::kPublished, decisions::Outcome::kApproved});
  page.rows.push_back({"007/2017", "007-2017", "Line one\nline \"two\", three", std::nullopt,
                       std::nullopt, decisions::Status::kPublished, decisions::Outcome::kUnknown});
  page.rows.push_back({"008/2017", "008-2017", "-1+2", std::string("@PCC"), std::nullopt,
                       decisions::Status::kPublished, decisions::Outcome::kNotApproved,
                       publication::PublicState::kDeferred});
  std::string csv = RegisterCsv(page, "https://r.example");
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "\"body\",\"reference\",\"url\",\"title\",\"decision_maker_role\",\"decision_date\","
            "\"status\",\"state\",\"outcome\"");
  EXPECT_NE(csv.find("\"cumbria\",\"006/2017\",\"https://r.example/cumbria/decisions/006-2017\","
                     "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",\"Police & Crime Commissioner\","
                     "\"2017-02-22\",\"published\",\"published\",\"approved\"\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"Line one\nline \"\"two\"\", three\",\"\",\"\",\"published\",\"published\",\"\"\r\n"),
            std::string::npos)
      << "a line break stays inside its quoted field";
  EXPECT_NE(csv.find("\"'-1+2\",\"'@PCC\""), std::string::npos);
  EXPECT_NE(csv.find("\"deferred\",\"not_approved\"\r\n"), std::string::npos);
  EXPECT_EQ(csv.back(), '\n');
}

TEST(RegisterCsv, SpreadsheetSafeLeavesOrdinaryCellsAlone) {
  EXPECT_EQ(SpreadsheetSafe("ICT Strategy"), "ICT Strategy");
  EXPECT_EQ(SpreadsheetSafe(""), "");
  EXPECT_EQ(SpreadsheetSafe("a=b"), "a=b");
  for (const char* risky : {"=1", "+1", "-1", "@x", "\tx", "\rx"}) {
    EXPECT_EQ(SpreadsheetSafe(risky), std::string("'") + risky) << risky;
  }
}

}  // namespace
}  // namespace assent::render
