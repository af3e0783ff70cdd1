#pragma once
// Importing decision-record texts into the store. All or nothing: if any file cannot
// be read, matches no form, or names a body the store lacks, nothing is stored and the
// error lists every bad file. A file imported before (same SHA-256) is skipped.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "decisions/form.hpp"
#include "storage/store.hpp"

namespace assent::services {

struct ImportOutcome {
  std::string file;
  std::string body;
  std::string reference;
  std::int64_t id = 0;
  bool already_imported = false;
};

Result<std::vector<ImportOutcome>> ImportFiles(storage::Store& store,
                                               const std::vector<decisions::Form>& forms,
                                               const std::vector<std::string>& paths);

// Reads one file without storing anything and returns the extracted record as the
// label JSON (see import/label_json.hpp).
Result<std::string> DryRunJson(const std::vector<decisions::Form>& forms, const std::string& path);

// Hex SHA-256 of the bytes.
std::string Sha256Hex(std::string_view bytes);

}  // namespace assent::services
