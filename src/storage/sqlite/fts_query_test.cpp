#include "storage/sqlite/fts_query.hpp"

#include <gtest/gtest.h>

namespace assent::storage::sqlite {
namespace {

TEST(FtsQuery, QuotesEveryWordAndDropsSyntax) {
  EXPECT_EQ(FtsQuery("ICT strategy"), R"("ICT" "strategy")");
  EXPECT_EQ(FtsQuery("a AND (b\" OR -c*"), R"("a" "AND" "b" "OR" "c")");
  EXPECT_EQ(FtsQuery("006/2017"), R"("006" "2017")");
  EXPECT_EQ(FtsQuery("  ;:()  "), "");
  EXPECT_EQ(FtsQuery("café"), "\"café\"");
}

}  // namespace
}  // namespace assent::storage::sqlite
