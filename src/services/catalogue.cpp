#include "services/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "core/toml_text.hpp"

namespace assent::services {

const decisions::Form* Catalogue::FindForm(std::string_view id) const {
  for (const auto& f : forms) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const workflow::DelegationScheme& Catalogue::SchemeFor(std::string_view body) const {
  static const workflow::DelegationScheme kDefault = workflow::DefaultScheme();
  auto it = schemes.find(body);
  return it == schemes.end() ? kDefault : it->second;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("cannot read file ({})", std::strerror(errno)), path);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::vector<decisions::Form>> LoadForms(const std::string& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("cannot list forms ({})", ec.message()), dir);
  }
  std::sort(files.begin(), files.end());
  std::vector<decisions::Form> forms;
  for (const auto& f : files) {
    auto text = ReadWholeFile(f.string());
    if (!text) return text.error();
    auto form = decisions::ParseForm(*text, f.string());
    if (!form) return form.error();
    for (const auto& other : forms) {
      if (other.id == form->id) {
        return Fail(ErrorCode::kInvalidInput,
                    fmt::format("key id: '{}' is also the id of another form", form->id),
                    f.string());
      }
    }
    forms.push_back(std::move(*form));
  }
  return forms;
}

Result<std::vector<decisions::Body>> LoadBodiesFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text) return text.error();
  return decisions::ParseBodies(*text, path);
}

Result<std::map<std::string, workflow::DelegationScheme, std::less<>>> LoadDelegationSchemes(
    const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text) return text.error();
  auto parsed = ParseToml(*text, path);
  if (!parsed) return parsed.error();
  toml::table& root = *parsed;
  std::map<std::string, workflow::DelegationScheme, std::less<>> schemes;
  auto* bodies = root.get_as<toml::array>("body");
  if (!bodies) return schemes;  // ParseBodies reports a file without bodies
  for (size_t i = 0; i < bodies->size(); ++i) {
    auto* body = (*bodies)[i].as_table();
    if (!body) continue;
    auto* slug = body->get_as<std::string>("slug");
    auto* node = body->get("delegation");
    if (!slug || !node) continue;
    std::string prefix = fmt::format("body[{}].delegation", i);
    auto* table = node->as_table();
    if (!table) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("key {}: must be a table ([body.delegation])", prefix), path);
    }
    // The table's content as TOML text, for the parser of the scheme (which names keys
    // from here on).
    std::ostringstream content;
    content << *table;
    auto scheme = workflow::ParseDelegation(content.str(), path, prefix + ".");
    if (!scheme) return scheme.error();
    schemes.emplace(slug->get(), std::move(*scheme));
  }
  return schemes;
}

Result<void> CheckBodiesHaveForms(const std::vector<decisions::Body>& bodies,
                                  const Catalogue& catalogue, std::string_view where) {
  for (size_t i = 0; i < bodies.size(); ++i) {
    if (!catalogue.FindForm(bodies[i].form)) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("key body[{}].form: no form '{}' in the forms directory", i,
                              bodies[i].form),
                  std::string(where));
    }
  }
  return Ok();
}

}  // namespace assent::services
