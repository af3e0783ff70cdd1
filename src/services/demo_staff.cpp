#include "services/demo_staff.hpp"

#include <toml++/toml.h>

#include "accounts/secrets.hpp"
#include "core/toml_text.hpp"
#include "services/accounts.hpp"
#include "services/catalogue.hpp"

namespace assent::services {

Result<DemoStaff> CreateDemoStaffIfNone(storage::Store& store, const std::string& staff_file,
                                        Instant now) {
  auto existing = store.ListUsers();
  if (!existing) return existing.error();
  DemoStaff out;
  if (!existing->empty()) return out;
  auto text = ReadWholeFile(staff_file);
  if (!text) return text.error();
  auto parsed = ParseToml(*text, staff_file);
  if (!parsed) return parsed.error();
  toml::table& root = *parsed;
  // Readable but random: four groups from a fresh token, so the printed password works.
  std::string token = accounts::NewToken();
  out.password = "demo-" + token.substr(0, 6) + "-" + token.substr(6, 6) + "-" + token.substr(12, 6);
  const toml::array* accounts = root["account"].as_array();
  if (!accounts) return Fail(ErrorCode::kInvalidInput, "no [[account]] tables", staff_file);
  int index = 0;
  for (const auto& node : *accounts) {
    std::string where = staff_file + ": account[" + std::to_string(index++) + "]";
    const toml::table* t = node.as_table();
    if (!t) return Fail(ErrorCode::kInvalidInput, "not a table", where);
    NewUser user;
    user.username = (*t)["username"].value_or(std::string());
    user.display_name = (*t)["name"].value_or(std::string());
    user.email = (*t)["email"].value_or(std::string());
    user.password = out.password;
    std::string roles;
    if (const toml::array* r = (*t)["roles"].as_array()) {
      for (const auto& role : *r) {
        if (!roles.empty()) roles += ",";
        roles += role.value_or(std::string());
      }
    }
    auto grants = accounts::ParseRoleGrants(roles);
    if (!grants) return Fail(grants.error().code, grants.error().message, where + ".roles");
    user.roles = std::move(*grants);
    auto added = AddUser(store, user, AuditActor{0, "system"}, now);
    if (!added) return Fail(added.error().code, added.error().message, where);
    out.usernames.push_back(user.username);
  }
  out.created = true;
  return out;
}

}  // namespace assent::services
