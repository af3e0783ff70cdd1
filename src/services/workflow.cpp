#include "services/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "audit/event.hpp"
#include "core/hash.hpp"
#include "core/text.hpp"
#include "services/workflow_parts.hpp"
#include "decisions/reference_pattern.hpp"
#include "services/publication.hpp"

namespace assent::services {
namespace {

using decisions::Decision;
using decisions::Status;

constexpr std::string_view kNoSuchDecision = "there is no such decision";

// A decision with what the rules need about it. `body` and `form` outlive the Context
// built from them.
struct Loaded {
  Decision decision;
  decisions::Body body;
  const decisions::Form* form = nullptr;
  const workflow::DelegationScheme* scheme = nullptr;
};

Result<Loaded> LoadBodyAndForm(storage::Store& store, const WorkflowSetup& setup, Decision d) {
  Loaded l;
  auto body = store.FindBody(d.body);
  if (!body) {
    if (body.error().code == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kInternal, fmt::format("decision {} names no body in this store", d.id));
    }
    return body.error();
  }
  l.body = std::move(*body);
  l.form = setup.catalogue.FindForm(d.form);
  if (!l.form) {
    return Fail(ErrorCode::kInternal,
                fmt::format("the form '{}' of decision {} is not loaded (forms directory)", d.form, d.id));
  }
  l.scheme = &setup.catalogue.SchemeFor(d.body);
  l.decision = std::move(d);
  return l;
}

// Unknown decisions and decisions in bodies where the actor has no role read the same.
Result<Loaded> Load(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                    const workflow::Actor& actor) {
  auto d = store.FindDecisionById(id);
  if (!d) {
    if (d.error().code == ErrorCode::kNotFound) return Fail(ErrorCode::kNotFound, std::string(kNoSuchDecision));
    return d.error();
  }
  if (!workflow::MayView(*d, actor)) return Fail(ErrorCode::kNotFound, std::string(kNoSuchDecision));
  return LoadBodyAndForm(store, setup, std::move(*d));
}

workflow::Context ContextOf(const Loaded& l, Instant now) {
  return workflow::Context{l.body, *l.form, *l.scheme, now.ToIso(), now.UkDate()};
}

// One line of at most `max` bytes (cut at a character boundary), for subjects and
// one-line mail fields: line breaks and tabs become spaces.
std::string OneLine(std::string_view text, size_t max = 140) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\r' || c == '\n' || c == '\t') {
      out += ' ';
    } else if (u < ' ' || u == 0x7f) {
      continue;
    } else {
      out += c;
    }
  }
  out = CollapseSpaces(out);
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return out;
}

std::string LinkTo(const WorkflowSetup& setup, std::int64_t id) {
  std::string base = setup.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return fmt::format("{}/staff/decisions/{}", base, id);
}

// The notifications of one change. Each address gets at most one message per change
// (the first reason wins), and never any section text: only the reference, the title,
// what happened and a link to sign in and read it.
class Notices {
 public:
  Notices(storage::Store& store, const WorkflowSetup& setup, const Loaded& l,
          const workflow::Actor& actor, Instant now)
      : store_(store), setup_(setup), l_(l), actor_(actor), now_(now) {}

  void To(const accounts::User& user, const Decision& d, std::string_view what_subject,
          const std::string& lead, const std::string& happened) {
    if (user.disabled || user.email.empty()) return;
    if (!sent_to_.insert(user.email).second) return;
    storage::Mail m;
    m.to = user.email;
    m.subject = OneLine(fmt::format("{}: {} - {}", NameOf(d), what_subject, d.title), 180);
    m.body = fmt::format(
        "Dear {},\n\n"
        "{}\n\n"
        "Decision:      {} ({})\n"
        "Title:         {}\n"
        "What happened: {}\n"
        "By:            {}, {}\n\n"
        "Open it in Assent (sign in first):\n{}\n\n"
        "-- \n"
        "Sent by Assent for {} because of your role there. Do not reply to this message.\n",
        OneLine(user.display_name, 200), lead, NameOf(d), l_.body.short_name.empty() ? l_.body.name : l_.body.short_name,
        OneLine(d.title, 400), OneLine(happened, 600), OneLine(actor_.name.empty() ? actor_.username : actor_.name, 200),
        now_.ToIso(), LinkTo(setup_, d.id), l_.body.name);
    m.created_at = now_.ToIso();
    mail_.push_back(std::move(m));
  }

