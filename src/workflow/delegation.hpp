#pragma once
// The scheme of delegation as data, per body: which role may decide which category of
// decision up to which amount, and the reserved decisions only the commissioner takes.
// Read from the bodies file ([body.delegation]); pure rules, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace assent::workflow {

struct Category {
  std::string key;    // "procurement"
  std::string label;  // "Procurement and contracts"
  bool reserved = false;  // only the commissioner (not a deputy, not an officer) decides
};

// The statutory reserved categories (PRSRA 2011): police and crime plan, police and
// crime objectives, precept and budget requirement, appointing / suspending / calling
// on the chief constable to retire, annual report. Always reserved, whatever the file says.
// Plus general categories: general, procurement, contract, grant, estates, ict, finance,
// hr, policy, partnership, other.
const std::vector<Category>& DefaultCategories();

// "The chief executive may decide procurement up to £25,000."
struct DelegationRule {
  std::string role;                      // a role name (accounts::Roles())
  std::vector<std::string> categories;   // category keys; "*" = any non-reserved
  std::optional<std::int64_t> up_to_pence;  // inclusive; nullopt = no limit
  friend bool operator==(const DelegationRule&, const DelegationRule&) = default;
};

struct DelegationScheme {
  std::vector<Category> categories;   // DefaultCategories() plus the body's own
  std::vector<DelegationRule> rules;  // first match wins
  const Category* FindCategory(std::string_view key) const;
  bool IsReserved(std::string_view category) const;
};

// The scheme when a body's file has none: default categories, no delegation (the
// form's decision makers decide everything).
DelegationScheme DefaultScheme();

// Parses a body's [body.delegation] table given as TOML text of the table's content:
//   categories = [{ key = "estates", label = "Estates", reserved = false }]
//   [[rule]]
//   role = "chief_executive"
//   categories = ["*"]
//   up_to = 25000          # pounds (may have pence as a decimal: 25000.50)
// Errors name the file (`where`) and the key, prefixed by `key_prefix`:
// "bodies.toml: key body[0].delegation.rule[1].role: 'ceo' is not a role".
// A rule may not name a reserved category; "*" never covers one.
Result<DelegationScheme> ParseDelegation(std::string_view toml_text, std::string_view where,
                                         std::string_view key_prefix = "");

// Who decides a draft of this category and amount: the role of the first rule that
// matches (category listed or "*" for a non-reserved one, amount known and within the
// limit), else "commissioner". Reserved categories always route to "commissioner", and
// `deputy_allowed` is false for them.
struct Route {
  std::string role;
  bool deputy_allowed = true;
  std::string reason;  // "reserved decision: precept", "delegated: up to £25,000.00 ..."
};
Route RouteDecision(const DelegationScheme& scheme, std::string_view category,
                    std::optional<std::int64_t> amount_pence);

}  // namespace assent::workflow
