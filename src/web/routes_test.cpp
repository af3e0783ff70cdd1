#include "web/routes.hpp"

#include <gtest/gtest.h>

namespace assent::web {
namespace {

TEST(Routes, MatchPatterns) {
  RouteParams p;
  EXPECT_TRUE(MatchRoute("/", "/", p));
  EXPECT_FALSE(MatchRoute("/", "/x", p));
  ASSERT_TRUE(MatchRoute("/{body}/decisions/{ref}", "/cumbria/decisions/006-2017", p));
  EXPECT_EQ(p["body"], "cumbria");
  EXPECT_EQ(p["ref"], "006-2017");
  ASSERT_TRUE(MatchRoute("/{body}/decisions/{ref}.json", "/essex/decisions/097-21.json", p));
  EXPECT_EQ(p["ref"], "097-21");
  EXPECT_FALSE(MatchRoute("/{body}/decisions/{ref}.json", "/essex/decisions/.json", p));
  EXPECT_FALSE(MatchRoute("/{body}/decisions", "/essex/decisions/x", p));
  EXPECT_FALSE(MatchRoute("/{body}/decisions", "/essex", p));
  EXPECT_FALSE(MatchRoute("/{body}/decisions", "//decisions", p));
  EXPECT_TRUE(MatchRoute("/{body}/decisions.json", "/essex/decisions.json", p));
}

TEST(Routes, EveryNonPublicRouteIsOutsideThePublicTree) {
  for (const Route& r : Routes()) {
    bool staff_path = r.pattern.substr(0, 7) == "/admin/" || r.pattern.substr(0, 7) == "/staff/";
    EXPECT_EQ(staff_path, r.access != Access::kPublic) << r.pattern;
    // Only public routes may be cached: the cache is shared by every visitor.
    if (r.cacheable) {
      EXPECT_EQ(r.access, Access::kPublic) << r.pattern;
    }
  }
}

TEST(Routes, JsonFormsComeBeforeHtmlForms) {
  // First match wins: "/x/decisions/a.json" must not reach the HTML decision handler.
  RouteParams p;
  for (const Route& r : Routes()) {
    if (MatchRoute(r.pattern, "/cumbria/decisions/006-2017.json", p)) {
      EXPECT_EQ(r.pattern, "/{body}/decisions/{ref}.json");
      break;
    }
  }
}

TEST(Routes, StrategyFormsReachTheirOwnHandlers) {
  // First match wins: each path must reach the route written for it, not a looser one.
  struct Case {
    const char* path;
    const char* pattern;
  } cases[] = {
      {"/strategies", "/strategies"},
      {"/strategies.json", "/strategies.json"},
      {"/api/v1/strategies", "/api/v1/strategies"},
      {"/cumbria/strategies", "/{body}/strategies"},
      {"/cumbria/strategies.json", "/{body}/strategies.json"},
      {"/cumbria/strategies/ict-2015-2019", "/{body}/strategies/{id}"},
      {"/cumbria/strategies/ict-2015-2019.json", "/{body}/strategies/{id}.json"},
      {"/cumbria/strategies/ict-2015-2019/report", "/{body}/strategies/{id}/report"},
      {"/cumbria/strategies/ict-2015-2019/report.csv", "/{body}/strategies/{id}/report.csv"},
  };
  for (const auto& c : cases) {
    RouteParams p;
    const Route* first = nullptr;
    for (const Route& r : Routes()) {
      if (MatchRoute(r.pattern, c.path, p)) {
        first = &r;
        break;
      }
    }
    ASSERT_NE(first, nullptr) << c.path;
    EXPECT_EQ(first->pattern, c.pattern) << c.path;
    EXPECT_EQ(first->access, Access::kPublic) << c.path;
    // Strategy answers depend on today's date; the cache only follows the store.
    EXPECT_FALSE(first->cacheable) << c.path;
  }
}

}  // namespace
}  // namespace assent::web