  Result<const std::vector<accounts::User>*> Users() {
    if (!users_) {
      auto u = store_.ListUsers();
      if (!u) return u.error();
      users_ = std::move(*u);
    }
    return &*users_;
  }

  Result<void> ToUserId(std::int64_t id, const Decision& d, std::string_view subject,
                        const std::string& lead, const std::string& happened) {
    if (id == 0) return Ok();
    auto users = Users();
    if (!users) return users.error();
    for (const auto& u : **users) {
      if (u.id == id) To(u, d, subject, lead, happened);
    }
    return Ok();
  }

  std::vector<storage::Mail> Take() { return std::move(mail_); }

 private:
  storage::Store& store_;
  const WorkflowSetup& setup_;
  const Loaded& l_;
  const workflow::Actor& actor_;
  Instant now_;
  std::set<std::string> sent_to_;
  std::vector<storage::Mail> mail_;
  std::optional<std::vector<accounts::User>> users_;
};

bool AddsSignature(const Decision& before, const Decision& after) {
  for (const auto& s : after.signoffs) {
    if (!s.stands() || s.user_id == 0) continue;
    if (std::find(before.signoffs.begin(), before.signoffs.end(), s) == before.signoffs.end()) {
      return true;
    }
  }
  return false;
}

std::string StepLabelOf(const Loaded& l, std::string_view key) {
  for (const auto& b : l.form->signoffs) {
    if (b.key == key) return b.label;
  }
  for (const auto& b : l.form->decision_makers) {
    if (b.key == key) return b.label;
  }
  return std::string(key);
}

// Who is told what about a change: the people who may sign the steps it opened, the
// people whose signatures it voided, and the author when it was decided or returned.
Result<std::vector<storage::Mail>> MailFor(storage::Store& store, const WorkflowSetup& setup,
                                           const Loaded& before, const workflow::Change& change,
                                           const workflow::Actor& actor, Instant now) {
  const Decision& after = change.decision;
  Notices notices(store, setup, before, actor, now);
  workflow::Context ctx = ContextOf(before, now);

  if (after.author_id != 0 && after.author_id != actor.id) {
    if (change.action == audit::action::kDecisionReturn) {
      std::string lead = fmt::format("Your decision {} was returned for revision.", NameOf(after));
      if (!after.status_reason.empty()) lead += "\nReason: " + OneLine(after.status_reason, 1000);
      if (auto r = notices.ToUserId(after.author_id, after, "returned for revision", lead, change.summary); !r) {
        return r.error();
      }
    } else if (change.action == audit::action::kDecisionDecide && after.status == Status::kDecided) {
      std::string outcome = after.outcome == decisions::Outcome::kApproved      ? "approved"
                            : after.outcome == decisions::Outcome::kNotApproved ? "not approved"
                                                                                : "decided";
      std::string lead = fmt::format("Your decision {} has been decided: {}.", NameOf(after), outcome);
      if (auto r = notices.ToUserId(after.author_id, after, "decided: " + outcome, lead, change.summary); !r) {
        return r.error();
      }
    }
  }

  for (std::int64_t id : change.voided_signatories) {
    if (id == actor.id) continue;  // they know: they did it
    std::string step;
    for (const auto& s : before.decision.signoffs) {
      if (s.user_id == id && s.stands()) step = StepLabelOf(before, s.step);
    }
    std::string lead = fmt::format("Your signature on {}{} was voided because: {}.", NameOf(after),
                                   step.empty() ? "" : " (" + step + ")", OneLine(change.summary, 600));
    lead += "\nIt will need to be signed again once the decision is resubmitted.";
    if (auto r = notices.ToUserId(id, after, "your signature was voided", lead, change.summary); !r) {
      return r.error();
    }
  }

  std::set<std::string> was_open;
  for (const auto& s : workflow::OpenSteps(before.decision, ctx)) was_open.insert(s.key);
  auto open = workflow::OpenSteps(after, ctx);
  for (const auto& step : open) {
    if (was_open.count(step.key)) continue;
    auto users = notices.Users();
    if (!users) return users.error();
    std::string lead =
        step.decision_maker
            ? fmt::format("{} is ready for your decision: {}.", NameOf(after), step.label)
            : fmt::format("{} is waiting for your signature: {}.", NameOf(after), step.label);
    for (const auto& u : **users) {
      if (u.disabled || u.email.empty()) continue;
      if (!workflow::MaySign(after, step, ActorFor(u))) continue;
      notices.To(u, after, step.decision_maker ? "ready for your decision" : "waiting for your signature",
                 lead, change.summary);
    }
  }
  return notices.Take();
}

