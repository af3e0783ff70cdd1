#include "services/strategy_progress.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"
#include "strategy/progress_csv.hpp"

namespace assent::services {
namespace {

constexpr std::size_t kMaxText = 4000;

std::string Clip(std::string_view text, std::size_t max) {
  std::string out(Trim(text));
  if (out.size() > max) out.resize(max);
  return out;
}

// The strategy in the URL, with its body: kNotFound for either unknown.
Result<std::pair<decisions::Body, const strategy::Strategy*>> Find(storage::Store& store,
                                                                   const strategy::Catalogue& catalogue,
                                                                   std::string_view body,
                                                                   std::string_view id) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  const strategy::Strategy* s = catalogue.Find(body, id);
  if (!s) return Fail(ErrorCode::kNotFound, "no such strategy");
  return std::make_pair(std::move(*b), s);
}

Error MayNotEdit(const decisions::Body& body) {
  return Fail(ErrorCode::kForbidden,
              fmt::format("recording progress on the strategies of {} needs the role strategy_lead "
                          "or chief_executive there",
                          body.name));
}

audit::NewEvent Event(Instant now, std::int64_t actor_id, std::string actor, std::string_view action,
                      const strategy::RecordedProgress& p) {
  audit::NewEvent e;
  e.at = now.ToIso();
  e.actor_id = actor_id;
  e.actor = std::move(actor);
  e.action = std::string(action);
  std::string status = p.status ? fmt::format(" (status: {})", strategy::StatusName(*p.status)) : "";
  e.detail = fmt::format("progress on {}/{}/{} for {}{}: {}", p.body, p.strategy, p.deliverable,
                         p.when.ToIso(), status, Clip(p.text, 200));
  return e;
}

}  // namespace

bool MayEditStrategies(const workflow::Actor& actor, std::string_view body) {
  return std::any_of(std::begin(kStrategyEditorRoles), std::end(kStrategyEditorRoles),
                     [&](std::string_view role) { return actor.Has(body, role); });
}

Result<std::shared_ptr<const strategy::Strategy>> MergeRecorded(storage::Store& store,
                                                                const strategy::Strategy& s) {
  auto progress = store.ListStrategyProgress(s.body, s.id);
  if (!progress) return progress.error();
  auto proposals = store.ListStrategyProposals(s.body, s.id);
  if (!proposals) return proposals.error();
  std::vector<strategy::Version> added;
  for (const auto& p : *proposals) {
    auto d = store.FindDecisionById(p.decision_id);
    if (!d) {
      if (d.error().code == ErrorCode::kNotFound) continue;
      return d.error();
    }
    strategy::DecisionState state{d->status, d->outcome, d->decision_date, d->reference};
    if (auto v = strategy::VersionThroughDecision(p, state)) added.push_back(std::move(*v));
  }
  return std::make_shared<const strategy::Strategy>(strategy::WithRecorded(s, *progress, added));
}

Result<void> RecordProgress(storage::Store& store, const strategy::Catalogue& catalogue,
                            std::string_view body, std::string_view strategy_id,
                            const ProgressInput& input, const workflow::Actor& actor, Instant now) {
  auto found = Find(store, catalogue, body, strategy_id);
  if (!found) return found.error();
  const auto& [b, s] = *found;
  if (!MayEditStrategies(actor, body)) return MayNotEdit(b);
  strategy::RecordedProgress p;
  p.body = b.slug;
  p.strategy = s->id;
  p.deliverable = input.deliverable;
  p.text = Clip(input.text, kMaxText);
  p.recorded_by = actor.username;
  p.recorded_at = now.ToIso();
  p.source = std::string(strategy::kStaffSource);
  auto when = strategy::PartialDate::Parse(Trim(input.when));
  if (!when) {
    return Fail(ErrorCode::kInvalidInput,
                Trim(input.when).empty() ? "enter the date it happened, for example 2026-03-14 or 2026-03"
                                         : "enter a date such as 2026-03-14, 2026-03 or 2026",
                "when");
  }
  p.when = *when;
  std::string status(Trim(input.status));
  if (!status.empty()) {
    p.status = strategy::ParseDeliverableStatus(status);
    if (!p.status) return Fail(ErrorCode::kInvalidInput, "choose a status from the list", "status");
  } else if (input.status_required) {
    return Fail(ErrorCode::kInvalidInput, "choose the new status", "status");
  }
  if (auto ok = strategy::CheckRecorded(*s, p); !ok) {
    if (ok.error().where == "text") {
      return Fail(ErrorCode::kInvalidInput, "enter what happened", "text");
    }
    return ok.error();
  }
  storage::ChangeSet cs;
  cs.audit.push_back(Event(now, actor.id, actor.username, audit::action::kStrategyProgress, p));
  cs.insert_strategy_progress.push_back(std::move(p));
  auto applied = store.Apply(cs);
  if (!applied) return applied.error();
  return Ok();
}

