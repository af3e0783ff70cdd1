#include "services/accounts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "accounts/secrets.hpp"
#include "audit/event.hpp"
#include "core/text.hpp"

namespace assent::services {
namespace {

using accounts::User;

// A valid argon2id hash (INTERACTIVE limits, the same cost as a real one) of a password
// nobody knows: checked when the username does not exist, so the answer takes as long
// as for a real account and the timing does not tell which usernames exist.
constexpr std::string_view kDummyHash =
    "$argon2id$v=19$m=65536,t=2,p=1$/nxUqmj4UpOBWG8RiFuDXA$"
    "SdwJi3q1awYJubIKKyFRx4Zw8tNdJHoACw8UG/PlbtM";

constexpr std::string_view kWrongCredentials = "username or password is wrong";

audit::NewEvent Event(Instant now, std::int64_t actor_id, std::string actor,
                      std::string_view action, std::string detail) {
  audit::NewEvent e;
  e.at = now.ToIso();
  e.actor_id = actor_id;
  e.actor = std::move(actor);
  e.action = std::string(action);
  e.detail = std::move(detail);
  return e;
}

bool IsKnownRoleName(std::string_view role) {
  auto roles = accounts::Roles();
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Result<void> CheckRoles(storage::Store& store, const std::vector<accounts::RoleGrant>& roles) {
  for (const auto& g : roles) {
    if (!IsKnownRoleName(g.role)) {
      return Fail(ErrorCode::kInvalidInput, fmt::format("'{}:{}' is not a role", g.body, g.role),
                  "roles");
    }
    if (g.body == "*") continue;
    auto body = store.FindBody(g.body);
    if (!body) {
      if (body.error().code != ErrorCode::kNotFound) return body.error();
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}:{}': there is no body '{}' in this store", g.body, g.role, g.body),
                  "roles");
    }
  }
  return Ok();
}

// An address fit for an SMTP envelope and a To: header: one address, no spaces or line
// breaks (which would let a value add headers), something@domain.
Result<void> CheckEmail(std::string_view email) {
  if (email.empty()) return Ok();
  auto bad = [&](std::string_view why) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("'{}' {}", email, why), "email");
  };
  if (email.size() > 254) return bad("is longer than 254 characters");
  for (unsigned char c : email) {
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
        c == '(' || c == ')' || c == '\\') {
      return bad("is not one e-mail address (name@example.org)");
    }
  }
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= email.size() ||
      email.find('@', at + 1) != std::string_view::npos ||
      email.substr(at + 1).find('.') == std::string_view::npos) {
    return bad("is not an e-mail address (name@example.org)");
  }
  return Ok();
}

std::string RolesText(const std::vector<accounts::RoleGrant>& roles) {
  return roles.empty() ? std::string("no roles") : accounts::FormatRoleGrants(roles);
}

Result<User> FindExisting(storage::Store& store, std::string_view username) {
  auto user = store.FindUser(username);
  if (!user && user.error().code == ErrorCode::kNotFound) {
    return Fail(ErrorCode::kNotFound, fmt::format("there is no user '{}'", username), "username");
  }
  return user;
}

// The username as the audit log may record it for a failed sign-in: only when it has
// the shape of a username, so a password typed into the wrong box is never logged.
std::string AttemptedName(std::string_view username) {
  if (accounts::CheckUsername(username)) return std::string(username);
  return "(not a username)";
}

std::string Clock(std::int64_t unix_seconds) {
  return Instant{unix_seconds}.ToIso().substr(11, 8);
}

Error Locked(std::int64_t until) {
  return Fail(ErrorCode::kForbidden,
              fmt::format("too many failed sign-ins: try again after {} UTC", Clock(until)));
}

}  // namespace

