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

}  // namespace
}  // namespace assent::web
