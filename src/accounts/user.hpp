#pragma once
// Staff accounts, their roles per body, sessions, and the sign-in lock-out rule.
// Plain values and pure rules; hashing lives in accounts/secrets.hpp, storage in Store.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace assent::accounts {

// The roles a person can hold in a body. The same names are used by forms
// (decisions::IsKnownRole) and by the scheme of delegation.
//   originating_officer, governance_officer, chief_executive, deputy_chief_executive,
//   monitoring_officer, chief_finance_officer, commissioner, deputy_commissioner,
//   chief_constable, media_officer, administrator, strategy_lead
std::span<const std::string_view> Roles();
std::string_view RoleLabel(std::string_view role);  // "Chief Executive / Monitoring Officer"...

// A role held in one body. body "*" means every body hosted (site administrators).
struct RoleGrant {
  std::string body;
  std::string role;
  friend bool operator==(const RoleGrant&, const RoleGrant&) = default;
  friend auto operator<=>(const RoleGrant&, const RoleGrant&) = default;
};

// Parses "cumbria:commissioner,lancashire:governance_officer,*:administrator"; errors
// name the bad item ("'cumbria:chef' is not a role").
Result<std::vector<RoleGrant>> ParseRoleGrants(std::string_view text);
std::string FormatRoleGrants(const std::vector<RoleGrant>& grants);

struct User {
  std::int64_t id = 0;       // 0 until stored
  std::int64_t version = 0;  // optimistic-concurrency version; 0 until stored
  std::string username;      // sign-in name: 2-64 of a-z 0-9 . _ -, starting with a letter
  std::string display_name;  // "Jane Smith", as shown beside a signature
  std::string email;         // where notifications go; may be empty
  std::string password_hash; // libsodium argon2id string; never the password
  std::vector<RoleGrant> roles;
  int failed_sign_ins = 0;          // consecutive failures since the last success
  std::int64_t locked_until = 0;    // unix seconds; no sign-in before this
  bool disabled = false;
  bool must_change_password = false;  // set by reset-password: change at next sign-in

  bool HasRole(std::string_view body, std::string_view role) const;
  bool InBody(std::string_view body) const;  // holds any role there
  bool IsAdministrator() const;               // administrator of any body, or "*"
  friend bool operator==(const User&, const User&) = default;
};

Result<void> CheckUsername(std::string_view username);   // where: "username"
// At least 12 characters, at most 1024 bytes, valid UTF-8, not the username.
Result<void> CheckNewPassword(std::string_view password, std::string_view username);

// A signed-in browser. The cookie holds a random token; the store keeps only its hash.
struct Session {
  std::string token_hash;      // accounts::TokenHash(token)
  std::int64_t user_id = 0;
  std::string csrf_token;      // random; every form posts it back
  std::int64_t created_at = 0; // unix seconds
  std::int64_t expires_at = 0; // unix seconds (absolute lifetime, 12 hours)
  friend bool operator==(const Session&, const Session&) = default;
};
inline constexpr std::int64_t kSessionSeconds = 12 * 60 * 60;

// Lock-out with back-off: the first kFreeAttempts failures cost nothing; each failure
// after that locks the account for 30 s doubling per further failure, at most 1 hour.
inline constexpr int kFreeAttempts = 5;
std::int64_t LockoutSeconds(int failed_sign_ins);

}  // namespace assent::accounts
