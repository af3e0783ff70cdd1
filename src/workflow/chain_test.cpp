#include "workflow/chain.hpp"

#include <gtest/gtest.h>

namespace assent::workflow {
namespace {

TEST(ChainSnapshot, IsDeterministic) {
  decisions::Decision d;
  d.title = "A";
  EXPECT_EQ(ContentSnapshot(d), ContentSnapshot(d));
  EXPECT_EQ(ContentHash(d).size(), 64u);
}

}  // namespace
}  // namespace assent::workflow