Result<User> AddUser(storage::Store& store, const NewUser& user, const AuditActor& by, Instant now) {
  if (auto r = accounts::CheckUsername(user.username); !r) {
    return Fail(ErrorCode::kInvalidInput, r.error().message, "username");
  }
  std::string name(Trim(user.display_name));
  if (name.empty()) return Fail(ErrorCode::kInvalidInput, "enter the person's name", "name");
  for (unsigned char c : name) {
    if (c < ' ' || c == 0x7f) {
      return Fail(ErrorCode::kInvalidInput, "must not contain control characters", "name");
    }
  }
  if (auto r = CheckEmail(user.email); !r) return r.error();
  if (auto r = accounts::CheckNewPassword(user.password, user.username); !r) {
    return Fail(ErrorCode::kInvalidInput, r.error().message, "password");
  }
  if (auto r = CheckRoles(store, user.roles); !r) return r.error();
  if (auto existing = store.FindUser(user.username); existing) {
    return Fail(ErrorCode::kConflict, fmt::format("the username '{}' is taken", user.username),
                "username");
  } else if (existing.error().code != ErrorCode::kNotFound) {
    return existing.error();
  }
  auto hash = accounts::HashPassword(user.password);
  if (!hash) return hash.error();

  User u;
  u.username = user.username;
  u.display_name = name;
  u.email = user.email;
  u.password_hash = std::move(*hash);
  u.roles = user.roles;
  std::sort(u.roles.begin(), u.roles.end());
  u.roles.erase(std::unique(u.roles.begin(), u.roles.end()), u.roles.end());

  storage::ChangeSet cs;
  cs.insert_users.push_back(u);
  cs.audit.push_back(Event(now, by.id, by.name, audit::action::kUserAdd,
                           fmt::format("added {} ({}) with {}", u.username, u.display_name,
                                       RolesText(u.roles))));
  auto applied = store.Apply(cs);
  if (!applied) {
    if (applied.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, fmt::format("the username '{}' is taken", u.username),
                  "username");
    }
    return applied.error();
  }
  if (applied->inserted_user_ids.empty()) return Fail(ErrorCode::kInternal, "no user id assigned");
  return store.FindUserById(applied->inserted_user_ids.front());
}

Result<User> SetRoles(storage::Store& store, std::string_view username,
                      const std::vector<accounts::RoleGrant>& roles, const AuditActor& by,
                      Instant now) {
  auto user = FindExisting(store, username);
  if (!user) return user.error();
  if (auto r = CheckRoles(store, roles); !r) return r.error();
  std::string before = RolesText(user->roles);
  user->roles = roles;
  std::sort(user->roles.begin(), user->roles.end());
  user->roles.erase(std::unique(user->roles.begin(), user->roles.end()), user->roles.end());
  storage::ChangeSet cs;
  cs.update_users.push_back(*user);
  cs.audit.push_back(Event(now, by.id, by.name, audit::action::kUserSetRoles,
                           fmt::format("roles of {}: {} (were {})", user->username,
                                       RolesText(user->roles), before)));
  if (auto r = store.Apply(cs); !r) {
    if (r.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("the account '{}' changed at the same moment; try again", username));
    }
    return r.error();
  }
  return store.FindUserById(user->id);
}

Result<void> ResetPassword(storage::Store& store, std::string_view username,
                           std::string_view new_password, const AuditActor& by, Instant now) {
  auto user = FindExisting(store, username);
  if (!user) return user.error();
  if (auto r = accounts::CheckNewPassword(new_password, user->username); !r) {
    return Fail(ErrorCode::kInvalidInput, r.error().message, "password");
  }
  auto hash = accounts::HashPassword(new_password);
  if (!hash) return hash.error();
  user->password_hash = std::move(*hash);
  user->failed_sign_ins = 0;
  user->locked_until = 0;
  user->must_change_password = true;
  storage::ChangeSet cs;
  cs.update_users.push_back(*user);
  cs.delete_sessions_of_users.push_back(user->id);
  cs.audit.push_back(Event(now, by.id, by.name, audit::action::kUserResetPassword,
                           fmt::format("reset the password of {}; lock-out cleared, sessions "
                                       "ended, must change it at next sign-in",
                                       user->username)));
  if (auto r = store.Apply(cs); !r) {
    if (r.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("the account '{}' changed at the same moment; try again", username));
    }
    return r.error();
  }
  return Ok();
}

Result<std::vector<User>> ListUsersFor(storage::Store& store, const User& viewer) {
  std::vector<std::string> administered;
  bool everything = false;
  for (const auto& g : viewer.roles) {
    if (g.role != "administrator") continue;
    if (g.body == "*") everything = true;
    administered.push_back(g.body);
  }
  if (administered.empty()) {
    return Fail(ErrorCode::kForbidden, "only an administrator may list accounts");
  }
  auto users = store.ListUsers();
  if (!users) return users.error();
  std::vector<User> out;
  for (auto& u : *users) {
    bool visible = everything;
    for (const auto& body : administered) visible = visible || u.InBody(body);
    if (!visible) continue;
    u.password_hash.clear();
    out.push_back(std::move(u));
  }
  return out;
}

