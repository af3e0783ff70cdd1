// Staff handlers for decisions: start a draft, the decision page, the editor and
// attachments, sign, decide, return, withdraw, and what was signed. Each parses, calls
// the workflow services (which check the body role and the rules), and renders; a
// refusal is shown on the page it came from with its 4xx status.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cctype>

#include "core/instant.hpp"
#include "core/text.hpp"
#include "services/workflow.hpp"
#include "web/handlers.hpp"
#include "web/staff_forms.hpp"
#include "web/staff_handlers.hpp"
#include "web/url.hpp"

namespace assent::web {
namespace {

constexpr std::string_view kNotFound =
    "There is no such decision, or you do not hold a role in the body it belongs to.";

std::string DecisionUrl(std::int64_t id) { return fmt::format("/staff/decisions/{}", id); }

services::WorkflowSetup Setup(const Site& site) { return {*site.catalogue, site.base_url}; }

// Everything a decision's staff pages need, loaded once per request.
struct Loaded {
  services::StaffDecision staff;
  decisions::Body body;
  const decisions::Form* form = nullptr;
  const workflow::DelegationScheme* scheme = nullptr;
  std::string now;
  Date today;

  workflow::Context Ctx() const { return workflow::Context{body, *form, *scheme, now, today}; }
  render::DecisionSetting Setting() const { return {*form, body, *scheme}; }
  const decisions::Decision& decision() const { return staff.decision; }
};

// The decision in the URL as the actor may see it; kNotFound for an unknown id and for
// one outside the actor's bodies (the service answers both alike).
Result<std::unique_ptr<Loaded>> Load(const StaffCall& call, const Site& site, const workflow::Actor& actor) {
  auto id = ParseId(call.Param("id"));
  if (!id) return Fail(ErrorCode::kNotFound, std::string(kNotFound));
  auto staff = services::GetStaffDecision(site.store, Setup(site), *id, actor);
  if (!staff) return staff.error();
  auto out = std::make_unique<Loaded>();
  out->staff = std::move(*staff);
  auto body = site.store.FindBody(out->staff.decision.body);
  if (!body) return body.error();
  out->body = std::move(*body);
  out->form = site.catalogue->FindForm(out->staff.decision.form);
  if (!out->form) {
    return Fail(ErrorCode::kInternal, "form '" + out->staff.decision.form + "' is not loaded",
                fmt::format("decision {}", *id));
  }
  out->scheme = &site.catalogue->SchemeFor(out->body.slug);
  Instant now = Instant::Now();
  out->now = now.ToIso();
  out->today = now.UkDate();
  // Recomputed here from the pure rules, so the steps point into this copy.
  auto ctx = out->Ctx();
  out->staff.steps = workflow::Steps(out->staff.decision, ctx);
  out->staff.open_steps = workflow::OpenSteps(out->staff.decision, ctx);
  return out;
}

Response LoadError(const Site& site, const StaffCall& call, const Error& e) {
  if (e.code == ErrorCode::kNotFound) return StaffErrorPage(site, call.current, 404, kNotFound);
  return StaffErrorPage(site, call.current, HttpStatus(e.code), RefusalFor(e).message);
}

bool HasPart2(const decisions::Decision& d) {
  for (const auto& s : d.sections) {
    if (s.part == decisions::Part::kPart2 && !Trim(s.text).empty()) return true;
  }
  for (const auto& p : d.background_papers) {
    if (p.part == decisions::Part::kPart2) return true;
  }
  for (const auto& a : d.attachments) {
    if (a.part == decisions::Part::kPart2) return true;
  }
  return false;
}

// Part 2 is shown only once its viewing is in the audit log.
Result<void> AuditPart2(const Site& site, const decisions::Decision& d, const workflow::Actor& actor,
                        bool force = false) {
  if (!force && !HasPart2(d)) return Ok();
  return services::RecordPart2View(site.store, d.id, actor, Instant::Now());
}

// Dry runs of the pure rules, to offer only the actions the person may take now.
workflow::SignInput TrialSign(const Loaded& l, const workflow::Step& step) {
  workflow::SignInput in;
  in.step = step.key;
  in.capacity = step.capacities.empty() ? "" : step.capacities.front();
  in.advice = "advice";
  in.declaration_confirmed = true;
  in.content_hash = l.staff.content_hash;
  return in;
}

workflow::DecideInput TrialDecide(const Loaded& l, const workflow::Step& step) {
  workflow::DecideInput in;
  in.step = step.key;
  in.capacity = step.capacities.empty() ? "" : step.capacities.front();
  in.outcome = decisions::Outcome::kApproved;
  in.reasons = "reasons";
  in.no_interests = true;
  in.declaration_confirmed = true;
  in.content_hash = l.staff.content_hash;
  return in;
}

// Whether a refusal is about the person's input rather than who they are or where the
// decision is: such an action is still offered (its page says what to fix).
bool InputProblem(const Result<workflow::Change>& r) {
  return r || r.error().code == ErrorCode::kInvalidInput || r.error().code == ErrorCode::kConflict;
}

struct Choice {
  const workflow::Step* step = nullptr;
  bool submit = false;
  bool submit_only = false;  // submitting signs nothing on this form
  std::optional<Error> refusal;  // why nothing can be signed (when step is null)
};

// The step the sign page offers: ?step=, else the draft's first step (submitting it),
// else the first open sign-off the actor may sign.
Choice ChooseSignStep(const Loaded& l, const workflow::Actor& actor, std::string_view wanted) {
  const auto& d = l.decision();
  auto ctx = l.Ctx();
  Choice c;
  if (d.status == decisions::Status::kDraft) {
    if (l.staff.steps.empty()) {
      c.refusal = Fail(ErrorCode::kIllegalTransition, "This form has no sign-off steps.");
      return c;
    }
    const auto& first = l.staff.steps.front();
    auto trial = workflow::Submit(d, TrialSign(l, first), actor, ctx);
    if (InputProblem(trial)) {
      c.submit = true;
      if (workflow::SubmissionSigns(first)) {
        c.step = &first;
      } else {
        c.submit_only = true;
      }
    } else {
      c.refusal = trial.error();
    }
    return c;
  }
  std::optional<Error> first_refusal;
  for (const auto& step : l.staff.open_steps) {
    if (step.decision_maker) continue;
    if (!wanted.empty() && step.key != wanted) continue;
    auto trial = workflow::Sign(d, TrialSign(l, step), actor, ctx);
    if (InputProblem(trial)) {
      c.step = &step;
      return c;
    }
    if (!first_refusal) first_refusal = trial.error();
  }
  if (first_refusal) {
    c.refusal = first_refusal;
  } else {
    bool deciding = false;
    for (const auto& step : l.staff.open_steps) deciding = deciding || step.decision_maker;
    c.refusal = Fail(ErrorCode::kIllegalTransition,
                     d.status == decisions::Status::kSubmitted && deciding
                         ? "Every sign-off has been given: this decision is waiting for its decision maker."
                         : fmt::format("There is nothing to sign: this decision is {}.",
                                       ToLowerAscii(decisions::StatusLabel(d.status))));
  }
  return c;
}

// The decision-maker block the decide page offers: ?step=, else an open one the actor
// may decide; else the refusal of the first block the actor holds the role for (for
// example "the sign-offs are not complete").
Choice ChooseDecideStep(const Loaded& l, const workflow::Actor& actor, std::string_view wanted) {
  const auto& d = l.decision();
  auto ctx = l.Ctx();
  Choice c;
  std::optional<Error> first_refusal;
  std::optional<Error> role_refusal;
  for (const auto& step : l.staff.steps) {
    if (!step.decision_maker) continue;
    if (!wanted.empty() && step.key != wanted) continue;
    auto trial = workflow::Decide(d, TrialDecide(l, step), actor, ctx);
    if (InputProblem(trial)) {
      c.step = &step;
      return c;
    }
    if (trial.error().code == ErrorCode::kForbidden) {
      if (!role_refusal) role_refusal = trial.error();
    } else if (!first_refusal) {
      first_refusal = trial.error();
    }
  }
  if (first_refusal) {
    c.refusal = first_refusal;
  } else if (role_refusal) {
    c.refusal = role_refusal;
  } else {
    c.refusal = Fail(ErrorCode::kIllegalTransition, "This decision has no decision maker to record.");
  }
  return c;
}

render::DecisionActions ActionsFor(const Loaded& l, const workflow::Actor& actor) {
  render::DecisionActions a;
  const auto& d = l.decision();
  auto ctx = l.Ctx();
  a.edit = l.staff.may_edit;
  Choice sign = ChooseSignStep(l, actor, "");
  if (sign.submit) {
    a.sign_label = "Submit for approval";
  } else if (sign.step) {
    a.sign_label = "Sign: " + sign.step->label;
  }
  for (const auto& step : l.staff.open_steps) {
    if (!step.decision_maker) continue;
    if (InputProblem(workflow::Decide(d, TrialDecide(l, step), actor, ctx))) {
      a.decide_label = "Decide: " + step.label;
      break;
    }
  }
  a.return_for_revision = d.status == decisions::Status::kSubmitted &&
                          static_cast<bool>(workflow::ReturnForRevision(d, "reason", actor, ctx));
  a.withdraw = static_cast<bool>(workflow::Withdraw(d, "reason", actor, ctx));
  return a;
}

std::string NoticeFor(std::string_view done, const decisions::Decision& d) {
  if (done == "created") return "Draft started. Fill it in and save it.";
  if (done == "saved") return "Draft saved.";
  if (done == "uploaded") return "File attached.";
  if (done == "submitted") return "Submitted for approval. Its reference is " + d.reference + ".";
  if (done == "signed") return "Your signature has been recorded.";
  if (done == "decided") return "Your decision has been recorded.";
  if (done == "returned") return "Returned for revision.";
  if (done == "withdrawn") return "Withdrawn.";
  return {};
}

Response DecisionPageWith(const StaffCall& call, Site& site, Loaded& l, const workflow::Actor& actor,
                          int status, std::vector<render::FieldError> errors, std::string return_reason,
                          std::string withdraw_reason) {
  if (auto audited = AuditPart2(site, l.decision(), actor); !audited) {
    return LoadError(site, call, audited.error());
  }
  render::DecisionView view{l.staff, l.Setting(), ActionsFor(l, actor), std::move(errors),
                            NoticeFor(QueryParam(call.req.query, "done").value_or(""), l.decision()),
                            std::move(return_reason), std::move(withdraw_reason)};
  if (status != 200) view.notice.clear();
  return StaffHtml(status, render::StaffPages(site.html).Decision(ChromeFor(call.current), view));
}

Response EditPageWith(const StaffCall& call, Site& site, const Loaded& l, render::EditForm values,
                      int status, std::vector<render::FieldError> errors, std::string notice = {}) {
  const auto& d = l.decision();
  render::EditView view{d.id, d.reference, d.status, l.Setting(), std::move(values), std::move(errors),
                        std::move(notice)};
  return StaffHtml(status, render::StaffPages(site.html).Edit(ChromeFor(call.current), view));
}

// Whether the actor may edit now, with the rule's own refusal when not.
Result<void> MayEditNow(const Loaded& l, const workflow::Actor& actor) {
  const auto& d = l.decision();
  auto trial = ToDraftEdit(EditFormFrom(d, *l.form), *l.form, d);
  auto r = workflow::Edit(d, trial.edit, actor, l.Ctx());
  if (r || r.error().code == ErrorCode::kInvalidInput || r.error().code == ErrorCode::kConflict) return Ok();
  return r.error();
}

// Safe media types to hand back as they were uploaded; anything else is a download of bytes.
std::string DownloadType(std::string_view media_type) {
  static constexpr std::string_view kSafe[] = {
      "application/pdf", "text/plain", "text/csv", "image/png", "image/jpeg",
      "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet"};
  std::string type = ToLowerAscii(Trim(media_type.substr(0, media_type.find(';'))));
  for (auto safe : kSafe) {
    if (type == safe) return type;
  }
  return "application/octet-stream";
}

// Content-Disposition for a download: an ASCII fallback name and the UTF-8 name.
std::string Disposition(std::string_view name) {
  std::string ascii;
  for (unsigned char c : name) {
    ascii.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? static_cast<char>(c) : '_');
  }
  if (ascii.empty()) ascii = "attachment";
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, UrlEncode(name));
}

}  // namespace

