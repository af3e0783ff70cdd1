#include "import/register_reader.hpp"

#include <gtest/gtest.h>

#include "import/label_json.hpp"

namespace assent::import {
namespace {

decisions::Form RegisterForm(std::string body, std::string body_name) {
  auto form = decisions::ParseForm(R"(id = ")" + body + R"(-notice"
kind = "decision-notice"
title = "Decision Notice"
body = ")" + body + R"("
body_name = ")" + body_name + R"("
detect = ["DECISION NOTICE"]
[[decision_makers]]
key = "commissioner"
role = "commissioner"
label = "Police and Crime Commissioner"
[register.columns]
reference = ["Ref"]
title = ["Title"]
decision_date = ["Date"]
decision_maker = ["Decision maker"]
outcome = ["Outcome"]
)",
                                   "test.toml");
  EXPECT_TRUE(form) << form.error().ToString();
  return *form;
}

TEST(RegisterReader, OneRecordPerRowWithItsOwnLine) {
  std::vector<decisions::Form> forms{RegisterForm("dale", "Commissioner for Dale")};
  std::string text =
      "Register\n"
      "| Ref | Title | Date | Decision maker | Outcome |\n"
      "|---|---|---|---|---|\n"
      "| 01/2020 | First | 01/02/2020 | Commissioner | Approved |\n"
      "| 02/2020 | Second, replacing 01/2019 | 3 March 2020 | Commissioner | Rejected |\n"
      "|  | and more title |  |  |  |\n";
  auto rows = ReadRegisterText(text, "reg.txt", forms);
  ASSERT_TRUE(rows) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 2u);
  const auto& a = (*rows)[0];
  EXPECT_EQ(a.row, 1);
  EXPECT_EQ(a.decision.reference, "01/2020");
  EXPECT_EQ(a.decision.outcome, decisions::Outcome::kApproved);
  EXPECT_EQ(a.decision.body, "dale");
  const auto& b = (*rows)[1];
  EXPECT_EQ(b.decision.reference, "02/2020");
  EXPECT_EQ(b.decision.title, "Second, replacing 01/2019 and more title");
  EXPECT_EQ(b.decision.outcome, decisions::Outcome::kNotApproved);
  ASSERT_TRUE(b.decision.decision_date);
  EXPECT_EQ(b.decision.decision_date->ToIso(), "2020-03-03");
  for (const auto& n : b.notes) {
    if (n.field == "reference") {
      EXPECT_EQ(n.line, 5);
    }
  }
  auto json = ToLabelJson(b, nullptr, -1);
  EXPECT_NE(json.find("\"row\":2"), std::string::npos) << json;
}

TEST(RegisterReader, EmptyOrUnreadableCellsAreUnknownWithTheReason) {
  std::vector<decisions::Form> forms{RegisterForm("dale", "Commissioner for Dale")};
  std::string text =
      "Ref\tTitle\tDate\tDecision maker\tOutcome\n"
      "tbc\tA title quoting 07/2019\t31/02/2020\tCommissioner\tPending\n";
  auto rows = ReadRegisterText(text, "reg.txt", forms);
  ASSERT_TRUE(rows) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const auto& r = rows->front();
  EXPECT_EQ(r.decision.reference, "");
  EXPECT_FALSE(r.decision.decision_date);
  EXPECT_EQ(r.decision.outcome, decisions::Outcome::kUnknown);
  EXPECT_FALSE(r.review_reasons.empty());
  std::string notes;
  for (const auto& n : r.notes) notes += n.field + ": " + n.note + "\n";
  EXPECT_NE(notes.find("reference: 'tbc' in the reference cell is not a reference number"), std::string::npos) << notes;
  EXPECT_NE(notes.find("decision_date: the date cell:"), std::string::npos) << notes;
  EXPECT_NE(notes.find("outcome: 'Pending' in the outcome cell"), std::string::npos) << notes;
}

TEST(RegisterReader, FixedColumnsOfSpaces) {
  std::vector<decisions::Form> forms{RegisterForm("dale", "Commissioner for Dale")};
  std::string text =
      "Ref       Title                     Date         Decision maker\n"
      "05/2021   Estates review            04/05/2021   Commissioner\n"
      "          second phase\n"
      "06/2021   Fleet                     05/05/2021   Deputy Commissioner\n";
  auto rows = ReadRegisterText(text, "reg.txt", forms);
  ASSERT_TRUE(rows) << rows.error().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].decision.title, "Estates review second phase");
  EXPECT_EQ((*rows)[1].decision.decision_maker_role, "Deputy Commissioner");
}

TEST(RegisterReader, NoHeaderIsNotFoundAndTwoBodiesNeedTheBodyNamed) {
  std::vector<decisions::Form> forms{RegisterForm("dale", "Commissioner for Dale"),
                                     RegisterForm("fell", "Commissioner for Fell")};
  auto none = ReadRegisterText("DECISION NOTICE\nTitle: x\n", "a.txt", forms);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  std::string table = "| Ref | Title | Date |\n| 1/2020 | A | 01/01/2020 |\n";
  auto tied = ReadRegisterText(table, "b.txt", forms);
  ASSERT_FALSE(tied);
  EXPECT_EQ(tied.error().ToString(), "b.txt: the register could be dale, fell and the text names none of these bodies");
  auto named = ReadRegisterText("Commissioner for Fell\n" + table, "c.txt", forms);
  ASSERT_TRUE(named) << named.error().ToString();
  EXPECT_EQ(named->front().decision.body, "fell");
  auto empty = ReadRegisterText("Commissioner for Fell\n| Ref | Title | Date |\n", "d.txt", forms);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().ToString(), "d.txt: the register table under line 2 has no rows");
}

TEST(RegisterReader, ARowIsReadAgainByNumber) {
  auto form = RegisterForm("dale", "Commissioner for Dale");
  std::string text = "| Ref | Title | Date |\n| 1/2020 | A | 01/01/2020 |\n| 2/2020 | B | 02/01/2020 |\n";
  auto row = ReadRegisterRow(text, "a.txt", form, 2);
  ASSERT_TRUE(row) << row.error().ToString();
  EXPECT_EQ(row->decision.title, "B");
  EXPECT_EQ(row->form, &form);
  EXPECT_FALSE(ReadRegisterRow(text, "a.txt", form, 3));
}

}  // namespace
}  // namespace assent::import
