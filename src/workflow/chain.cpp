#include "workflow/chain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "audit/event.hpp"
#include "core/hash.hpp"
#include "core/text.hpp"
#include "workflow/lifecycle.hpp"

namespace assent::workflow {
namespace {

using decisions::Decision;
using decisions::Status;
using Json = nlohmann::json;

constexpr std::string_view kCommissioner = "commissioner";

// The deputy who may sign for a role, or empty.
std::string_view DeputyOf(std::string_view role) {
  if (role == "chief_executive") return "deputy_chief_executive";
  if (role == "commissioner") return "deputy_commissioner";
  return {};
}

std::string NormaliseCapacity(std::string_view text) {
  std::string s = ToLowerAscii(CollapseSpaces(text));
  s = ReplaceAll(std::move(s), "&", "and");
  s = ReplaceAll(std::move(s), ",", "");
  return CollapseSpaces(s);
}

// The role a printed capacity names, when it is one we know ("Chief Executive",
// "PFCC", "Deputy PFCC"...); empty for a capacity that names no role.
std::string CapacityRole(std::string_view capacity) {
  static const std::map<std::string, std::string> kNames = [] {
    std::map<std::string, std::string> m;
    for (auto role : accounts::Roles()) {
      m[NormaliseCapacity(accounts::RoleLabel(role))] = std::string(role);
    }
    for (const char* c : {"pcc", "pfcc", "police fire and crime commissioner", "commissioner"}) {
      m[c] = "commissioner";
    }
    for (const char* c : {"deputy pcc", "deputy pfcc", "dpcc", "dpfcc", "deputy commissioner",
                          "deputy police fire and crime commissioner"}) {
      m[c] = "deputy_commissioner";
    }
    return m;
  }();
  auto it = kNames.find(NormaliseCapacity(capacity));
  return it == kNames.end() ? std::string() : it->second;
}

// "cumbria" -> "Cumbria", "north-yorkshire" -> "North Yorkshire".
std::string BodyName(std::string_view slug) {
  std::string out;
  bool start = true;
  for (char c : slug) {
    if (c == '-') {
      out += ' ';
      start = true;
      continue;
    }
    out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  return out;
}

// "A", "A or B", "A, B or C" (with `last` "and": "A, B and C").
std::string JoinOr(const std::vector<std::string>& items, std::string_view last = "or") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? fmt::format(" {} ", last) : ", ";
    out += items[i];
  }
  return out;
}

std::string StepName(const Step& step) { return fmt::format("Step {} ({})", step.number, step.label); }

std::string SignerName(const decisions::SignOff& s) {
  if (s.name && !s.name->empty()) return *s.name;
  return s.role.value_or("someone");
}

const decisions::SignOff* StandingSignature(const Decision& d, std::string_view step) {
  const decisions::SignOff* found = nullptr;
  for (const auto& s : d.signoffs) {
    if (s.step == step && s.stands()) found = &s;
  }
  return found;
}

// The capacities of a block for the role that signs it after routing.
std::vector<std::string> CapacitiesFor(const decisions::SignOffBlock& block, std::string_view role,
                                       bool deputy_allowed) {
  std::vector<std::string> offered = block.capacities;
  if (offered.empty()) offered.push_back(block.label);
  std::string_view deputy = deputy_allowed ? DeputyOf(role) : std::string_view();
  std::vector<std::string> out;
  for (const auto& c : offered) {
    std::string named = CapacityRole(c);
    bool fits = named.empty() ? role == block.role : (named == role || (!deputy.empty() && named == deputy));
    if (fits) out.push_back(c);
  }
  if (out.empty()) out.emplace_back(accounts::RoleLabel(role));
  return out;
}

Step MakeStep(const Decision& d, const decisions::SignOffBlock& block, int number,
              bool decision_maker, const Context& ctx) {
  Step s;
  s.number = number;
  s.key = block.key;
  s.label = block.label;
  s.role = block.role;
  s.decision_maker = decision_maker;
  if (decision_maker && block.role == kCommissioner) {
    Route route = RouteDecision(ctx.scheme, d.category, d.amount_pence);
    s.role = route.role;
    s.deputy_allowed = route.deputy_allowed;
    s.route = route.reason;
  }
  s.capacities = CapacitiesFor(block, s.role, s.deputy_allowed);
  s.declaration = block.declaration;
  s.advice = block.advice;
  s.signature = StandingSignature(d, block.key);
  return s;
}

Result<void> CheckContext(const Decision& d, const Context& ctx) {
  if (d.body != ctx.body.slug || d.form != ctx.form.id) {
    return Fail(ErrorCode::kInternal,
                fmt::format("decision of {} on form {} given the rules of {} and form {}", d.body,
                            d.form, ctx.body.slug, ctx.form.id));
  }
  return Ok();
}

const Step* FindStep(const std::vector<Step>& steps, std::string_view key) {
  for (const auto& s : steps) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

// Every sign-off before `step` (for a decision maker: every sign-off) must stand.
Result<void> CheckOrder(const std::vector<Step>& steps, const Step& step) {
  for (const auto& s : steps) {
    if (s.decision_maker || &s == &step || s.number >= step.number) break;
    if (!s.signature) {
      return Fail(ErrorCode::kIllegalTransition, fmt::format("the {} must sign first", s.label));
    }
  }
  return Ok();
}

// The capacity the actor signs in (see SignInput::capacity).
Result<std::string> ResolveCapacity(const Step& step, std::string_view requested,
                                    const Actor& actor, std::string_view body) {
  std::string basis = actor.Has(body, step.role) ? step.role : std::string(DeputyOf(step.role));
  bool deputy = basis != step.role;
  bool deputy_offered = false;
  for (const auto& c : step.capacities) deputy_offered |= deputy && CapacityRole(c) == basis;
  const auto fits = [&](const std::string& c) {
    if (deputy && !deputy_offered) return true;  // recorded as "Deputy <capacity>"
    std::string named = CapacityRole(c);
    return named.empty() || named == basis;
  };
  std::string capacity(Trim(requested));
  if (!capacity.empty()) {
    if (std::find(step.capacities.begin(), step.capacities.end(), capacity) == step.capacities.end()) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("'{}' is not a capacity of {}: choose {}", capacity, StepName(step),
                              JoinOr(step.capacities)),
                  "capacity");
    }
    if (!fits(capacity)) {
      std::vector<std::string> yours;
      for (const auto& c : step.capacities) {
        if (fits(c)) yours.push_back(c);
      }
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("you hold {}, so you cannot sign as {}{}", accounts::RoleLabel(basis),
                              capacity, yours.empty() ? "" : ": sign as " + JoinOr(yours)),
                  "capacity");
    }
  } else {
    std::vector<std::string> candidates;
    for (const auto& c : step.capacities) {
      if (fits(c)) candidates.push_back(c);
    }
    if (candidates.size() != 1) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("choose the capacity you sign {} in: {}", StepName(step),
                              JoinOr(candidates.empty() ? step.capacities : candidates)),
                  "capacity");
    }
    capacity = candidates.front();
  }
  if (deputy && !deputy_offered) capacity = "Deputy " + capacity;
  return capacity;
}

