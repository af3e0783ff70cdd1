#include "strategy/recorded.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"

namespace assent::strategy {

std::optional<Version> VersionThroughDecision(const VersionProposal& proposal,
                                              const DecisionState& decision) {
  if (decision.status != decisions::Status::kPublished) return std::nullopt;
  if (decision.outcome != decisions::Outcome::kApproved) return std::nullopt;
  if (!decision.decision_date || decision.reference.empty()) return std::nullopt;
  Version v;
  v.label = proposal.label;
  v.approved = *decision.decision_date;
  v.decision = decision.reference;
  v.changes = proposal.changes;
  return v;
}

const Deliverable* FindDeliverable(const Strategy& s, std::string_view id) {
  for (const auto& t : s.themes) {
    for (const auto& d : t.deliverables) {
      if (d.id == id) return &d;
    }
  }
  return nullptr;
}

Result<void> CheckRecorded(const Strategy& s, const RecordedProgress& entry) {
  if (entry.body != s.body || entry.strategy != s.id) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the entry is for {}/{}, not {}", entry.body, entry.strategy, s.Key()),
                "strategy");
  }
  if (!FindDeliverable(s, entry.deliverable)) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("{} has no deliverable '{}'", s.Key(), entry.deliverable), "deliverable");
  }
  if (!entry.status && Trim(entry.text).empty()) {
    return Fail(ErrorCode::kInvalidInput, "enter what happened (the text may be left empty only "
                "when the entry changes the status)", "text");
  }
  return Ok();
}

Strategy WithRecorded(const Strategy& s, std::span<const RecordedProgress> recorded,
                      std::span<const Version> added_versions) {
  Strategy out = s;
  for (auto& t : out.themes) {
    for (auto& d : t.deliverables) {
      const RecordedProgress* latest_status = nullptr;
      bool added = false;
      for (const auto& r : recorded) {
        if (r.body != s.body || r.strategy != s.id || r.deliverable != d.id) continue;
        ProgressEntry e;
        e.when = r.when;
        e.text = r.text;
        e.recorded = r.source;
        e.status_change = r.status;
        d.progress.push_back(std::move(e));
        added = true;
        if (r.status && (!latest_status || std::tie(latest_status->when, latest_status->id) <
                                               std::tie(r.when, r.id))) {
          latest_status = &r;
        }
      }
      if (added) {
        std::stable_sort(d.progress.begin(), d.progress.end(),
                         [](const ProgressEntry& a, const ProgressEntry& b) { return a.when < b.when; });
      }
      if (latest_status) {
        d.status = *latest_status->status;
        d.source.clear();  // no decision reports the status now: staff recorded it
      }
    }
  }
  for (const auto& v : added_versions) out.versions.push_back(v);
  std::stable_sort(out.versions.begin(), out.versions.end(),
                   [](const Version& a, const Version& b) { return a.approved < b.approved; });
  return out;
}

}  // namespace assent::strategy
