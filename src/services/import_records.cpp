#include "services/import_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/hash.hpp"
#include "import/document_file.hpp"
#include "import/label_json.hpp"
#include "import/record_reader.hpp"
#include "services/import_review.hpp"

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
    case ImportStatus::kQueued: return "queued for review";
    case ImportStatus::kConfirmed: return "confirmed";
    case ImportStatus::kFailed: return "failed";
    case ImportStatus::kDuplicate: return "duplicate";
  }
  return "failed";
}

ImportSummary Summarise(const std::vector<ImportOutcome>& outcomes) {
  ImportSummary s;
  for (const auto& o : outcomes) {
    switch (o.status) {
      case ImportStatus::kQueued: ++s.queued; break;
      case ImportStatus::kConfirmed: ++s.confirmed; break;
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
      auto queued = store->FindImportReviewBySourceHash(hash);
      if (!queued) return queued.error();
      if (!queued->has_value()) {  // a register table's rows are keyed by the file's hash and the row
        queued = store->FindImportReviewBySourceHash(RowSourceHash(hash, 1));
        if (!queued) return queued.error();
      }
      auto seen = store->FindDecisionBySourceHash(hash);
      if (!seen) return seen.error();
      if (queued->has_value() || seen->has_value()) {
        o.status = ImportStatus::kDuplicate;
        if (queued->has_value()) {
          o.review_id = **queued;
          if (auto item = store->FindImportReview(o.review_id)) {
            o.body = item->body;
            o.reference = item->reference;
            o.id = item->decision_id;
          }
        }
        if (seen->has_value()) {
          o.id = **seen;
          if (auto existing = store->FindDecisionById(o.id)) {
            o.body = existing->body;
            o.reference = existing->reference;
          }
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
    auto records = import::ReadDocumentRecords(file->source.text, name, forms);
    if (!records) {
      outcomes.push_back(Failed(path, records.error()));
      continue;
    }
    // One outcome per record: a register table gives one per row.
    std::vector<ImportOutcome> read;
    for (auto& record : *records) {
      decisions::Decision& d = record.decision;
      d.source = name;
      d.source_hash = record.row > 0 ? RowSourceHash(hash, record.row) : hash;
      ImportOutcome r = o;
      r.row = record.row;
      r.body = d.body;
      r.reference = d.reference;
      r.json = import::ToLabelJson(record, &file->source, -1);
      auto counts = CountKeyFields(record);
      r.unknown_fields = counts.unknown;
      r.low_confidence_fields = counts.low_confidence;
      r.message = JoinReasons(record.review_reasons);
      r.status = ImportStatus::kQueued;
      read.push_back(std::move(r));
    }
    auto confirm = [&](const import::ImportedRecord& record) {
      return options.confirm == AutoConfirm::kAll || (options.confirm == AutoConfirm::kClean && IsClean(record));
    };
    if (!store) {
      // A dry run: what a confirmation would check without the store.
      for (size_t k = 0; k < read.size(); ++k) {
        if (confirm((*records)[k])) {
          decisions::Decision published = (*records)[k].decision;
          published.status = decisions::Status::kPublished;
          if (auto v = decisions::Validate(published); v) read[k].status = ImportStatus::kConfirmed;
        }
        if (!options.want_json) read[k].json.clear();
        outcomes.push_back(std::move(read[k]));
      }
      continue;
    }
    // The file's records are queued together, with the original file once.
    storage::ChangeSet changes;
    std::string file_sha256 = Sha256Hex(file->bytes);
    changes.put_blobs.push_back({file_sha256, file->bytes});
    for (size_t k = 0; k < read.size(); ++k) {
      const auto& record = (*records)[k];
      const decisions::Decision& d = record.decision;
      storage::ImportReview item;
      item.body = d.body;
      item.form = d.form;
      item.reference = d.reference;
      item.title = d.title;
      item.source_name = name;
      item.source_hash = d.source_hash;
      item.file_sha256 = file_sha256;
      item.file_size = static_cast<std::int64_t>(file->bytes.size());
      item.source_kind = file->source.kind;
      item.record_json = read[k].json;
      item.source_text = file->source.text;
      item.page_first_line = file->source.page_first_line;
      item.unknown_fields = read[k].unknown_fields;
      item.low_confidence_fields = read[k].low_confidence_fields;
      item.queued_at = options.now.ToIso();
      item.queued_by = options.audit_actor;
      audit::NewEvent event;
      event.at = options.now.ToIso();
      event.actor = options.audit_actor;
      event.action = std::string(audit::action::kImportQueue);
      event.detail = fmt::format("queued {}{} for review ({} {}; {} unknown, {} low-confidence key fields)", name,
                                 record.row > 0 ? fmt::format(" row {}", record.row) : "", d.body,
                                 d.reference.empty() ? "no reference" : d.reference, read[k].unknown_fields,
                                 read[k].low_confidence_fields);
      changes.audit.push_back(std::move(event));
      changes.insert_import_reviews.push_back(std::move(item));
    }
    auto applied = store->Apply(changes);
    if (!applied) {
      if (StoreDown(applied.error())) return applied.error();
      outcomes.push_back(Failed(path, Error{applied.error().code, fmt::format("{}: {}", name, applied.error().ToString()), ""}));
      continue;
    }
    for (size_t k = 0; k < read.size(); ++k) {
      ImportOutcome& r = read[k];
      const auto& record = (*records)[k];
      r.review_id = applied->inserted_review_ids.at(k);
      if (!options.want_json) r.json.clear();
      if (confirm(record)) {
        Reviewer reviewer;
        reviewer.name = options.audit_actor;
        auto confirmed = ConfirmImport(*store, forms, r.review_id, 1, CorrectionsAsRead(record), reviewer, options.now);
        if (confirmed) {
          r.status = ImportStatus::kConfirmed;
          r.id = *confirmed;
          r.message.clear();
        } else if (StoreDown(confirmed.error())) {
          return confirmed.error();
        } else {
          r.message = "not confirmed: " + confirmed.error().ToString();
        }
      }
      outcomes.push_back(std::move(r));
    }
  }
  if (options.progress) options.progress(paths.size(), paths.size(), {});
  return outcomes;
}

}  // namespace assent::services
