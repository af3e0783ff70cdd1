#include "services/demo_decisions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "services/demo_decision_file.hpp"
#include "services/publication.hpp"
#include "services/workflow.hpp"

namespace assent::services {
namespace {

// Runs one file's acts in order. Each act happens at 09:00 UTC on its date (10:00 in
// summer, UK time) plus a minute per act, so the audit log keeps the file's order.
class Runner {
 public:
  Runner(storage::Store& store, const WorkflowSetup& setup, const DemoDecisionFile& f)
      : store_(store), setup_(setup), f_(f) {}

  Result<void> Run() {
    auto author = ActorOf(f_.drafted);
    if (!author) return author.error();
    auto id = CreateDraft(store_, setup_, f_.body, f_.title, *author, At(f_.drafted));
    if (!id) return Wrap(id.error(), "title");
    id_ = *id;
    if (auto r = Edit(*author); !r) return r;
    for (size_t i = 0; i < f_.attachments.size(); ++i) {
      const auto& a = f_.attachments[i];
      auto d = Current();
      if (!d) return d.error();
      if (auto r = AddAttachment(store_, setup_, id_, d->version, a.name, a.media_type, a.part, a.text, *author,
                                 At(f_.drafted));
          !r) {
        return Wrap(r.error(), fmt::format("attachment[{}]", i));
      }
    }
    if (auto r = Signature(f_.submitted, true); !r) return r;
    for (const auto& s : f_.signatures) {
      if (auto r = Signature(s, false); !r) return r;
    }
    for (const auto& d : f_.decides) {
      if (auto r = Decide(d); !r) return r;
    }
    if (!f_.plan) return Ok();
    auto setter = ActorOf(f_.plan_set);
    if (!setter) return setter.error();
    if (auto r = SetPublicationPlan(store_, setup_, id_, *f_.plan, *setter, At(f_.plan_set)); !r) {
      return Wrap(r.error(), "publication");
    }
    for (size_t i = 0; i < f_.redactions.size(); ++i) {
      if (auto r = Redact(f_.redactions[i], static_cast<int>(i) + 1); !r) return r;
    }
    for (const auto& e : f_.events) {
      if (auto r = Event(e); !r) return r;
    }
    return Ok();
  }

 private:
  Error Wrap(const Error& e, const std::string& key) const {
    std::string message = e.where.empty() || e.where == key ? e.message : e.where + ": " + e.message;
    return Fail(e.code, message, f_.file + ": " + key);
  }

  Result<workflow::Actor> ActorOf(const DemoAct& act) {
    auto user = store_.FindUser(act.by);
    if (!user) return Wrap(user.error(), act.by_key);
    return ActorFor(*user);
  }

  Instant At(const DemoAct& act) {
    std::int64_t days = act.on.days().time_since_epoch().count();
    return Instant{days * 86400 + 9 * 3600 + 60 * minute_++};
  }

  Result<decisions::Decision> Current() { return store_.FindDecisionById(id_); }

  Result<void> Edit(const workflow::Actor& author) {
    auto d = Current();
    if (!d) return d.error();
    workflow::DraftEdit e = workflow::EditOf(*d);
    e.title = f_.title;
    e.category = f_.category;
    e.amount_pence = f_.amount_pence;
    e.sections = f_.sections;
    e.fields = f_.fields;
    e.background_papers = f_.background_papers;
    e.persons_consulted = f_.persons_consulted;
    e.publication = f_.answers;
    if (auto r = EditDraft(store_, setup_, id_, d->version, e, author, At(f_.drafted)); !r) {
      return Wrap(r.error(), "sections");
    }
    return Ok();
  }

  Result<void> Signature(const DemoSignature& s, bool submission) {
    const std::string& key = s.act.key;
    auto actor = ActorOf(s.act);
    if (!actor) return actor.error();
    auto d = Current();
    if (!d) return d.error();
    workflow::SignInput in;
    in.step = s.step;
    in.capacity = s.capacity;
    in.advice = s.advice;
    in.declaration_confirmed = true;
    in.content_hash = workflow::ContentHash(*d);
    auto r = submission ? Submit(store_, setup_, id_, in, *actor, At(s.act))
                        : Sign(store_, setup_, id_, in, *actor, At(s.act));
    if (!r) return Wrap(r.error(), key);
    return Ok();
  }