Response NewDecisionPage(const StaffCall& call, Site& site) {
  auto body = site.store.FindBody(call.Param("body"));
  if (!body) {
    return StaffErrorPage(site, call.current, HttpStatus(body.error().code),
                          body.error().code == ErrorCode::kNotFound ? "There is no such body on this register."
                                                                    : RefusalFor(body.error()).message);
  }
  const auto& user = call.current->user;
  if (!user.HasRole(body->slug, "originating_officer") && !user.HasRole(body->slug, "governance_officer")) {
    return StaffErrorPage(site, call.current, 403,
                          "Only originating officers and governance officers of " + body->name +
                              " can start a decision.");
  }
  render::NewDecisionView view{*body, {}, {}};
  return StaffHtml(200, render::StaffPages(site.html).NewDecision(ChromeFor(call.current), view));
}

Response NewDecisionPost(const StaffCall& call, Site& site) {
  auto body = site.store.FindBody(call.Param("body"));
  if (!body) {
    return StaffErrorPage(site, call.current, HttpStatus(body.error().code),
                          body.error().code == ErrorCode::kNotFound ? "There is no such body on this register."
                                                                    : RefusalFor(body.error()).message);
  }
  render::NewDecisionView view{*body, {}, std::string(Trim(call.form.Get("title")))};
  render::StaffPages pages(site.html);
  if (view.title.empty()) {
    view.errors.push_back({"title", "Enter what the decision is about"});
    return StaffHtml(400, pages.NewDecision(ChromeFor(call.current), view));
  }
  auto actor = services::ActorFor(call.current->user);
  auto id = services::CreateDraft(site.store, Setup(site), body->slug, view.title, actor, Instant::Now());
  if (!id) {
    view.errors.push_back(RefusalFor(id.error(), {"title"}));
    return StaffHtml(HttpStatus(id.error().code), pages.NewDecision(ChromeFor(call.current), view));
  }
  return SeeOther(DecisionUrl(*id) + "/edit?done=created");
}

