#include "accounts/user.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace assent::accounts {
namespace {

TEST(AccountRoles, OneListWithLabels) {
  auto roles = Roles();
  ASSERT_EQ(roles.size(), 12u);
  EXPECT_EQ(roles.front(), "originating_officer");
  EXPECT_NE(std::find(roles.begin(), roles.end(), "deputy_chief_executive"), roles.end());
  EXPECT_EQ(RoleLabel("strategy_lead"), "Strategy Lead");
  for (auto r : roles) EXPECT_NE(RoleLabel(r), r) << r;  // every role has a label
  EXPECT_EQ(RoleLabel("chief_executive"), "Chief Executive");
  EXPECT_EQ(RoleLabel("commissioner"), "Police & Crime Commissioner");
  EXPECT_EQ(RoleLabel("nobody"), "nobody");
}

TEST(AccountRoles, ParseAndFormatGrants) {
  auto g = ParseRoleGrants(" cumbria:commissioner, lancashire:governance_officer,*:administrator,");
  ASSERT_TRUE(g) << g.error().ToString();
  ASSERT_EQ(g->size(), 3u);
  EXPECT_EQ((*g)[0], (RoleGrant{"cumbria", "commissioner"}));
  EXPECT_EQ((*g)[2], (RoleGrant{"*", "administrator"}));
  EXPECT_EQ(FormatRoleGrants(*g), "cumbria:commissioner,lancashire:governance_officer,*:administrator");
  auto again = ParseRoleGrants(FormatRoleGrants(*g));
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *g);

  auto empty = ParseRoleGrants("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto dup = ParseRoleGrants("essex:commissioner,essex:commissioner");
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->size(), 1u);
}

TEST(AccountRoles, ParseGrantErrorsNameTheItem) {
  struct Case {
    const char* text;
    const char* starts;
  } cases[] = {
      {"cumbria:chef", "'cumbria:chef' is not a role"},
      {"cumbria", "'cumbria' is not body:role"},
      {"cumbria:commissioner,Essex:commissioner", "'Essex:commissioner': 'Essex' is not a body slug"},
      {":commissioner", "':commissioner': '' is not a body slug"},
      {"essex:", "'essex:' is not a role"},
  };
  for (const auto& c : cases) {
    auto g = ParseRoleGrants(c.text);
    ASSERT_FALSE(g) << c.text;
    EXPECT_EQ(g.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(g.error().where, "roles");
    EXPECT_EQ(g.error().message.substr(0, std::string(c.starts).size()), c.starts) << c.text;
  }
}

TEST(AccountUser, RolesByBody) {
  User u;
  u.roles = {{"cumbria", "chief_executive"}, {"*", "media_officer"}};
  EXPECT_TRUE(u.HasRole("cumbria", "chief_executive"));
  EXPECT_FALSE(u.HasRole("essex", "chief_executive"));
  EXPECT_TRUE(u.HasRole("essex", "media_officer"));  // "*" matches any body
  EXPECT_TRUE(u.InBody("lancashire"));
  EXPECT_FALSE(u.IsAdministrator());
  u.roles = {{"essex", "administrator"}};
  EXPECT_TRUE(u.IsAdministrator());
  EXPECT_TRUE(u.InBody("essex"));
  EXPECT_FALSE(u.InBody("cumbria"));
}

TEST(AccountUser, CheckUsername) {
  for (const char* ok : {"js", "jane.smith", "j_smith-2", "a1"}) {
    EXPECT_TRUE(CheckUsername(ok)) << ok;
  }
  for (const char* bad : {"", "j", "Jane", "1jane", ".jane", "jane smith", "jane@x", "jané"}) {
    auto r = CheckUsername(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().where, "username");
  }
  EXPECT_TRUE(CheckUsername(std::string(64, 'a')));
  EXPECT_FALSE(CheckUsername(std::string(65, 'a')));
}

TEST(AccountUser, CheckNewPassword) {
  EXPECT_TRUE(CheckNewPassword("correct horse battery", "jsmith"));
  EXPECT_TRUE(CheckNewPassword("ééééééééééé1", "jsmith"));  // 12 characters, 23 bytes
  auto short_one = CheckNewPassword("short", "jsmith");
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().ToString(), "password: must be at least 12 characters");
  EXPECT_FALSE(CheckNewPassword("éééééééééé1", "jsmith"));  // 11 characters, 21 bytes
  EXPECT_FALSE(CheckNewPassword("janesmith.longname", "janesmith.longname"));
  EXPECT_FALSE(CheckNewPassword("JaneSmith.LongName", "janesmith.longname"));
  EXPECT_FALSE(CheckNewPassword(std::string(1025, 'x'), "jsmith"));
  EXPECT_TRUE(CheckNewPassword(std::string(1024, 'x'), "jsmith"));
  EXPECT_FALSE(CheckNewPassword("abcdefghijkl\xff", "jsmith"));
}

TEST(AccountLockout, BackOffSchedule) {
  for (int n = 0; n <= kFreeAttempts; ++n) EXPECT_EQ(LockoutSeconds(n), 0) << n;
  EXPECT_EQ(LockoutSeconds(6), 30);
  EXPECT_EQ(LockoutSeconds(7), 60);
  EXPECT_EQ(LockoutSeconds(8), 120);
  EXPECT_EQ(LockoutSeconds(9), 240);
  EXPECT_EQ(LockoutSeconds(12), 1920);
  EXPECT_EQ(LockoutSeconds(13), 3600);  // capped at an hour
  EXPECT_EQ(LockoutSeconds(1000), 3600);
  EXPECT_EQ(LockoutSeconds(-1), 0);
}

}  // namespace
}  // namespace assent::accounts