// The highest sequence number already used in the body's references for `year` (any
// year when the pattern does not reset yearly), e.g. by imported records.
Result<int> HighestUsedNumber(storage::Store& store, std::string_view body,
                              const decisions::ReferencePattern& pattern, int year) {
  int highest = 0;
  constexpr int kPage = 2000;
  for (int offset = 0;; offset += kPage) {
    auto page = store.ListDecisions({.body = std::string(body), .limit = kPage, .offset = offset});
    if (!page) return page.error();
    for (const auto& s : *page) {
      if (s.reference.empty()) continue;
      auto parsed = pattern.Match(s.reference);
      if (!parsed) continue;
      if (pattern.resets_yearly() && parsed->year != year) continue;
      highest = std::max(highest, parsed->sequence);
    }
    if (static_cast<int>(page->size()) < kPage) break;
  }
  return highest;
}

Result<std::string> AssignReference(storage::Store& store, const decisions::Body& body, Instant now) {
  auto pattern = decisions::ReferencePattern::Parse(body.reference_pattern);
  if (!pattern) return pattern.error();
  int year = now.UkDate().year();
  int counter_year = pattern->resets_yearly() ? year : 0;
  auto highest = HighestUsedNumber(store, body.slug, *pattern, year);
  if (!highest) return highest.error();
  auto n = store.ReserveReferenceNumber(body.slug, counter_year, *highest + 1);
  if (!n) return n.error();
  return pattern->Format(*n, year);
}

// Writes a change: the decision (version-checked), the snapshot of what was signed,
// the audit event and the notifications, in one transaction.
Result<void> Write(storage::Store& store, const WorkflowSetup& setup, const Loaded& before,
                   workflow::Change change, const workflow::Actor& actor, Instant now,
                   std::vector<storage::Blob> blobs = {},
                   std::vector<storage::PublishedVersion> versions = {}) {
  Decision& after = change.decision;
  after.id = before.decision.id;
  after.version = before.decision.version;
  storage::ChangeSet cs;
  cs.put_blobs = std::move(blobs);
  cs.insert_published_versions = std::move(versions);
  if (AddsSignature(before.decision, after)) {
    std::string snapshot = workflow::ContentSnapshot(after);
    std::string hash = Sha256Hex(snapshot);
    cs.put_blobs.push_back(storage::Blob{std::move(hash), std::move(snapshot)});
  }
  auto mail = MailFor(store, setup, before, change, actor, now);
  if (!mail) return mail.error();
  cs.queue_mail = std::move(*mail);
  cs.audit.push_back(EventFor(now, actor, change.action, change.summary, after.id));
  cs.update_decisions.push_back(std::move(after));
  auto applied = store.Apply(cs);
  if (!applied) {
    if (applied.error().code == ErrorCode::kConflict) {
      auto current = store.FindDecisionById(before.decision.id);
      if (!current || current->version != before.decision.version) {
        return Fail(ErrorCode::kConflict, std::string(kMoved));
      }
    }
    return applied.error();
  }
  return Ok();
}


