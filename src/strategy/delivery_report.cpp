#include "strategy/delivery_report.hpp"

#include <algorithm>

#include "strategy/target.hpp"

namespace assent::strategy {
namespace {

std::vector<StatusCount> ZeroCounts() {
  std::vector<StatusCount> out;
  for (auto s : kDeliverableStatuses) out.push_back({s, 0});
  return out;
}

void Count(std::vector<StatusCount>& counts, DeliverableStatus s) {
  for (auto& c : counts) {
    if (c.status == s) ++c.count;
  }
}

}  // namespace

bool IsOverdue(const Deliverable& d, const Date& as_of) {
  if (!d.due) return false;
  bool open = d.status == DeliverableStatus::kPlanned || d.status == DeliverableStatus::kInProgress;
  return open && d.due->Last() < as_of;
}

std::optional<PartialDate> LastProgress(const Deliverable& d) {
  if (d.progress.empty()) return std::nullopt;
  return std::max_element(d.progress.begin(), d.progress.end(),
                          [](const auto& a, const auto& b) { return a.when < b.when; })
      ->when;
}

DeliveryReport BuildDeliveryReport(const Strategy& s, const Date& as_of) {
  DeliveryReport r;
  r.strategy = &s;
  r.as_of = as_of;
  r.by_status = ZeroCounts();
  for (const auto& theme : s.themes) {
    ThemeReport tr;
    tr.theme = &theme;
    tr.by_status = ZeroCounts();
    for (const auto& d : theme.deliverables) {
      Count(tr.by_status, d.status);
      Count(r.by_status, d.status);
      ++r.deliverables;
      if (IsOverdue(d, as_of)) tr.overdue.push_back(&d);
    }
    r.overdue += static_cast<int>(tr.overdue.size());
    for (const auto& t : theme.targets) {
      tr.targets.push_back({&t, AttainmentPercent(t), TargetMet(t)});
    }
    r.themes.push_back(std::move(tr));
  }
  r.next_review = NextReview(s);
  r.review_overdue = r.next_review && r.next_review->date < as_of;
  return r;
}

}  // namespace assent::strategy
