#pragma once
// The publication plan of a decided decision, its due date, where it stands on the
// public register, and who may do what to publish it. Pure rules; no I/O.
//
// Who (from the forms and the practice in docs/publication.md):
//   set or replace the plan, withdraw a published decision: Chief Executive, Deputy
//     Chief Executive or Monitoring Officer of the body;
//   publish: those, or a Governance Officer (the plan must allow it);
//   propose a redaction: those, a Governance Officer or the Chief Finance Officer;
//   sign off a redaction: the Chief Executive or the Chief Finance Officer (Treasurer),
//     never the person who proposed it;
//   correct a published decision: the Chief Executive.

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/body.hpp"
#include "decisions/decision.hpp"
#include "publication/public_decision.hpp"
#include "publication/working_days.hpp"
#include "workflow/chain.hpp"

namespace assent::publication {

// What staff asked for; MakePlan checks it.
struct PlanInput {
  decisions::PlanKind kind = decisions::PlanKind::kNone;
  std::string reason;               // defer
  std::optional<Date> until;        // defer
  std::string ground;               // withhold
  std::string withheld_what;        // withhold
  std::optional<Date> review_date;  // withhold
};

// The plan to store, or kInvalidInput naming the field ("deferred_until: the date must be
// after the decision date, 14 April 2022"). Fields the kind does not use are dropped.
// `decision_date` is the decided decision's date; a defer or review date must follow it.
Result<decisions::PublicationPlan> MakePlan(const PlanInput& input,
                                            std::optional<Date> decision_date,
                                            const workflow::Actor& actor, std::string now);

// Whether the plan lets the decision be published on `today`: a publish plan, or a
// deferral whose until-date has come. The refusal says why.
Result<void> PlanAllowsPublication(const decisions::Decision& decision, Date today);

// Where a decision stands on the public register, or nullopt when it is not public:
// published; withdrawn after publication (tombstone); decided with a defer or withhold
// plan (stub). A draft withdrawn before publication, or a decided decision waiting to
// be published, is not public.
std::optional<PublicState> PublicStateOf(const decisions::Decision& decision);

// Part 1 is due this many working days after the decision date, under the body's rule.
// Computed when shown, never stored (a calendar change recomputes it), and recorded in
// the published version when it publishes. kInvalidInput when the decision has no date.
Result<DueDateCalculation> PublicationDueDate(const Calendar& calendar,
                                              const decisions::Body& body,
                                              const decisions::Decision& decision);

// Role checks; the refusal is a sentence naming the roles and what the actor holds.
Result<void> MaySetPlan(const decisions::Decision& decision, const workflow::Actor& actor);
Result<void> MayPublish(const decisions::Decision& decision, const workflow::Actor& actor);
Result<void> MayProposeRedaction(const decisions::Decision& decision, const workflow::Actor& actor);
Result<void> MayCorrect(const decisions::Decision& decision, const workflow::Actor& actor);

// "Publish Part 1 by the due date", "Defer until 1 May 2026: <reason>", "Withhold ...".
std::string DescribePlan(const decisions::PublicationPlan& plan);

}  // namespace assent::publication