// The checks every signature shares, after role and order: capacity, declaration and
// the content the signatory was shown. Returns the signature to record.
Result<decisions::SignOff> Signature(const Decision& d, const Step& step, std::string_view capacity,
                                     bool declaration_confirmed, std::string_view content_hash,
                                     const Actor& actor, const Context& ctx) {
  auto role = ResolveCapacity(step, capacity, actor, d.body);
  if (!role) return role.error();
  if (!step.declaration.empty() && !declaration_confirmed) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("confirm the declaration of {} to sign it", StepName(step)), "declaration");
  }
  std::string current = ContentHash(d);
  if (content_hash != current) {
    return Fail(ErrorCode::kConflict, "the draft changed while you were reading it; review it again");
  }
  decisions::SignOff s;
  s.step = step.key;
  s.role = *role;
  s.name = actor.name.empty() ? actor.username : actor.name;
  s.date = ctx.today;
  s.declaration = step.declaration;
  s.user_id = actor.id;
  s.signed_at = ctx.now;
  s.content_hash = std::move(current);
  return s;
}

// Voids every standing signature; returns the accounts concerned (each once).
std::vector<std::int64_t> VoidSignatures(Decision& d, const std::string& why) {
  std::vector<std::int64_t> ids;
  for (auto& s : d.signoffs) {
    if (!s.stands()) continue;
    s.voided = why;
    if (s.user_id != 0 && std::find(ids.begin(), ids.end(), s.user_id) == ids.end()) {
      ids.push_back(s.user_id);
    }
  }
  return ids;
}

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

