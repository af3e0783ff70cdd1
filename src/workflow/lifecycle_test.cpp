#include "workflow/lifecycle.hpp"

#include <gtest/gtest.h>

#include <set>

namespace assent::workflow {
namespace {

using decisions::Status;

TEST(Lifecycle, EveryRowOfTheTableIsAllowed) {
  for (const auto& t : Transitions()) {
    auto next = Next(t.from, t.event);
    ASSERT_TRUE(next) << EventName(t.event);
    EXPECT_EQ(*next, t.to);
  }
}

TEST(Lifecycle, EveryStatusIsReachableFromDraft) {
  std::set<Status> reached = {Status::kDraft};
  for (size_t round = 0; round < Transitions().size(); ++round) {
    for (const auto& t : Transitions()) {
      if (reached.count(t.from)) reached.insert(t.to);
    }
  }
  for (auto s : {Status::kDraft, Status::kSubmitted, Status::kDecided, Status::kPublished,
                 Status::kWithdrawn}) {
    EXPECT_TRUE(reached.count(s)) << decisions::StatusName(s);
  }
}

TEST(Lifecycle, RefusesIllegalSteps) {
  auto r = Next(Status::kDraft, Event::kPublish);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(r.error().message, "cannot publish a decision that is draft");
  EXPECT_FALSE(Next(Status::kWithdrawn, Event::kWithdraw));
}

TEST(Lifecycle, OnlyPublishedAndWithdrawnArePublic) {
  EXPECT_TRUE(IsPublic(Status::kPublished));
  EXPECT_TRUE(IsPublic(Status::kWithdrawn));
  EXPECT_FALSE(IsPublic(Status::kDraft));
  EXPECT_FALSE(IsPublic(Status::kSubmitted));
  EXPECT_FALSE(IsPublic(Status::kDecided));
}

}  // namespace
}  // namespace assent::workflow
