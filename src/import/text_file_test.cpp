#include "import/text_file.hpp"

#include <gtest/gtest.h>

#include "import/record_reader.hpp"
#include "import/test_forms.hpp"
#include "import/text_encoding.hpp"
#include "tests/support/files.hpp"

namespace assent::import {
namespace {

std::string Fixture(const char* name) { return testing_support::SourceDir() + "/tests/data/import/" + name; }

TEST(TextFile, Windows1252IsConvertedAndReads) {
  auto text = ReadTextFile(Fixture("cumbria_cp1252.txt"));
  ASSERT_TRUE(text) << text.error().ToString();
  EXPECT_NE(text->find("TITLE: Caf\xC3\xA9 contract \xE2\x80\x93 \xE2\x80\x9Cpilot\xE2\x80\x9D extension"),
            std::string::npos);
  auto record = ReadDecisionText(*text, "cumbria_cp1252.txt", testing::ShippedForms());
  ASSERT_TRUE(record) << record.error().ToString();
  EXPECT_EQ(record->decision.reference, "003/2018");
  EXPECT_EQ(record->decision.title, "Caf\xC3\xA9 contract \xE2\x80\x93 \xE2\x80\x9Cpilot\xE2\x80\x9D extension");
  EXPECT_EQ(record->decision.outcome, decisions::Outcome::kApproved);
  EXPECT_EQ(record->decision.decision_date, Date::FromYmd(2018, 3, 7).value());
}

TEST(TextFile, Utf8BomAndUtf16GiveTheSameText) {
  auto cp1252 = ReadTextFile(Fixture("cumbria_cp1252.txt"));
  auto bom = ReadTextFile(Fixture("cumbria_bom.txt"));
  auto utf16 = ReadTextFile(Fixture("cumbria_utf16.txt"));
  ASSERT_TRUE(cp1252 && bom && utf16);
  EXPECT_EQ(*bom, *cp1252);
  EXPECT_EQ(*utf16, *cp1252);
}

TEST(TextFile, Errors) {
  struct Case {
    std::string path;
    std::string error;
  } cases[] = {
      {Fixture("missing.txt"), Fixture("missing.txt") + ": cannot read file (No such file or directory)"},
      {Fixture("empty.txt"), Fixture("empty.txt") + ": file is empty"},
      {Fixture("binary.dat"), Fixture("binary.dat") + ": binary file, not decision text"},
      {Fixture(""), Fixture("") + ": cannot read file (Is a directory)"},
  };
  for (const auto& c : cases) {
    auto text = ReadTextFile(c.path);
    ASSERT_FALSE(text) << c.path;
    EXPECT_EQ(text.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(text.error().ToString(), c.error);
  }
}

TEST(TextFile, DecodeNamesTheSource) {
  EXPECT_EQ(DecodeText(" \r\n", "x.txt").error().ToString(), "x.txt: file is empty");
  EXPECT_EQ(DecodeText(std::string_view("a\0b", 3), "x.txt").error().ToString(),
            "x.txt: binary file, not decision text");
  EXPECT_EQ(Windows1252ToUtf8("\x80\x81\xA3"), "\xE2\x82\xAC\xEF\xBF\xBD\xC2\xA3");
}

}  // namespace
}  // namespace assent::import