  Result<void> Decide(const DemoDecide& s) {
    auto actor = ActorOf(s.act);
    if (!actor) return actor.error();
    auto d = Current();
    if (!d) return d.error();
    workflow::DecideInput in;
    in.step = s.step;
    in.capacity = s.capacity;
    in.outcome = s.outcome;
    in.reasons = s.reasons;
    in.no_interests = s.interests.empty();
    in.interests = s.interests;
    in.declaration_confirmed = true;
    in.content_hash = workflow::ContentHash(*d);
    if (auto r = services::Decide(store_, setup_, id_, in, *actor, At(s.act)); !r) return Wrap(r.error(), s.act.key);
    return Ok();
  }

  Result<void> Redact(const DemoRedaction& r, int number) {
    auto proposer = ActorOf(r.proposed);
    if (!proposer) return proposer.error();
    publication::RedactionProposal p = r.proposal;
    if (p.target == decisions::RedactionTarget::kAttachment) {
      // The file names the attachment; the record holds its SHA-256.
      auto d = Current();
      if (!d) return d.error();
      auto it = std::find_if(d->attachments.begin(), d->attachments.end(),
                             [&](const auto& a) { return a.name == p.attachment_sha256; });
      if (it == d->attachments.end()) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("no attachment named '{}'", p.attachment_sha256),
                    f_.file + ": " + r.proposed.key + ".attachment");
      }
      p.attachment_sha256 = it->sha256;
    }
    if (auto done = ProposeRedaction(store_, setup_, id_, p, *proposer, At(r.proposed)); !done) {
      return Wrap(done.error(), r.proposed.key);
    }
    if (!r.signed_off) return Ok();
    auto signer = ActorOf(*r.signed_off);
    if (!signer) return signer.error();
    if (auto done = SignOffRedaction(store_, setup_, id_, number, *signer, At(*r.signed_off)); !done) {
      return Wrap(done.error(), r.signed_off->key + ".signed_off_by");
    }
    return Ok();
  }

  Result<void> Event(const DemoEvent& e) {
    auto actor = ActorOf(e.act);
    if (!actor) return actor.error();
    Result<void> r = Ok();
    if (e.action == "publish") {
      r = Publish(store_, setup_, id_, *actor, At(e.act));
    } else if (e.action == "correct") {
      Correction c{e.title, e.sections, e.note};
      r = Correct(store_, setup_, id_, c, *actor, At(e.act));
    } else {
      r = Withdraw(store_, setup_, id_, e.note, *actor, At(e.act));
    }
    if (!r) return Wrap(r.error(), e.act.key);
    return Ok();
  }

  storage::Store& store_;
  const WorkflowSetup& setup_;
  const DemoDecisionFile& f_;
  std::int64_t id_ = 0;
  int minute_ = 0;
};

}  // namespace

Result<int> LoadDemoDecisions(storage::Store& store, const Catalogue& catalogue, const std::string& dir,
                              Instant now) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") paths.push_back(entry.path().string());
  }
  if (ec) return Fail(ErrorCode::kUnavailable, "cannot list the demo decisions: " + ec.message(), dir);
  std::sort(paths.begin(), paths.end());
  // Every file is read and checked before the first is run.
  std::vector<DemoDecisionFile> files;
  for (const auto& path : paths) {
    auto text = ReadWholeFile(path);
    if (!text) return text.error();
    auto parsed = ParseDemoDecisionFile(*text, path, now.UkDate());
    if (!parsed) return parsed.error();
    auto body = store.FindBody(parsed->body);
    if (!body) {
      if (body.error().code == ErrorCode::kNotFound) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("there is no body '{}' (demo/bodies.toml)", parsed->body),
                    path + ": body");
      }
      return body.error();
    }
    // What can be checked before anything is written: the people and the form's sections.
    for (const DemoAct* act : parsed->Acts()) {
      auto user = store.FindUser(act->by);
      if (user) continue;
      if (user.error().code != ErrorCode::kNotFound) return user.error();
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("there is no staff account '{}' (demo/staff.toml names the demo's people)", act->by),
                  path + ": " + act->by_key);
    }
    const decisions::Form* form = catalogue.FindForm(body->form);
    if (!form) return Fail(ErrorCode::kInternal, fmt::format("the form '{}' is not loaded", body->form), path);
    for (const auto& s : parsed->sections) {
      if (!form->FindSection(s.key)) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("'{}' is not a section of the form {}", s.key, form->id),
                    path + ": sections." + s.key);
      }
    }
    files.push_back(std::move(*parsed));
  }
  WorkflowSetup setup{catalogue, ""};
  for (const auto& f : files) {
    if (auto r = Runner(store, setup, f).Run(); !r) return r.error();
  }
  return static_cast<int>(files.size());
}

}  // namespace assent::services