Response StaffDecisionPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  return DecisionPageWith(call, site, **l, actor, 200, {}, {}, {});
}

Response EditPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  if (auto may = MayEditNow(loaded, actor); !may) {
    return StaffErrorPage(site, call.current, HttpStatus(may.error().code), RefusalFor(may.error()).message);
  }
  if (auto audited = AuditPart2(site, loaded.decision(), actor); !audited) return LoadError(site, call, audited.error());
  std::string done = QueryParam(call.req.query, "done").value_or("");
  return EditPageWith(call, site, loaded, EditFormFrom(loaded.decision(), *loaded.form), 200, {},
                      NoticeFor(done, loaded.decision()));
}

Response EditPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  const auto& d = loaded.decision();
  render::EditForm values = EditFormFrom(call.form, *loaded.form, d);
  if (values.version < 0) return StaffErrorPage(site, call.current, 400, kCsrfRefusal);
  auto parsed = ToDraftEdit(values, *loaded.form, d);
  if (!parsed.errors.empty()) return EditPageWith(call, site, loaded, std::move(values), 400, std::move(parsed.errors));
  auto saved = services::EditDraft(site.store, Setup(site), d.id, values.version, parsed.edit, actor, Instant::Now());
  if (!saved) {
    const Error& e = saved.error();
    std::vector<render::FieldError> errors;
    if (e.code == ErrorCode::kConflict) {
      // Keep what the person typed; the next save is against the version now stored.
      errors.push_back({"", "Someone else changed this draft while you were editing it, so your changes "
                            "have not been saved. Check your changes below against the current draft "
                            "(open it in another tab), then save again."});
      values.version = d.version;
      values.attachments = d.attachments;
    } else {
      errors.push_back(RefusalFor(e, {"title", "category", "amount"}));
    }
    return EditPageWith(call, site, loaded, std::move(values), HttpStatus(e.code), std::move(errors));
  }
  return SeeOther(DecisionUrl(d.id) + "?done=saved");
}