bool IsEditor(const Decision& d, const Actor& actor) {
  return (d.author_id != 0 && d.author_id == actor.id) ||
         actor.Has(d.body, "originating_officer") || actor.Has(d.body, "governance_officer");
}

bool IsHex64(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Json OptionalJson(const std::optional<bool>& v) { return v ? Json(*v) : Json(nullptr); }
Json OptionalJson(const std::optional<Date>& v) { return v ? Json(v->ToIso()) : Json(nullptr); }

}  // namespace

std::string HeldRoles(const Actor& actor, std::string_view body) {
  std::vector<std::string> labels;
  for (const auto& g : actor.roles) {
    if (g.body != body && g.body != "*") continue;
    std::string label(accounts::RoleLabel(g.role));
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  }
  if (labels.empty()) return fmt::format("you hold no role in {}", BodyName(body));
  std::string out = "you hold: ";
  for (size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
  return out;
}

bool Actor::Has(std::string_view body, std::string_view role) const {
  return std::any_of(roles.begin(), roles.end(), [&](const accounts::RoleGrant& g) {
    return g.role == role && (g.body == body || g.body == "*");
  });
}

std::string ContentSnapshot(const Decision& d) {
  Json doc;
  doc["format"] = "assent-content/1";
  doc["title"] = d.title;
  doc["category"] = d.category;
  doc["amount_pence"] = d.amount_pence ? Json(*d.amount_pence) : Json(nullptr);
  Json sections = Json::array();
  for (const auto& s : d.sections) {
    sections.push_back({{"key", s.key}, {"heading", s.heading}, {"part", static_cast<int>(s.part)},
                        {"text", s.text}});
  }
  doc["sections"] = std::move(sections);
  Json fields = Json::array();
  for (const auto& f : d.fields) fields.push_back({{"key", f.key}, {"value", f.value}});
  doc["fields"] = std::move(fields);
  Json boards = Json::array();
  for (const auto& b : d.boards) boards.push_back({{"name", b.name}, {"date", OptionalJson(b.date)}});
  doc["boards"] = std::move(boards);
  Json papers = Json::array();
  for (const auto& p : d.background_papers) {
    papers.push_back({{"title", p.title}, {"part", static_cast<int>(p.part)}});
  }
  doc["background_papers"] = std::move(papers);
  doc["persons_consulted"] = d.persons_consulted;
  Json attachments = Json::array();
  for (const auto& a : d.attachments) {
    attachments.push_back({{"name", a.name},
                           {"media_type", a.media_type},
                           {"part", static_cast<int>(a.part)},
                           {"sha256", a.sha256},
                           {"size", a.size}});
  }
  doc["attachments"] = std::move(attachments);
  const auto& p = d.publication;
  doc["publication"] = {{"deferred", OptionalJson(p.deferred)},
                        {"deferral_reason", p.deferral_reason},
                        {"deferred_until", OptionalJson(p.deferred_until)},
                        {"part2_exists", OptionalJson(p.part2_exists)},
                        {"part2_reason", p.part2_reason},
                        {"for_publication", OptionalJson(p.for_publication)},
                        {"non_publication_reason", p.non_publication_reason},
                        {"redaction_required", OptionalJson(p.redaction_required)}};
  const auto& m = d.media;
  doc["media"] = {{"press_release_required", OptionalJson(m.press_release_required)},
                  {"strategy_formulated", OptionalJson(m.strategy_formulated)},
                  {"strategy_attached", OptionalJson(m.strategy_attached)},
                  {"press_release_date", OptionalJson(m.press_release_date)}};
  // Keys sorted (nlohmann's default map), two-space indent, UTF-8 kept as is (an invalid
  // byte becomes U+FFFD rather than failing).
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string ContentHash(const Decision& d) { return Sha256Hex(ContentSnapshot(d)); }

std::vector<Step> Steps(const Decision& d, const Context& ctx) {
  std::vector<Step> steps;
  int n = 0;
  for (const auto& b : ctx.form.signoffs) steps.push_back(MakeStep(d, b, ++n, false, ctx));
  for (const auto& b : ctx.form.decision_makers) steps.push_back(MakeStep(d, b, ++n, true, ctx));
  return steps;
}

std::vector<Step> OpenSteps(const Decision& d, const Context& ctx) {
  std::vector<Step> open;
  if (d.status != Status::kSubmitted) return open;
  std::vector<Step> steps = Steps(d, ctx);
  for (const auto& s : steps) {
    if (!s.decision_maker && !s.signature) return {s};
  }
  for (const auto& s : steps) {
    if (s.decision_maker && !s.signature) open.push_back(s);
  }
  return open;
}

Result<void> MaySign(const Decision& d, const Step& step, const Actor& actor) {
  if (step.signature) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("{} is already signed by {}", StepName(step), SignerName(*step.signature)));
  }
  if (actor.Has(d.body, step.role)) return Ok();
  std::string_view deputy = DeputyOf(step.role);
  std::string principal(accounts::RoleLabel(step.role));
  if (!deputy.empty() && actor.Has(d.body, deputy)) {
    if (step.deputy_allowed) return Ok();
    std::string why = step.route.empty() ? "this is a reserved decision" : step.route;
    return Fail(ErrorCode::kForbidden,
                fmt::format("{}: only the {} may take it, not a deputy", why, principal));
  }
  std::string who = "the " + principal;
  if (!deputy.empty() && step.deputy_allowed) who += " or " + std::string(accounts::RoleLabel(deputy));
  return Fail(ErrorCode::kForbidden, fmt::format("{} is signed by {} of {}; {}", StepName(step), who,
                                                 BodyName(d.body), HeldRoles(actor, d.body)));
}

