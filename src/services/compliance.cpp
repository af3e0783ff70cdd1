#include "services/compliance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <vector>

#include "accounts/user.hpp"
#include "publication/public_decision.hpp"
#include "publication/public_json.hpp"
#include "services/workflow_parts.hpp"

namespace assent::services {
namespace {

using decisions::Status;

constexpr std::string_view kComplianceRoles[] = {
    "chief_executive", "deputy_chief_executive", "monitoring_officer", "governance_officer",
    "chief_finance_officer", "commissioner", "administrator"};
constexpr std::string_view kForwardPlanRoles[] = {"chief_executive", "deputy_chief_executive",
                                                  "governance_officer"};

Result<void> NeedOneOf(std::string_view body, const workflow::Actor& actor, std::span<const std::string_view> list,
                       std::string_view what) {
  for (auto r : list) {
    if (actor.Has(body, r)) return Ok();
  }
  std::string names;
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) names += i + 1 == list.size() ? " or " : ", ";
    names += accounts::RoleLabel(list[i]);
  }
  return Fail(ErrorCode::kForbidden, fmt::format("{} needs the role {} in this body; {}", what, names,
                                                 workflow::HeldRoles(actor, body)));
}

// Held for the whole call: an import arriving meanwhile replaces the catalogue's, not this.
std::shared_ptr<const publication::Calendar> CalendarOf(const WorkflowSetup& setup) {
  return setup.catalogue.calendar.Get();
}

// Every decision of the body in the given statuses, paged through.
Result<std::vector<storage::DecisionSummary>> AllOf(storage::Store& store, std::string_view body,
                                                    std::vector<Status> statuses) {
  std::vector<storage::DecisionSummary> out;
  constexpr int kPage = 500;
  for (int offset = 0;; offset += kPage) {
    auto page = store.ListDecisions(
        {.body = std::string(body), .statuses = statuses, .limit = kPage, .offset = offset});
    if (!page) return page.error();
    out.insert(out.end(), page->begin(), page->end());
    if (static_cast<int>(page->size()) < kPage) return out;
  }
}

// The due date the first published version recorded, if it recorded one.
Result<std::optional<Date>> RecordedDue(storage::Store& store, std::int64_t id) {
  auto versions = store.ListPublishedVersions(id);
  if (!versions) return versions.error();
  if (versions->empty()) return std::optional<Date>();
  auto first = publication::ParsePublicDecision(versions->front().public_json);
  if (!first) return first.error();
  return first->due_date;
}

std::string Describe(const decisions::Decision& d) {
  std::string name = d.reference.empty() ? fmt::format("draft {}", d.id) : d.reference;
  return fmt::format("{} {} ({})", name, d.title, decisions::StatusLabel(d.status));
}

Result<ForwardPlanRow> RowFor(const publication::Calendar* calendar, const decisions::Body& body,
                              publication::ForwardPlanItem item, std::string reference, std::string url,
                              std::optional<Date> taken, Date today) {
  ForwardPlanRow row;
  row.decision_reference = std::move(reference);
  row.decision_url = std::move(url);
  row.taken = taken;
  if (!calendar) {
    row.slippage_problem = "no bank-holiday calendar is loaded";
  } else {
    auto slip = publication::SlippageOf(*calendar, body.calendar, item.planned_date, taken, today);
    if (slip) {
      row.slippage = std::move(*slip);
    } else {
      row.slippage_problem = slip.error().message;
    }
  }
  row.item = std::move(item);
  return row;
}

}  // namespace

Result<void> MayViewCompliance(std::string_view body, const workflow::Actor& actor) {
  return NeedOneOf(body, actor, kComplianceRoles, "The compliance view");
}

Result<void> MayEditForwardPlan(std::string_view body, const workflow::Actor& actor) {
  return NeedOneOf(body, actor, kForwardPlanRoles, "Editing the forward plan");
}

