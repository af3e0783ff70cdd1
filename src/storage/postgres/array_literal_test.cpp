#include "storage/postgres/array_literal.hpp"

#include <gtest/gtest.h>

namespace assent::storage::postgres {
namespace {

TEST(ArrayLiteral, QuotesEscapesAndKeepsNulls) {
  ArrayLiteral a;
  a.Add(std::string("plain")).Add(std::string("say \"no\"")).Add(std::string("back\\slash"))
      .Add(std::optional<std::string>()).Add(std::string("{,}")).Add(7LL);
  EXPECT_EQ(a.str(), R"({"plain","say \"no\"","back\\slash",NULL,"{,}","7"})");
  EXPECT_EQ(ArrayLiteral().str(), "{}");
}

}  // namespace
}  // namespace assent::storage::postgres