Decision NewDraft(const Context& ctx, const Actor& actor, std::string title) {
  Decision d;
  d.body = ctx.body.slug;
  d.form = ctx.form.id;
  d.title = std::string(Trim(title));
  for (const auto& s : ctx.form.sections) d.sections.push_back({s.key, s.heading, s.part, ""});
  for (const auto& f : ctx.form.fields) d.fields.push_back({f.key, ""});
  d.status = Status::kDraft;
  d.author_id = actor.id;
  return d;
}

Result<Change> Edit(const Decision& decision, const DraftEdit& edit, const Actor& actor,
                    const Context& ctx) {
  if (auto ok = CheckContext(decision, ctx); !ok) return ok.error();
  if (decision.status != Status::kDraft && decision.status != Status::kSubmitted) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("cannot edit a decision that is {}", decisions::StatusName(decision.status)));
  }
  if (!IsEditor(decision, actor)) {
    return Fail(ErrorCode::kForbidden,
                fmt::format("only the author of this draft, or an Originating Officer or Governance "
                            "Officer of {}, may edit it; {}",
                            BodyName(decision.body), HeldRoles(actor, decision.body)));
  }
  const auto bad = [](std::string where, std::string message) {
    return Fail(ErrorCode::kInvalidInput, std::move(message), std::move(where));
  };
  Decision next = decision;
  next.title = std::string(Trim(edit.title));
  if (next.title.empty()) return bad("title", "the decision needs a title");
  next.category = std::string(Trim(edit.category));
  if (!next.category.empty() && !ctx.scheme.FindCategory(next.category)) {
    return bad("category", fmt::format("'{}' is not a category of {}'s scheme of delegation",
                                       next.category, BodyName(decision.body)));
  }
  if (edit.amount_pence && *edit.amount_pence < 0) return bad("amount", "must not be negative");
  next.amount_pence = edit.amount_pence;

  std::set<std::string> seen;
  for (const auto& s : edit.sections) {
    const decisions::FormSection* fs = ctx.form.FindSection(s.key);
    if (!fs) {
      return bad("sections", fmt::format("'{}' is not a section of the form {}", s.key, ctx.form.id));
    }
    if (!seen.insert(s.key).second) return bad("sections", fmt::format("'{}' is given twice", s.key));
    auto it = std::find_if(next.sections.begin(), next.sections.end(),
                           [&](const decisions::Section& x) { return x.key == s.key; });
    if (it == next.sections.end()) {
      next.sections.push_back({fs->key, fs->heading, fs->part, s.text});
    } else {
      it->text = s.text;
    }
  }
  seen.clear();
  for (const auto& f : edit.fields) {
    bool known = std::any_of(ctx.form.fields.begin(), ctx.form.fields.end(),
                             [&](const decisions::FormField& x) { return x.key == f.key; });
    if (!known) return bad("fields", fmt::format("'{}' is not a field of the form {}", f.key, ctx.form.id));
    if (!seen.insert(f.key).second) return bad("fields", fmt::format("'{}' is given twice", f.key));
    auto it = std::find_if(next.fields.begin(), next.fields.end(),
                           [&](const decisions::FieldValue& x) { return x.key == f.key; });
    if (it == next.fields.end()) {
      next.fields.push_back(f);
    } else {
      it->value = f.value;
    }
  }
  for (size_t i = 0; i < edit.attachments.size(); ++i) {
    const auto& a = edit.attachments[i];
    std::string where = fmt::format("attachments[{}]", i);
    if (Trim(a.name).empty()) return bad(where, "an attachment needs a file name");
    if (!IsHex64(a.sha256)) return bad(where, "sha256 must be 64 lower-case hex digits");
    if (a.size < 0) return bad(where, "size must not be negative");
  }
  next.boards = edit.boards;
  next.background_papers = edit.background_papers;
  next.persons_consulted = edit.persons_consulted;
  next.attachments = edit.attachments;
  next.publication = edit.publication;
  next.media = edit.media;
  for (const auto& s : next.sections) {
    if (s.part == decisions::Part::kPart2 && !Trim(s.text).empty()) next.publication.part2_exists = true;
  }

  Change change;
  change.action = std::string(audit::action::kDecisionEdit);
  std::string before = ContentHash(decision);
  if (ContentHash(next) == before) {
    change.decision = decision;
    change.summary = "saved with no change to the content";
    return change;
  }
  // What changed, by name only: the audit detail never holds the text (it may be Part 2).
  std::vector<std::string> what;
  if (next.title != decision.title) what.push_back("title");
  if (next.category != decision.category) what.push_back("category");
  if (next.amount_pence != decision.amount_pence) what.push_back("amount");
  std::vector<std::string> changed_sections;
  for (const auto& s : next.sections) {
    const auto* old = [&]() -> const decisions::Section* {
      for (const auto& o : decision.sections) {
        if (o.key == s.key) return &o;
      }
      return nullptr;
    }();
    if (!old || old->text != s.text) changed_sections.push_back(s.key);
  }
  if (!changed_sections.empty()) {
    what.push_back(fmt::format("sections ({})", fmt::join(changed_sections, ", ")));
  }
  if (next.fields != decision.fields) what.push_back("fields");
  if (next.boards != decision.boards) what.push_back("governance boards");
  if (next.background_papers != decision.background_papers) what.push_back("background papers");
  if (next.persons_consulted != decision.persons_consulted) what.push_back("persons consulted");
  if (next.attachments != decision.attachments) what.push_back("attachments");
  if (next.publication != decision.publication) what.push_back("publication answers");
  if (next.media != decision.media) what.push_back("media answers");
  change.summary = fmt::format("edited {}", fmt::join(what, ", "));

  size_t standing = static_cast<size_t>(std::count_if(
      next.signoffs.begin(), next.signoffs.end(), [](const decisions::SignOff& s) { return s.stands(); }));
  if (standing > 0) {
    change.voided_signatories = VoidSignatures(
        next, fmt::format("voided: content edited by {} at {}", actor.username, ctx.now));
    change.summary += fmt::format("; {} voided", Plural(standing, "signature", "signatures"));
  }
  if (next.status == Status::kSubmitted) {
    auto to = Next(next.status, Event::kEditSigned);
    if (!to) return to.error();
    next.status = *to;
    next.status_reason = fmt::format("content edited by {} at {} after it was signed; submit it again",
                                     actor.username, ctx.now);
    change.summary += "; returned to draft";
  }
  change.decision = std::move(next);
  return change;
}

