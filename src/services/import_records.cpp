#include "services/import_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/hash.hpp"
#include "import/document_file.hpp"
#include "import/label_json.hpp"
#include "import/record_reader.hpp"

namespace assent::services {
namespace {

namespace fs = std::filesystem;

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

ImportOutcome Failed(const std::string& path, const Error& e) {
  ImportOutcome o;
  o.file = path;
  o.status = ImportStatus::kFailed;
  o.message = e.ToString();
  return o;
}

// The content hash: a PDF's bytes; a text's UTF-8 (so one text saved in two encodings
// is one record).
std::string ContentHash(const import::DocumentFile& file) {
  return Sha256Hex(file.source.kind == "pdf" ? file.bytes : file.source.text);
}

std::string JoinReasons(const std::vector<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons) out += (out.empty() ? "" : "; ") + r;
  return out;
}

bool StoreDown(const Error& e) { return e.code == ErrorCode::kUnavailable || e.code == ErrorCode::kInternal; }

}  // namespace

std::string_view ImportStatusName(ImportStatus status) {
  switch (status) {
    case ImportStatus::kImported: return "imported";
    case ImportStatus::kNeedsReview: return "needs review";
    case ImportStatus::kFailed: return "failed";
    case ImportStatus::kDuplicate: return "duplicate";
  }
  return "failed";
}

ImportSummary Summarise(const std::vector<ImportOutcome>& outcomes) {
  ImportSummary s;
  for (const auto& o : outcomes) {
    switch (o.status) {
      case ImportStatus::kImported: ++s.imported; break;
      case ImportStatus::kNeedsReview: ++s.needs_review; break;
      case ImportStatus::kFailed: ++s.failed; break;
      case ImportStatus::kDuplicate: ++s.duplicates; break;
    }
  }
  return s;
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (Hidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Result<std::vector<ImportOutcome>> ImportFiles(storage::Store* store, const std::vector<decisions::Form>& forms,
                                               const std::vector<std::string>& paths,
                                               const ImportOptions& options) {
  std::vector<ImportOutcome> outcomes;
  std::set<std::string> hashes_in_batch;
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    if (options.progress) options.progress(i, paths.size(), path);
    std::string name = fs::path(path).filename().string();
    auto file = import::ReadDocumentFile(path);
    if (!file) {
      outcomes.push_back(Failed(path, file.error()));
      continue;
    }
    std::string hash = ContentHash(*file);
    ImportOutcome o;
    o.file = path;
    if (store) {
      auto seen = store->FindDecisionBySourceHash(hash);
      if (!seen) return seen.error();
      if (seen->has_value()) {
        o.status = ImportStatus::kDuplicate;
        o.id = **seen;
        if (auto existing = store->FindDecisionById(o.id)) {
          o.body = existing->body;
          o.reference = existing->reference;
        }
        outcomes.push_back(std::move(o));
        continue;
      }
    }
    if (!hashes_in_batch.insert(hash).second) {
      o.status = ImportStatus::kDuplicate;
      o.message = "the same content appears earlier in this batch";
      outcomes.push_back(std::move(o));
      continue;
    }
    auto record = import::ReadDecisionText(file->source.text, name, forms);
    if (!record) {
      outcomes.push_back(Failed(path, record.error()));
      continue;
    }
    if (options.want_json) o.json = import::ToLabelJson(*record, &file->source, -1);
    decisions::Decision& d = record->decision;
    d.source = name;
    d.source_hash = hash;
    o.body = d.body;
    o.reference = d.reference;
    if (!record->review_reasons.empty()) {
      o.status = ImportStatus::kNeedsReview;
      o.message = JoinReasons(record->review_reasons);
      outcomes.push_back(std::move(o));
      continue;
    }
    if (auto v = decisions::Validate(d); !v) {
      o.status = ImportStatus::kFailed;
      o.message = fmt::format("{}: {}", name, v.error().ToString());
      outcomes.push_back(std::move(o));
      continue;
    }
    if (store) {
      if (auto body = store->FindBody(d.body); !body) {
        if (StoreDown(body.error())) return body.error();
        o.status = ImportStatus::kFailed;
        o.message = fmt::format("{}: the form is {}'s, but this store has no body '{}'", name,
                                record->form ? record->form->body_name : d.body, d.body);
        outcomes.push_back(std::move(o));
        continue;
      }
      storage::ChangeSet changes;
      audit::NewEvent event;
      event.at = options.now.ToIso();
      event.actor = options.audit_actor;
      event.action = options.audit_action;
      event.detail = fmt::format("{} {} from {}", options.audit_action == audit::action::kDecisionImport
                                                      ? "imported"
                                                      : "loaded",
                                 d.reference, name);
      event.inserted_decision = 0;
      changes.audit.push_back(std::move(event));
      changes.insert_decisions.push_back(std::move(d));
      auto applied = store->Apply(changes);
      if (!applied) {
        if (StoreDown(applied.error())) return applied.error();
        o.status = ImportStatus::kFailed;
        o.message = fmt::format("{}: {}", name, applied.error().ToString());
        outcomes.push_back(std::move(o));
        continue;
      }
      o.id = applied->inserted_ids.empty() ? 0 : applied->inserted_ids.front();
    }
    o.status = ImportStatus::kImported;
    outcomes.push_back(std::move(o));
  }
  if (options.progress) options.progress(paths.size(), paths.size(), {});
  return outcomes;
}

}  // namespace assent::services
