#include <fmt/format.h>

#include <toml++/toml.h>

#include <algorithm>

#include "accounts/user.hpp"
#include "core/toml_text.hpp"
#include "decisions/form.hpp"

namespace assent::decisions {
namespace {

struct Reader {
  std::string_view where;
  std::string error;  // first error, "key x: message"

  void Bad(const std::string& key, const std::string& message) {
    if (error.empty()) error = fmt::format("key {}: {}", key, message);
  }

  std::string Str(const toml::table& t, const std::string& path, std::string_view key,
                  bool required) {
    auto node = t.get(key);
    if (!node) {
      if (required) Bad(path + std::string(key), "is missing");
      return {};
    }
    if (auto s = node->value<std::string>()) return *s;
    Bad(path + std::string(key), "must be a string");
    return {};
  }

  std::vector<std::string> StrList(const toml::table& t, const std::string& path,
                                   std::string_view key) {
    std::vector<std::string> out;
    auto node = t.get(key);
    if (!node) return out;
    auto arr = node->as_array();
    if (!arr) {
      Bad(path + std::string(key), "must be a list of strings");
      return out;
    }
    for (auto& el : *arr) {
      if (auto s = el.value<std::string>()) {
        out.push_back(*s);
      } else {
        Bad(path + std::string(key), "must be a list of strings");
      }
    }
    return out;
  }

  bool Bool(const toml::table& t, const std::string& path, std::string_view key) {
    auto node = t.get(key);
    if (!node) return false;
    if (auto b = node->value<bool>()) return *b;
    Bad(path + std::string(key), "must be true or false");
    return false;
  }

  FieldType Type(const toml::table& t, const std::string& path, FieldType fallback) {
    std::string s = Str(t, path, "type", false);
    if (s.empty()) return fallback;
    if (s == "text") return FieldType::kText;
    if (s == "date") return FieldType::kDate;
    if (s == "yes_no") return FieldType::kYesNo;
    Bad(path + "type", fmt::format("'{}' is not one of text, date, yes_no", s));
    return fallback;
  }

  template <typename F>
  void Tables(const toml::table& root, std::string_view key, F&& each) {
    auto node = root.get(key);
    if (!node) return;
    auto arr = node->as_array();
    if (!arr) {
      Bad(std::string(key), "must be an array of tables ([[" + std::string(key) + "]])");
      return;
    }
    size_t i = 0;
    for (auto& el : *arr) {
      std::string path = fmt::format("{}[{}].", key, i++);
      if (auto tbl = el.as_table()) {
        each(*tbl, path);
      } else {
        Bad(path, "must be a table");
      }
    }
  }

  SignOffBlock Block(const toml::table& t, const std::string& path) {
    SignOffBlock b;
    b.key = Str(t, path, "key", true);
    b.role = Str(t, path, "role", true);
    if (!b.role.empty() && !IsKnownRole(b.role)) {
      Bad(path + "role", fmt::format("'{}' is not a role", b.role));
    }
    b.label = Str(t, path, "label", true);
    b.capacities = StrList(t, path, "capacities");
    b.declaration = Str(t, path, "declaration", false);
    b.advice = Bool(t, path, "advice");
    b.heading = Str(t, path, "heading", false);
    return b;
  }

  std::vector<FormQuestion> Questions(const toml::table& root, std::string_view key) {
    std::vector<FormQuestion> out;
    Tables(root, key, [&](const toml::table& t, const std::string& path) {
      FormQuestion q;
      q.key = Str(t, path, "key", true);
      q.text = Str(t, path, "text", true);
      q.type = Type(t, path, FieldType::kYesNo);
      out.push_back(std::move(q));
    });
    return out;
  }
};

}  // namespace

bool IsKnownRole(std::string_view role) {
  for (auto r : accounts::Roles()) {
    if (r == role) return true;
  }
  return false;
}

const FormSection* Form::FindSection(std::string_view key) const {
  for (const auto& s : sections) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

Result<Form> ParseForm(std::string_view toml_text, std::string_view where) {
  auto parsed = ParseToml(toml_text, where);
  if (!parsed) return parsed.error();
  toml::table& root = *parsed;
  Reader r{where, {}};
  Form form;
  form.id = r.Str(root, "", "id", true);
  form.kind = r.Str(root, "", "kind", true);
  form.title = r.Str(root, "", "title", true);
  form.body = r.Str(root, "", "body", true);
  form.body_name = r.Str(root, "", "body_name", true);
  form.detect = r.StrList(root, "", "detect");
  form.body_detect = r.StrList(root, "", "body_detect");

  r.Tables(root, "fields", [&](const toml::table& t, const std::string& path) {
    FormField f;
    f.key = r.Str(t, path, "key", true);
    f.label = r.Str(t, path, "label", true);
    f.type = r.Type(t, path, FieldType::kText);
    f.aliases = r.StrList(t, path, "aliases");
    form.fields.push_back(std::move(f));
  });
  r.Tables(root, "sections", [&](const toml::table& t, const std::string& path) {
    FormSection s;
    s.key = r.Str(t, path, "key", true);
    s.heading = r.Str(t, path, "heading", true);
    auto part = t.get("part");
    int64_t p = part ? part->value<int64_t>().value_or(0) : 1;
    if (p != 1 && p != 2) r.Bad(path + "part", "must be 1 or 2");
    s.part = p == 2 ? Part::kPart2 : Part::kPart1;
    s.required = r.Bool(t, path, "required");
    s.aliases = r.StrList(t, path, "aliases");
    form.sections.push_back(std::move(s));
  });
  r.Tables(root, "signoffs", [&](const toml::table& t, const std::string& path) {
    form.signoffs.push_back(r.Block(t, path));
  });
  r.Tables(root, "decision_makers", [&](const toml::table& t, const std::string& path) {
    form.decision_makers.push_back(r.Block(t, path));
  });
  form.publication = r.Questions(root, "publication");
  form.media = r.Questions(root, "media");
  if (auto reg = root.get("register")) {
    const toml::table* t = reg->as_table();
    const toml::node* cols = t ? t->get("columns") : nullptr;
    const toml::table* ct = cols ? cols->as_table() : nullptr;
    if (!ct) {
      r.Bad("register", "must be a table with a [register.columns] table of column names");
    } else {
      static constexpr std::string_view kRegisterKeys[] = {"reference", "title", "summary",
                                                           "decision_date", "decision_maker", "outcome"};
      for (const auto& [key, node] : *ct) {
        std::string k(key.str());
        if (std::find(std::begin(kRegisterKeys), std::end(kRegisterKeys), k) == std::end(kRegisterKeys)) {
          r.Bad("register.columns." + k,
                "is not one of reference, title, summary, decision_date, decision_maker, outcome");
          continue;
        }
        RegisterColumn c;
        c.key = k;
        c.names = r.StrList(*ct, "register.columns.", k);
        if (c.names.empty()) r.Bad("register.columns." + k, "needs at least one printed column name");
        form.register_table.columns.push_back(std::move(c));
      }
      bool has_title = std::any_of(form.register_table.columns.begin(), form.register_table.columns.end(),
                                   [](const RegisterColumn& c) { return c.key == "title"; });
      if (!has_title) r.Bad("register.columns", "a register table needs a title column");
    }
  }

  if (r.error.empty() && form.decision_makers.empty()) {
    r.Bad("decision_makers", "a form needs at least one decision maker block");
  }
  if (!r.error.empty()) {
    return Fail(ErrorCode::kInvalidInput, r.error, std::string(where));
  }
  return form;
}

}  // namespace assent::decisions