Response AttachmentPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  const auto& d = loaded.decision();
  auto version = ParseId(call.form.Get("version"));
  const UploadedFile* file = call.form.File("file");
  std::vector<render::FieldError> errors;
  if (!version) return StaffErrorPage(site, call.current, 400, kCsrfRefusal);
  if (!file || file->bytes.empty()) errors.push_back({"attachment-file", "Choose a file to upload"});
  std::string_view part = call.form.Get("part");
  if (part != "1" && part != "2") errors.push_back({"attachment-part", "Choose Part 1 or Part 2"});
  if (!errors.empty()) {
    if (auto may = MayEditNow(loaded, actor); !may) {
      return StaffErrorPage(site, call.current, HttpStatus(may.error().code), RefusalFor(may.error()).message);
    }
    return EditPageWith(call, site, loaded, EditFormFrom(d, *loaded.form), 400, std::move(errors));
  }
  std::string name(Trim(call.form.Get("name")));
  if (name.empty()) name = file->filename.empty() ? "Attachment" : file->filename;
  auto added = services::AddAttachment(site.store, Setup(site), d.id, *version, name, DownloadType(file->content_type),
                                       part == "2" ? decisions::Part::kPart2 : decisions::Part::kPart1,
                                       file->bytes, actor, Instant::Now());
  if (!added) {
    if (added.error().code == ErrorCode::kForbidden || added.error().code == ErrorCode::kIllegalTransition) {
      return StaffErrorPage(site, call.current, HttpStatus(added.error().code), RefusalFor(added.error()).message);
    }
    errors.push_back(added.error().code == ErrorCode::kConflict
                         ? render::FieldError{"", "Someone else changed this draft while you were uploading. "
                                                  "The file was not attached: upload it again."}
                         : RefusalFor(added.error()));
    return EditPageWith(call, site, loaded, EditFormFrom(d, *loaded.form), HttpStatus(added.error().code),
                        std::move(errors));
  }
  return SeeOther(DecisionUrl(d.id) + "/edit?done=uploaded");
}

