// Staff accounts through the service, on SQLite and PostgreSQL: adding people, roles,
// signing in with lock-out, sessions, password reset and change, and their audit events.
#include "services/accounts.hpp"

#include <gtest/gtest.h>

#include "accounts/secrets.hpp"
#include "tests/services/service_fixture.hpp"

namespace assent::testing_support {
namespace {

using services::NewUser;

class AccountsService : public ServiceTest {
 protected:
  NewUser Jane() const {
    NewUser u;
    u.username = "jsmith";
    u.display_name = "Jane Smith";
    u.email = "jane.smith@cumbria.example.org";
    u.password = kPassword;
    u.roles = {{"cumbria", "commissioner"}, {"lancashire", "governance_officer"}};
    return u;
  }

  std::vector<audit::Event> Events() const {
    auto events = store_->ListAuditEvents(0, 1000);
    EXPECT_TRUE(events) << events.error().ToString();
    return events ? *events : std::vector<audit::Event>{};
  }

  std::vector<audit::Event> EventsOf(std::string_view action) const {
    std::vector<audit::Event> out;
    for (const auto& e : Events()) {
      if (e.action == action) out.push_back(e);
    }
    return out;
  }
};

TEST_P(AccountsService, AddsAUserOnceWithHashedPassword) {
  auto added = services::AddUser(*store_, Jane(), {}, now_);
  ASSERT_TRUE(added) << added.error().ToString();
  EXPECT_GT(added->id, 0);
  EXPECT_EQ(added->username, "jsmith");
  EXPECT_EQ(added->display_name, "Jane Smith");
  EXPECT_EQ(added->roles.size(), 2u);
  EXPECT_EQ(added->password_hash.find(kPassword), std::string::npos);
  EXPECT_EQ(added->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_FALSE(added->must_change_password);

  auto again = services::AddUser(*store_, Jane(), {}, now_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().ToString(), "username: the username 'jsmith' is taken");
  EXPECT_EQ(store_->ListUsers()->size(), 1u);

  auto events = EventsOf(audit::action::kUserAdd);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, "cli");
  EXPECT_NE(events[0].detail.find("jsmith"), std::string::npos);
  EXPECT_NE(events[0].detail.find("cumbria:commissioner"), std::string::npos);
  EXPECT_EQ(events[0].detail.find(kPassword), std::string::npos);
}

TEST_P(AccountsService, RefusesBadInputNamingTheFieldAndStoresNothing) {
  struct Case {
    std::function<void(NewUser&)> change;
    std::string where;
  } cases[] = {
      {[](NewUser& u) { u.username = "1jane"; }, "username"},
      {[](NewUser& u) { u.username = "Jane Smith"; }, "username"},
      {[](NewUser& u) { u.display_name = "  "; }, "name"},
      {[](NewUser& u) { u.email = "jane at example"; }, "email"},
      {[](NewUser& u) { u.email = "jane@example.org\r\nBcc: x@example.org"; }, "email"},
      {[](NewUser& u) { u.password = "short"; }, "password"},
      {[](NewUser& u) { u.roles = {{"nowhere", "commissioner"}}; }, "roles"},
      {[](NewUser& u) { u.roles = {{"cumbria", "chef"}}; }, "roles"},
  };
  for (auto& c : cases) {
    NewUser u = Jane();
    c.change(u);
    auto r = services::AddUser(*store_, u, {}, now_);
    ASSERT_FALSE(r) << c.where;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << c.where;
    EXPECT_EQ(r.error().where, c.where) << r.error().ToString();
  }
  EXPECT_TRUE(store_->ListUsers()->empty());
  EXPECT_TRUE(Events().empty());

  NewUser admin = Jane();
  admin.roles = {{"*", "administrator"}};
  EXPECT_TRUE(services::AddUser(*store_, admin, {}, now_)) << "'*' is every body";
}

TEST_P(AccountsService, SetRolesChecksBodiesAndIsAudited) {
  ASSERT_TRUE(services::AddUser(*store_, Jane(), {}, now_));
  auto updated = services::SetRoles(*store_, "jsmith", {{"essex", "chief_executive"}}, {7, "admin"}, now_);
  ASSERT_TRUE(updated) << updated.error().ToString();
  EXPECT_EQ(updated->roles, (std::vector<accounts::RoleGrant>{{"essex", "chief_executive"}}));
  EXPECT_EQ(store_->FindUser("jsmith")->roles, updated->roles);
  auto bad = services::SetRoles(*store_, "jsmith", {{"atlantis", "commissioner"}}, {}, now_);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where, "roles");
  EXPECT_EQ(store_->FindUser("jsmith")->roles, updated->roles);
  auto unknown = services::SetRoles(*store_, "nobody", {}, {}, now_);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto events = EventsOf(audit::action::kUserSetRoles);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].actor, "admin");
  EXPECT_EQ(events[0].actor_id, 7);
}