Result<StaffCompliance> GetCompliance(storage::Store& store, const WorkflowSetup& setup, std::string_view body,
                                      const workflow::Actor& actor, Date today, std::optional<int> year) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  if (auto r = MayViewCompliance(body, actor); !r) return r.error();
  auto held = CalendarOf(setup);
  const publication::Calendar* calendar = held.get();
  if (!calendar) return Fail(ErrorCode::kUnavailable, "no bank-holiday calendar is loaded");
  auto rows = AllOf(store, body, {Status::kDecided, Status::kPublished, Status::kWithdrawn});
  if (!rows) return rows.error();
  std::vector<publication::ComplianceRecord> records;
  for (const auto& s : *rows) {
    auto d = store.FindDecisionById(s.id);
    if (!d) return d.error();
    publication::ComplianceRecord r{d->id, d->reference, d->title, d->status, d->decision_date, d->plan,
                                    d->published_on, std::nullopt};
    if (d->published_on) {
      auto due = RecordedDue(store, d->id);
      if (!due) return due.error();
      r.recorded_due = *due;
    }
    records.push_back(std::move(r));
  }
  StaffCompliance out;
  out.settings.today = today;
  out.settings.working_days = b->publication_working_days;
  out.settings.rule = b->calendar.empty() ? std::string(publication::kDefaultRule) : b->calendar;
  out.settings.year = year;
  auto view = publication::MakeComplianceView(*calendar, records, out.settings);
  if (!view) return view.error();
  out.body = std::move(*b);
  out.view = std::move(*view);
  return out;
}

Result<StaffForwardPlan> GetStaffForwardPlan(storage::Store& store, const WorkflowSetup& setup,
                                             std::string_view body, const workflow::Actor& actor, Date today) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  StaffForwardPlan out;
  out.may_edit = static_cast<bool>(MayEditForwardPlan(body, actor));
  if (!out.may_edit) {
    if (auto r = MayViewCompliance(body, actor); !r) return MayEditForwardPlan(body, actor).error();
  }
  auto held = CalendarOf(setup);
  auto items = store.ListForwardPlan(body);
  if (!items) return items.error();
  for (auto& item : *items) {
    std::string reference;
    std::string url;
    std::optional<Date> taken;
    if (item.decision_id != 0) {
      auto d = store.FindDecisionById(item.decision_id);
      if (!d) return d.error();
      reference = d->reference.empty() ? fmt::format("draft {}", d->id) : d->reference;
      url = fmt::format("/staff/decisions/{}", d->id);
      if (d->status != Status::kDraft && d->status != Status::kSubmitted) taken = d->decision_date;
    }
    auto row = RowFor(held.get(), *b, std::move(item), std::move(reference), std::move(url), taken, today);
    if (!row) return row.error();
    out.rows.push_back(std::move(*row));
  }
  if (out.may_edit) {
    auto all = AllOf(store, body, {Status::kDraft, Status::kSubmitted, Status::kDecided, Status::kPublished});
    if (!all) return all.error();
    for (const auto& s : *all) {
      std::string name = s.reference.empty() ? fmt::format("draft {}", s.id) : s.reference;
      out.choices.push_back({s.id, fmt::format("{} {} ({})", name, s.title, decisions::StatusLabel(s.status))});
    }
  }
  out.body = std::move(*b);
  return out;
}

Result<PublicForwardPlan> GetPublicForwardPlan(storage::Store& store, const publication::Calendar* calendar,
                                               std::string_view body, Date today) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  PublicForwardPlan out;
  out.body = publication::MakePublicBody(*b);
  auto items = store.ListForwardPlan(body);
  if (!items) return items.error();
  for (auto& item : *items) {
    std::string reference;
    std::string url;
    std::optional<Date> taken;
    if (item.decision_id != 0) {
      // Only a published decision is named, through its public projection.
      auto d = store.FindDecisionById(item.decision_id);
      if (!d) return d.error();
      if (d->status == Status::kPublished) {
        auto p = publication::MakePublicDecision(*d, *b);
        if (p && p->state == publication::PublicState::kPublished) {
          reference = p->reference;
          url = fmt::format("/{}/decisions/{}", out.body.slug, p->reference_slug);
          taken = p->decision_date;
        }
      }
    }
    item.decision_id = 0;  // the public side never learns which record an item is linked to
    auto row = RowFor(calendar, *b, std::move(item), std::move(reference), std::move(url), taken, today);
    if (!row) return row.error();
    out.rows.push_back(std::move(*row));
  }
  return out;
}