Response AttachmentDownload(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const auto& d = (*l)->decision();
  const decisions::Attachment* found = nullptr;
  for (const auto& a : d.attachments) {
    if (a.sha256 == call.Param("sha256")) found = &a;
  }
  if (!found) return StaffErrorPage(site, call.current, 404, "This decision has no such attachment.");
  auto bytes = site.store.FindBlob(found->sha256);
  if (!bytes) return LoadError(site, call, bytes.error());
  if (found->part == decisions::Part::kPart2) {
    if (auto audited = AuditPart2(site, d, actor, true); !audited) return LoadError(site, call, audited.error());
  }
  return MakeResponse(200, DownloadType(found->media_type), std::move(*bytes), kStaffCache,
                      {{"Content-Disposition", Disposition(found->name)}});
}

namespace {

render::SignView SignViewFor(const Loaded& l, const Choice& c) {
  render::SignView v{l.staff, l.Setting()};
  v.step = c.step;
  v.submit = c.submit;
  v.submit_only = c.submit_only;
  if (c.submit_only && !l.staff.steps.empty()) v.next_step = l.staff.steps.front().label;
  if (c.refusal) v.errors.push_back(RefusalFor(*c.refusal));
  return v;
}

int RefusalStatus(const Choice& c) { return c.refusal ? HttpStatus(c.refusal->code) : 200; }

render::FieldError SignRefusal(const Error& e) {
  return RefusalFor(e, {"capacity", "advice", "declaration", "outcome", "reasons", "interests"});
}

}  // namespace

