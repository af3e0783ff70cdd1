#pragma once
// The strategy delivery report for the Police and Crime Panel: for each theme, its
// deliverables by status, the overdue ones, and each target's attainment, as at a date.

#include <optional>
#include <string>
#include <vector>

#include "strategy/review.hpp"
#include "strategy/strategy.hpp"

namespace assent::strategy {

// Overdue: due before `as_of` (after the last day the due date may mean) and still
// planned or in progress. Delivered, ongoing and unstated work is never overdue.
bool IsOverdue(const Deliverable& d, const Date& as_of);

// The date of the latest progress entry, or nullopt when there is none.
std::optional<PartialDate> LastProgress(const Deliverable& d);

struct StatusCount {
  DeliverableStatus status;
  int count = 0;
};

struct TargetLine {
  const Target* target = nullptr;
  std::optional<double> attainment_percent;
  std::optional<bool> met;
};

struct ThemeReport {
  const Theme* theme = nullptr;
  std::vector<StatusCount> by_status;  // every status, in kDeliverableStatuses order
  std::vector<const Deliverable*> overdue;
  std::vector<TargetLine> targets;
};

struct DeliveryReport {
  const Strategy* strategy = nullptr;
  Date as_of;
  std::vector<ThemeReport> themes;
  int deliverables = 0;
  int overdue = 0;
  std::vector<StatusCount> by_status;  // totals over all themes
  std::optional<ReviewDue> next_review;
  bool review_overdue = false;
};

// REQUIRES: `s` outlives the report (it points into it).
DeliveryReport BuildDeliveryReport(const Strategy& s, const Date& as_of);

}  // namespace assent::strategy
