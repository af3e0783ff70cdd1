#pragma once
// The forward plan (issue 5): the decisions a body expects to take, with planned dates,
// published so the public and the Police and Crime Panel know what is coming. Entered by
// staff, linked to the decision once it is taken; slippage is planned against actual in
// working days. Values and pure rules; no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "publication/calendar_data.hpp"

namespace assent::publication {

// One forthcoming decision. Every field is public by nature (a forward plan is published),
// except which decision it is linked to, which the public sees only once that decision is
// published.
struct ForwardPlanItem {
  std::int64_t id = 0;       // assigned by the store
  std::int64_t version = 0;  // optimistic concurrency, like decisions
  std::string body;
  std::string title;
  std::string summary;
  std::string decision_maker;  // "Police & Crime Commissioner", "Joint Management Board"
  Date planned_date;
  bool part2_expected = false;  // a confidential Part 2 is expected
  std::int64_t decision_id = 0; // the decision once taken; 0 while not linked
  std::string created_by;       // username
  std::string created_at;       // UTC instant
  std::string updated_by;
  std::string updated_at;
  friend bool operator==(const ForwardPlanItem&, const ForwardPlanItem&) = default;
};

// What staff typed, before it is checked.
struct ForwardPlanInput {
  std::string title;
  std::string summary;
  std::string decision_maker;
  std::string planned_date;  // YYYY-MM-DD
  bool part2_expected = false;
};

// One problem per field ("title", "summary", "decision_maker", "planned_date"), each a
// kInvalidInput error naming its field; empty when the input is good.
std::vector<Error> ForwardPlanProblems(const ForwardPlanInput& input);

// The checked values applied to `item` (trimmed), or the first problem.
Result<ForwardPlanItem> ApplyForwardPlanInput(ForwardPlanItem item, const ForwardPlanInput& input);

// Planned against actual.
enum class SlipKind {
  kUpcoming,  // planned date still to come, not taken yet
  kDue,       // planned for today, not taken yet
  kSlipping,  // planned date passed, not taken yet: slipped by `working_days` so far
  kTaken,     // taken: `working_days` after the planned date (negative: early)
};
struct Slippage {
  SlipKind kind = SlipKind::kUpcoming;
  int working_days = 0;
  // "Planned for 5 May 2026", "Due today", "Slipped by 3 working days",
  // "Taken on the planned date", "Taken 2 working days late", "Taken 1 working day early"
  std::string text;
};

// `taken` is the decision date of the linked decision, when it has one (the caller
// decides what it may know: the public side passes only a published decision's date).
Result<Slippage> SlippageOf(const Calendar& calendar, std::string_view rule, Date planned,
                            std::optional<Date> taken, Date today);

}  // namespace assent::publication