Response SignPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  Choice c = ChooseSignStep(loaded, actor, QueryParam(call.req.query, "step").value_or(""));
  if (c.step || c.submit_only) {
    if (auto audited = AuditPart2(site, loaded.decision(), actor); !audited) return LoadError(site, call, audited.error());
  }
  render::SignView v = SignViewFor(loaded, c);
  return StaffHtml(RefusalStatus(c), render::StaffPages(site.html).Sign(ChromeFor(call.current), v));
}

Response SignPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  const auto& d = loaded.decision();
  workflow::SignInput in;
  in.step = std::string(call.form.Get("step"));
  in.capacity = std::string(call.form.Get("capacity"));
  in.advice = std::string(call.form.Get("advice"));
  in.declaration_confirmed = call.form.Get("declaration") == "yes";
  in.content_hash = std::string(call.form.Get("content_hash"));
  bool submit = d.status == decisions::Status::kDraft;
  Result<void> done = submit ? services::Submit(site.store, Setup(site), d.id, in, actor, Instant::Now())
                             : services::Sign(site.store, Setup(site), d.id, in, actor, Instant::Now());
  if (done) return SeeOther(DecisionUrl(d.id) + (submit ? "?done=submitted" : "?done=signed"));
  // Shown again with the person's input, against the content as it is now.
  Choice c = ChooseSignStep(loaded, actor, in.step);
  if (!c.step) c = ChooseSignStep(loaded, actor, "");
  render::SignView v = SignViewFor(loaded, c);
  v.errors.clear();
  v.errors.push_back(done.error().code == ErrorCode::kConflict
                         ? render::FieldError{"", "The decision changed while you were reading it. Read it "
                                                  "again below before you sign. " + RefusalFor(done.error()).message}
                         : SignRefusal(done.error()));
  v.capacity = in.capacity;
  v.advice = in.advice;
  v.declaration = in.declaration_confirmed && done.error().code != ErrorCode::kConflict;
  if (v.step || v.submit_only) {
    if (auto audited = AuditPart2(site, d, actor); !audited) return LoadError(site, call, audited.error());
  }
  return StaffHtml(HttpStatus(done.error().code), render::StaffPages(site.html).Sign(ChromeFor(call.current), v));
}

Response DecidePage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  Choice c = ChooseDecideStep(loaded, actor, QueryParam(call.req.query, "step").value_or(""));
  if (c.step) {
    if (auto audited = AuditPart2(site, loaded.decision(), actor); !audited) return LoadError(site, call, audited.error());
  }
  render::SignView v = SignViewFor(loaded, c);
  return StaffHtml(RefusalStatus(c), render::StaffPages(site.html).Decide(ChromeFor(call.current), v));
}

