#include "strategy/csv_table.hpp"

#include <gtest/gtest.h>

namespace assent::strategy {
namespace {

TEST(CsvTable, ReadsQuotesEscapesAndLineBreaksWithStartLines) {
  auto r = ReadCsv("\xEF\xBB\xBF" "a,b,c\r\n1,\"two, with comma\",\"say \"\"hi\"\"\"\r\n\r\n"
                   "x,\"line one\nline two\",z\nlast,,\n");
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].line, 1);
  EXPECT_EQ((*r)[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ((*r)[1].line, 2);
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"1", "two, with comma", "say \"hi\""}));
  EXPECT_EQ((*r)[2].line, 4);  // the blank line 3 is skipped
  EXPECT_EQ((*r)[2].fields, (std::vector<std::string>{"x", "line one\nline two", "z"}));
  EXPECT_EQ((*r)[3].line, 6);
  EXPECT_EQ((*r)[3].fields, (std::vector<std::string>{"last", "", ""}));
}

TEST(CsvTable, LastRowWithoutALineEnd) {
  auto r = ReadCsv("a,b\n1,2");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"1", "2"}));
}

TEST(CsvTable, MalformedQuotesNameTheLine) {
  auto stray = ReadCsv("a,b\n1,\"x\"y\n");
  ASSERT_FALSE(stray);
  EXPECT_EQ(stray.error().where, "line 2");
  auto open = ReadCsv("a,b\n1,2\n3,\"never closed\n\n");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().where, "line 3");
}

}  // namespace
}  // namespace assent::strategy
