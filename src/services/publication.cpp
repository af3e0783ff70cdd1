#include "services/publication.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <initializer_list>

#include "audit/event.hpp"
#include "core/hash.hpp"
#include "core/text.hpp"
#include "services/workflow_parts.hpp"
#include "publication/grounds.hpp"
#include "publication/public_json.hpp"
#include "workflow/lifecycle.hpp"

namespace assent::services {
namespace {

using decisions::Decision;
using decisions::Status;


struct Loaded {
  Decision decision;
  decisions::Body body;
};

Result<Loaded> Load(storage::Store& store, std::int64_t id, const workflow::Actor* actor) {
  auto d = store.FindDecisionById(id);
  if (!d) {
    if (d.error().code == ErrorCode::kNotFound) return Fail(ErrorCode::kNotFound, "there is no such decision");
    return d.error();
  }
  if (actor && !workflow::MayView(*d, *actor)) return Fail(ErrorCode::kNotFound, "there is no such decision");
  auto body = store.FindBody(d->body);
  if (!body) return body.error();
  return Loaded{std::move(*d), std::move(*body)};
}

std::optional<Date> DueOf(const WorkflowSetup& setup, const decisions::Body& body, const Decision& d) {
  auto calendar = setup.catalogue.calendar.Get();
  if (!calendar) return std::nullopt;
  auto due = publication::PublicationDueDate(*calendar, body, d);
  if (!due) return std::nullopt;
  return due->due;
}

// The author hears that their decision was published (no section text, as every mail).
std::vector<storage::Mail> TellAuthor(storage::Store& store, const WorkflowSetup& setup,
                                      const Decision& d, const decisions::Body& body,
                                      std::string_view what, Instant now) {
  std::vector<storage::Mail> out;
  if (d.author_id == 0) return out;
  auto author = store.FindUserById(d.author_id);
  if (!author || author->disabled || author->email.empty()) return out;
  std::string base = setup.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  storage::Mail m;
  m.to = author->email;
  m.subject = fmt::format("{}: {}", NameOf(d), what);
  m.body = fmt::format(
      "Dear {},\n\nYour decision {} ({}) has been {}.\n\nPublic register:\n{}/{}/decisions/{}\n\n"
      "-- \nSent by Assent for {}. Do not reply to this message.\n",
      author->display_name, NameOf(d), body.short_name.empty() ? body.name : body.short_name, what,
      base, body.slug, decisions::ReferenceSlug(d.reference), body.name);
  m.created_at = now.ToIso();
  out.push_back(std::move(m));
  return out;
}

// Writes the decision (version-checked), its new published version, the audit event and
// the mail in one transaction.
Result<void> Write(storage::Store& store, const Loaded& before, Decision after, std::string_view action,
                   std::string summary, const workflow::Actor& actor, Instant now,
                   std::optional<storage::PublishedVersion> version = std::nullopt,
                   std::vector<storage::Mail> mail = {}) {
  after.id = before.decision.id;
  after.version = before.decision.version;
  storage::ChangeSet cs;
  if (version) cs.insert_published_versions.push_back(std::move(*version));
  cs.queue_mail = std::move(mail);
  cs.audit.push_back(EventFor(now, actor, action, std::move(summary), after.id));
  cs.update_decisions.push_back(std::move(after));
  auto applied = store.Apply(cs);
  if (!applied) {
    if (applied.error().code == ErrorCode::kConflict) return Fail(ErrorCode::kConflict, std::string(kMoved));
    return applied.error();
  }
  return Ok();
}

Result<void> NeedStatus(const Decision& d, std::initializer_list<Status> statuses, std::string_view what) {
  for (auto s : statuses) {
    if (d.status == s) return Ok();
  }
  return Fail(ErrorCode::kIllegalTransition,
              fmt::format("cannot {} a decision that is {}", what, decisions::StatusName(d.status)));
}

Result<void> PublishLoaded(storage::Store& store, const WorkflowSetup& setup, const Loaded& l,
                           const workflow::Actor& actor, Instant now, Date today) {
  const Decision& d = l.decision;
  auto to = workflow::Next(d.status, workflow::Event::kPublish);
  if (!to) return to.error();
  if (auto r = publication::PlanAllowsPublication(d, today); !r) return r.error();
  if (publication::HasUnsignedRedaction(d)) {
    return Fail(ErrorCode::kIllegalTransition,
                "a proposed redaction waits for its sign-off by the Chief Executive or the Chief "
                "Finance Officer; sign it off before publishing");
  }
  Decision after = d;
  after.status = *to;
  after.published_on = today;
  auto version = NextPublishedVersion(store, setup, l.body, after, "published", "", now);
  if (!version) return version.error();
  std::string summary = fmt::format("published Part 1 on the public register (version 1, sha256 {})",
                                    version->sha256.substr(0, 12));
  if (auto due = DueOf(setup, l.body, d)) {
    summary += fmt::format("; due by {}", due->ToLong());
    if (today > *due) summary += " (published late)";
  }
  if (d.plan.kind == decisions::PlanKind::kDefer) summary += "; deferral ended";
  auto mail = TellAuthor(store, setup, after, l.body, "published", now);
  return Write(store, l, std::move(after), audit::action::kDecisionPublish, std::move(summary), actor,
               now, std::move(*version), std::move(mail));
}

}  // namespace

Result<storage::PublishedVersion> NextPublishedVersion(storage::Store& store,
                                                       const WorkflowSetup& setup,
                                                       const decisions::Body& body,
                                                       const Decision& after, std::string kind,
                                                       std::string change_note, Instant now) {
  auto existing = store.ListPublishedVersions(after.id);
  if (!existing) return existing.error();
  auto p = publication::MakePublicDecision(after, body);
  if (!p) return p.error();
  if (!existing->empty()) {
    // The due date and first publication as the first version recorded them.
    auto last = publication::ParsePublicDecision(existing->back().public_json);
    if (!last) return last.error();
    p->due_date = last->due_date;
    if (!p->published_on) p->published_on = last->published_on;
  } else {
    p->due_date = DueOf(setup, body, after);
  }
  for (const auto& v : *existing) {
    p->versions.push_back({v.number, v.kind, v.published_at, v.change_note, v.sha256});
  }
  int number = static_cast<int>(existing->size()) + 1;
  p->versions.push_back({number, kind, now.ToIso(), change_note, ""});
  storage::PublishedVersion v;
  v.decision_id = after.id;
  v.number = number;
  v.kind = std::move(kind);
  v.published_at = now.ToIso();
  v.public_json = publication::PublicArtifact(*p);
  v.sha256 = Sha256Hex(v.public_json);
  v.change_note = std::move(change_note);
  return v;
}

Result<StaffPublication> GetStaffPublication(storage::Store& store, const WorkflowSetup& setup,
                                             const Decision& d, const workflow::Actor& actor,
                                             Instant now) {
  StaffPublication out;
  out.applies = d.status == Status::kDecided || d.status == Status::kPublished ||
                (d.status == Status::kWithdrawn && d.withdrawn_on);
  if (!out.applies) return out;
  auto body = store.FindBody(d.body);
  if (!body) return body.error();
  if (auto calendar = setup.catalogue.calendar.Get(); !calendar) {
    out.due_problem = "no bank-holiday calendar is loaded";
  } else {
    auto due = publication::PublicationDueDate(*calendar, *body, d);
    if (due) {
      out.due = std::move(*due);
    } else {
      out.due_problem = due.error().message;
    }
  }
  out.plan_summary = publication::DescribePlan(d.plan);
  auto versions = store.ListPublishedVersions(d.id);
  if (!versions) return versions.error();
  out.versions = std::move(*versions);
  if (workflow::IsPublic(d)) out.public_url = "/" + d.body + "/decisions/" + decisions::ReferenceSlug(d.reference);
  bool decided = d.status == Status::kDecided;
  bool published = d.status == Status::kPublished;
  out.may_set_plan = decided && publication::MaySetPlan(d, actor);
  if (decided && publication::MayPublish(d, actor)) {
    if (auto r = publication::PlanAllowsPublication(d, now.UkDate()); !r) {
      out.publish_blocked = r.error().message;
    } else if (publication::HasUnsignedRedaction(d)) {
      out.publish_blocked = "a proposed redaction waits for its sign-off";
    } else {
      out.may_publish = true;
    }
  }
  out.may_propose = (decided || published) && publication::MayProposeRedaction(d, actor);
  out.may_sign_off = (decided || published) &&
                     (actor.Has(d.body, "chief_executive") || actor.Has(d.body, "chief_finance_officer"));
  for (const auto& r : d.redactions) {
    bool officer = actor.Has(d.body, "chief_executive") || actor.Has(d.body, "chief_finance_officer");
    bool cancellable = !r.cancelled() && (decided || published) && (!r.signed_off() || decided);
    bool who = officer || (!r.signed_off() && r.proposed_by != 0 && r.proposed_by == actor.id);
    out.may_cancel.push_back(cancellable && who);
  }
  out.may_correct = published && publication::MayCorrect(d, actor);
  out.may_withdraw = published && (actor.Has(d.body, "chief_executive") ||
                                   actor.Has(d.body, "deputy_chief_executive") ||
                                   actor.Has(d.body, "monitoring_officer"));
  return out;
}

Result<void> SetPublicationPlan(storage::Store& store, const WorkflowSetup&, std::int64_t id,
                                const publication::PlanInput& input, const workflow::Actor& actor,
                                Instant now) {
  auto l = Load(store, id, &actor);
  if (!l) return l.error();
  if (auto r = publication::MaySetPlan(l->decision, actor); !r) return r.error();
  if (auto r = NeedStatus(l->decision, {Status::kDecided}, "set the publication plan of"); !r) return r.error();
  auto plan = publication::MakePlan(input, l->decision.decision_date, actor, now.ToIso());
  if (!plan) return plan.error();
  Decision after = l->decision;
  after.plan = std::move(*plan);
  std::string summary = fmt::format("publication plan {}: {}",
                                    l->decision.plan.kind == decisions::PlanKind::kNone ? "set" : "replaced",
                                    publication::DescribePlan(after.plan));
  return Write(store, *l, std::move(after), audit::action::kPublicationPlan, std::move(summary), actor, now);
}

Result<void> ProposeRedaction(storage::Store& store, const WorkflowSetup&, std::int64_t id,
                              const publication::RedactionProposal& proposal,
                              const workflow::Actor& actor, Instant now) {
  auto l = Load(store, id, &actor);
  if (!l) return l.error();
  if (auto r = publication::MayProposeRedaction(l->decision, actor); !r) return r.error();
  if (auto r = NeedStatus(l->decision, {Status::kDecided, Status::kPublished}, "redact"); !r) return r.error();
  auto redaction = publication::ProposeRedaction(l->decision, proposal, actor, now.ToIso());
  if (!redaction) return redaction.error();
  Decision after = l->decision;
  after.redactions.push_back(std::move(*redaction));
  const auto& r = after.redactions.back();
  // The audit log names where and why, never the redacted words.
  std::string summary = fmt::format("proposed redaction {}: {} under {}; reason: {}", after.redactions.size(),
                                    publication::RedactionWhere(after, r), r.ground, r.reason);
  return Write(store, *l, std::move(after), audit::action::kRedactionPropose, std::move(summary), actor, now);
}

Result<void> SignOffRedaction(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                              int number, const workflow::Actor& actor, Instant now) {
  auto l = Load(store, id, &actor);
  if (!l) return l.error();
  if (auto r = NeedStatus(l->decision, {Status::kDecided, Status::kPublished}, "sign off a redaction of");
      !r) {
    return r.error();
  }
  auto signed_off = publication::SignOffRedaction(l->decision, number, actor, now.ToIso());
  if (!signed_off) return signed_off.error();
  Decision after = l->decision;
  after.redactions[static_cast<size_t>(number - 1)] = std::move(*signed_off);
  const auto& r = after.redactions[static_cast<size_t>(number - 1)];
  std::string where = publication::RedactionWhere(after, r);
  std::string summary = fmt::format("signed off redaction {} ({}) as {}", number, where,
                                    accounts::RoleLabel(r.signed_off_role));
  std::optional<storage::PublishedVersion> version;
  if (after.status == Status::kPublished) {
    auto g = publication::FindGround(r.ground);
    std::string note = fmt::format("Redacted: {} ({})", where, g ? std::string(g->label) : r.ground);
    auto v = NextPublishedVersion(store, setup, l->body, after, "corrected", note, now);
    if (!v) return v.error();
    summary += fmt::format("; published as version {}", v->number);
    version = std::move(*v);
  }
  return Write(store, *l, std::move(after), audit::action::kRedactionSignOff, std::move(summary), actor,
               now, std::move(version));
}

Result<void> CancelRedaction(storage::Store& store, const WorkflowSetup&, std::int64_t id, int number,
                             std::string_view reason, const workflow::Actor& actor, Instant now) {
  auto l = Load(store, id, &actor);
  if (!l) return l.error();
  if (auto r = NeedStatus(l->decision, {Status::kDecided, Status::kPublished}, "cancel a redaction of"); !r) {
    return r.error();
  }
  auto cancelled = publication::CancelRedaction(l->decision, number, reason, actor, now.ToIso());
  if (!cancelled) return cancelled.error();
  Decision after = l->decision;
  after.redactions[static_cast<size_t>(number - 1)] = std::move(*cancelled);
  const auto& r = after.redactions[static_cast<size_t>(number - 1)];
  // Where and why, never the words.
  std::string summary = fmt::format("cancelled redaction {} ({}); reason: {}", number,
                                    publication::RedactionWhere(after, r), r.cancel_reason);
  return Write(store, *l, std::move(after), audit::action::kRedactionCancel, std::move(summary), actor, now);
}

Result<void> Publish(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                     const workflow::Actor& actor, Instant now) {
  auto l = Load(store, id, &actor);
  if (!l) return l.error();
  if (auto r = publication::MayPublish(l->decision, actor); !r) return r.error();
  return PublishLoaded(store, setup, *l, actor, now, now.UkDate());
}

Result<void> Correct(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                     const Correction& c, const workflow::Actor& actor, Instant now) {
  auto l = Load(store, id, &actor);
  if (!l) return l.error();
  if (auto r = publication::MayCorrect(l->decision, actor); !r) return r.error();
  if (auto r = NeedStatus(l->decision, {Status::kPublished}, "correct"); !r) return r.error();
  std::string note(Trim(c.change_note));
  if (note.empty()) {
    return Fail(ErrorCode::kInvalidInput, "write the public note that says what was corrected", "change_note");
  }
  Decision after = l->decision;
  std::string title(Trim(c.title));
  if (!title.empty()) after.title = title;
  for (const auto& edit : c.sections) {
    auto it = std::find_if(after.sections.begin(), after.sections.end(),
                           [&](const decisions::Section& s) { return s.key == edit.key; });
    if (it == after.sections.end() || it->part != decisions::Part::kPart1) {
      return Fail(ErrorCode::kInvalidInput, fmt::format("'{}' is not a Part 1 section of this decision", edit.key),
                  "section");
    }
    it->text = edit.text;
  }
  if (after.title == l->decision.title && after.sections == l->decision.sections) {
    return Fail(ErrorCode::kInvalidInput, "the correction changes nothing", "sections");
  }
  auto version = NextPublishedVersion(store, setup, l->body, after, "corrected", note, now);
  if (!version) return version.error();
  std::string summary = fmt::format("corrected the published record (version {}): {}", version->number, note);
  return Write(store, *l, std::move(after), audit::action::kDecisionCorrect, std::move(summary), actor, now,
               std::move(*version));
}

Result<PublishDueReport> PublishDue(storage::Store& store, const WorkflowSetup& setup, Date today,
                                    Instant now) {
  PublishDueReport report;
  auto bodies = store.ListBodies();
  if (!bodies) return bodies.error();
  workflow::Actor system;
  system.username = "system";
  system.name = "Assent scheduler";
  for (const auto& b : *bodies) {
    constexpr int kPage = 500;
    std::vector<std::int64_t> due;
    for (int offset = 0;; offset += kPage) {
      auto page = store.ListDecisions({.body = b.slug,
                                       .statuses = {Status::kDecided},
                                       .public_only = true,
                                       .limit = kPage,
                                       .offset = offset});
      if (!page) return page.error();
      for (const auto& s : *page) {
        if (s.public_state == "deferred") due.push_back(s.id);
      }
      if (static_cast<int>(page->size()) < kPage) break;
    }
    for (auto id : due) {
      auto l = Load(store, id, nullptr);
      if (!l) return l.error();
      const auto& plan = l->decision.plan;
      if (plan.kind != decisions::PlanKind::kDefer || !plan.until || *plan.until > today) continue;
      std::string name = fmt::format("{} {}", b.slug, NameOf(l->decision));
      if (auto r = PublishLoaded(store, setup, *l, system, now, today); !r) {
        report.failed.push_back(fmt::format("{}: {}", name, r.error().message));
      } else {
        report.published.push_back(name);
      }
    }
  }
  return report;
}

PublishDueScheduler::PublishDueScheduler(storage::Store& store, const Catalogue& catalogue,
                                         std::string base_url, std::chrono::milliseconds interval)
    : store_(store), catalogue_(catalogue), base_url_(std::move(base_url)), interval_(interval) {
  thread_ = std::thread([this] { Run(); });
}

PublishDueScheduler::~PublishDueScheduler() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PublishDueScheduler::Run() {
  WorkflowSetup setup{catalogue_, base_url_};
  for (;;) {
    Instant now = Instant::Now();
    auto report = PublishDue(store_, setup, now.UkDate(), now);
    if (!report) {
      spdlog::error("publish-due: {}", report.error().ToString());
    } else {
      for (const auto& p : report->published) spdlog::info("publish-due: published {}", p);
      for (const auto& f : report->failed) spdlog::warn("publish-due: {}", f);
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, interval_, [this] { return stop_; })) return;
  }
}

}  // namespace assent::services
