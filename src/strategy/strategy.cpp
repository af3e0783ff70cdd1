#include "strategy/strategy.hpp"

namespace assent::strategy {

std::string_view StatusName(DeliverableStatus s) {
  switch (s) {
    case DeliverableStatus::kPlanned: return "planned";
    case DeliverableStatus::kInProgress: return "in_progress";
    case DeliverableStatus::kDelivered: return "delivered";
    case DeliverableStatus::kOngoing: return "ongoing";
    case DeliverableStatus::kNotStated: return "not_stated";
  }
  return "not_stated";
}

std::string_view StatusLabel(DeliverableStatus s) {
  switch (s) {
    case DeliverableStatus::kPlanned: return "Planned";
    case DeliverableStatus::kInProgress: return "In progress";
    case DeliverableStatus::kDelivered: return "Delivered";
    case DeliverableStatus::kOngoing: return "Ongoing";
    case DeliverableStatus::kNotStated: return "Status not stated";
  }
  return "Status not stated";
}

std::optional<DeliverableStatus> ParseDeliverableStatus(std::string_view name) {
  for (auto s : kDeliverableStatuses) {
    if (StatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view AlignmentKindName(AlignmentKind k) {
  switch (k) {
    case AlignmentKind::kPoliceAndCrimePlan: return "police_and_crime_plan";
    case AlignmentKind::kNational: return "national";
    case AlignmentKind::kLocal: return "local";
  }
  return "local";
}

std::string_view AlignmentKindLabel(AlignmentKind k) {
  switch (k) {
    case AlignmentKind::kPoliceAndCrimePlan: return "Police and crime plan";
    case AlignmentKind::kNational: return "National strategy";
    case AlignmentKind::kLocal: return "Local strategy or plan";
  }
  return "Local strategy or plan";
}

std::string_view StatusName(StrategyStatus s) {
  switch (s) {
    case StrategyStatus::kNotStarted: return "not_started";
    case StrategyStatus::kCurrent: return "current";
    case StrategyStatus::kEnded: return "ended";
    case StrategyStatus::kSuperseded: return "superseded";
  }
  return "ended";
}

std::string_view StatusLabel(StrategyStatus s) {
  switch (s) {
    case StrategyStatus::kNotStarted: return "Not started";
    case StrategyStatus::kCurrent: return "Current";
    case StrategyStatus::kEnded: return "Period ended";
    case StrategyStatus::kSuperseded: return "Superseded";
  }
  return "Period ended";
}

}  // namespace assent::strategy