Result<std::string> CleanFileName(std::string_view name) {
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out(Trim(name));
  if (out.empty() || out == "." || out == "..") {
    return Fail(ErrorCode::kInvalidInput, "the file has no name", "attachment");
  }
  if (out.size() > 255) return Fail(ErrorCode::kInvalidInput, "the file name is longer than 255 bytes", "attachment");
  if (!IsValidUtf8(out)) return Fail(ErrorCode::kInvalidInput, "the file name is not valid UTF-8", "attachment");
  for (unsigned char c : out) {
    if (c < ' ' || c == 0x7f) {
      return Fail(ErrorCode::kInvalidInput, "the file name has control characters", "attachment");
    }
  }
  return out;
}

bool ValidMediaType(std::string_view t) {
  size_t slash = t.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= t.size() || t.size() > 127) return false;
  for (char c : t) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '/' || c == '.' || c == '+' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return t.find('/', slash + 1) == std::string_view::npos;
}

std::string JoinLabels(const std::vector<workflow::Step>& steps) {
  std::string out;
  for (const auto& s : steps) out += (out.empty() ? "" : " and ") + s.label;
  return out;
}

}  // namespace

workflow::Actor ActorFor(const accounts::User& user) {
  workflow::Actor a;
  a.id = user.id;
  a.username = user.username;
  a.name = user.display_name;
  a.roles = user.roles;
  return a;
}

Result<StaffDecision> GetStaffDecision(storage::Store& store, const WorkflowSetup& setup,
                                       std::int64_t id, const workflow::Actor& actor) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  auto history = store.DecisionHistory(id);
  if (!history) return history.error();
  Instant now = Instant::Now();
  StaffDecision out;
  out.decision = std::move(l->decision);
  // `steps` point into out.decision; moving `out` keeps the vectors' buffers.
  workflow::Context ctx{l->body, *l->form, *l->scheme, now.ToIso(), now.UkDate()};
  out.steps = workflow::Steps(out.decision, ctx);
  out.open_steps = workflow::OpenSteps(out.decision, ctx);
  out.content_hash = workflow::ContentHash(out.decision);
  out.history = std::move(*history);
  out.may_edit = workflow::MayEdit(out.decision, actor);
  return out;
}

Result<void> RecordPart2View(storage::Store& store, std::int64_t id, const workflow::Actor& actor,
                             Instant now) {
  auto d = store.FindDecisionById(id);
  if (!d) {
    if (d.error().code == ErrorCode::kNotFound) return Fail(ErrorCode::kNotFound, std::string(kNoSuchDecision));
    return d.error();
  }
  if (!workflow::MayView(*d, actor)) return Fail(ErrorCode::kNotFound, std::string(kNoSuchDecision));
  storage::ChangeSet cs;
  cs.audit.push_back(EventFor(now, actor, audit::action::kPart2View,
                              fmt::format("viewed Part 2 of {}", NameOf(*d)), id));
  if (auto r = store.Apply(cs); !r) return r.error();
  return Ok();
}

Result<storage::ChangeSet> DraftChanges(storage::Store& store, const WorkflowSetup& setup,
                                        std::string_view body, std::string title,
                                        const workflow::Actor& actor, Instant now) {
  auto b = store.FindBody(body);
  if (!b) {
    if (b.error().code == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kInvalidInput, fmt::format("there is no body '{}'", body), "body");
    }
    return b.error();
  }
  if (!actor.Has(body, "originating_officer") && !actor.Has(body, "governance_officer")) {
    return Fail(ErrorCode::kForbidden,
                fmt::format("starting a decision in {} needs the role originating_officer or "
                            "governance_officer there",
                            body));
  }
  std::string clean = OneLine(title, 1000);
  if (clean.empty()) return Fail(ErrorCode::kInvalidInput, "enter a title", "title");
  const decisions::Form* form = setup.catalogue.FindForm(b->form);
  if (!form) {
    return Fail(ErrorCode::kInternal, fmt::format("the form '{}' of {} is not loaded", b->form, body));
  }
  workflow::Context ctx{*b, *form, setup.catalogue.SchemeFor(body), now.ToIso(), now.UkDate()};
  Decision draft = workflow::NewDraft(ctx, actor, clean);
  if (draft.author_id == 0) draft.author_id = actor.id;
  storage::ChangeSet cs;
  audit::NewEvent e = EventFor(now, actor, audit::action::kDecisionCreate,
                               fmt::format("started a draft: {}", OneLine(clean, 200)), 0);
  e.inserted_decision = 0;
  cs.audit.push_back(std::move(e));
  cs.insert_decisions.push_back(std::move(draft));
  return cs;
}