DraftEdit EditOf(const Decision& d) {
  DraftEdit e;
  e.title = d.title;
  e.category = d.category;
  e.amount_pence = d.amount_pence;
  e.sections = d.sections;
  e.fields = d.fields;
  e.boards = d.boards;
  e.background_papers = d.background_papers;
  e.persons_consulted = d.persons_consulted;
  e.attachments = d.attachments;
  e.publication = d.publication;
  e.media = d.media;
  return e;
}

bool SubmissionSigns(const Step& first) {
  return !first.decision_maker && first.role == "originating_officer";
}

Result<Change> Submit(const Decision& decision, const SignInput& input, const Actor& actor,
                      const Context& ctx) {
  if (auto ok = CheckContext(decision, ctx); !ok) return ok.error();
  auto to = Next(decision.status, Event::kSubmit);
  if (!to) return to.error();
  std::vector<Step> steps = Steps(decision, ctx);
  const Step& first = steps.front();  // a form has at least one decision maker
  const bool signs = SubmissionSigns(first);
  if (!signs) {
    // The form's chain does not open with the originating officer's declaration
    // (Lancashire, Essex): submitting hands the draft to the chain and signs nothing.
    if (!IsEditor(decision, actor)) {
      return Fail(ErrorCode::kForbidden,
                  fmt::format("only the author, or an Originating Officer or Governance Officer of {}, "
                              "may submit it; {}",
                              BodyName(decision.body), HeldRoles(actor, decision.body)));
    }
  } else {
    if (!input.step.empty() && input.step != first.key) {
      return Fail(ErrorCode::kIllegalTransition,
                  fmt::format("submitting is the signature of {}, not of step '{}'", StepName(first),
                              input.step));
    }
    if (auto ok = MaySign(decision, first, actor); !ok) return ok.error();
  }
  if (Trim(decision.title).empty()) {
    return Fail(ErrorCode::kInvalidInput, "the decision needs a title", "title");
  }
  std::vector<std::string> missing;
  for (const auto& fs : ctx.form.sections) {
    if (!fs.required) continue;
    auto it = std::find_if(decision.sections.begin(), decision.sections.end(),
                           [&](const decisions::Section& s) { return s.key == fs.key; });
    if (it == decision.sections.end() || Trim(it->text).empty()) missing.push_back(fs.heading);
  }
  if (!missing.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("{} must have text before the draft is submitted",
                            (missing.size() == 1 ? "the section " : "the sections ") +
                                JoinOr(missing, "and")),
                "sections");
  }
  Change change;
  change.action = std::string(audit::action::kDecisionSubmit);
  change.decision = decision;
  if (!signs) {
    change.summary = "submitted";
  } else {
    auto sig = Signature(decision, first, input.capacity, input.declaration_confirmed,
                         input.content_hash, actor, ctx);
    if (!sig) return sig.error();
    if (first.advice) sig->advice = input.advice;
    change.summary = fmt::format("submitted: signed step {} as {}", first.key, *sig->role);
    change.decision.signoffs.push_back(std::move(*sig));
  }
  change.decision.status = *to;
  change.decision.status_reason.clear();
  return change;
}

