#include "storage/change_support.hpp"

#include <fmt/format.h>

#include <map>

#include "audit/event.hpp"
#include "core/hash.hpp"
#include "core/text.hpp"

namespace assent::storage {
namespace {

// The store keeps what the strategy services checked against the catalogue; it checks
// only that each row is whole (the catalogue is not the store's to know).
Result<void> PrecheckStrategyChanges(const ChangeSet& changes) {
  for (const auto* list : {&changes.insert_strategy_progress, &changes.copy_strategy_progress}) {
    for (const auto& p : *list) {
      if (p.body.empty() || p.strategy.empty() || p.deliverable.empty()) {
        return Fail(ErrorCode::kInvalidInput, "a progress entry names no body, strategy or deliverable",
                    "strategy progress");
      }
      if (p.text.empty() && !p.status) {
        return Fail(ErrorCode::kInvalidInput, "a progress entry has neither text nor a status",
                    "strategy progress");
      }
    }
  }
  for (const auto& p : changes.copy_strategy_progress) {
    if (p.id <= 0) return Fail(ErrorCode::kInvalidInput, "a copied progress entry has no id", "strategy progress");
  }
  for (const auto& p : changes.copy_strategy_proposals) {
    if (p.id <= 0) return Fail(ErrorCode::kInvalidInput, "a copied version proposal has no id", "strategy proposal");
  }
  for (const auto* list : {&changes.insert_strategy_proposals, &changes.copy_strategy_proposals}) {
    for (const auto& p : *list) {
      if (p.body.empty() || p.strategy.empty() || p.label.empty() || p.decision_id <= 0) {
        return Fail(ErrorCode::kInvalidInput,
                    "a version proposal names no body, strategy, label or decision", "strategy proposal");
      }
    }
  }
  for (const auto& n : changes.insert_proposals_of_new_decisions) {
    const auto& p = n.proposal;
    if (p.body.empty() || p.strategy.empty() || p.label.empty()) {
      return Fail(ErrorCode::kInvalidInput, "a version proposal names no body, strategy or label",
                  "strategy proposal");
    }
    if (n.inserted_decision < 0 ||
        static_cast<std::size_t>(n.inserted_decision) >= changes.insert_decisions.size()) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("version proposal '{}' names inserted decision {}, but the batch inserts {}",
                              p.label, n.inserted_decision, changes.insert_decisions.size()),
                  "strategy proposal");
    }
  }
  return Ok();
}

}  // namespace

Result<void> PrecheckChanges(const ChangeSet& changes) {
  for (const auto& d : changes.insert_decisions) {
    if (auto r = decisions::Validate(d); !r) return r;
  }
  for (const auto& d : changes.update_decisions) {
    if (auto r = decisions::Validate(d); !r) return r;
  }
  for (const auto& b : changes.put_blobs) {
    if (Sha256Hex(b.bytes) != b.sha256) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("the blob's bytes do not hash to its sha256 '{}'", b.sha256),
                  "blob");
    }
  }
  if (auto r = PrecheckStrategyChanges(changes); !r) return r;
  for (const auto* list :
       {&changes.insert_import_reviews, &changes.update_import_reviews, &changes.copy_import_reviews}) {
    for (const auto& r : *list) {
      // PostgreSQL's TEXT holds neither invalid UTF-8 nor NUL: refuse both on every backend.
      for (const std::string* text : {&r.source_text, &r.record_json, &r.title, &r.reference, &r.source_name,
                                      &r.reason}) {
        if (!IsValidUtf8(*text) || text->find('\0') != std::string::npos) {
          return Fail(ErrorCode::kInvalidInput, "text is not valid UTF-8 without NUL characters",
                      fmt::format("import review of {}", r.source_name));
        }
      }
      if (r.inserted_decision >= 0 &&
          static_cast<std::size_t>(r.inserted_decision) >= changes.insert_decisions.size()) {
        return Fail(ErrorCode::kInvalidInput,
                    fmt::format("import review of {} names inserted decision {}, but the batch inserts {}",
                                r.source_name, r.inserted_decision, changes.insert_decisions.size()));
      }
    }
  }
  for (const auto& v : changes.insert_published_versions) {
    if (Sha256Hex(v.public_json) != v.sha256) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("published version {} of decision {} does not hash to its sha256",
                              v.number, v.decision_id),
                  "published_version");
    }
    if (v.kind != "published" && v.kind != "corrected" && v.kind != "withdrawn") {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' is not a kind of published version", v.kind), "published_version");
    }
    if (v.number < 1 || v.decision_id <= 0) {
      return Fail(ErrorCode::kInvalidInput, "a published version needs a decision and a number from 1",
                  "published_version");
    }
  }
  for (const auto& e : changes.audit) {
    if (e.inserted_decision >= 0 &&
        static_cast<std::size_t>(e.inserted_decision) >= changes.insert_decisions.size()) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("audit event '{}' names inserted decision {}, but the batch "
                              "inserts {}",
                              e.action, e.inserted_decision, changes.insert_decisions.size()));
    }
  }
  return Ok();
}

bool ChangesPublicPages(const ChangeSet& changes) {
  return !changes.put_bodies.empty() || !changes.insert_decisions.empty() ||
         !changes.update_decisions.empty() || !changes.copy_decisions.empty() ||
         !changes.copy_reference_counters.empty() || !changes.add_calendar_imports.empty() ||
         !changes.copy_calendar_imports.empty() || !changes.insert_strategy_progress.empty() ||
         !changes.insert_strategy_proposals.empty() || !changes.insert_proposals_of_new_decisions.empty() ||
         !changes.copy_strategy_progress.empty() || !changes.copy_strategy_proposals.empty() ||
         !changes.insert_published_versions.empty() ||
         !changes.insert_forward_plan_items.empty() || !changes.update_forward_plan_items.empty();
}

std::vector<EventTarget> ResolveEventTargets(const ChangeSet& changes,
                                             const ApplyResult& applied) {
  std::vector<EventTarget> out;
  if (changes.audit.empty()) return out;
  // The decisions as written, by id; later writes of an id win (the order Apply writes in:
  // inserts, copies, updates).
  std::map<std::int64_t, const decisions::Decision*> written;
  std::map<std::int64_t, std::int64_t> version;
  for (std::size_t i = 0; i < changes.insert_decisions.size() && i < applied.inserted_ids.size();
       ++i) {
    written[applied.inserted_ids[i]] = &changes.insert_decisions[i];
    version[applied.inserted_ids[i]] = 1;
  }
  for (const auto& d : changes.copy_decisions) {
    written[d.id] = &d;
    version[d.id] = d.version;
  }
  for (std::size_t i = 0; i < changes.update_decisions.size() && i < applied.new_versions.size();
       ++i) {
    const auto& d = changes.update_decisions[i];
    written[d.id] = &d;
    version[d.id] = applied.new_versions[i];
  }
  std::map<std::int64_t, std::string> hashes;  // each written decision hashed once
  for (const auto& e : changes.audit) {
    EventTarget t;
    t.decision_id = e.inserted_decision >= 0
                        ? applied.inserted_ids[static_cast<std::size_t>(e.inserted_decision)]
                        : e.decision_id;
    if (auto it = written.find(t.decision_id); t.decision_id != 0 && it != written.end()) {
      auto h = hashes.find(t.decision_id);
      if (h == hashes.end()) {
        decisions::Decision as_read = *it->second;
        as_read.id = t.decision_id;
        as_read.version = version[t.decision_id];
        h = hashes.emplace(t.decision_id, audit::DecisionRowHash(as_read)).first;
      }
      t.decision_hash = h->second;
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace assent::storage