Result<std::int64_t> CreateDraft(storage::Store& store, const WorkflowSetup& setup,
                                 std::string_view body, std::string title,
                                 const workflow::Actor& actor, Instant now) {
  auto cs = DraftChanges(store, setup, body, std::move(title), actor, now);
  if (!cs) return cs.error();
  auto applied = store.Apply(*cs);
  if (!applied) return applied.error();
  if (applied->inserted_ids.empty()) return Fail(ErrorCode::kInternal, "no decision id assigned");
  return applied->inserted_ids.front();
}

Result<void> EditDraft(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                       std::int64_t expected_version, const workflow::DraftEdit& edit,
                       const workflow::Actor& actor, Instant now) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  if (l->decision.version != expected_version) return Fail(ErrorCode::kConflict, std::string(kMoved));
  auto change = workflow::Edit(l->decision, edit, actor, ContextOf(*l, now));
  if (!change) return change.error();
  return Write(store, setup, *l, std::move(*change), actor, now);
}

Result<void> AddAttachment(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                           std::int64_t expected_version, std::string name,
                           std::string media_type, decisions::Part part, std::string bytes,
                           const workflow::Actor& actor, Instant now) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  if (l->decision.version != expected_version) return Fail(ErrorCode::kConflict, std::string(kMoved));
  auto clean = CleanFileName(name);
  if (!clean) return clean.error();
  if (bytes.empty()) return Fail(ErrorCode::kInvalidInput, "the file is empty", "attachment");
  if (media_type.empty()) media_type = "application/octet-stream";
  if (!ValidMediaType(media_type)) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("'{}' is not a media type", OneLine(media_type, 80)),
                "attachment");
  }
  decisions::Attachment a;
  a.name = std::move(*clean);
  a.media_type = std::move(media_type);
  a.part = part;
  a.sha256 = Sha256Hex(bytes);
  a.size = static_cast<std::int64_t>(bytes.size());
  workflow::DraftEdit edit = workflow::EditOf(l->decision);
  for (const auto& existing : edit.attachments) {
    if (existing.sha256 == a.sha256 && existing.name == a.name) {
      return Fail(ErrorCode::kInvalidInput, fmt::format("'{}' is already attached", a.name), "attachment");
    }
  }
  std::string sha = a.sha256;
  edit.attachments.push_back(std::move(a));
  auto change = workflow::Edit(l->decision, edit, actor, ContextOf(*l, now));
  if (!change) return change.error();
  std::vector<storage::Blob> blobs;
  blobs.push_back(storage::Blob{std::move(sha), std::move(bytes)});
  return Write(store, setup, *l, std::move(*change), actor, now, std::move(blobs));
}

Result<void> Submit(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                    const workflow::SignInput& input, const workflow::Actor& actor, Instant now) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  auto change = workflow::Submit(l->decision, input, actor, ContextOf(*l, now));
  if (!change) return change.error();
  if (change->decision.reference.empty()) {
    // Reserved before the write and never handed out again, even if the write fails.
    auto reference = AssignReference(store, l->body, now);
    if (!reference) return reference.error();
    change->decision.reference = *reference;
    change->summary += fmt::format("; reference {} assigned", *reference);
  }
  return Write(store, setup, *l, std::move(*change), actor, now);
}

Result<void> Sign(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                  const workflow::SignInput& input, const workflow::Actor& actor, Instant now) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  auto change = workflow::Sign(l->decision, input, actor, ContextOf(*l, now));
  if (!change) return change.error();
  return Write(store, setup, *l, std::move(*change), actor, now);
}

Result<void> Decide(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                    const workflow::DecideInput& input, const workflow::Actor& actor,
                    Instant now) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  auto change = workflow::Decide(l->decision, input, actor, ContextOf(*l, now));
  if (!change) return change.error();
  return Write(store, setup, *l, std::move(*change), actor, now);
}

