#include <fmt/format.h>

#include <set>
#include <toml++/toml.h>

#include "core/toml_text.hpp"
#include "decisions/body.hpp"
#include "decisions/reference_pattern.hpp"

namespace assent::decisions {

bool IsReservedSlug(std::string_view slug) {
  // First path segments the site itself uses (web/routes.cpp): a body with one of these
  // slugs would be shadowed by the staff pages, the API or the assets.
  for (std::string_view r : {"staff", "api", "assets", "strategies", "healthz"}) {
    if (slug == r) return true;
  }
  return false;
}

bool IsValidSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > 40 || slug.front() == '-' || IsReservedSlug(slug)) return false;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<std::vector<Body>> ParseBodies(std::string_view toml_text, std::string_view where) {
  auto parsed = ParseToml(toml_text, where);
  if (!parsed) return parsed.error();
  toml::table& root = *parsed;
  const auto bad = [&](const std::string& key, const std::string& message) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("key {}: {}", key, message),
                std::string(where));
  };
  std::vector<Body> bodies;
  auto* arr = root.get_as<toml::array>("body");
  if (!arr) return bad("body", "expected one or more [[body]] tables");
  std::set<std::string> slugs;
  size_t i = 0;
  for (auto& el : *arr) {
    std::string path = fmt::format("body[{}].", i++);
    auto* t = el.as_table();
    if (!t) return bad(path, "must be a table");
    Body b;
    const auto str = [&](std::string_view key, std::string& out, bool required) -> bool {
      auto node = t->get(key);
      if (!node) return !required;
      auto s = node->value<std::string>();
      if (!s) return false;
      out = *s;
      return true;
    };
    for (auto [key, out, required] :
         {std::tuple<std::string_view, std::string*, bool>{"slug", &b.slug, true},
          {"name", &b.name, true},
          {"short_name", &b.short_name, false},
          {"reference_pattern", &b.reference_pattern, true},
          {"calendar", &b.calendar, false},
          {"form", &b.form, true},
          {"website", &b.website, false}}) {
      if (!str(key, *out, required)) {
        return bad(path + std::string(key), required ? "is missing or not a string"
                                                     : "must be a string");
      }
    }
    if (IsReservedSlug(b.slug)) {
      return bad(path + "slug", fmt::format("'{}' is a path the site uses itself: choose another slug", b.slug));
    }
    if (!IsValidSlug(b.slug)) {
      return bad(path + "slug", fmt::format("'{}' is not a valid slug (a-z, 0-9, '-')", b.slug));
    }
    if (!slugs.insert(b.slug).second) {
      return bad(path + "slug", fmt::format("'{}' is used by another body", b.slug));
    }
    if (auto p = ReferencePattern::Parse(b.reference_pattern); !p) {
      return bad(path + "reference_pattern", p.error().message);
    }
    if (b.calendar != "england-and-wales" && b.calendar != "any-uk") {
      return bad(path + "calendar",
                 fmt::format("'{}' is not one of england-and-wales, any-uk", b.calendar));
    }
    if (auto node = t->get("publication_working_days")) {
      auto n = node->value<int64_t>();
      if (!n || *n < 0 || *n > 60) {
        return bad(path + "publication_working_days", "must be a whole number from 0 to 60");
      }
      b.publication_working_days = static_cast<int>(*n);
    }
    if (b.short_name.empty()) b.short_name = b.name;
    bodies.push_back(std::move(b));
  }
  return bodies;
}

}  // namespace assent::decisions
