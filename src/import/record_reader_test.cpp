#include "import/record_reader.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "import/label_json.hpp"
#include "import/test_forms.hpp"
#include "tests/support/files.hpp"

namespace assent::import {
namespace {

using nlohmann::json;

constexpr const char* kSeeds[] = {
    "000_d97213282a44e43e", "001_bbad0e5ce30ae459", "002_355094bc4b687ec6",
    "003_9d093bf2b27382d5", "004_251d7e129d4e821e",
};

// Compares every key of `label` (recursively, arrays element by element) with `got`.
void ExpectMatchesLabel(const json& label, const json& got, const std::string& path) {
  if (label.is_object()) {
    ASSERT_TRUE(got.is_object()) << path << ": expected an object, got " << got.dump();
    for (const auto& [key, value] : label.items()) {
      if (key == "_notes") continue;
      ASSERT_TRUE(got.contains(key)) << path << "." << key << " missing";
      ExpectMatchesLabel(value, got.at(key), path + "." + key);
    }
  } else if (label.is_array()) {
    ASSERT_TRUE(got.is_array()) << path << ": expected an array, got " << got.dump();
    ASSERT_EQ(got.size(), label.size()) << path << ": got " << got.dump();
    for (size_t i = 0; i < label.size(); ++i) {
      ExpectMatchesLabel(label[i], got[i], path + "[" + std::to_string(i) + "]");
    }
  } else {
    EXPECT_EQ(got, label) << path;
  }
}

TEST(RecordReaderSeeds, EveryLabelledFieldMatches) {
  for (const char* stem : kSeeds) {
    std::string name = std::string(stem) + ".txt";
    std::string text = testing_support::ReadSourceFile("demo/seeds/" + name);
    json label = json::parse(testing_support::ReadSourceFile(std::string("tests/data/seeds/") + stem + ".json"));
    auto record = ReadDecisionText(text, name, testing::ShippedForms());
    ASSERT_TRUE(record) << stem << ": " << record.error().ToString();
    json got = json::parse(ToLabelJson(*record));
    EXPECT_EQ(got["source"], name) << stem;
    SCOPED_TRACE(stem);
    ExpectMatchesLabel(label, got, stem);
  }
}

TEST(RecordReaderSeeds, RecordsAreValidPublishedDecisions) {
  for (const char* stem : kSeeds) {
    std::string name = std::string(stem) + ".txt";
    auto record = ReadDecisionText(testing_support::ReadSourceFile("demo/seeds/" + name), name,
                                   testing::ShippedForms());
    ASSERT_TRUE(record) << record.error().ToString();
    const auto& d = record->decision;
    EXPECT_TRUE(decisions::Validate(d)) << stem;
    EXPECT_EQ(d.status, decisions::Status::kPublished) << stem;
    EXPECT_EQ(d.source, name) << stem;
    ASSERT_NE(record->form, nullptr);
    EXPECT_EQ(d.form, record->form->id) << stem;
    EXPECT_EQ(d.body, record->form->body) << stem;
    for (const auto& n : record->notes) {
      EXPECT_GE(n.confidence, 0.0) << stem << " " << n.field;
      EXPECT_LE(n.confidence, 1.0) << stem << " " << n.field;
      if (n.confidence == 0) {
        EXPECT_FALSE(n.note.empty()) << stem << " " << n.field << " unknown without a note";
      }
    }
  }
}

const decisions::Section* FindSection(const decisions::Decision& d, std::string_view key) {
  for (const auto& s : d.sections) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const FieldNote* FindNote(const ImportedRecord& r, std::string_view field) {
  for (const auto& n : r.notes) {
    if (n.field == field) return &n;
  }
  return nullptr;
}

Result<ImportedRecord> ReadSeed(const char* stem) {
  std::string name = std::string(stem) + ".txt";
  return ReadDecisionText(testing_support::ReadSourceFile("demo/seeds/" + name), name, testing::ShippedForms());
}

TEST(RecordReaderSeeds, CumbriaSectionsListsAndPart2Reason) {
  auto r = ReadSeed("003_9d093bf2b27382d5");
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  const auto* summary = FindSection(d, "executive_summary");
  ASSERT_NE(summary, nullptr);
  EXPECT_EQ(summary->text.rfind("The ICT Strategy 2015 – 2019 developed by", 0), 0u) << summary->text;
  EXPECT_NE(summary->text.find("approved by the Police and Crime Commissioner on 13 February 2015.\n\nThis covering"),
            std::string::npos)
      << summary->text;
  const auto* issues = FindSection(d, "issues_for_consideration");
  ASSERT_NE(issues, nullptr);
  EXPECT_NE(issues->text.find("  - Maintaining the operability (Business As Usual) of existing"), std::string::npos)
      << issues->text;
  const auto* ict = FindSection(d, "ict");
  ASSERT_NE(ict, nullptr);
  EXPECT_EQ(ict->text, "7.1. None, strategy produced by the ICT department.");
  EXPECT_EQ(FindSection(d, "public_access_to_information"), nullptr);

  ASSERT_EQ(d.background_papers.size(), 1u);
  EXPECT_EQ(d.background_papers[0].part, decisions::Part::kPart2);
  EXPECT_EQ(d.persons_consulted,
            (std::vector<std::string>{"The Extended Chief Officer Group",
                                      "Stephen Kirkpatrick, Director of Corporate Support",
                                      "Members of Corporate Support SMT", "Financial Services"}));
  EXPECT_EQ(d.publication.part2_reason,
            "Appendix – The ICT Strategy contains commercially & operationally sensitive information regarding "
            "the OPCC and Constabulary business affairs and the prevention and detection of crime.");
  EXPECT_EQ(d.media.strategy_formulated, std::nullopt);
  const FieldNote* n = FindNote(*r, "media.strategy_formulated");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->note, "answered 'N/A'");
}

TEST(RecordReaderSeeds, CumbriaUnmarkedChoicesAreNoted) {
  auto r = ReadSeed("001_bbad0e5ce30ae459");
  ASSERT_TRUE(r) << r.error().ToString();
  const FieldNote* outcome = FindNote(*r, "outcome");
  ASSERT_NE(outcome, nullptr);
  EXPECT_EQ(outcome->line, 37);
  EXPECT_EQ(outcome->note, "approve / do not approve: neither option struck");
  const FieldNote* role = FindNote(*r, "signoffs[opcc_officer].role");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->note,
            "capacity 'Chief Executive / Deputy Chief Executive (delete as appropriate)': neither option struck");
  const FieldNote* left_out = FindNote(*r, "signoffs[commissioner]");
  ASSERT_NE(left_out, nullptr);
  EXPECT_EQ(left_out->line, 33);
  EXPECT_EQ(r->decision.media.strategy_formulated, std::nullopt);
  EXPECT_EQ(r->decision.media.strategy_attached, std::nullopt);
}

TEST(RecordReaderSeeds, LancashireFlagsGarbledSignatureDates) {
  auto r = ReadSeed("002_355094bc4b687ec6");
  ASSERT_TRUE(r) << r.error().ToString();
  const FieldNote* pcc = FindNote(*r, "signoffs[commissioner].date");
  ASSERT_NE(pcc, nullptr);
  EXPECT_EQ(pcc->line, 33);
  EXPECT_EQ(pcc->note, "signature date '15th Jovenber Co. 8' unreadable");
  const FieldNote* cc = FindNote(*r, "signoffs[chief_constable].date");
  ASSERT_NE(cc, nullptr);
  EXPECT_EQ(cc->line, 35);
  EXPECT_EQ(cc->note, "signature date '15.11.11' reads as 2011-11-15, 7 years from the meeting date 2018-11-15; not used");
  const FieldNote* date = FindNote(*r, "decision_date");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->line, 9);
  EXPECT_LT(date->confidence, 0.9);
  EXPECT_EQ(r->decision.Field("meeting_date"), "2018-11-15");
  const auto* legal = FindSection(r->decision, "legal");
  ASSERT_NE(legal, nullptr);
  EXPECT_EQ(legal->heading, "Legal considerations");
  ASSERT_EQ(r->decision.background_papers.size(), 1u);
  EXPECT_EQ(r->decision.background_papers[0].title, "Information and Communications Technology Strategy 2018 – 2025");
}