Result<Change> Sign(const Decision& decision, const SignInput& input, const Actor& actor,
                    const Context& ctx) {
  if (auto ok = CheckContext(decision, ctx); !ok) return ok.error();
  std::vector<Step> steps = Steps(decision, ctx);
  const Step* step = FindStep(steps, input.step);
  if (!step) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the form {} has no step '{}'", ctx.form.id, input.step), "step");
  }
  if (decision.status == Status::kDraft) {
    if (SubmissionSigns(steps.front()) && step != &steps.front()) {
      return Fail(ErrorCode::kIllegalTransition,
                  fmt::format("the {} must sign first", steps.front().label));
    }
    return Fail(ErrorCode::kIllegalTransition, "the draft is not submitted yet: submit it to sign it");
  }
  if (decision.status != Status::kSubmitted) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("cannot sign a decision that is {}", decisions::StatusName(decision.status)));
  }
  if (step->decision_maker) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("{} is the decision: decide it, with the outcome and reasons", StepName(*step)));
  }
  if (auto ok = MaySign(decision, *step, actor); !ok) return ok.error();
  if (auto ok = CheckOrder(steps, *step); !ok) return ok.error();
  auto sig = Signature(decision, *step, input.capacity, input.declaration_confirmed,
                       input.content_hash, actor, ctx);
  if (!sig) return sig.error();
  if (step->advice) sig->advice = input.advice;
  Change change;
  change.action = std::string(audit::action::kDecisionSign);
  change.summary = fmt::format("signed step {} as {}", step->key, *sig->role);
  change.decision = decision;
  change.decision.signoffs.push_back(std::move(*sig));
  return change;
}