Result<SignedIn> SignIn(storage::Store& store, std::string_view username,
                        std::string_view password, Instant now) {
  auto found = store.FindUser(username);
  if (!found) {
    if (found.error().code != ErrorCode::kNotFound) return found.error();
    (void)accounts::VerifyPassword(kDummyHash, password);  // the same cost as a real check
    storage::ChangeSet cs;
    cs.audit.push_back(Event(now, 0, AttemptedName(username), audit::action::kSignInFailed,
                             "refused: no such username"));
    if (auto r = store.Apply(cs); !r) return r.error();
    return Fail(ErrorCode::kForbidden, std::string(kWrongCredentials));
  }
  User user = std::move(*found);
  bool password_ok = accounts::VerifyPassword(user.password_hash, password);

  // A refusal is logged; a wrong password also counts towards the lock-out. The count
  // is written version-checked: when another sign-in moved the account at the same
  // moment, the account is read again and the failure counted on top, so a burst of
  // parallel guesses counts every guess.
  auto refuse = [&](std::string detail, const Error& answer, bool count_failure) -> Result<SignedIn> {
    for (int attempt = 0;; ++attempt) {
      storage::ChangeSet cs;
      std::string text = detail;
      if (count_failure) {
        User updated = user;
        updated.failed_sign_ins = user.failed_sign_ins + 1;
        // kFreeAttempts failures are free; from then on the account waits before the
        // next attempt as long as that attempt's failure would cost (LockoutSeconds of
        // the next count): after the 5th failure the 6th try is refused for 30 s, even
        // with the right password, then 60 s after the 6th failure, and so on up to an hour.
        std::int64_t lock = accounts::LockoutSeconds(updated.failed_sign_ins + 1);
        text = fmt::format("refused: wrong password ({} in a row)", updated.failed_sign_ins);
        if (lock > 0) {
          updated.locked_until = std::max(user.locked_until, now.unix_seconds + lock);
          text += fmt::format("; locked until {}", Instant{updated.locked_until}.ToIso());
        }
        cs.update_users.push_back(std::move(updated));
      }
      cs.audit.push_back(Event(now, user.id, user.username, audit::action::kSignInFailed,
                               std::move(text)));
      auto r = store.Apply(cs);
      if (r) return answer;
      if (r.error().code != ErrorCode::kConflict || !count_failure || attempt >= 20) {
        return r.error();
      }
      auto again = store.FindUserById(user.id);
      if (!again) return again.error();
      user = std::move(*again);
    }
  };

  if (user.disabled) {
    return refuse("refused: the account is disabled",
                  Fail(ErrorCode::kForbidden, std::string(kWrongCredentials)), false);
  }
  if (user.locked_until > now.unix_seconds) {
    return refuse(fmt::format("refused: locked until {}", Instant{user.locked_until}.ToIso()),
                  Locked(user.locked_until), false);
  }
  if (!password_ok) {
    return refuse("", Fail(ErrorCode::kForbidden, std::string(kWrongCredentials)), true);
  }

  // Success: a new session; the failure count cleared; a hash made with weaker limits
  // than today's replaced while the password is at hand.
  for (int attempt = 0;; ++attempt) {
    User updated = user;
    updated.failed_sign_ins = 0;
    updated.locked_until = 0;
    if (accounts::PasswordNeedsRehash(user.password_hash)) {
      if (auto h = accounts::HashPassword(password)) updated.password_hash = std::move(*h);
    }
    SignedIn out;
    out.token = accounts::NewToken();
    out.session.token_hash = accounts::TokenHash(out.token);
    out.session.user_id = user.id;
    out.session.csrf_token = accounts::NewToken();
    out.session.created_at = now.unix_seconds;
    out.session.expires_at = now.unix_seconds + accounts::kSessionSeconds;
    storage::ChangeSet cs;
    // Always written, version-checked: a failure counted by a parallel attempt moves the
    // account, and the re-read below then sees its lock.
    cs.update_users.push_back(updated);
    cs.put_sessions.push_back(out.session);
    cs.audit.push_back(Event(now, user.id, user.username, audit::action::kSignIn,
                             user.must_change_password ? "signed in (must change password)"
                                                       : "signed in"));
    auto r = store.Apply(cs);
    if (!r) {
      if (r.error().code == ErrorCode::kConflict && attempt < 3) {
        auto again = store.FindUserById(user.id);
        if (!again) return again.error();
        user = std::move(*again);
        if (user.disabled) {
          return Fail(ErrorCode::kForbidden, std::string(kWrongCredentials));
        }
        if (user.locked_until > now.unix_seconds) return Locked(user.locked_until);
        continue;
      }
      return r.error();
    }
    auto stored = store.FindUserById(user.id);
    if (!stored) return stored.error();
    out.user = std::move(*stored);
    return out;
  }
}