TEST_P(AccountsService, SignInRightWrongAndUnknownAreAuditedWithoutThePassword) {
  ASSERT_TRUE(services::AddUser(*store_, Jane(), {}, now_));
  auto ok = services::SignIn(*store_, "jsmith", kPassword, now_);
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_EQ(ok->user.username, "jsmith");
  EXPECT_EQ(ok->token.size(), 43u);
  EXPECT_EQ(ok->session.token_hash, accounts::TokenHash(ok->token));
  EXPECT_NE(ok->session.token_hash, ok->token);
  EXPECT_EQ(ok->session.expires_at, now_.unix_seconds + accounts::kSessionSeconds);
  EXPECT_FALSE(ok->session.csrf_token.empty());
  EXPECT_NE(ok->session.csrf_token, ok->token);
  auto current = services::FindSession(*store_, ok->token, now_);
  ASSERT_TRUE(current) << current.error().ToString();
  EXPECT_EQ(current->user.id, ok->user.id);
  EXPECT_EQ(current->session.csrf_token, ok->session.csrf_token);

  auto wrong = services::SignIn(*store_, "jsmith", "not the password at all", now_);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(wrong.error().message, "username or password is wrong");
  auto unknown = services::SignIn(*store_, "nosuchperson", "not the password at all", now_);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, wrong.error().message) << "unknown usernames read the same";
  EXPECT_EQ(store_->FindUser("jsmith")->failed_sign_ins, 1);

  EXPECT_EQ(EventsOf(audit::action::kSignIn).size(), 1u);
  auto failed = EventsOf(audit::action::kSignInFailed);
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0].actor, "jsmith");
  EXPECT_EQ(failed[1].actor, "nosuchperson");
  EXPECT_EQ(failed[1].actor_id, 0);
  for (const auto& e : Events()) {
    EXPECT_EQ(e.detail.find("not the password"), std::string::npos) << e.detail;
    EXPECT_EQ(e.detail.find(kPassword), std::string::npos) << e.detail;
  }
  // A password typed into the username box is not logged either.
  ASSERT_FALSE(services::SignIn(*store_, "Secret Password 123!", "x", now_));
  EXPECT_EQ(EventsOf(audit::action::kSignInFailed).back().actor, "(not a username)");
}

TEST_P(AccountsService, LocksOutAfterFiveFailuresEvenForTheRightPassword) {
  ASSERT_TRUE(services::AddUser(*store_, Jane(), {}, now_));
  for (int i = 1; i <= 4; ++i) {
    ASSERT_FALSE(services::SignIn(*store_, "jsmith", "wrong password " + std::to_string(i), now_));
    EXPECT_EQ(store_->FindUser("jsmith")->locked_until, 0) << "failure " << i << " is free";
  }
  ASSERT_FALSE(services::SignIn(*store_, "jsmith", "wrong password 5", now_));
  auto user = store_->FindUser("jsmith");
  EXPECT_EQ(user->failed_sign_ins, 5);
  EXPECT_GT(user->locked_until, now_.unix_seconds);
  EXPECT_EQ(user->locked_until, now_.unix_seconds + accounts::LockoutSeconds(6));

  auto sixth = services::SignIn(*store_, "jsmith", kPassword, now_);
  ASSERT_FALSE(sixth) << "locked: even the right password is refused";
  EXPECT_EQ(sixth.error().code, ErrorCode::kForbidden);
  std::string until = Instant{user->locked_until}.ToIso().substr(11, 8);
  EXPECT_EQ(sixth.error().message, "too many failed sign-ins: try again after " + until + " UTC");
  EXPECT_EQ(store_->FindUser("jsmith")->failed_sign_ins, 5) << "attempts while locked are not counted";
  EXPECT_EQ(EventsOf(audit::action::kSignInFailed).size(), 6u);

  // After the lock, the right password signs in and clears the count.
  Instant later{user->locked_until};
  auto ok = services::SignIn(*store_, "jsmith", kPassword, later);
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_EQ(ok->user.failed_sign_ins, 0);
  EXPECT_EQ(ok->user.locked_until, 0);
}

