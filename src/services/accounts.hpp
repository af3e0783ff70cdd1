#pragma once
// Use cases of staff accounts: adding people and their roles (CLI), signing in with
// lock-out, sessions, password change and reset. Every change is audited.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user.hpp"
#include "core/instant.hpp"
#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::services {

// Who did it, for the audit log: a signed-in account, or the CLI/system (id 0).
struct AuditActor {
  std::int64_t id = 0;
  std::string name = "cli";
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string email;
  std::string password;  // checked with accounts::CheckNewPassword
  std::vector<accounts::RoleGrant> roles;  // bodies must exist (or "*")
};
// kInvalidInput naming the field; kConflict when the username is taken.
Result<accounts::User> AddUser(storage::Store& store, const NewUser& user, const AuditActor& by,
                               Instant now);
Result<accounts::User> SetRoles(storage::Store& store, std::string_view username,
                                const std::vector<accounts::RoleGrant>& roles,
                                const AuditActor& by, Instant now);
// Sets a new password, clears the lock-out, ends every session of the account and
// makes the person change it at next sign-in.
Result<void> ResetPassword(storage::Store& store, std::string_view username,
                           std::string_view new_password, const AuditActor& by, Instant now);

// The accounts an administrator may see: everyone, for an administrator of "*"; else
// the accounts holding a role in a body the viewer administers. Password hashes are
// cleared. kForbidden for a viewer who administers nothing.
Result<std::vector<accounts::User>> ListUsersFor(storage::Store& store,
                                                 const accounts::User& viewer);

struct SignedIn {
  accounts::User user;
  accounts::Session session;
  std::string token;  // goes in the cookie; only its hash is stored
};
// Checks the password (argon2id; slow, call off the I/O thread). Every refusal reads
// the same ("username or password is wrong", kForbidden), except a locked account:
// "too many failed sign-ins: try again after HH:MM:SS UTC" (kForbidden). Failures
// count towards the lock-out and are audited.
Result<SignedIn> SignIn(storage::Store& store, std::string_view username,
                        std::string_view password, Instant now);
// The account behind a session cookie token, if the session exists, has not expired
// and the account is not disabled; kNotFound otherwise.
struct CurrentSession {
  accounts::User user;
  accounts::Session session;
};
Result<CurrentSession> FindSession(storage::Store& store, std::string_view token, Instant now);
Result<void> SignOut(storage::Store& store, std::string_view token, Instant now);
// Needs the current password; ends every other session; clears must_change_password.
// Contract change (services-v3): `keep_token` is the cookie token of the session the
// change is made in, which is kept (the store has no list of a user's sessions, so
// "every other" needs to know which one is current). Empty: every session ends.
Result<void> ChangePassword(storage::Store& store, const accounts::User& user,
                            std::string_view current, std::string_view next, Instant now,
                            std::string_view keep_token = {});

}  // namespace assent::services
