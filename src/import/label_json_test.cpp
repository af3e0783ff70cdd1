#include "import/label_json.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "import/test_forms.hpp"

namespace assent::import {
namespace {

using nlohmann::json;

TEST(LabelJson, UnknownsAreNullAndLabelKeysComeFirst) {
  ImportedRecord record;
  record.form = &testing::ShippedForms().front();
  record.decision.source = "x.txt";
  record.decision.reference = "001/2020";
  record.decision.title = "T";
  decisions::SignOff s;
  s.step = "commissioner";
  s.date = Date::FromYmd(2020, 1, 2).value();
  record.decision.signoffs.push_back(s);
  record.decision.sections.push_back({"part2", "Part 2", decisions::Part::kPart2, "secret"});
  record.notes.push_back({"outcome", 12, 0, "neither option struck"});

  std::string text = ToLabelJson(record);
  json j = json::parse(text);
  EXPECT_EQ(text.rfind("{\n  \"source\": \"x.txt\",\n  \"form\": \"request-for-decision\",", 0), 0u) << text;
  EXPECT_EQ(j["body"], "Police & Crime Commissioner for Cumbria");
  for (const char* key : {"decision_maker_role", "outcome", "decision_date", "part2_exists", "publication_deferred",
                          "press_release_required", "classification", "report_by", "report_date"}) {
    EXPECT_TRUE(j.at(key).is_null()) << key;
  }
  EXPECT_EQ(j["signoffs"][0]["role"], nullptr);
  EXPECT_EQ(j["signoffs"][0]["name"], nullptr);
  EXPECT_EQ(j["signoffs"][0]["date"], "2020-01-02");
  EXPECT_EQ(j["sections"][0], (json{{"key", "part2"}, {"heading", "Part 2"}, {"part", 2}, {"text", "secret"}}));
  EXPECT_EQ(j["notes"][0],
            (json{{"field", "outcome"}, {"line", 12}, {"confidence", 0.0}, {"note", "neither option struck"}}));
}

TEST(LabelJson, OutcomeNamesAndCompactForm) {
  ImportedRecord record;
  record.decision.outcome = decisions::Outcome::kNotApproved;
  record.decision.fields.push_back({"report_date", "2021-03-03"});
  std::string text = ToLabelJson(record, nullptr, -1);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  json j = json::parse(text);
  EXPECT_EQ(j["outcome"], "not_approved");
  EXPECT_EQ(j["report_date"], "2021-03-03");
  EXPECT_EQ(j["form"], nullptr);
}

TEST(LabelJson, InvalidUtf8DoesNotThrow) {
  ImportedRecord record;
  record.decision.title = "bad \xFF byte";
  EXPECT_NO_THROW(json::parse(ToLabelJson(record)));
}

}  // namespace
}  // namespace assent::import