Result<Change> Decide(const Decision& decision, const DecideInput& input, const Actor& actor,
                      const Context& ctx) {
  if (auto ok = CheckContext(decision, ctx); !ok) return ok.error();
  std::vector<Step> steps = Steps(decision, ctx);
  std::string key = input.step;
  if (key.empty()) {
    if (ctx.form.decision_makers.size() != 1) {
      std::vector<std::string> names;
      for (const auto& s : steps) {
        if (s.decision_maker) names.push_back(StepName(s));
      }
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("this is a joint decision: say which block you decide ({})", JoinOr(names)),
                  "step");
    }
    key = ctx.form.decision_makers.front().key;
  }
  const Step* step = FindStep(steps, key);
  if (!step) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("the form {} has no step '{}'", ctx.form.id, key), "step");
  }
  if (!step->decision_maker) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("{} is a sign-off, not a decision: sign it", StepName(*step)));
  }
  if (decision.status != Status::kSubmitted) {
    if (decision.status == Status::kDraft) {
      return Fail(ErrorCode::kIllegalTransition, "the draft is not submitted yet");
    }
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("cannot decide a decision that is {}", decisions::StatusName(decision.status)));
  }
  if (auto ok = MaySign(decision, *step, actor); !ok) return ok.error();
  if (auto ok = CheckOrder(steps, *step); !ok) return ok.error();
  if (input.outcome != decisions::Outcome::kApproved && input.outcome != decisions::Outcome::kNotApproved) {
    return Fail(ErrorCode::kInvalidInput, "choose approved or not approved", "outcome");
  }
  std::string reasons(Trim(input.reasons));
  if (reasons.empty()) return Fail(ErrorCode::kInvalidInput, "give the reasons for the decision", "reasons");
  std::string interests(Trim(input.interests));
  if (input.no_interests == !interests.empty()) {
    return Fail(ErrorCode::kInvalidInput,
                input.no_interests ? "either record your interests or confirm you have none, not both"
                                   : "record your personal or prejudicial interests, or confirm you have none",
                "interests");
  }
  auto sig = Signature(decision, *step, input.capacity, input.declaration_confirmed,
                       input.content_hash, actor, ctx);
  if (!sig) return sig.error();
  sig->outcome = input.outcome;
  sig->reasons = reasons;
  sig->interests = interests;

  Change change;
  change.action = std::string(audit::action::kDecisionDecide);
  change.summary = fmt::format("decided step {} as {}: {}", step->key, *sig->role,
                               input.outcome == decisions::Outcome::kApproved ? "approved" : "not approved");
  change.decision = decision;
  change.decision.signoffs.push_back(std::move(*sig));
  Decision& d = change.decision;

  // Complete when every decision maker's block stands.
  bool complete = true;
  bool approved = true;
  std::vector<std::string> capacities;
  for (const auto& block : ctx.form.decision_makers) {
    const decisions::SignOff* s = StandingSignature(d, block.key);
    if (!s) {
      complete = false;
      break;
    }
    approved = approved && s->outcome == decisions::Outcome::kApproved;
    capacities.push_back(s->role.value_or(block.label));
  }
  if (complete) {
    auto to = Next(d.status, Event::kDecide);
    if (!to) return to.error();
    d.status = *to;
    d.decision_date = ctx.today;
    d.outcome = approved ? decisions::Outcome::kApproved : decisions::Outcome::kNotApproved;
    std::string joined;
    for (size_t i = 0; i < capacities.size(); ++i) joined += (i ? " and " : "") + capacities[i];
    d.decision_maker_role = joined;
    d.status_reason.clear();
    change.summary += fmt::format("; decision made: {}", approved ? "approved" : "not approved");
  }
  return change;
}

