#include "storage/sqlite/strategy_rows.hpp"

#include <fmt/format.h>

#include "storage/strategy_row_mapping.hpp"

namespace assent::storage::sqlite {
namespace {

constexpr const char* kBodyKnown = "SELECT 1 FROM bodies WHERE slug = ?1";
constexpr const char* kDecisionOfBody = "SELECT 1 FROM decisions WHERE id = ?1 AND body = ?2";
constexpr const char* kInsertProgress = R"sql(
INSERT INTO strategy_progress (body, strategy, deliverable, happened, text, status, recorded_by,
  recorded_at, source)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql";
constexpr const char* kInsertProposal = R"sql(
INSERT INTO strategy_proposals (body, strategy, label, changes, decision_id, proposed_by, proposed_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql";
// Moving between stores: the rows keep their ids.
constexpr const char* kCopyProgress = R"sql(
INSERT INTO strategy_progress (body, strategy, deliverable, happened, text, status, recorded_by,
  recorded_at, source, id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql";
constexpr const char* kCopyProposal = R"sql(
INSERT INTO strategy_proposals (body, strategy, label, changes, decision_id, proposed_by, proposed_at, id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql";
constexpr const char* kSelectProgress = R"sql(
SELECT id, body, strategy, deliverable, happened, text, status, recorded_by, recorded_at, source
FROM strategy_progress WHERE body = ?1 AND (?2 = '' OR strategy = ?2) ORDER BY id)sql";
constexpr const char* kSelectProposals = R"sql(
SELECT id, body, strategy, label, changes, decision_id, proposed_by, proposed_at
FROM strategy_proposals WHERE body = ?1 AND (?2 = '' OR strategy = ?2) ORDER BY id)sql";

Result<bool> Exists(Database& db, const char* sql, auto&&... params) {
  auto st = db.Prepare(sql);
  if (!st) return st.error();
  int i = 0;
  (st->Bind(++i, params), ...);
  auto row = st->Step();
  if (!row) return row.error();
  return *row;
}

Result<void> CheckBody(Database& db, const std::string& body) {
  auto known = Exists(db, kBodyKnown, body);
  if (!known) return known.error();
  if (!*known) return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", body), "body");
  return Ok();
}

// A copied row (keep_id) is written with its id.
Result<void> InsertProgress(Database& db, const strategy::RecordedProgress& p, bool keep_id) {
  if (auto r = CheckBody(db, p.body); !r) return r;
  auto st = db.Prepare(keep_id ? kCopyProgress : kInsertProgress);
  if (!st) return st.error();
  st->Bind(1, p.body).Bind(2, p.strategy).Bind(3, p.deliverable).Bind(4, p.when.ToIso())
      .Bind(5, p.text).Bind(6, StatusToColumn(p.status)).Bind(7, p.recorded_by)
      .Bind(8, p.recorded_at).Bind(9, p.source);
  if (keep_id) st->Bind(10, p.id);
  return st->Run();
}

Result<void> InsertProposal(Database& db, const strategy::VersionProposal& p, bool keep_id = false) {
  auto of_body = Exists(db, kDecisionOfBody, p.decision_id, p.body);
  if (!of_body) return of_body.error();
  if (!*of_body) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("decision {} is not a decision of '{}'", p.decision_id, p.body), "decision");
  }
  auto st = db.Prepare(keep_id ? kCopyProposal : kInsertProposal);
  if (!st) return st.error();
  st->Bind(1, p.body).Bind(2, p.strategy).Bind(3, p.label).Bind(4, p.changes)
      .Bind(5, p.decision_id).Bind(6, p.proposed_by).Bind(7, p.proposed_at);
  if (keep_id) st->Bind(8, p.id);
  return st->Run();
}

}  // namespace

Result<void> WriteStrategyRows(Database& db, const ChangeSet& changes, const ApplyResult& applied) {
  for (const auto& p : changes.copy_strategy_progress) {
    if (auto r = InsertProgress(db, p, true); !r) return r;
  }
  for (const auto& p : changes.copy_strategy_proposals) {
    if (auto r = InsertProposal(db, p, true); !r) return r;
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

Result<std::vector<strategy::RecordedProgress>> ReadStrategyProgress(Database& db, std::string_view body,
                                                                     std::string_view strategy) {
  auto st = db.Prepare(kSelectProgress);
  if (!st) return st.error();
  st->Bind(1, body).Bind(2, strategy);
  std::vector<strategy::RecordedProgress> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) break;
    auto when = HappenedFromColumn(st->Text(4));
    if (!when) return when.error();
    auto status = StatusFromColumn(st->OptText(6));
    if (!status) return status.error();
    out.push_back({.id = st->Int(0), .body = st->Text(1), .strategy = st->Text(2),
                   .deliverable = st->Text(3), .when = *when, .text = st->Text(5),
                   .status = *status, .recorded_by = st->Text(7), .recorded_at = st->Text(8),
                   .source = st->Text(9)});
  }
  return out;
}

Result<std::vector<strategy::VersionProposal>> ReadStrategyProposals(Database& db, std::string_view body,
                                                                     std::string_view strategy) {
  auto st = db.Prepare(kSelectProposals);
  if (!st) return st.error();
  st->Bind(1, body).Bind(2, strategy);
  std::vector<strategy::VersionProposal> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back({.id = st->Int(0), .body = st->Text(1), .strategy = st->Text(2), .label = st->Text(3),
                   .changes = st->Text(4), .decision_id = st->Int(5), .proposed_by = st->Text(6),
                   .proposed_at = st->Text(7)});
  }
  return out;
}

}  // namespace assent::storage::sqlite