Response DecidePost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  const auto& d = loaded.decision();
  workflow::DecideInput in;
  in.step = std::string(call.form.Get("step"));
  in.capacity = std::string(call.form.Get("capacity"));
  std::string_view outcome = call.form.Get("outcome");
  in.outcome = outcome == "approved"       ? decisions::Outcome::kApproved
               : outcome == "not_approved" ? decisions::Outcome::kNotApproved
                                           : decisions::Outcome::kUnknown;
  in.reasons = std::string(call.form.Get("reasons"));
  in.no_interests = call.form.Get("no_interests") == "yes";
  in.interests = std::string(call.form.Get("interests"));
  in.declaration_confirmed = call.form.Get("declaration") == "yes";
  in.content_hash = std::string(call.form.Get("content_hash"));
  auto done = services::Decide(site.store, Setup(site), d.id, in, actor, Instant::Now());
  if (done) return SeeOther(DecisionUrl(d.id) + "?done=decided");
  Choice c = ChooseDecideStep(loaded, actor, in.step);
  render::SignView v = SignViewFor(loaded, c);
  v.errors.clear();
  v.errors.push_back(done.error().code == ErrorCode::kConflict
                         ? render::FieldError{"", "The decision changed while you were reading it. Read it "
                                                  "again below before you decide. " + RefusalFor(done.error()).message}
                         : SignRefusal(done.error()));
  v.capacity = in.capacity;
  v.outcome = std::string(outcome);
  v.reasons = in.reasons;
  v.no_interests = in.no_interests;
  v.interests = in.interests;
  v.declaration = in.declaration_confirmed && done.error().code != ErrorCode::kConflict;
  if (v.step) {
    if (auto audited = AuditPart2(site, d, actor); !audited) return LoadError(site, call, audited.error());
  }
  return StaffHtml(HttpStatus(done.error().code), render::StaffPages(site.html).Decide(ChromeFor(call.current), v));
}

Response ReturnPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  Loaded& loaded = **l;
  std::string reason(Trim(call.form.Get("reason")));
  auto done = services::ReturnForRevision(site.store, Setup(site), loaded.decision().id, reason, actor, Instant::Now());
  if (done) return SeeOther(DecisionUrl(loaded.decision().id) + "?done=returned");
  auto refusal = RefusalFor(done.error(), {"reason"});
  if (refusal.field == "reason") refusal.field = "return-reason";
  return DecisionPageWith(call, site, loaded, actor, HttpStatus(done.error().code), {refusal}, reason, {});
}

Response WithdrawPost(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  Loaded& loaded = **l;
  std::string reason(Trim(call.form.Get("reason")));
  auto done = services::Withdraw(site.store, Setup(site), loaded.decision().id, reason, actor, Instant::Now());
  if (done) return SeeOther(DecisionUrl(loaded.decision().id) + "?done=withdrawn");
  auto refusal = RefusalFor(done.error(), {"reason"});
  if (refusal.field == "reason") refusal.field = "withdraw-reason";
  return DecisionPageWith(call, site, loaded, actor, HttpStatus(done.error().code), {refusal}, {}, reason);
}

Response SignedContentPage(const StaffCall& call, Site& site) {
  auto actor = services::ActorFor(call.current->user);
  auto l = Load(call, site, actor);
  if (!l) return LoadError(site, call, l.error());
  const Loaded& loaded = **l;
  const auto& d = loaded.decision();
  std::string_view hash = call.Param("content_hash");
  render::SignedView view;
  for (const auto& s : d.signoffs) {
    if (!s.content_hash.empty() && s.content_hash == hash) view.signatures.push_back(s);
  }
  // Only a snapshot this decision's own signatures point at: no probing by hash.
  if (view.signatures.empty()) return StaffErrorPage(site, call.current, 404, "Nothing was signed with that content on this decision.");
  auto snapshot = services::SignedContent(site.store, hash);
  if (!snapshot) return LoadError(site, call, snapshot.error());
  if (auto audited = AuditPart2(site, d, actor, true); !audited) return LoadError(site, call, audited.error());
  view.id = d.id;
  view.reference = d.reference;
  view.title = d.title;
  view.body_name = loaded.body.name;
  view.content_hash = std::string(hash);
  view.snapshot = std::move(*snapshot);
  return StaffHtml(200, render::StaffPages(site.html).Signed(ChromeFor(call.current), view, loaded.Setting()));
}

}  // namespace assent::web
