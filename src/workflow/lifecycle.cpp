#include "workflow/lifecycle.hpp"

#include <fmt/format.h>

#include <array>

namespace assent::workflow {
namespace {

using decisions::Status;

constexpr std::array<Transition, 8> kTransitions = {{
    {Status::kDraft, Event::kSubmit, Status::kSubmitted},
    {Status::kSubmitted, Event::kReturnForRevision, Status::kDraft},
    {Status::kSubmitted, Event::kEditSigned, Status::kDraft},
    {Status::kSubmitted, Event::kDecide, Status::kDecided},
    {Status::kDraft, Event::kWithdraw, Status::kWithdrawn},
    {Status::kSubmitted, Event::kWithdraw, Status::kWithdrawn},
    {Status::kDecided, Event::kPublish, Status::kPublished},
    {Status::kPublished, Event::kWithdraw, Status::kWithdrawn},
}};

}  // namespace

std::string_view EventName(Event event) {
  switch (event) {
    case Event::kSubmit: return "submit";
    case Event::kReturnForRevision: return "return for revision";
    case Event::kEditSigned: return "edit the signed content of";
    case Event::kDecide: return "decide";
    case Event::kPublish: return "publish";
    case Event::kWithdraw: return "withdraw";
  }
  return "unknown";
}

std::span<const Transition> Transitions() { return kTransitions; }

Result<Status> Next(Status from, Event event) {
  for (const auto& t : kTransitions) {
    if (t.from == from && t.event == event) return t.to;
  }
  return Fail(ErrorCode::kIllegalTransition,
              fmt::format("cannot {} a decision that is {}", EventName(event),
                          decisions::StatusName(from)));
}

bool IsPublic(const decisions::Decision& d) {
  switch (d.status) {
    case Status::kPublished: return true;
    case Status::kWithdrawn: return d.withdrawn_on.has_value();
    case Status::kDecided:
      return d.plan.kind == decisions::PlanKind::kDefer ||
             d.plan.kind == decisions::PlanKind::kWithhold;
    default: return false;
  }
}

}  // namespace assent::workflow
