#include "storage/postgres/forward_plan_rows.hpp"

#include <fmt/format.h>

namespace assent::storage::postgres {
namespace {

using publication::ForwardPlanItem;

constexpr const char* kBodyKnown = "SELECT 1 FROM bodies WHERE slug = $1";
constexpr const char* kDecisionOfBody = "SELECT 1 FROM decisions WHERE id = $1 AND body = $2";
constexpr const char* kInsertItem = R"sql(
INSERT INTO forward_plan_items (version, body, title, summary, decision_maker, planned_date,
  part2_expected, decision_id, created_by, created_at, updated_by, updated_at)
VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id)sql";
constexpr const char* kUpdateItem = R"sql(
UPDATE forward_plan_items SET version = version + 1, title = $1, summary = $2, decision_maker = $3,
  planned_date = $4, part2_expected = $5, decision_id = $6, updated_by = $7, updated_at = $8
WHERE id = $9 AND version = $10 AND body = $11)sql";
#define ASSENT_FORWARD_PLAN_COLUMNS                                                            \
  "SELECT id, version, body, title, summary, decision_maker, planned_date, part2_expected, " \
  "decision_id, created_by, created_at, updated_by, updated_at FROM forward_plan_items "
constexpr const char* kSelectPlan = ASSENT_FORWARD_PLAN_COLUMNS "WHERE body = $1 ORDER BY planned_date, id";
constexpr const char* kSelectItem = ASSENT_FORWARD_PLAN_COLUMNS "WHERE id = $1";
#undef ASSENT_FORWARD_PLAN_COLUMNS

Result<void> Check(Connection& db, const ForwardPlanItem& item) {
  auto body = db.Query(kBodyKnown, Params().Add(item.body));
  if (!body) return body.error();
  if (body->empty()) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("no body '{}' in this store", item.body), "body");
  }
  if (item.decision_id != 0) {
    auto of_body = db.Query(kDecisionOfBody, Params().Add(item.decision_id).Add(item.body));
    if (!of_body) return of_body.error();
    if (of_body->empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("decision {} is not a decision of '{}'", item.decision_id, item.body), "decision");
    }
  }
  return Ok();
}

Result<ForwardPlanItem> ItemFromRow(const Rows& rows, int i) {
  ForwardPlanItem item;
  item.id = rows.Int(i, 0);
  item.version = rows.Int(i, 1);
  item.body = rows.Text(i, 2);
  item.title = rows.Text(i, 3);
  item.summary = rows.Text(i, 4);
  item.decision_maker = rows.Text(i, 5);
  auto planned = Date::ParseIso(rows.Text(i, 6));
  if (!planned) return Fail(ErrorCode::kInternal, fmt::format("forward plan item {}: bad planned_date", item.id));
  item.planned_date = *planned;
  item.part2_expected = rows.OptBool(i, 7).value_or(false);
  item.decision_id = rows.Int(i, 8);
  item.created_by = rows.Text(i, 9);
  item.created_at = rows.Text(i, 10);
  item.updated_by = rows.Text(i, 11);
  item.updated_at = rows.Text(i, 12);
  return item;
}

}  // namespace

Result<void> WriteForwardPlanItems(Connection& db, const ChangeSet& changes, ApplyResult& result) {
  for (const auto& item : changes.insert_forward_plan_items) {
    if (auto r = Check(db, item); !r) return r;
    auto rows = db.Query(kInsertItem, Params().Add(item.body).Add(item.title).Add(item.summary)
                                          .Add(item.decision_maker).Add(item.planned_date.ToIso())
                                          .Add(std::optional<bool>(item.part2_expected)).Add(item.decision_id)
                                          .Add(item.created_by).Add(item.created_at).Add(item.updated_by)
                                          .Add(item.updated_at));
    if (!rows) return rows.error();
    result.inserted_forward_plan_ids.push_back(rows->Int(0, 0));
  }
  for (const auto& item : changes.update_forward_plan_items) {
    if (auto r = Check(db, item); !r) return r;
    auto rows = db.Query(kUpdateItem, Params().Add(item.title).Add(item.summary).Add(item.decision_maker)
                                          .Add(item.planned_date.ToIso())
                                          .Add(std::optional<bool>(item.part2_expected)).Add(item.decision_id)
                                          .Add(item.updated_by).Add(item.updated_at).Add(item.id)
                                          .Add(item.version).Add(item.body));
    if (!rows) return rows.error();
    if (rows->affected() != 1) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("forward plan item {} was changed by someone else since it was read; reload it "
                              "and try again",
                              item.id));
    }
  }
  return Ok();
}

Result<std::vector<ForwardPlanItem>> ReadForwardPlan(Connection& db, std::string_view body) {
  auto rows = db.Query(kSelectPlan, Params().Add(body));
  if (!rows) return rows.error();
  std::vector<ForwardPlanItem> out;
  for (int i = 0; i < rows->size(); ++i) {
    auto item = ItemFromRow(*rows, i);
    if (!item) return item.error();
    out.push_back(std::move(*item));
  }
  return out;
}

Result<ForwardPlanItem> ReadForwardPlanItem(Connection& db, std::int64_t id) {
  auto rows = db.Query(kSelectItem, Params().Add(id));
  if (!rows) return rows.error();
  if (rows->empty()) return Fail(ErrorCode::kNotFound, fmt::format("no forward plan item {}", id));
  return ItemFromRow(*rows, 0);
}

}  // namespace assent::storage::postgres
