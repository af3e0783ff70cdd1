#include "workflow/lifecycle.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

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

TEST(Lifecycle, EveryStatusAndEventAsTheWorkflowSays) {
  const std::map<std::pair<Status, Event>, Status> allowed = {
      {{Status::kDraft, Event::kSubmit}, Status::kSubmitted},
      {{Status::kSubmitted, Event::kReturnForRevision}, Status::kDraft},
      {{Status::kSubmitted, Event::kEditSigned}, Status::kDraft},
      {{Status::kSubmitted, Event::kDecide}, Status::kDecided},
      {{Status::kDraft, Event::kWithdraw}, Status::kWithdrawn},
      {{Status::kSubmitted, Event::kWithdraw}, Status::kWithdrawn},
      {{Status::kDecided, Event::kPublish}, Status::kPublished},
      {{Status::kPublished, Event::kWithdraw}, Status::kWithdrawn},
  };
  EXPECT_EQ(Transitions().size(), allowed.size());
  for (auto from : {Status::kDraft, Status::kSubmitted, Status::kDecided, Status::kPublished,
                    Status::kWithdrawn}) {
    for (auto event : {Event::kSubmit, Event::kReturnForRevision, Event::kEditSigned, Event::kDecide,
                       Event::kPublish, Event::kWithdraw}) {
      auto next = Next(from, event);
      auto it = allowed.find({from, event});
      std::string what = std::string(decisions::StatusName(from)) + " / " + std::string(EventName(event));
      if (it == allowed.end()) {
        ASSERT_FALSE(next) << what;
        EXPECT_EQ(next.error().code, ErrorCode::kIllegalTransition) << what;
      } else {
        ASSERT_TRUE(next) << what;
        EXPECT_EQ(*next, it->second) << what;
      }
    }
  }
  // A decided decision is published, not withdrawn; a published one may be withdrawn.
  EXPECT_EQ(Next(Status::kDecided, Event::kWithdraw).error().message,
            "cannot withdraw a decision that is decided");
}

TEST(Lifecycle, RefusesIllegalSteps) {
  auto r = Next(Status::kDraft, Event::kPublish);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kIllegalTransition);
  EXPECT_EQ(r.error().message, "cannot publish a decision that is draft");
  EXPECT_FALSE(Next(Status::kWithdrawn, Event::kWithdraw));
}

TEST(Lifecycle, PublicAreThePublishedTheirTombstonesAndDeferredOrWithheldStubs) {
  const auto with = [](Status s) {
    decisions::Decision d;
    d.status = s;
    return d;
  };
  EXPECT_TRUE(IsPublic(with(Status::kPublished)));
  EXPECT_FALSE(IsPublic(with(Status::kWithdrawn)));  // a withdrawn draft was never public
  EXPECT_FALSE(IsPublic(with(Status::kDraft)));
  EXPECT_FALSE(IsPublic(with(Status::kSubmitted)));
  EXPECT_FALSE(IsPublic(with(Status::kDecided)));  // waiting to be published
  auto tombstone = with(Status::kWithdrawn);
  tombstone.withdrawn_on = Date::FromYmd(2026, 3, 2).value();
  EXPECT_TRUE(IsPublic(tombstone));
  auto deferred = with(Status::kDecided);
  deferred.plan.kind = decisions::PlanKind::kDefer;
  EXPECT_TRUE(IsPublic(deferred));
  auto withheld = with(Status::kDecided);
  withheld.plan.kind = decisions::PlanKind::kWithhold;
  EXPECT_TRUE(IsPublic(withheld));
  auto to_publish = with(Status::kDecided);
  to_publish.plan.kind = decisions::PlanKind::kPublish;
  EXPECT_FALSE(IsPublic(to_publish));
}

}  // namespace
}  // namespace assent::workflow