Result<ProgressImport> ImportProgressCsv(storage::Store& store, const strategy::Catalogue& catalogue,
                                         std::string_view file_name, std::string_view text,
                                         bool dry_run, const AuditActor& actor, Instant now) {
  auto checked = strategy::CheckProgressCsv(file_name, text, catalogue, actor.name, now.ToIso());
  ProgressImport out;
  // The store must hold each entry's body as well (a catalogue may name a body the
  // register does not have yet).
  for (const auto& slug : catalogue.Bodies()) {
    bool used = std::any_of(checked.entries.begin(), checked.entries.end(),
                            [&](const auto& e) { return e.body == slug; });
    if (!used) continue;
    auto b = store.FindBody(slug);
    if (!b && b.error().code != ErrorCode::kNotFound) return b.error();
    if (!b) checked.problems.push_back(fmt::format("{}: body '{}' is not on the register", file_name, slug));
  }
  if (!checked.problems.empty()) {
    out.problems = std::move(checked.problems);
    return out;
  }
  out.entries = static_cast<int>(checked.entries.size());
  if (dry_run) return out;
  storage::ChangeSet cs;
  for (auto& e : checked.entries) {
    cs.audit.push_back(Event(now, actor.id, actor.name, audit::action::kStrategyImport, e));
    cs.insert_strategy_progress.push_back(std::move(e));
  }
  auto applied = store.Apply(cs);
  if (!applied) return applied.error();
  return out;
}

Result<std::int64_t> ProposeVersion(storage::Store& store, const WorkflowSetup& setup,
                                    const strategy::Catalogue& catalogue, std::string_view body,
                                    std::string_view strategy_id, const VersionInput& input,
                                    const workflow::Actor& actor, Instant now) {
  auto found = Find(store, catalogue, body, strategy_id);
  if (!found) return found.error();
  const auto& [b, s] = *found;
  if (!MayEditStrategies(actor, body)) return MayNotEdit(b);
  std::string label = Clip(input.label, 200);
  if (label.empty()) {
    return Fail(ErrorCode::kInvalidInput, "enter the new version's label, for example \"2026 refresh (V2.0)\"",
                "label");
  }
  // The draft and its proposal in one transaction: both are written, or neither.
  auto cs = DraftChanges(store, setup, body, fmt::format("{}: {}", s->title, label), actor, now);
  if (!cs) return cs.error();
  strategy::VersionProposal p{.body = b.slug, .strategy = s->id, .label = label,
                              .changes = Clip(input.changes, kMaxText), .decision_id = 0,
                              .proposed_by = actor.username, .proposed_at = now.ToIso()};
  audit::NewEvent e;
  e.at = now.ToIso();
  e.actor_id = actor.id;
  e.actor = actor.username;
  e.action = std::string(audit::action::kStrategyVersion);
  e.detail = fmt::format("proposed version '{}' of {}", label, s->Key());
  e.inserted_decision = 0;
  cs->audit.push_back(std::move(e));
  cs->insert_proposals_of_new_decisions.push_back({std::move(p), 0});
  auto applied = store.Apply(*cs);
  if (!applied) return applied.error();
  if (applied->inserted_ids.empty()) return Fail(ErrorCode::kInternal, "no decision id assigned");
  return applied->inserted_ids.front();
}

Result<std::vector<StaffStrategyRow>> ListEditableStrategies(storage::Store& store,
                                                             const strategy::Catalogue& catalogue,
                                                             const workflow::Actor& actor) {
  std::vector<StaffStrategyRow> out;
  for (const auto& slug : catalogue.Bodies()) {
    if (!MayEditStrategies(actor, slug)) continue;
    auto b = store.FindBody(slug);
    if (!b) {
      if (b.error().code == ErrorCode::kNotFound) continue;
      return b.error();
    }
    for (const auto* s : catalogue.ForBody(slug)) out.push_back({*b, s});
  }
  return out;
}

Result<StaffStrategy> GetStaffStrategy(storage::Store& store, const strategy::Catalogue& catalogue,
                                       std::string_view body, std::string_view strategy_id,
                                       const workflow::Actor& actor) {
  auto found = Find(store, catalogue, body, strategy_id);
  if (!found) return found.error();
  if (!MayEditStrategies(actor, body)) return MayNotEdit(found->first);
  StaffStrategy out;
  out.body = found->first;
  auto merged = MergeRecorded(store, *found->second);
  if (!merged) return merged.error();
  out.merged = std::move(*merged);
  for (const auto& t : out.merged->themes) {
    for (const auto& d : t.deliverables) {
      out.deliverables.push_back({&t, &d, d.progress.empty() ? nullptr : &d.progress.back()});
    }
  }
  auto proposals = store.ListStrategyProposals(body, strategy_id);
  if (!proposals) return proposals.error();
  for (auto& p : *proposals) {
    StaffProposal sp{std::move(p)};
    if (auto d = store.FindDecisionById(sp.proposal.decision_id)) {
      sp.status = d->status;
      sp.reference = d->reference;
    }
    out.proposals.push_back(std::move(sp));
  }
  return out;
}

Result<std::vector<RecentProgress>> ListRecentProgress(storage::Store& store,
                                                       const strategy::Catalogue& catalogue,
                                                       std::string_view body, int limit) {
  auto all = store.ListStrategyProgress(body, "");
  if (!all) return all.error();
  std::vector<RecentProgress> out;
  for (auto it = all->rbegin(); it != all->rend() && static_cast<int>(out.size()) < limit; ++it) {
    const strategy::Strategy* s = catalogue.Find(it->body, it->strategy);
    if (!s) continue;  // a strategy no longer in the data files
    const strategy::Deliverable* d = strategy::FindDeliverable(*s, it->deliverable);
    if (!d) continue;
    out.push_back({it->id, it->when, it->recorded_at, s->title, d->id, d->title, it->text, it->status,
                   fmt::format("/{}/strategies/{}", s->body, s->id)});
  }
  return out;
}

}  // namespace assent::services
