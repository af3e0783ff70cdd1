#include "storage/sqlite/forward_plan_rows.hpp"

#include <fmt/format.h>

namespace assent::storage::sqlite {
namespace {

using publication::ForwardPlanItem;

constexpr const char* kBodyKnown = "SELECT 1 FROM bodies WHERE slug = ?1";
constexpr const char* kDecisionOfBody = "SELECT 1 FROM decisions WHERE id = ?1 AND body = ?2";
constexpr const char* kInsertItem = R"sql(
INSERT INTO forward_plan_items (version, body, title, summary, decision_maker, planned_date,
  part2_expected, decision_id, created_by, created_at, updated_by, updated_at)
VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql";
constexpr const char* kUpdateItem = R"sql(
UPDATE forward_plan_items SET version = version + 1, title = ?1, summary = ?2, decision_maker = ?3,
  planned_date = ?4, part2_expected = ?5, decision_id = ?6, updated_by = ?7, updated_at = ?8
WHERE id = ?9 AND version = ?10 AND body = ?11)sql";
#define ASSENT_FORWARD_PLAN_COLUMNS                                                                \
  "SELECT id, version, body, title, summary, decision_maker, planned_date, part2_expected, "     \
  "decision_id, created_by, created_at, updated_by, updated_at FROM forward_plan_items "
constexpr const char* kSelectPlan = ASSENT_FORWARD_PLAN_COLUMNS "WHERE body = ?1 ORDER BY planned_date, id";
constexpr const char* kSelectItem = ASSENT_FORWARD_PLAN_COLUMNS "WHERE id = ?1";
#undef ASSENT_FORWARD_PLAN_COLUMNS

Result<bool> Exists(Database& db, const char* sql, auto&&... params) {
  auto st = db.Prepare(sql);
  if (!st) return st.error();
  int i = 0;
  (st->Bind(++i, params), ...);
  auto row = st->Step();
  if (!row) return row.error();
  return *row;
}

Result<void> Check(Database& db, const ForwardPlanItem& item) {
  auto body = Exists(db, kBodyKnown, item.body);
  if (!body) return body.error();
  if (!*body) return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", item.body), "body");
  if (item.decision_id != 0) {
    auto of_body = Exists(db, kDecisionOfBody, item.decision_id, item.body);
    if (!of_body) return of_body.error();
    if (!*of_body) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("decision {} is not a decision of '{}'", item.decision_id, item.body), "decision");
    }
  }
  return Ok();
}

Result<ForwardPlanItem> ItemFromRow(const Statement& st) {
  ForwardPlanItem item;
  item.id = st.Int(0);
  item.version = st.Int(1);
  item.body = st.Text(2);
  item.title = st.Text(3);
  item.summary = st.Text(4);
  item.decision_maker = st.Text(5);
  auto planned = Date::ParseIso(st.Text(6));
  if (!planned) return Fail(ErrorCode::kInternal, fmt::format("forward plan item {}: bad planned_date", item.id));
  item.planned_date = *planned;
  item.part2_expected = st.Int(7) != 0;
  item.decision_id = st.Int(8);
  item.created_by = st.Text(9);
  item.created_at = st.Text(10);
  item.updated_by = st.Text(11);
  item.updated_at = st.Text(12);
  return item;
}

}  // namespace

Result<void> WriteForwardPlanItems(Database& db, const ChangeSet& changes, ApplyResult& result) {
  for (const auto& item : changes.insert_forward_plan_items) {
    if (auto r = Check(db, item); !r) return r;
    auto st = db.Prepare(kInsertItem);
    if (!st) return st.error();
    st->Bind(1, item.body).Bind(2, item.title).Bind(3, item.summary).Bind(4, item.decision_maker)
        .Bind(5, item.planned_date.ToIso()).Bind(6, item.part2_expected ? 1 : 0).Bind(7, item.decision_id)
        .Bind(8, item.created_by).Bind(9, item.created_at).Bind(10, item.updated_by).Bind(11, item.updated_at);
    if (auto r = st->Run(); !r) return r;
    result.inserted_forward_plan_ids.push_back(db.LastInsertId());
  }
  for (const auto& item : changes.update_forward_plan_items) {
    if (auto r = Check(db, item); !r) return r;
    auto st = db.Prepare(kUpdateItem);
    if (!st) return st.error();
    st->Bind(1, item.title).Bind(2, item.summary).Bind(3, item.decision_maker).Bind(4, item.planned_date.ToIso())
        .Bind(5, item.part2_expected ? 1 : 0).Bind(6, item.decision_id).Bind(7, item.updated_by)
        .Bind(8, item.updated_at).Bind(9, item.id).Bind(10, item.version).Bind(11, item.body);
    if (auto r = st->Run(); !r) return r;
    if (db.Changes() != 1) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("forward plan item {} was changed by someone else since it was read; reload it "
                              "and try again",
                              item.id));
    }
  }
  return Ok();
}

Result<std::vector<ForwardPlanItem>> ReadForwardPlan(Database& db, std::string_view body) {
  auto st = db.Prepare(kSelectPlan);
  if (!st) return st.error();
  st->Bind(1, body);
  std::vector<ForwardPlanItem> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) return out;
    auto item = ItemFromRow(*st);
    if (!item) return item.error();
    out.push_back(std::move(*item));
  }
}

Result<ForwardPlanItem> ReadForwardPlanItem(Database& db, std::int64_t id) {
  auto st = db.Prepare(kSelectItem);
  if (!st) return st.error();
  st->Bind(1, id);
  auto row = st->Step();
  if (!row) return row.error();
  if (!*row) return Fail(ErrorCode::kNotFound, fmt::format("no forward plan item {}", id));
  return ItemFromRow(*st);
}

}  // namespace assent::storage::sqlite
