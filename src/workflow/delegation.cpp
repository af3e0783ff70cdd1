#include "workflow/delegation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <toml++/toml.h>

#include "accounts/user.hpp"
#include "core/money.hpp"
#include "core/toml_text.hpp"

namespace assent::workflow {
namespace {

bool IsCategoryKey(std::string_view key) {
  if (key.empty() || key.size() > 60 || key.front() < 'a' || key.front() > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsRole(std::string_view role) {
  auto roles = accounts::Roles();
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// "Procurement" -> "procurement", but "ICT" stays: a label at the start of a sentence
// that is not.
std::string LowerFirst(std::string_view label) {
  std::string out(label);
  if (out.size() >= 2 && out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z')) {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}


}  // namespace

const std::vector<Category>& DefaultCategories() {
  static const std::vector<Category> kCategories = {
      // Reserved to the commissioner by the Police Reform and Social Responsibility Act 2011.
      {"police_and_crime_plan", "Police and crime plan", true},
      {"police_and_crime_objectives", "Police and crime objectives", true},
      {"precept_and_budget", "Precept and budget requirement", true},
      {"chief_constable_appointment",
       "Appointing, suspending or calling on the chief constable to retire", true},
      {"annual_report", "Annual report", true},
      {"general", "General", false},
      {"procurement", "Procurement", false},
      {"contract", "Contracts", false},
      {"grant", "Grants and commissioning", false},
      {"estates", "Estates", false},
      {"ict", "ICT", false},
      {"finance", "Finance", false},
      {"hr", "Human resources", false},
      {"policy", "Policy", false},
      {"partnership", "Partnership working", false},
      {"other", "Other", false},
  };
  return kCategories;
}

const Category* DelegationScheme::FindCategory(std::string_view key) const {
  for (const auto& c : categories) {
    if (c.key == key) return &c;
  }
  return nullptr;
}

bool DelegationScheme::IsReserved(std::string_view category) const {
  const Category* c = FindCategory(category);
  return c && c->reserved;
}

DelegationScheme DefaultScheme() { return DelegationScheme{DefaultCategories(), {}}; }

Result<DelegationScheme> ParseDelegation(std::string_view toml_text, std::string_view where,
                                         std::string_view key_prefix) {
  auto parsed = ParseToml(toml_text, where);
  if (!parsed) return parsed.error();
  toml::table& root = *parsed;
  const auto bad = [&](const std::string& key, const std::string& message) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("key {}{}: {}", key_prefix, key, message),
                std::string(where));
  };
  for (auto&& [k, v] : root) {
    if (k.str() != "categories" && k.str() != "rule") {
      return bad(std::string(k.str()), "is not a delegation key (categories, rule)");
    }
  }

  DelegationScheme scheme = DefaultScheme();
  if (auto node = root.get("categories")) {
    auto* arr = node->as_array();
    if (!arr) return bad("categories", "must be a list of { key, label, reserved } tables");
    std::set<std::string> seen;
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string path = fmt::format("categories[{}]", i);
      auto* t = (*arr)[i].as_table();
      if (!t) return bad(path, "must be a table { key = ..., label = ... }");
      for (auto&& [k, v] : *t) {
        if (k.str() != "key" && k.str() != "label" && k.str() != "reserved") {
          return bad(path + "." + std::string(k.str()), "is not a category key (key, label, reserved)");
        }
      }
      auto key = t->get_as<std::string>("key");
      if (!key) return bad(path + ".key", "is missing or not a string");
      if (!IsCategoryKey(key->get())) {
        return bad(path + ".key",
                   fmt::format("'{}' is not a category key (a-z, 0-9, '_', starting with a letter)",
                               key->get()));
      }
      if (!seen.insert(key->get()).second) {
        return bad(path + ".key", fmt::format("'{}' is listed twice", key->get()));
      }
      auto label = t->get_as<std::string>("label");
      if (!label || label->get().empty()) return bad(path + ".label", "is missing or not a string");
      bool reserved = false;
      if (auto r = t->get("reserved")) {
        auto b = r->value<bool>();
        if (!b) return bad(path + ".reserved", "must be true or false");
        reserved = *b;
      }
      auto existing = std::find_if(scheme.categories.begin(), scheme.categories.end(),
                                   [&](const Category& c) { return c.key == key->get(); });
      if (existing != scheme.categories.end()) {
        // A default category relabelled; a statutory reserved one stays reserved.
        existing->label = label->get();
        existing->reserved = existing->reserved || reserved;
      } else {
        scheme.categories.push_back(Category{key->get(), label->get(), reserved});
      }
    }
  }

  if (auto node = root.get("rule")) {
    auto* arr = node->as_array();
    if (!arr) return bad("rule", "must be an array of tables ([[rule]])");
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string path = fmt::format("rule[{}]", i);
      auto* t = (*arr)[i].as_table();
      if (!t) return bad(path, "must be a table");
      for (auto&& [k, v] : *t) {
        if (k.str() != "role" && k.str() != "categories" && k.str() != "up_to") {
          return bad(path + "." + std::string(k.str()), "is not a rule key (role, categories, up_to)");
        }
      }
      DelegationRule rule;
      auto role = t->get_as<std::string>("role");
      if (!role) return bad(path + ".role", "is missing or not a string");
      if (!IsRole(role->get())) return bad(path + ".role", fmt::format("'{}' is not a role", role->get()));
      rule.role = role->get();
      auto* cats = t->get_as<toml::array>("categories");
      if (!cats || cats->empty()) {
        return bad(path + ".categories", "must be a non-empty list of category keys, or [\"*\"]");
      }
      for (auto& c : *cats) {
        auto key = c.value<std::string>();
        if (!key) return bad(path + ".categories", "must be a list of strings");
        if (*key != "*") {
          const Category* cat = scheme.FindCategory(*key);
          if (!cat) return bad(path + ".categories", fmt::format("'{}' is not a category", *key));
          if (cat->reserved) {
            return bad(path + ".categories",
                       fmt::format("'{}' is a reserved decision: only the commissioner takes it", *key));
          }
        }
        rule.categories.push_back(*key);
      }
      if (auto up = t->get("up_to")) {
        std::optional<double> pounds;
        if (auto n = up->value_exact<int64_t>()) {
          pounds = static_cast<double>(*n);
        } else if (auto f = up->value_exact<double>()) {
          pounds = *f;
        }
        if (!pounds || !std::isfinite(*pounds) || *pounds < 0 || *pounds > 1e13) {
          return bad(path + ".up_to", "must be a sum in pounds, e.g. 25000 or 25000.50");
        }
        double pence = *pounds * 100.0;
        if (std::fabs(pence - std::round(pence)) > 1e-6) {
          return bad(path + ".up_to", "must be a sum in pounds and pence (at most 2 decimal places)");
        }
        rule.up_to_pence = static_cast<std::int64_t>(std::llround(pence));
      }
      scheme.rules.push_back(std::move(rule));
    }
  }
  return scheme;
}

Route RouteDecision(const DelegationScheme& scheme, std::string_view category,
                    std::optional<std::int64_t> amount_pence) {
  const Category* cat = scheme.FindCategory(category);
  std::string commissioner(accounts::RoleLabel("commissioner"));
  if (cat && cat->reserved) {
    return Route{"commissioner", false, fmt::format("{} is a reserved decision", LowerFirst(cat->label))};
  }
  if (!cat) {
    // No category chosen (or one the scheme does not know): nothing shows the decision
    // is not reserved, so only the commissioner may take it -- never a deputy or an
    // officer under delegation.
    return Route{"commissioner", false,
                 fmt::format("no category chosen: only the {} may decide until one is", commissioner)};
  }
  std::string over_limit;  // why the first rule for this category did not apply
  if (cat) {
    for (const auto& rule : scheme.rules) {
      bool listed = std::find(rule.categories.begin(), rule.categories.end(), category) !=
                    rule.categories.end();
      bool any = std::find(rule.categories.begin(), rule.categories.end(), "*") != rule.categories.end();
      if (!listed && !any) continue;
      std::string who(accounts::RoleLabel(rule.role));
      std::string what = listed ? LowerFirst(cat->label) : "any decision not reserved";
      if (!rule.up_to_pence) {
        return Route{rule.role, true, fmt::format("delegated to the {}: {}, with no limit", who, what)};
      }
      if (amount_pence && *amount_pence <= *rule.up_to_pence) {
        return Route{rule.role, true,
                     fmt::format("delegated to the {}: {} up to {}", who, what,
                                 FormatPounds(*rule.up_to_pence))};
      }
      if (over_limit.empty()) {
        over_limit = amount_pence
                         ? fmt::format("above the {}'s limit of {}", who, FormatPounds(*rule.up_to_pence))
                         : fmt::format("no amount given for the {}'s limit of {}", who,
                                       FormatPounds(*rule.up_to_pence));
      }
    }
  }
  if (!over_limit.empty()) {
    return Route{"commissioner", true, fmt::format("{}: the {} decides", over_limit, commissioner)};
  }
  return Route{"commissioner", true, fmt::format("not delegated: the {} decides", commissioner)};
}

}  // namespace assent::workflow
