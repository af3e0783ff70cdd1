#include "storage/postgres/strategy_rows.hpp"

#include <fmt/format.h>

#include "storage/strategy_row_mapping.hpp"

namespace assent::storage::postgres {
namespace {

constexpr const char* kBodyKnown = "SELECT 1 FROM bodies WHERE slug = $1";
constexpr const char* kDecisionOfBody = "SELECT 1 FROM decisions WHERE id = $1 AND body = $2";
constexpr const char* kInsertProgress = R"sql(
INSERT INTO strategy_progress (body, strategy, deliverable, happened, text, status, recorded_by,
  recorded_at, source)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9))sql";
constexpr const char* kInsertProposal = R"sql(
INSERT INTO strategy_proposals (body, strategy, label, changes, decision_id, proposed_by, proposed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7))sql";
// Moving between stores: the rows keep their ids, and new ids start above them.
constexpr const char* kCopyProgress = R"sql(
INSERT INTO strategy_progress (body, strategy, deliverable, happened, text, status, recorded_by,
  recorded_at, source, id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10))sql";
constexpr const char* kCopyProposal = R"sql(
INSERT INTO strategy_proposals (body, strategy, label, changes, decision_id, proposed_by, proposed_at, id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8))sql";
constexpr const char* kResyncProgressIds = R"sql(
SELECT setval(pg_get_serial_sequence('strategy_progress', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM strategy_progress)sql";
constexpr const char* kResyncProposalIds = R"sql(
SELECT setval(pg_get_serial_sequence('strategy_proposals', 'id'), greatest(coalesce(max(id), 0), 1),
              max(id) IS NOT NULL)
FROM strategy_proposals)sql";
constexpr const char* kSelectProgress = R"sql(
SELECT id, body, strategy, deliverable, happened, text, status, recorded_by, recorded_at, source
FROM strategy_progress WHERE body = $1 AND ($2 = '' OR strategy = $2) ORDER BY id)sql";
constexpr const char* kSelectProposals = R"sql(
SELECT id, body, strategy, label, changes, decision_id, proposed_by, proposed_at
FROM strategy_proposals WHERE body = $1 AND ($2 = '' OR strategy = $2) ORDER BY id)sql";

// A copied row (keep_id) is written with its id.
Result<void> InsertProgress(Connection& db, const strategy::RecordedProgress& p, bool keep_id) {
  auto known = db.Query(kBodyKnown, Params().Add(p.body));
  if (!known) return known.error();
  if (known->empty()) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", p.body), "body");
  }
  Params params = Params().Add(p.body).Add(p.strategy).Add(p.deliverable).Add(p.when.ToIso()).Add(p.text)
                      .Add(StatusToColumn(p.status)).Add(p.recorded_by).Add(p.recorded_at).Add(p.source);
  if (keep_id) params.Add(p.id);
  auto r = db.Query(keep_id ? kCopyProgress : kInsertProgress, params);
  if (!r) return r.error();
  return Ok();
}

Result<void> InsertProposal(Connection& db, const strategy::VersionProposal& p, bool keep_id = false) {
  auto of_body = db.Query(kDecisionOfBody, Params().Add(p.decision_id).Add(p.body));
  if (!of_body) return of_body.error();
  if (of_body->empty()) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("decision {} is not a decision of '{}'", p.decision_id, p.body), "decision");
  }
  Params params = Params().Add(p.body).Add(p.strategy).Add(p.label).Add(p.changes).Add(p.decision_id)
                      .Add(p.proposed_by).Add(p.proposed_at);
  if (keep_id) params.Add(p.id);
  auto r = db.Query(keep_id ? kCopyProposal : kInsertProposal, params);
  if (!r) return r.error();
  return Ok();
}

}  // namespace

Result<void> WriteStrategyRows(Connection& db, const ChangeSet& changes, const ApplyResult& applied) {
  for (const auto& p : changes.copy_strategy_progress) {
    if (auto r = InsertProgress(db, p, true); !r) return r;
  }
  if (!changes.copy_strategy_progress.empty()) {
    if (auto r = db.Query(kResyncProgressIds); !r) return r.error();
  }
  for (const auto& p : changes.copy_strategy_proposals) {
    if (auto r = InsertProposal(db, p, true); !r) return r;
  }
  if (!changes.copy_strategy_proposals.empty()) {
    if (auto r = db.Query(kResyncProposalIds); !r) return r.error();
  }
  for (const auto& p : changes.insert_strategy_progress) {
    if (auto r = InsertProgress(db, p, false); !r) return r;
  }
  for (const auto& p : changes.insert_strategy_proposals) {
    if (auto r = InsertProposal(db, p); !r) return r;
  }
  for (const auto& n : changes.insert_proposals_of_new_decisions) {
    strategy::VersionProposal p = n.proposal;
    p.decision_id = applied.inserted_ids.at(static_cast<std::size_t>(n.inserted_decision));
    if (auto r = InsertProposal(db, p); !r) return r;
  }
  return Ok();
}

Result<std::vector<strategy::RecordedProgress>> ReadStrategyProgress(Connection& db, std::string_view body,
                                                                     std::string_view strategy) {
  auto rows = db.Query(kSelectProgress, Params().Add(body).Add(strategy));
  if (!rows) return rows.error();
  std::vector<strategy::RecordedProgress> out;
  for (int i = 0; i < rows->size(); ++i) {
    auto when = HappenedFromColumn(rows->Text(i, 4));
    if (!when) return when.error();
    auto status = StatusFromColumn(rows->OptText(i, 6));
    if (!status) return status.error();
    out.push_back({.id = rows->Int(i, 0), .body = rows->Text(i, 1), .strategy = rows->Text(i, 2),
                   .deliverable = rows->Text(i, 3), .when = *when, .text = rows->Text(i, 5),
                   .status = *status, .recorded_by = rows->Text(i, 7), .recorded_at = rows->Text(i, 8),
                   .source = rows->Text(i, 9)});
  }
  return out;
}

Result<std::vector<strategy::VersionProposal>> ReadStrategyProposals(Connection& db, std::string_view body,
                                                                     std::string_view strategy) {
  auto rows = db.Query(kSelectProposals, Params().Add(body).Add(strategy));
  if (!rows) return rows.error();
  std::vector<strategy::VersionProposal> out;
  for (int i = 0; i < rows->size(); ++i) {
    out.push_back({.id = rows->Int(i, 0), .body = rows->Text(i, 1), .strategy = rows->Text(i, 2),
                   .label = rows->Text(i, 3), .changes = rows->Text(i, 4), .decision_id = rows->Int(i, 5),
                   .proposed_by = rows->Text(i, 6), .proposed_at = rows->Text(i, 7)});
  }
  return out;
}

}  // namespace assent::storage::postgres
