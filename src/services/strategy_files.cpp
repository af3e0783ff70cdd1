#include "services/strategy_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "decisions/decision.hpp"
#include "publication/public_decision.hpp"
#include "services/catalogue.hpp"
#include "strategy/strategy_file.hpp"

namespace assent::services {

Result<strategy::Catalogue> LoadStrategies(const std::string& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("cannot list strategies ({})", ec.message()), dir);
  }
  std::sort(files.begin(), files.end());
  std::vector<strategy::Strategy> strategies;
  std::vector<strategy::NationalStrategy> national;
  for (const auto& f : files) {
    auto text = ReadWholeFile(f.string());
    if (!text) return text.error();
    if (f.filename() == "national.toml") {
      auto n = strategy::ParseNationalStrategies(*text, f.string());
      if (!n) return n.error();
      national = std::move(*n);
      continue;
    }
    auto s = strategy::ParseStrategy(*text, f.string());
    if (!s) return s.error();
    strategies.push_back(std::move(*s));
  }
  return strategy::Catalogue::Build(std::move(strategies), std::move(national));
}

Result<std::vector<std::string>> CheckStrategiesAgainstRegister(storage::Store& store,
                                                                const strategy::Catalogue& catalogue) {
  std::vector<std::string> problems;
  for (const auto& s : catalogue.strategies()) {
    auto body = store.FindBody(s.body);
    if (!body) {
      if (body.error().code != ErrorCode::kNotFound) return body.error();
      problems.push_back(fmt::format("{}: body '{}' is not on the register", s.file, s.body));
      continue;
    }
    for (size_t i = 0; i < s.versions.size(); ++i) {
      const auto& v = s.versions[i];
      if (v.decision.empty()) continue;
      auto d = store.FindDecision(s.body, decisions::ReferenceSlug(v.decision));
      if (!d && d.error().code != ErrorCode::kNotFound) return d.error();
      auto pub = d ? publication::MakePublicDecision(*d, *body)
                   : Result<publication::PublicDecision>(d.error());
      if (!pub) {
        problems.push_back(fmt::format(
            "{}: key version[{}].decision: decision {} is not on the {} register (yet)", s.file, i,
            v.decision, s.body));
      } else if (pub->decision_date && *pub->decision_date != v.approved) {
        problems.push_back(fmt::format(
            "{}: key version[{}].approved: {} but decision {} is dated {}", s.file, i,
            v.approved.ToIso(), v.decision, pub->decision_date->ToIso()));
      }
    }
  }
  return problems;
}

}  // namespace assent::services
