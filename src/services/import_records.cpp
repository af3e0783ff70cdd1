#include "services/import_records.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <filesystem>
#include <set>

#include "import/label_json.hpp"
#include "import/record_reader.hpp"
#include "import/text_file.hpp"

namespace assent::services {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string hex;
  for (unsigned char c : digest) hex += fmt::format("{:02x}", c);
  return hex;
}

Result<std::vector<ImportOutcome>> ImportFiles(storage::Store& store,
                                               const std::vector<decisions::Form>& forms,
                                               const std::vector<std::string>& paths) {
  std::vector<ImportOutcome> outcomes;
  std::vector<std::string> errors;
  storage::ChangeSet changes;
  std::set<std::string> hashes_in_batch;
  std::vector<size_t> inserted_outcome;  // outcome index per inserted decision
  for (const auto& path : paths) {
    std::string name = std::filesystem::path(path).filename().string();
    auto text = import::ReadTextFile(path);
    if (!text) {
      errors.push_back(text.error().ToString());
      continue;
    }
    std::string hash = Sha256Hex(*text);
    auto seen = store.FindDecisionBySourceHash(hash);
    if (!seen) return seen.error();
    if (seen->has_value() || hashes_in_batch.count(hash)) {
      ImportOutcome o{path, {}, {}, seen->value_or(0), true};
      if (seen->has_value()) {
        if (auto existing = store.FindDecisionById(**seen)) {
          o.body = existing->body;
          o.reference = existing->reference;
        }
      }
      outcomes.push_back(std::move(o));
      continue;
    }
    auto record = import::ReadDecisionText(*text, name, forms);
    if (!record) {
      errors.push_back(record.error().ToString());
      continue;
    }
    decisions::Decision d = std::move(record->decision);
    d.source = name;
    d.source_hash = hash;
    if (auto body = store.FindBody(d.body); !body) {
      errors.push_back(fmt::format("{}: the form is {}'s, but this store has no body '{}'",
                                   name, record->form ? record->form->body_name : d.body, d.body));
      continue;
    }
    if (auto v = decisions::Validate(d); !v) {
      errors.push_back(fmt::format("{}: {}", name, v.error().ToString()));
      continue;
    }
    hashes_in_batch.insert(hash);
    outcomes.push_back({path, d.body, d.reference, 0, false});
    inserted_outcome.push_back(outcomes.size() - 1);
    changes.insert_decisions.push_back(std::move(d));
  }
  if (!errors.empty()) {
    std::string message = "nothing was imported:";
    for (const auto& e : errors) message += "\n  " + e;
    return Fail(ErrorCode::kInvalidInput, message);
  }
  if (!changes.empty()) {
    auto applied = store.Apply(changes);
    if (!applied) return applied.error();
    for (size_t i = 0; i < applied->inserted_ids.size(); ++i) {
      outcomes[inserted_outcome[i]].id = applied->inserted_ids[i];
    }
  }
  return outcomes;
}

Result<std::string> DryRunJson(const std::vector<decisions::Form>& forms, const std::string& path) {
  auto text = import::ReadTextFile(path);
  if (!text) return text.error();
  auto record = import::ReadDecisionText(*text, std::filesystem::path(path).filename().string(), forms);
  if (!record) return record.error();
  return import::ToLabelJson(*record);
}

}  // namespace assent::services
