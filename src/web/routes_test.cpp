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

bool IsStaffPath(std::string_view pattern) {
  return pattern == "/staff" || pattern.substr(0, 7) == "/staff/" || pattern.substr(0, 7) == "/admin/";
}

TEST(Routes, EveryStaffRouteNeedsMoreThanPublicAccess) {
  for (const Route& r : Routes()) {
    // Staff pages live under /staff, and only there; none is public.
    EXPECT_EQ(IsStaffPath(r.pattern), r.access != Access::kPublic) << r.pattern;
    if (IsStaffPath(r.pattern)) {
      EXPECT_NE(r.access, Access::kPublic) << r.pattern;
    }
    // A public route has a public handler; every other a staff handler (run by the gate).
    EXPECT_EQ(r.handler != nullptr, r.access == Access::kPublic) << r.pattern;
    EXPECT_EQ(r.staff != nullptr, r.access != Access::kPublic) << r.pattern;
  }
}

TEST(Routes, OnlyPublicRoutesAreCached) {
  for (const Route& r : Routes()) {
    // The cache is shared by every visitor: a staff page in it would leak.
    if (r.cacheable) {
      EXPECT_EQ(r.access, Access::kPublic) << r.pattern;
      EXPECT_EQ(r.method, Method::kGet) << r.pattern;
    }
  }
}

TEST(Routes, EveryFormPostCarriesTheCsrfToken) {
  for (const Route& r : Routes()) {
    if (r.method != Method::kGet) {
      EXPECT_TRUE(r.csrf) << r.pattern << ": a non-GET route without the CSRF flag";
      EXPECT_NE(r.access, Access::kPublic) << r.pattern << ": the public side takes no posts";
    }
    if (r.upload) {
      EXPECT_EQ(r.method, Method::kPost) << r.pattern;
    }
  }
}

TEST(Routes, OnlyAccountPagesComeBeforeAPasswordChange) {
  for (const Route& r : Routes()) {
    if (!r.before_password_change) continue;
    EXPECT_TRUE(r.pattern == "/staff/sign-in" || r.pattern == "/staff/sign-out" ||
                r.pattern == "/staff/password")
        << r.pattern;
  }
}

TEST(Routes, StaffPathsReachTheirOwnRoutes) {
  struct Case {
    Method method;
    const char* path;
    const char* pattern;
  } cases[] = {
      {Method::kGet, "/staff", "/staff"},
      {Method::kGet, "/staff/sign-in", "/staff/sign-in"},
      {Method::kGet, "/staff/users", "/staff/users"},
      {Method::kGet, "/staff/cumbria/decisions/new", "/staff/{body}/decisions/new"},
      {Method::kGet, "/staff/decisions/12", "/staff/decisions/{id}"},
      {Method::kGet, "/staff/decisions/12/edit", "/staff/decisions/{id}/edit"},
      {Method::kPost, "/staff/decisions/12/attachments", "/staff/decisions/{id}/attachments"},
      {Method::kGet, "/staff/decisions/12/attachments/ab12", "/staff/decisions/{id}/attachments/{sha256}"},
      {Method::kGet, "/staff/decisions/12/signed/ab12", "/staff/decisions/{id}/signed/{content_hash}"},
      {Method::kPost, "/staff/decisions/12/withdraw", "/staff/decisions/{id}/withdraw"},
      {Method::kGet, "/staff/cumbria/compliance", "/staff/{body}/compliance"},
      {Method::kGet, "/staff/cumbria/compliance.csv", "/staff/{body}/compliance.csv"},
      {Method::kPost, "/staff/cumbria/forward-plan", "/staff/{body}/forward-plan"},
      {Method::kPost, "/staff/cumbria/forward-plan/3", "/staff/{body}/forward-plan/{id}"},
  };
  for (const auto& c : cases) {
    RouteParams p;
    const Route* first = nullptr;
    for (const Route& r : Routes()) {
      if (r.method == c.method && MatchRoute(r.pattern, c.path, p)) {
        first = &r;
        break;
      }
    }
    ASSERT_NE(first, nullptr) << c.path;
    EXPECT_EQ(first->pattern, c.pattern) << c.path;
  }
  EXPECT_TRUE(IsUploadPath("/staff/decisions/12/attachments"));
  EXPECT_FALSE(IsUploadPath("/staff/decisions/12/edit"));
  EXPECT_FALSE(IsUploadPath("/cumbria/decisions"));
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