TEST(RecordReaderSeeds, EssexFieldsBoardsAndSignatures) {
  auto r = ReadSeed("004_251d7e129d4e821e");
  ASSERT_TRUE(r) << r.error().ToString();
  const auto& d = r->decision;
  EXPECT_EQ(d.Field("enquiries_to"), "Jennifer Housego – Head of Digital Change");
  EXPECT_EQ(d.Field("area_affected").substr(0, 38), "The digital strategy covers the whole ");
  ASSERT_EQ(d.boards.size(), 2u);
  EXPECT_EQ(d.boards[0].name, "Essex Police Chief Officer Group (COG)");
  EXPECT_EQ(d.boards[0].date, Date::FromYmd(2021, 3, 10).value());
  EXPECT_EQ(d.boards[1].name, "Essex Police Strategic Board");
  EXPECT_EQ(d.boards[1].date, Date::FromYmd(2021, 6, 10).value());
  ASSERT_FALSE(d.signoffs.empty());
  EXPECT_EQ(d.signoffs[0].note, "printed 'Deputy M.O.' after the name");
  EXPECT_EQ(d.publication.for_publication, std::nullopt);
  EXPECT_EQ(FindNote(*r, "publication.for_publication")->note,
            "YES and NO both printed, neither struck through");
  EXPECT_EQ(FindNote(*r, "outcome")->line, 132);
}

}  // namespace
}  // namespace assent::import
