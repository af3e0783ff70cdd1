#include "accounts/user.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace assent::accounts {
namespace {

struct RoleInfo {
  std::string_view name;
  std::string_view label;
};

// The one list of roles: forms, accounts and the scheme of delegation all read it.
constexpr std::array<RoleInfo, 12> kRoles = {{
    {"originating_officer", "Originating Officer"},
    {"governance_officer", "Governance Officer"},
    {"chief_executive", "Chief Executive"},
    {"deputy_chief_executive", "Deputy Chief Executive"},
    {"monitoring_officer", "Monitoring Officer"},
    {"chief_finance_officer", "Chief Finance Officer"},
    {"commissioner", "Police & Crime Commissioner"},
    {"deputy_commissioner", "Deputy Police & Crime Commissioner"},
    {"chief_constable", "Chief Constable"},
    {"media_officer", "Media Officer"},
    {"administrator", "Administrator"},
    // Records progress on the body's strategies (docs/strategies.md); signs nothing.
    {"strategy_lead", "Strategy Lead"},
}};

constexpr std::array<std::string_view, kRoles.size()> kRoleNames = [] {
  std::array<std::string_view, kRoles.size()> names{};
  for (size_t i = 0; i < kRoles.size(); ++i) names[i] = kRoles[i].name;
  return names;
}();

bool IsRole(std::string_view role) {
  return std::find(kRoleNames.begin(), kRoleNames.end(), role) != kRoleNames.end();
}

// A body slug as the bodies file allows it (decisions::IsValidSlug; accounts sits below
// decisions, so the rule is restated here).
bool IsBodySlug(std::string_view s) {
  if (s.empty() || s.size() > 40 || s.front() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Code points in valid UTF-8 text.
size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::span<const std::string_view> Roles() { return kRoleNames; }

std::string_view RoleLabel(std::string_view role) {
  for (const auto& r : kRoles) {
    if (r.name == role) return r.label;
  }
  return role;
}

Result<std::vector<RoleGrant>> ParseRoleGrants(std::string_view text) {
  std::vector<RoleGrant> grants;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = Trim(text.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    size_t colon = item.find(':');
    if (colon == std::string_view::npos) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' is not body:role (e.g. cumbria:commissioner)", item), "roles");
    }
    RoleGrant g{std::string(Trim(item.substr(0, colon))), std::string(Trim(item.substr(colon + 1)))};
    if (g.body != "*" && !IsBodySlug(g.body)) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}': '{}' is not a body slug (a-z, 0-9, '-') or *", item, g.body),
                  "roles");
    }
    if (!IsRole(g.role)) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' is not a role (roles: {})", item, fmt::join(kRoleNames, ", ")),
                  "roles");
    }
    if (std::find(grants.begin(), grants.end(), g) == grants.end()) grants.push_back(std::move(g));
  }
  return grants;
}

std::string FormatRoleGrants(const std::vector<RoleGrant>& grants) {
  std::string out;
  for (const auto& g : grants) {
    if (!out.empty()) out += ',';
    out += g.body + ':' + g.role;
  }
  return out;
}

bool User::HasRole(std::string_view body, std::string_view role) const {
  return std::any_of(roles.begin(), roles.end(), [&](const RoleGrant& g) {
    return g.role == role && (g.body == body || g.body == "*");
  });
}

bool User::InBody(std::string_view body) const {
  return std::any_of(roles.begin(), roles.end(),
                     [&](const RoleGrant& g) { return g.body == body || g.body == "*"; });
}

bool User::IsAdministrator() const {
  return std::any_of(roles.begin(), roles.end(),
                     [](const RoleGrant& g) { return g.role == "administrator"; });
}

Result<void> CheckUsername(std::string_view username) {
  if (username.size() < 2 || username.size() > 64) {
    return Fail(ErrorCode::kInvalidInput, "must be 2 to 64 characters", "username");
  }
  if (username.front() < 'a' || username.front() > 'z') {
    return Fail(ErrorCode::kInvalidInput, "must start with a lower-case letter (a-z)", "username");
  }
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return Fail(ErrorCode::kInvalidInput,
                  "may hold only lower-case letters, digits, '.', '_' and '-'", "username");
    }
  }
  return Ok();
}

Result<void> CheckNewPassword(std::string_view password, std::string_view username) {
  if (password.size() > 1024) {
    return Fail(ErrorCode::kInvalidInput, "must be at most 1024 bytes", "password");
  }
  if (!IsValidUtf8(password)) {
    return Fail(ErrorCode::kInvalidInput, "must be valid UTF-8 text", "password");
  }
  if (CodePoints(password) < 12) {
    return Fail(ErrorCode::kInvalidInput, "must be at least 12 characters", "password");
  }
  if (!username.empty() && ToLowerAscii(password) == ToLowerAscii(username)) {
    return Fail(ErrorCode::kInvalidInput, "must not be the username", "password");
  }
  return Ok();
}

std::int64_t LockoutSeconds(int failed_sign_ins) {
  if (failed_sign_ins <= kFreeAttempts) return 0;
  constexpr std::int64_t kFirst = 30;
  constexpr std::int64_t kMax = 60 * 60;
  int doublings = failed_sign_ins - kFreeAttempts - 1;
  if (doublings >= 7) return kMax;  // 30 s << 7 = 3840 s: past the cap already
  return std::min(kMax, kFirst << doublings);
}

}  // namespace assent::accounts