Result<void> ReturnForRevision(storage::Store& store, const WorkflowSetup& setup,
                               std::int64_t id, std::string_view reason,
                               const workflow::Actor& actor, Instant now) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  auto change = workflow::ReturnForRevision(l->decision, reason, actor, ContextOf(*l, now));
  if (!change) return change.error();
  return Write(store, setup, *l, std::move(*change), actor, now);
}

Result<void> Withdraw(storage::Store& store, const WorkflowSetup& setup, std::int64_t id,
                      std::string_view reason, const workflow::Actor& actor, Instant now) {
  auto l = Load(store, setup, id, actor);
  if (!l) return l.error();
  auto change = workflow::Withdraw(l->decision, reason, actor, ContextOf(*l, now));
  if (!change) return change.error();
  std::vector<storage::PublishedVersion> versions;
  if (l->decision.status == Status::kPublished) {
    // The tombstone: a last published version that says what was withdrawn and why.
    auto tombstone = NextPublishedVersion(store, setup, l->body, change->decision, "withdrawn",
                                          change->decision.status_reason, now);
    if (!tombstone) return tombstone.error();
    versions.push_back(std::move(*tombstone));
  }
  return Write(store, setup, *l, std::move(*change), actor, now, {}, std::move(versions));
}

Result<std::string> SignedContent(storage::Store& store, std::string_view content_hash) {
  if (content_hash.size() != 64) return Fail(ErrorCode::kNotFound, "no such signed content");
  auto blob = store.FindBlob(content_hash);
  if (!blob && blob.error().code == ErrorCode::kNotFound) {
    return Fail(ErrorCode::kNotFound, "no such signed content");
  }
  return blob;
}

Result<WorkLists> GetWorkLists(storage::Store& store, const WorkflowSetup& setup,
                               const workflow::Actor& actor) {
  std::set<std::string> bodies;
  bool everywhere = false;
  for (const auto& g : actor.roles) {
    if (g.body == "*") everywhere = true;
    bodies.insert(g.body);
  }
  if (everywhere) {
    auto all = store.ListBodies();
    if (!all) return all.error();
    bodies.clear();
    for (const auto& b : *all) bodies.insert(b.slug);
  }
  WorkLists out;
  Instant now = Instant::Now();
  constexpr int kPage = 500;
  for (const auto& slug : bodies) {
    for (int offset = 0;; offset += kPage) {
      auto page = store.ListDecisions(
          {.body = slug, .statuses = {Status::kDraft, Status::kSubmitted}, .limit = kPage, .offset = offset});
      if (!page) {
        if (page.error().code == ErrorCode::kNotFound) break;
        return page.error();
      }
      for (const auto& summary : *page) {
        auto d = store.FindDecisionById(summary.id);
        if (!d) {
          if (d.error().code == ErrorCode::kNotFound) continue;  // removed meanwhile
          return d.error();
        }
        if (!workflow::MayView(*d, actor)) continue;
        auto l = LoadBodyAndForm(store, setup, std::move(*d));
        if (!l) return l.error();
        auto ctx = ContextOf(*l, now);
        auto open = workflow::OpenSteps(l->decision, ctx);
        for (const auto& step : open) {
          if (workflow::MaySign(l->decision, step, actor)) {
            out.waiting_for_me.push_back(WorkItem{summary, step.label});
            break;
          }
        }
        if (l->decision.author_id == actor.id && actor.id != 0) {
          std::string waiting = JoinLabels(open);
          if (waiting.empty() && l->decision.status == Status::kDraft) {
            auto steps = workflow::Steps(l->decision, ctx);
            if (!steps.empty()) waiting = steps.front().label;
          }
          out.my_drafts.push_back(WorkItem{summary, waiting});
        }
      }
      if (static_cast<int>(page->size()) < kPage) break;
    }
  }
  auto newest_first = [](const WorkItem& a, const WorkItem& b) { return a.decision.id > b.decision.id; };
  std::sort(out.waiting_for_me.begin(), out.waiting_for_me.end(), newest_first);
  std::sort(out.my_drafts.begin(), out.my_drafts.end(), newest_first);
  return out;
}

}  // namespace assent::services