Result<Change> ReturnForRevision(const Decision& decision, std::string_view reason,
                                 const Actor& actor, const Context& ctx) {
  if (auto ok = CheckContext(decision, ctx); !ok) return ok.error();
  auto to = Next(decision.status, Event::kReturnForRevision);
  if (!to) return to.error();
  std::vector<Step> open = OpenSteps(decision, ctx);
  bool may = std::any_of(open.begin(), open.end(),
                         [&](const Step& s) { return static_cast<bool>(MaySign(decision, s, actor)); });
  if (!may) {
    std::vector<std::string> names;
    for (const auto& s : open) names.push_back(StepName(s));
    return Fail(ErrorCode::kForbidden,
                fmt::format("only someone who may sign {} may return it for revision; {}",
                            names.empty() ? std::string("the next step") : JoinOr(names),
                            HeldRoles(actor, decision.body)));
  }
  std::string why(Trim(reason));
  if (why.empty()) {
    return Fail(ErrorCode::kInvalidInput, "say why the draft is returned for revision", "reason");
  }
  Change change;
  change.action = std::string(audit::action::kDecisionReturn);
  change.decision = decision;
  change.voided_signatories = VoidSignatures(
      change.decision, fmt::format("voided: returned for revision by {} at {}", actor.username, ctx.now));
  change.decision.status = *to;
  change.decision.status_reason = why;
  change.summary = fmt::format("returned for revision: {}", why);
  return change;
}

Result<Change> Withdraw(const Decision& decision, std::string_view reason, const Actor& actor,
                        const Context& ctx) {
  if (auto ok = CheckContext(decision, ctx); !ok) return ok.error();
  const std::string& b = decision.body;
  if (decision.status == Status::kPublished) {
    // A published decision leaves a public tombstone (withdrawn_on, the reason).
    if (!actor.Has(b, "chief_executive") && !actor.Has(b, "deputy_chief_executive") &&
        !actor.Has(b, "monitoring_officer")) {
      return Fail(ErrorCode::kForbidden,
                  fmt::format("only the Chief Executive (or Deputy) or the Monitoring Officer of {} "
                              "may withdraw a published decision; {}",
                              BodyName(b), HeldRoles(actor, b)));
    }
    std::string why(Trim(reason));
    if (why.empty()) return Fail(ErrorCode::kInvalidInput, "say why the decision is withdrawn", "reason");
    Change change;
    change.action = std::string(audit::action::kDecisionWithdraw);
    change.decision = decision;
    change.decision.status = Status::kWithdrawn;
    change.decision.status_reason = why;
    change.decision.withdrawn_on = ctx.today;
    change.summary = fmt::format("published decision withdrawn (public tombstone): {}", why);
    return change;
  }
  if (decision.status != Status::kDraft && decision.status != Status::kSubmitted) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("cannot withdraw a decision that is {}", decisions::StatusName(decision.status)));
  }
  auto to = Next(decision.status, Event::kWithdraw);
  if (!to) return to.error();
  bool may = (decision.author_id != 0 && decision.author_id == actor.id) ||
             actor.Has(b, "governance_officer") || actor.Has(b, "chief_executive") ||
             actor.Has(b, "deputy_chief_executive") || actor.Has(b, "commissioner");
  if (!may) {
    return Fail(ErrorCode::kForbidden,
                fmt::format("only the author, a Governance Officer, the Chief Executive (or Deputy) or "
                            "the {} of {} may withdraw it; {}",
                            accounts::RoleLabel("commissioner"), BodyName(b), HeldRoles(actor, b)));
  }
  std::string why(Trim(reason));
  if (why.empty()) return Fail(ErrorCode::kInvalidInput, "say why the decision is withdrawn", "reason");
  Change change;
  change.action = std::string(audit::action::kDecisionWithdraw);
  change.decision = decision;
  change.decision.status = *to;
  change.decision.status_reason = why;
  change.summary = fmt::format("withdrawn: {}", why);
  return change;
}

bool MayView(const Decision& decision, const Actor& actor) {
  return std::any_of(actor.roles.begin(), actor.roles.end(), [&](const accounts::RoleGrant& g) {
    return g.body == decision.body || g.body == "*";
  });
}

bool MayEdit(const Decision& decision, const Actor& actor) {
  return (decision.status == Status::kDraft || decision.status == Status::kSubmitted) &&
         IsEditor(decision, actor);
}

}  // namespace assent::workflow