Result<std::int64_t> AddForwardPlanItem(storage::Store& store, std::string_view body,
                                        const publication::ForwardPlanInput& input, const workflow::Actor& actor,
                                        Instant now) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  if (auto r = MayEditForwardPlan(body, actor); !r) return r.error();
  publication::ForwardPlanItem item;
  item.body = b->slug;
  item.created_by = item.updated_by = actor.username;
  item.created_at = item.updated_at = now.ToIso();
  auto checked = publication::ApplyForwardPlanInput(std::move(item), input);
  if (!checked) return checked.error();
  storage::ChangeSet cs;
  cs.audit.push_back(EventFor(now, actor, audit::action::kForwardPlanAdd,
                              fmt::format("added '{}' to the forward plan of {}, planned for {}", checked->title,
                                          b->slug, checked->planned_date.ToLong()),
                              0));
  cs.insert_forward_plan_items.push_back(std::move(*checked));
  auto applied = store.Apply(cs);
  if (!applied) return applied.error();
  return applied->inserted_forward_plan_ids.at(0);
}

Result<void> EditForwardPlanItem(storage::Store& store, std::string_view body, std::int64_t id,
                                 std::int64_t version, const publication::ForwardPlanInput& input,
                                 std::int64_t decision_id, const workflow::Actor& actor, Instant now) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  if (auto r = MayEditForwardPlan(body, actor); !r) return r.error();
  auto before = store.FindForwardPlanItem(id);
  if (!before || before->body != b->slug) {
    if (!before && before.error().code != ErrorCode::kNotFound) return before.error();
    return Fail(ErrorCode::kNotFound, "there is no such item on this body's forward plan");
  }
  auto after = publication::ApplyForwardPlanInput(*before, input);
  if (!after) return after.error();
  std::string link_note;
  if (decision_id != before->decision_id) {
    if (decision_id != 0) {
      auto d = store.FindDecisionById(decision_id);
      if (!d || d->body != b->slug || d->status == Status::kWithdrawn) {
        return Fail(ErrorCode::kInvalidInput, "choose one of this body's decisions", "decision");
      }
      link_note = fmt::format("linked to {}", Describe(*d));
    } else {
      link_note = "unlinked from its decision";
    }
  }
  after->decision_id = decision_id;
  after->version = version;
  after->updated_by = actor.username;
  after->updated_at = now.ToIso();
  bool edited = after->title != before->title || after->summary != before->summary ||
                after->decision_maker != before->decision_maker || after->planned_date != before->planned_date ||
                after->part2_expected != before->part2_expected;
  std::string detail = fmt::format("forward plan item {} '{}'", id, after->title);
  if (edited) {
    detail += after->planned_date != before->planned_date
                  ? fmt::format(": edited, planned date {} (was {})", after->planned_date.ToLong(),
                                before->planned_date.ToLong())
                  : ": edited";
  }
  if (!edited && link_note.empty()) return Ok();  // nothing changed; nothing to audit
  if (!link_note.empty()) detail += (edited ? "; " : ": ") + link_note;
  storage::ChangeSet cs;
  cs.audit.push_back(EventFor(now, actor,
                              !link_note.empty() && !edited ? audit::action::kForwardPlanLink
                                                            : audit::action::kForwardPlanEdit,
                              std::move(detail), 0));
  cs.update_forward_plan_items.push_back(std::move(*after));
  auto applied = store.Apply(cs);
  if (!applied) {
    if (applied.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "someone else changed this item a moment ago; reload it and try again");
    }
    return applied.error();
  }
  return Ok();
}

}  // namespace assent::services