TEST_P(AccountsService, ResetPasswordClearsTheLockEndsSessionsAndForcesAChange) {
  ASSERT_TRUE(services::AddUser(*store_, Jane(), {}, now_));
  auto session = services::SignIn(*store_, "jsmith", kPassword, now_);
  ASSERT_TRUE(session);
  for (int i = 0; i < 5; ++i) ASSERT_FALSE(services::SignIn(*store_, "jsmith", "wrong wrong wrong", now_));
  ASSERT_GT(store_->FindUser("jsmith")->locked_until, now_.unix_seconds);

  std::string fresh = "a brand new passphrase";
  ASSERT_TRUE(services::ResetPassword(*store_, "jsmith", fresh, {}, now_));
  auto user = store_->FindUser("jsmith");
  EXPECT_EQ(user->locked_until, 0);
  EXPECT_EQ(user->failed_sign_ins, 0);
  EXPECT_TRUE(user->must_change_password);
  auto old_session = services::FindSession(*store_, session->token, now_);
  ASSERT_FALSE(old_session);
  EXPECT_EQ(old_session.error().code, ErrorCode::kNotFound);

  EXPECT_FALSE(services::SignIn(*store_, "jsmith", kPassword, now_)) << "the old password is gone";
  auto ok = services::SignIn(*store_, "jsmith", fresh, now_);
  ASSERT_TRUE(ok) << ok.error().ToString();
  EXPECT_TRUE(ok->user.must_change_password);
  EXPECT_EQ(EventsOf(audit::action::kUserResetPassword).size(), 1u);

  auto short_one = services::ResetPassword(*store_, "jsmith", "short", {}, now_);
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().where, "password");
  EXPECT_EQ(services::ResetPassword(*store_, "nobody", fresh, {}, now_).error().code, ErrorCode::kNotFound);
}

TEST_P(AccountsService, SessionsExpireEndOnSignOutAndOnDisabling) {
  ASSERT_TRUE(services::AddUser(*store_, Jane(), {}, now_));
  auto s = services::SignIn(*store_, "jsmith", kPassword, now_);
  ASSERT_TRUE(s);
  Instant last{now_.unix_seconds + accounts::kSessionSeconds - 1};
  Instant expired{now_.unix_seconds + accounts::kSessionSeconds};
  EXPECT_TRUE(services::FindSession(*store_, s->token, last));
  auto gone = services::FindSession(*store_, s->token, expired);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(services::FindSession(*store_, "not-a-token", now_));
  EXPECT_FALSE(services::FindSession(*store_, "", now_));

  // Disabled: the session no longer counts, and signing in is refused.
  auto user = *store_->FindUser("jsmith");
  user.disabled = true;
  ASSERT_TRUE(store_->Apply({.update_users = {user}}));
  EXPECT_FALSE(services::FindSession(*store_, s->token, now_));
  auto refused = services::SignIn(*store_, "jsmith", kPassword, now_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "username or password is wrong");
  user = *store_->FindUser("jsmith");
  user.disabled = false;
  ASSERT_TRUE(store_->Apply({.update_users = {user}}));

  auto t = services::SignIn(*store_, "jsmith", kPassword, now_);
  ASSERT_TRUE(t);
  ASSERT_TRUE(services::SignOut(*store_, t->token, now_));
  EXPECT_FALSE(services::FindSession(*store_, t->token, now_));
  EXPECT_TRUE(services::SignOut(*store_, t->token, now_)) << "signing out twice is harmless";
  EXPECT_EQ(EventsOf(audit::action::kSignOut).size(), 1u);
}

TEST_P(AccountsService, ChangePasswordKeepsThisSessionAndEndsTheOthers) {
  ASSERT_TRUE(services::AddUser(*store_, Jane(), {}, now_));
  ASSERT_TRUE(services::ResetPassword(*store_, "jsmith", kPassword, {}, now_));  // must change
  auto here = services::SignIn(*store_, "jsmith", kPassword, now_);
  auto elsewhere = services::SignIn(*store_, "jsmith", kPassword, now_);
  ASSERT_TRUE(here && elsewhere);

  auto wrong = services::ChangePassword(*store_, here->user, "not my password", "another fine passphrase", now_,
                                        here->token);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kForbidden);
  auto weak = services::ChangePassword(*store_, here->user, kPassword, "short", now_, here->token);
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().code, ErrorCode::kInvalidInput);

  ASSERT_TRUE(services::ChangePassword(*store_, here->user, kPassword, "another fine passphrase", now_,
                                       here->token));
  EXPECT_TRUE(services::FindSession(*store_, here->token, now_)) << "this session stays";
  EXPECT_FALSE(services::FindSession(*store_, elsewhere->token, now_)) << "the others end";
  EXPECT_FALSE(store_->FindUser("jsmith")->must_change_password);
  EXPECT_TRUE(services::SignIn(*store_, "jsmith", "another fine passphrase", now_));
  EXPECT_EQ(EventsOf(audit::action::kUserChangePassword).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsService, ServiceBackends(), BackendName);

}  // namespace
}  // namespace assent::testing_support
