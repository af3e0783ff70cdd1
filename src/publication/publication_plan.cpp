#include "publication/publication_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <vector>

#include "accounts/user.hpp"
#include "core/text.hpp"
#include "publication/grounds.hpp"
#include "workflow/lifecycle.hpp"

namespace assent::publication {
namespace {

using decisions::PlanKind;

std::string JoinOr(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

Result<void> NeedOneOf(const decisions::Decision& d, const workflow::Actor& actor,
                       std::initializer_list<std::string_view> roles, std::string_view what) {
  for (auto r : roles) {
    if (actor.Has(d.body, r)) return Ok();
  }
  std::vector<std::string> labels;
  for (auto r : roles) labels.emplace_back(accounts::RoleLabel(r));
  return Fail(ErrorCode::kForbidden,
              fmt::format("{} needs the role {} in this body; {}", what, JoinOr(labels),
                          workflow::HeldRoles(actor, d.body)));
}

std::string Clean(std::string_view text) { return std::string(Trim(text)); }

}  // namespace

Result<decisions::PublicationPlan> MakePlan(const PlanInput& in, std::optional<Date> decision_date,
                                            const workflow::Actor& actor, std::string now) {
  decisions::PublicationPlan plan;
  plan.kind = in.kind;
  const auto after_decision = [&](const Date& d, std::string_view where) -> Result<void> {
    if (decision_date && !(d > *decision_date)) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("the date must be after the decision date, {}", decision_date->ToLong()),
                  std::string(where));
    }
    return Ok();
  };
  switch (in.kind) {
    case PlanKind::kNone:
      return Fail(ErrorCode::kInvalidInput, "choose publish, defer or withhold", "plan");
    case PlanKind::kPublish:
      break;
    case PlanKind::kDefer:
      plan.reason = Clean(in.reason);
      if (plan.reason.empty()) {
        return Fail(ErrorCode::kInvalidInput, "say why publication is deferred", "deferral_reason");
      }
      if (!in.until) {
        return Fail(ErrorCode::kInvalidInput, "enter the date until which publication is deferred",
                    "deferred_until");
      }
      if (auto r = after_decision(*in.until, "deferred_until"); !r) return r.error();
      plan.until = in.until;
      break;
    case PlanKind::kWithhold: {
      auto ground = FindGround(Clean(in.ground), "ground");
      if (!ground) return ground.error();
      plan.ground = std::string(ground->code);
      plan.withheld_what = Clean(in.withheld_what);
      if (plan.withheld_what.empty()) {
        return Fail(ErrorCode::kInvalidInput, "say what is withheld", "withheld_what");
      }
      if (!in.review_date) {
        return Fail(ErrorCode::kInvalidInput, "enter the date the withholding is reviewed",
                    "review_date");
      }
      if (auto r = after_decision(*in.review_date, "review_date"); !r) return r.error();
      plan.review_date = in.review_date;
      break;
    }
  }
  plan.set_by = actor.id;
  plan.set_by_name = actor.name.empty() ? actor.username : actor.name;
  plan.set_at = std::move(now);
  return plan;
}

Result<void> PlanAllowsPublication(const decisions::Decision& d, Date today) {
  switch (d.plan.kind) {
    case PlanKind::kNone:
      return Fail(ErrorCode::kIllegalTransition, "set the publication plan before publishing");
    case PlanKind::kPublish:
      return Ok();
    case PlanKind::kDefer:
      if (d.plan.until && today >= *d.plan.until) return Ok();
      return Fail(ErrorCode::kIllegalTransition,
                  fmt::format("publication is deferred until {}; change the plan to publish now",
                              d.plan.until ? d.plan.until->ToLong() : std::string("a date not set")));
    case PlanKind::kWithhold:
      return Fail(ErrorCode::kIllegalTransition,
                  "the plan withholds this decision; change the plan to publish it");
  }
  return Fail(ErrorCode::kIllegalTransition, "set the publication plan before publishing");
}

std::optional<PublicState> PublicStateOf(const decisions::Decision& d) {
  if (!workflow::IsPublic(d)) return std::nullopt;
  switch (d.status) {
    case decisions::Status::kPublished: return PublicState::kPublished;
    case decisions::Status::kWithdrawn: return PublicState::kWithdrawn;
    case decisions::Status::kDecided:
      return d.plan.kind == PlanKind::kDefer ? PublicState::kDeferred : PublicState::kWithheld;
    default: return std::nullopt;
  }
}

Result<DueDateCalculation> PublicationDueDate(const Calendar& calendar, const decisions::Body& body,
                                              const decisions::Decision& decision) {
  if (!decision.decision_date) {
    return Fail(ErrorCode::kInvalidInput, "the decision has no decision date", "decision_date");
  }
  return DueDate(calendar, *decision.decision_date, body.publication_working_days, body.calendar);
}

Result<void> MaySetPlan(const decisions::Decision& d, const workflow::Actor& actor) {
  return NeedOneOf(d, actor, {"chief_executive", "deputy_chief_executive", "monitoring_officer"},
                   "setting the publication plan");
}

Result<void> MayPublish(const decisions::Decision& d, const workflow::Actor& actor) {
  return NeedOneOf(d, actor,
                   {"chief_executive", "deputy_chief_executive", "monitoring_officer",
                    "governance_officer"},
                   "publishing a decision");
}

Result<void> MayProposeRedaction(const decisions::Decision& d, const workflow::Actor& actor) {
  return NeedOneOf(d, actor,
                   {"governance_officer", "chief_executive", "deputy_chief_executive",
                    "monitoring_officer", "chief_finance_officer"},
                   "proposing a redaction");
}

Result<void> MayCorrect(const decisions::Decision& d, const workflow::Actor& actor) {
  return NeedOneOf(d, actor, {"chief_executive"}, "correcting a published decision");
}

std::string DescribePlan(const decisions::PublicationPlan& plan) {
  switch (plan.kind) {
    case PlanKind::kNone: return "No plan set";
    case PlanKind::kPublish: return "Publish Part 1 by the due date";
    case PlanKind::kDefer:
      return fmt::format("Defer until {}: {}", plan.until ? plan.until->ToLong() : "?", plan.reason);
    case PlanKind::kWithhold: {
      auto g = FindGround(plan.ground);
      return fmt::format("Withhold {} under {}; review by {}", plan.withheld_what,
                         g ? std::string(g->label) : plan.ground,
                         plan.review_date ? plan.review_date->ToLong() : "?");
    }
  }
  return "No plan set";
}

}  // namespace assent::publication