Result<CurrentSession> FindSession(storage::Store& store, std::string_view token, Instant now) {
  if (token.empty() || token.size() > 256) return Fail(ErrorCode::kNotFound, "no session");
  auto session = store.FindSession(accounts::TokenHash(token));
  if (!session) return session.error();
  if (session->expires_at <= now.unix_seconds) {
    return Fail(ErrorCode::kNotFound, "the session has expired");
  }
  auto user = store.FindUserById(session->user_id);
  if (!user) {
    if (user.error().code == ErrorCode::kNotFound) return Fail(ErrorCode::kNotFound, "no session");
    return user.error();
  }
  if (user->disabled) return Fail(ErrorCode::kNotFound, "the account is disabled");
  return CurrentSession{std::move(*user), std::move(*session)};
}

Result<void> SignOut(storage::Store& store, std::string_view token, Instant now) {
  if (token.empty() || token.size() > 256) return Ok();
  std::string hash = accounts::TokenHash(token);
  auto session = store.FindSession(hash);
  if (!session) {
    if (session.error().code == ErrorCode::kNotFound) return Ok();  // already gone
    return session.error();
  }
  storage::ChangeSet cs;
  cs.delete_sessions.push_back(hash);
  auto user = store.FindUserById(session->user_id);
  std::string name = user ? user->username : std::to_string(session->user_id);
  cs.audit.push_back(Event(now, session->user_id, name, audit::action::kSignOut, "signed out"));
  if (auto r = store.Apply(cs); !r) return r.error();
  return Ok();
}

Result<void> ChangePassword(storage::Store& store, const User& user, std::string_view current,
                            std::string_view next, Instant now, std::string_view keep_token) {
  auto fresh = store.FindUserById(user.id);
  if (!fresh) return fresh.error();
  if (fresh->disabled) return Fail(ErrorCode::kForbidden, "the account is disabled");
  if (!accounts::VerifyPassword(fresh->password_hash, current)) {
    return Fail(ErrorCode::kForbidden, "the current password is wrong", "current password");
  }
  if (auto r = accounts::CheckNewPassword(next, fresh->username); !r) {
    return Fail(ErrorCode::kInvalidInput, r.error().message, "new password");
  }
  if (next == current) {
    return Fail(ErrorCode::kInvalidInput, "choose a password different from the current one",
                "new password");
  }
  auto hash = accounts::HashPassword(next);
  if (!hash) return hash.error();
  User updated = *fresh;
  updated.password_hash = std::move(*hash);
  updated.must_change_password = false;
  updated.failed_sign_ins = 0;
  updated.locked_until = 0;

  // The session the change was made in is kept; every other one ends.
  std::optional<accounts::Session> keep;
  if (!keep_token.empty()) {
    auto s = store.FindSession(accounts::TokenHash(keep_token));
    if (s && s->user_id == updated.id && s->expires_at > now.unix_seconds) keep = std::move(*s);
  }
  storage::ChangeSet cs;
  cs.update_users.push_back(updated);
  cs.delete_sessions_of_users.push_back(updated.id);
  cs.audit.push_back(Event(now, updated.id, updated.username, audit::action::kUserChangePassword,
                           keep ? "changed own password; other sessions ended"
                                : "changed own password; sessions ended"));
  if (auto r = store.Apply(cs); !r) {
    if (r.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "the account changed at the same moment; try again");
    }
    return r.error();
  }
  if (keep) {
    // A second write: a backend applies a batch's session deletions and insertions in
    // its own order, so the kept session goes back after the deletion has committed.
    storage::ChangeSet again;
    again.put_sessions.push_back(*keep);
    if (auto r = store.Apply(again); !r) return r.error();
  }
  return Ok();
}

}  // namespace assent::services
