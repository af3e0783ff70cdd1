#include "workflow/chain.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/files.hpp"

namespace assent::workflow {
namespace {

using decisions::Decision;
using decisions::Outcome;
using decisions::Status;

constexpr const char* kNow = "2026-11-21T10:15:00Z";

// A body with its real form (forms/*.toml) and a scheme of delegation.
struct World {
  decisions::Body body;
  decisions::Form form;
  DelegationScheme scheme;
  Context ctx() const { return Context{body, form, scheme, kNow, Date::ParseIso("2026-11-21").value()}; }
};

std::unique_ptr<World> Load(const std::string& slug, const std::string& form_file,
                            std::string_view delegation = "") {
  auto w = std::make_unique<World>();
  std::string path = "forms/" + form_file + ".toml";
  auto form = decisions::ParseForm(testing_support::ReadSourceFile(path), path);
  EXPECT_TRUE(form) << form.error().ToString();
  w->form = *form;
  w->body.slug = slug;
  w->body.name = slug;
  w->body.form = w->form.id;
  auto scheme = ParseDelegation(delegation, "test");
  EXPECT_TRUE(scheme) << scheme.error().ToString();
  w->scheme = *scheme;
  return w;
}

// Cumbria: the chief executive decides anything not reserved up to £25,000.
constexpr std::string_view kCumbriaScheme =
    "[[rule]]\nrole = \"chief_executive\"\ncategories = [\"*\"]\nup_to = 25000\n";

Actor Person(std::int64_t id, std::string username, std::string name,
             std::vector<accounts::RoleGrant> roles) {
  return Actor{id, std::move(username), std::move(name), std::move(roles)};
}

// Cumbria's staff.
const Actor kOriginator = Person(1, "oofficer", "Olive Officer", {{"cumbria", "originating_officer"}});
const Actor kCe = Person(2, "cexec", "Carl Exec", {{"cumbria", "chief_executive"}});
const Actor kDce = Person(3, "dexec", "Dora Deputy", {{"cumbria", "deputy_chief_executive"}});
const Actor kPcc = Person(4, "pcc", "Peter Commissioner", {{"cumbria", "commissioner"}});
const Actor kDpcc = Person(5, "dpcc", "Daisy Deputy", {{"cumbria", "deputy_commissioner"}});
const Actor kGov = Person(6, "gov", "Gill Governance", {{"cumbria", "governance_officer"}});
const Actor kMedia = Person(7, "media", "Mo Media", {{"cumbria", "media_officer"}});
const Actor kEssexPcc = Person(8, "essexpcc", "Eve Essex", {{"essex", "commissioner"}});
const Actor kAdmin = Person(9, "admin", "Ada Admin", {{"*", "administrator"}});


void SetSection(DraftEdit& e, const std::string& key, const std::string& text) {
  for (auto& s : e.sections) {
    if (s.key == key) {
      s.text = text;
      return;
    }
  }
  e.sections.push_back({key, "", decisions::Part::kPart1, text});
}

// A draft by `author` with the form's required sections written.
Decision Filled(const World& w, const Actor& author, std::string category = "",
                std::optional<std::int64_t> amount = std::nullopt) {
  Decision d = NewDraft(w.ctx(), author, "Replacement of the CCTV system");
  DraftEdit e = EditOf(d);
  for (const auto& s : w.form.sections) {
    if (s.required) SetSection(e, s.key, s.heading + " text.");
  }
  e.category = std::move(category);
  e.amount_pence = amount;
  auto c = Edit(d, e, author, w.ctx());
  EXPECT_TRUE(c) << c.error().ToString();
  return c->decision;
}

SignInput SignFor(const Decision& d, std::string step, std::string capacity = "") {
  SignInput in;
  in.step = std::move(step);
  in.capacity = std::move(capacity);
  in.declaration_confirmed = true;
  in.content_hash = ContentHash(d);
  return in;
}

DecideInput DecideFor(const Decision& d, std::string step, Outcome outcome = Outcome::kApproved,
                      std::string capacity = "") {
  DecideInput in;
  in.step = std::move(step);
  in.capacity = std::move(capacity);
  in.outcome = outcome;
  in.reasons = "Value for money and the plan's priorities.";
  in.no_interests = true;
  in.declaration_confirmed = true;
  in.content_hash = ContentHash(d);
  return in;
}

Decision Must(const Result<Change>& c) {
  EXPECT_TRUE(c) << c.error().ToString();
  return c ? c->decision : Decision{};
}

void ExpectRefused(const Result<Change>& c, ErrorCode code, const std::string& message) {
  ASSERT_FALSE(c) << "expected a refusal: " << message;
  EXPECT_EQ(c.error().code, code) << c.error().ToString();
  EXPECT_EQ(c.error().message, message);
}

class Chain : public ::testing::Test {
 protected:
  std::unique_ptr<World> cumbria = Load("cumbria", "cumbria-request-for-decision", kCumbriaScheme);
  std::unique_ptr<World> essex = Load("essex", "essex-decision-report");
  std::unique_ptr<World> lancashire = Load("lancashire", "lancashire-joint-management-board");

  // Cumbria, submitted by the originating officer.
  Decision Submitted(std::string category = "", std::optional<std::int64_t> amount = std::nullopt) {
    Decision d = Filled(*cumbria, kOriginator, std::move(category), amount);
    return Must(Submit(d, SignFor(d, "originating_officer"), kOriginator, cumbria->ctx()));
  }
  // Cumbria, submitted and approved by the OPCC officer: the decision is open.
  Decision ReadyToDecide(std::string category = "", std::optional<std::int64_t> amount = std::nullopt) {
    Decision d = Submitted(std::move(category), amount);
    return Must(Sign(d, SignFor(d, "opcc_officer"), kCe, cumbria->ctx()));
  }
};

TEST_F(Chain, CumbriaStepsComeFromTheForm) {
  Decision d = Filled(*cumbria, kOriginator);
  auto steps = Steps(d, cumbria->ctx());
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].number, 1);
  EXPECT_EQ(steps[0].key, "originating_officer");
  EXPECT_EQ(steps[0].capacities, std::vector<std::string>{"Originating Officer"});
  EXPECT_EQ(steps[1].role, "chief_executive");
  EXPECT_EQ(steps[1].capacities, (std::vector<std::string>{"Chief Executive", "Deputy Chief Executive"}));
  EXPECT_TRUE(steps[1].advice);
  EXPECT_FALSE(steps[1].decision_maker);
  EXPECT_EQ(steps[2].number, 3);
  EXPECT_TRUE(steps[2].decision_maker);
  EXPECT_EQ(steps[2].role, "commissioner");  // uncategorised: the commissioner in person
  EXPECT_FALSE(steps[2].deputy_allowed);
  EXPECT_EQ(steps[2].capacities, std::vector<std::string>{"Police & Crime Commissioner"});
  EXPECT_EQ(steps[2].route,
            "no category chosen: only the Police & Crime Commissioner may decide until one is");
  EXPECT_FALSE(steps[2].declaration.empty());
  for (const auto& s : steps) EXPECT_EQ(s.signature, nullptr);
  EXPECT_TRUE(OpenSteps(d, cumbria->ctx()).empty());  // a draft has no open step
}

TEST_F(Chain, NewDraftHasTheFormsSectionsAndFields) {
  Decision d = NewDraft(essex->ctx(), kEssexPcc, "  Estates strategy ");
  EXPECT_EQ(d.title, "Estates strategy");
  EXPECT_EQ(d.body, "essex");
  EXPECT_EQ(d.form, "essex-decision-report");
  EXPECT_EQ(d.status, Status::kDraft);
  EXPECT_EQ(d.author_id, 8);
  EXPECT_TRUE(d.reference.empty());
  ASSERT_EQ(d.sections.size(), essex->form.sections.size());
  EXPECT_EQ(d.sections.back().key, "part2");
  EXPECT_EQ(d.sections.back().part, decisions::Part::kPart2);
  EXPECT_EQ(d.sections.back().heading, "Appendix (not for publication)");
  ASSERT_EQ(d.fields.size(), 5u);
  EXPECT_EQ(d.fields[0].key, "classification");
  EXPECT_TRUE(d.fields[0].value.empty());
}

TEST_F(Chain, CumbriaFromDraftToDecision) {
  Decision d = Filled(*cumbria, kOriginator, "procurement", 3000000);  // £30,000: above the CE's limit
  auto sub = Submit(d, SignFor(d, "originating_officer"), kOriginator, cumbria->ctx());
  ASSERT_TRUE(sub) << sub.error().ToString();
  EXPECT_EQ(sub->action, "decision.submit");
  EXPECT_EQ(sub->summary, "submitted: signed step originating_officer as Originating Officer");
  d = sub->decision;
  EXPECT_EQ(d.status, Status::kSubmitted);
  ASSERT_EQ(d.signoffs.size(), 1u);
  const auto& first = d.signoffs[0];
  EXPECT_EQ(first.step, "originating_officer");
  EXPECT_EQ(first.role, "Originating Officer");
  EXPECT_EQ(first.name, "Olive Officer");
  EXPECT_EQ(first.date, Date::ParseIso("2026-11-21").value());
  EXPECT_EQ(first.user_id, 1);
  EXPECT_EQ(first.signed_at, kNow);
  EXPECT_EQ(first.content_hash, ContentHash(d));
  EXPECT_EQ(first.declaration, cumbria->form.signoffs[0].declaration);
  EXPECT_TRUE(first.stands());

  auto open = OpenSteps(d, cumbria->ctx());
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].key, "opcc_officer");

  SignInput in = SignFor(d, "opcc_officer");
  in.advice = "Procured through the regional framework.";
  auto signed_ = Sign(d, in, kDce, cumbria->ctx());
  ASSERT_TRUE(signed_) << signed_.error().ToString();
  EXPECT_EQ(signed_->action, "decision.sign");
  EXPECT_EQ(signed_->summary, "signed step opcc_officer as Deputy Chief Executive");
  d = signed_->decision;
  EXPECT_EQ(d.signoffs[1].role, "Deputy Chief Executive");
  EXPECT_EQ(d.signoffs[1].advice, "Procured through the regional framework.");

  open = OpenSteps(d, cumbria->ctx());
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].key, "commissioner");
  EXPECT_EQ(open[0].role, "commissioner");

  DecideInput decide = DecideFor(d, "");  // a single decision maker: the step may be left out
  decide.no_interests = false;
  decide.interests = "My brother-in-law works for a bidder; I took no part in the evaluation.";
  auto decided = Decide(d, decide, kPcc, cumbria->ctx());
  ASSERT_TRUE(decided) << decided.error().ToString();
  EXPECT_EQ(decided->action, "decision.decide");
  EXPECT_EQ(decided->summary,
            "decided step commissioner as Police & Crime Commissioner: approved; decision made: approved");
  d = decided->decision;
  EXPECT_EQ(d.status, Status::kDecided);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_EQ(d.decision_date, Date::ParseIso("2026-11-21").value());
  EXPECT_EQ(d.decision_maker_role, "Police & Crime Commissioner");
  const auto& maker = d.signoffs[2];
  EXPECT_EQ(maker.outcome, Outcome::kApproved);
  EXPECT_EQ(maker.reasons, "Value for money and the plan's priorities.");
  EXPECT_EQ(maker.interests, "My brother-in-law works for a bidder; I took no part in the evaluation.");
  EXPECT_EQ(maker.name, "Peter Commissioner");
  EXPECT_TRUE(OpenSteps(d, cumbria->ctx()).empty());
}

TEST_F(Chain, RefusalsSayWhyInWordsForStaff) {
  Decision draft = Filled(*cumbria, kOriginator);
  ExpectRefused(Sign(draft, SignFor(draft, "opcc_officer"), kCe, cumbria->ctx()),
                ErrorCode::kIllegalTransition, "the Originating Officer must sign first");

  Decision d = Submitted();
  ExpectRefused(Sign(d, SignFor(d, "opcc_officer"), kOriginator, cumbria->ctx()), ErrorCode::kForbidden,
                "Step 2 (OPCC Officer Approval) is signed by the Chief Executive or Deputy Chief "
                "Executive of Cumbria; you hold: Originating Officer");
  ExpectRefused(Sign(d, SignFor(d, "opcc_officer"), kEssexPcc, cumbria->ctx()), ErrorCode::kForbidden,
                "Step 2 (OPCC Officer Approval) is signed by the Chief Executive or Deputy Chief "
                "Executive of Cumbria; you hold no role in Cumbria");
  ExpectRefused(Sign(d, SignFor(d, "originating_officer"), kOriginator, cumbria->ctx()),
                ErrorCode::kIllegalTransition,
                "Step 1 (Originating Officer) is already signed by Olive Officer");
  ExpectRefused(Sign(d, SignFor(d, "commissioner"), kPcc, cumbria->ctx()), ErrorCode::kIllegalTransition,
                "Step 3 (Police & Crime Commissioner) is the decision: decide it, with the outcome and "
                "reasons");
  ExpectRefused(Decide(d, DecideFor(d, "commissioner"), kPcc, cumbria->ctx()),
                ErrorCode::kIllegalTransition, "the OPCC Officer Approval must sign first");
  ExpectRefused(Decide(d, DecideFor(d, "opcc_officer"), kCe, cumbria->ctx()),
                ErrorCode::kIllegalTransition,
                "Step 2 (OPCC Officer Approval) is a sign-off, not a decision: sign it");
  ExpectRefused(Sign(d, SignFor(d, "treasurer"), kCe, cumbria->ctx()), ErrorCode::kInvalidInput,
                "the form cumbria-request-for-decision has no step 'treasurer'");

  Decision reserved = ReadyToDecide("precept_and_budget", 100);
  ExpectRefused(Decide(reserved, DecideFor(reserved, "commissioner"), kDpcc, cumbria->ctx()),
                ErrorCode::kForbidden,
                "precept and budget requirement is a reserved decision: only the Police & Crime "
                "Commissioner may take it, not a deputy");
}

// Every action in every status by every kind of person: allowed, or refused with the
// right kind of error.
TEST_F(Chain, TransitionsByStatusActionAndRole) {
  enum Action { kEdit, kSubmit, kSign, kDecide, kReturn, kWithdraw };
  const std::map<Action, const char*> names = {{kEdit, "edit"},     {kSubmit, "submit"},
                                               {kSign, "sign"},     {kDecide, "decide"},
                                               {kReturn, "return"}, {kWithdraw, "withdraw"}};
  const std::vector<std::pair<const char*, const Actor*>> people = {
      {"originator", &kOriginator}, {"ce", &kCe},       {"dce", &kDce},
      {"pcc", &kPcc},               {"dpcc", &kDpcc},   {"gov", &kGov},
      {"media", &kMedia},           {"essex", &kEssexPcc}, {"admin", &kAdmin}};

  std::map<Status, Decision> states;
  states[Status::kDraft] = Filled(*cumbria, kOriginator);
  states[Status::kSubmitted] = Submitted();
  Decision ready = ReadyToDecide();
  states[Status::kDecided] = Must(Decide(ready, DecideFor(ready, "commissioner"), kPcc, cumbria->ctx()));
  states[Status::kPublished] = states[Status::kDecided];
  states[Status::kPublished].status = Status::kPublished;
  states[Status::kWithdrawn] =
      Must(Withdraw(states[Status::kDraft], "Not needed", kOriginator, cumbria->ctx()));

  // Allowed: status -> action -> who; and the status after.
  struct Allowed {
    Status from;
    Action action;
    std::set<std::string> who;
    Status to;
  };
  const std::vector<Allowed> allowed = {
      {Status::kDraft, kEdit, {"originator", "gov"}, Status::kDraft},
      {Status::kDraft, kSubmit, {"originator"}, Status::kSubmitted},
      {Status::kDraft, kWithdraw, {"originator", "gov", "ce", "dce", "pcc"}, Status::kWithdrawn},
      {Status::kSubmitted, kEdit, {"originator", "gov"}, Status::kDraft},  // voids step 1
      {Status::kSubmitted, kSign, {"ce", "dce"}, Status::kSubmitted},
      {Status::kSubmitted, kReturn, {"ce", "dce"}, Status::kDraft},
      {Status::kSubmitted, kWithdraw, {"originator", "gov", "ce", "dce", "pcc"}, Status::kWithdrawn},
      // A published decision is withdrawn to a public tombstone by the CE (or deputy) / MO.
      {Status::kPublished, kWithdraw, {"ce", "dce"}, Status::kWithdrawn},
  };
  // The actions a status allows at all (else every refusal is kIllegalTransition).
  const std::map<Status, std::set<Action>> possible = {
      {Status::kDraft, {kEdit, kSubmit, kWithdraw}},
      {Status::kSubmitted, {kEdit, kSign, kDecide, kReturn, kWithdraw}},
      {Status::kDecided, {}},
      {Status::kPublished, {kWithdraw}},
      {Status::kWithdrawn, {}},
  };

  int checked = 0;
  for (const auto& [status, d] : states) {
    ASSERT_EQ(d.status, status);
    for (const auto& [action, action_name] : names) {
      for (const auto& [who, actor] : people) {
        Result<Change> r = Fail(ErrorCode::kInternal, "not run");
        switch (action) {
          case kEdit: {
            DraftEdit e = EditOf(d);
            e.title += " (revised)";
            r = Edit(d, e, *actor, cumbria->ctx());
            break;
          }
          case kSubmit: r = Submit(d, SignFor(d, "originating_officer"), *actor, cumbria->ctx()); break;
          case kSign: r = Sign(d, SignFor(d, "opcc_officer"), *actor, cumbria->ctx()); break;
          case kDecide: r = Decide(d, DecideFor(d, "commissioner"), *actor, cumbria->ctx()); break;
          case kReturn: r = ReturnForRevision(d, "Needs costs", *actor, cumbria->ctx()); break;
          case kWithdraw: r = Withdraw(d, "Not needed", *actor, cumbria->ctx()); break;
        }
        std::string what = std::string(decisions::StatusName(status)) + " / " + action_name + " / " + who;
        const Allowed* rule = nullptr;
        for (const auto& a : allowed) {
          if (a.from == status && a.action == action && a.who.count(who)) rule = &a;
        }
        if (rule) {
          ASSERT_TRUE(r) << what << ": " << r.error().ToString();
          EXPECT_EQ(r->decision.status, rule->to) << what;
        } else {
          ASSERT_FALSE(r) << what << " was allowed";
          ErrorCode want = ErrorCode::kForbidden;
          if (!possible.at(status).count(action)) want = ErrorCode::kIllegalTransition;
          // The commissioner may decide, but not before the OPCC officer has signed. (The
          // deputy may not decide at all: the draft has no category, so nothing shows it
          // is not a reserved decision.)
          if (status == Status::kSubmitted && action == kDecide && who == std::string("pcc")) {
            want = ErrorCode::kIllegalTransition;
          }
          EXPECT_EQ(r.error().code, want) << what << ": " << r.error().ToString();
        }
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 5 * 6 * 9);
}

TEST_F(Chain, EssexStepsAreSignedStrictlyInOrder) {
  const Actor officer = Person(23, "eoff", "Essex Officer", {{"essex", "originating_officer"}});
  Decision d = Filled(*essex, officer, "policy");  // not delegated: the PFCC or deputy decides
  const Actor ce = Person(20, "ece", "Essex CE", {{"essex", "chief_executive"}});
  const Actor cfo = Person(21, "ecfo", "Essex Treasurer", {{"essex", "chief_finance_officer"}});
  const Actor dpfcc = Person(22, "edpfcc", "Essex Deputy", {{"essex", "deputy_commissioner"}});
  // Essex's chain opens with the Chief Executive, not an originating officer's
  // declaration: the author submits without signing, then step 1 is signed.
  auto refused = Submit(d, SignFor(d, ""), kEssexPcc, essex->ctx());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  ExpectRefused(Sign(d, SignFor(d, "chief_executive"), ce, essex->ctx()),
                ErrorCode::kIllegalTransition, "the draft is not submitted yet: submit it to sign it");
  d = Must(Submit(d, SignFor(d, ""), officer, essex->ctx()));
  EXPECT_EQ(d.status, decisions::Status::kSubmitted);
  EXPECT_TRUE(d.signoffs.empty());
  ExpectRefused(Sign(d, SignFor(d, "treasurer"), cfo, essex->ctx()), ErrorCode::kIllegalTransition,
                "the Chief Executive / M.O. must sign first");
  d = Must(Sign(d, SignFor(d, "chief_executive"), ce, essex->ctx()));
  EXPECT_EQ(d.signoffs[0].role, "Chief Executive / M.O.");
  ExpectRefused(Decide(d, DecideFor(d, "pfcc"), kEssexPcc, essex->ctx()), ErrorCode::kIllegalTransition,
                "the Chief Finance Officer / Treasurer must sign first");
  // The treasurer's block has no declaration text: nothing to confirm.
  SignInput in = SignFor(d, "treasurer");
  in.declaration_confirmed = false;
  d = Must(Sign(d, in, cfo, essex->ctx()));
  ExpectRefused(Sign(d, SignFor(d, "treasurer"), cfo, essex->ctx()), ErrorCode::kIllegalTransition,
                "Step 2 (Chief Finance Officer / Treasurer) is already signed by Essex Treasurer");
  // The PFCC signs as "PFCC", not as the deputy.
  ExpectRefused(Decide(d, DecideFor(d, "pfcc", Outcome::kApproved, "Deputy PFCC"), kEssexPcc, essex->ctx()),
                ErrorCode::kInvalidInput,
                "you hold Police & Crime Commissioner, so you cannot sign as Deputy PFCC: sign as PFCC");
  auto decided = Decide(d, DecideFor(d, "pfcc"), dpfcc, essex->ctx());
  ASSERT_TRUE(decided) << decided.error().ToString();
  EXPECT_EQ(decided->decision.decision_maker_role, "Deputy PFCC");
  EXPECT_EQ(decided->decision.status, Status::kDecided);
}

TEST_F(Chain, CapacitiesAreTheStepsChoices) {
  Decision d = Submitted();
  // Left empty: the one capacity that fits the signatory's role.
  EXPECT_EQ(Must(Sign(d, SignFor(d, "opcc_officer"), kCe, cumbria->ctx())).signoffs[1].role,
            "Chief Executive");
  EXPECT_EQ(Must(Sign(d, SignFor(d, "opcc_officer"), kDce, cumbria->ctx())).signoffs[1].role,
            "Deputy Chief Executive");
  ExpectRefused(Sign(d, SignFor(d, "opcc_officer", "Chief Executive"), kDce, cumbria->ctx()),
                ErrorCode::kInvalidInput,
                "you hold Deputy Chief Executive, so you cannot sign as Chief Executive: sign as Deputy "
                "Chief Executive");
  ExpectRefused(Sign(d, SignFor(d, "opcc_officer", "Treasurer"), kCe, cumbria->ctx()),
                ErrorCode::kInvalidInput,
                "'Treasurer' is not a capacity of Step 2 (OPCC Officer Approval): choose Chief "
                "Executive or Deputy Chief Executive");
  // Someone who holds both roles must choose.
  const Actor both = Person(30, "both", "Bea Both",
                            {{"cumbria", "chief_executive"}, {"cumbria", "deputy_chief_executive"}});
  EXPECT_EQ(Must(Sign(d, SignFor(d, "opcc_officer"), both, cumbria->ctx())).signoffs[1].role,
            "Chief Executive");
  EXPECT_EQ(Must(Sign(d, SignFor(d, "opcc_officer", "Chief Executive"), kCe, cumbria->ctx()))
                .signoffs[1]
                .role,
            "Chief Executive");
}

TEST_F(Chain, DeclarationMustBeConfirmed) {
  Decision d = Submitted();
  SignInput in = SignFor(d, "opcc_officer");
  in.declaration_confirmed = false;
  ExpectRefused(Sign(d, in, kCe, cumbria->ctx()), ErrorCode::kInvalidInput,
                "confirm the declaration of Step 2 (OPCC Officer Approval) to sign it");
  Decision draft = Filled(*cumbria, kOriginator);
  SignInput sub = SignFor(draft, "originating_officer");
  sub.declaration_confirmed = false;
  ExpectRefused(Submit(draft, sub, kOriginator, cumbria->ctx()), ErrorCode::kInvalidInput,
                "confirm the declaration of Step 1 (Originating Officer) to sign it");
}

TEST_F(Chain, ContentHashMustBeWhatWasRead) {
  Decision d = Submitted();
  SignInput in = SignFor(d, "opcc_officer");
  Decision changed = d;
  changed.title += " (revised)";
  in.content_hash = ContentHash(changed);  // what they read before someone's edit
  ExpectRefused(Sign(d, in, kCe, cumbria->ctx()), ErrorCode::kConflict,
                "the draft changed while you were reading it; review it again");
  in.content_hash = "";
  ExpectRefused(Sign(d, in, kCe, cumbria->ctx()), ErrorCode::kConflict,
                "the draft changed while you were reading it; review it again");
  Decision ready = ReadyToDecide();
  DecideInput decide = DecideFor(ready, "commissioner");
  decide.content_hash = ContentHash(changed);
  ExpectRefused(Decide(ready, decide, kPcc, cumbria->ctx()), ErrorCode::kConflict,
                "the draft changed while you were reading it; review it again");
}

TEST_F(Chain, SubmissionNeedsTheRequiredSections) {
  Decision d = NewDraft(cumbria->ctx(), kOriginator, "Title");
  ExpectRefused(Submit(d, SignFor(d, "originating_officer"), kOriginator, cumbria->ctx()),
                ErrorCode::kInvalidInput,
                "the sections Executive Summary and Recommendation must have text before the draft is "
                "submitted");
  DraftEdit e = EditOf(d);
  SetSection(e, "executive_summary", "Summary.");
  SetSection(e, "recommendation", "  ");
  d = Must(Edit(d, e, kOriginator, cumbria->ctx()));
  ExpectRefused(Submit(d, SignFor(d, "originating_officer"), kOriginator, cumbria->ctx()),
                ErrorCode::kInvalidInput,
                "the section Recommendation must have text before the draft is submitted");
  ExpectRefused(Submit(d, SignFor(d, "opcc_officer"), kCe, cumbria->ctx()), ErrorCode::kIllegalTransition,
                "submitting is the signature of Step 1 (Originating Officer), not of step 'opcc_officer'");
}

TEST_F(Chain, EditingSignedContentVoidsEverySignature) {
  Decision d = ReadyToDecide();
  ASSERT_EQ(d.signoffs.size(), 2u);
  DraftEdit e = EditOf(d);
  SetSection(e, "recommendation", "Approve £20,000 instead.");
  auto c = Edit(d, e, kGov, cumbria->ctx());
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->action, "decision.edit");
  EXPECT_EQ(c->summary, "edited sections (recommendation); 2 signatures voided; returned to draft");
  const Decision& after = c->decision;
  EXPECT_EQ(after.status, Status::kDraft);
  EXPECT_EQ(after.status_reason,
            "content edited by gov at 2026-11-21T10:15:00Z after it was signed; submit it again");
  ASSERT_EQ(after.signoffs.size(), 2u);  // kept, so what was signed stays visible
  for (const auto& s : after.signoffs) {
    EXPECT_FALSE(s.stands());
    EXPECT_EQ(s.voided, "voided: content edited by gov at 2026-11-21T10:15:00Z");
  }
  EXPECT_EQ(c->voided_signatories, (std::vector<std::int64_t>{1, 2}));
  for (const auto& s : Steps(after, cumbria->ctx())) EXPECT_EQ(s.signature, nullptr) << s.key;

  // Submitted again, the chain starts over; the voided signatures stay on record.
  Decision again = Must(Submit(after, SignFor(after, "originating_officer"), kOriginator, cumbria->ctx()));
  EXPECT_EQ(again.signoffs.size(), 3u);
  EXPECT_TRUE(again.status_reason.empty());
  EXPECT_EQ(OpenSteps(again, cumbria->ctx())[0].key, "opcc_officer");
}

TEST_F(Chain, AnEditThatChangesNothingVoidsNothing) {
  Decision d = ReadyToDecide();
  auto c = Edit(d, EditOf(d), kOriginator, cumbria->ctx());
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->decision, d);
  EXPECT_TRUE(c->voided_signatories.empty());
  EXPECT_EQ(c->summary, "saved with no change to the content");
  // Naming no sections or fields keeps them as they are.
  DraftEdit partial = EditOf(d);
  partial.sections.clear();
  partial.fields.clear();
  EXPECT_EQ(Must(Edit(d, partial, kOriginator, cumbria->ctx())), d);
}

TEST_F(Chain, EditChecksWhatItIsGiven) {
  Decision d = Filled(*cumbria, kOriginator);
  const auto refused = [&](const DraftEdit& e, const std::string& where, const std::string& message) {
    auto c = Edit(d, e, kOriginator, cumbria->ctx());
    ASSERT_FALSE(c) << message;
    EXPECT_EQ(c.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(c.error().where, where);
    EXPECT_EQ(c.error().message, message);
  };
  DraftEdit e = EditOf(d);
  SetSection(e, "purpose", "x");
  refused(e, "sections", "'purpose' is not a section of the form cumbria-request-for-decision");
  e = EditOf(d);
  e.sections.push_back(e.sections[0]);
  refused(e, "sections", "'executive_summary' is given twice");
  e = EditOf(d);
  e.fields = {{"report_by", "x"}};
  refused(e, "fields", "'report_by' is not a field of the form cumbria-request-for-decision");
  e = EditOf(d);
  e.category = "parking";
  refused(e, "category", "'parking' is not a category of Cumbria's scheme of delegation");
  e = EditOf(d);
  e.amount_pence = -1;
  refused(e, "amount", "must not be negative");
  e = EditOf(d);
  e.title = " ";
  refused(e, "title", "the decision needs a title");
  e = EditOf(d);
  e.attachments = {{"case.pdf", "application/pdf", decisions::Part::kPart1, "abc", 3}};
  refused(e, "attachments[0]", "sha256 must be 64 lower-case hex digits");

  auto other = Edit(d, EditOf(d), kCe, cumbria->ctx());
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(other.error().message,
            "only the author of this draft, or an Originating Officer or Governance Officer of "
            "Cumbria, may edit it; you hold: Chief Executive");
}

TEST_F(Chain, Part2TextMeansThereIsAPart2) {
  Decision d = Filled(*cumbria, kOriginator);
  EXPECT_FALSE(d.publication.part2_exists.has_value());
  DraftEdit e = EditOf(d);
  SetSection(e, "part2", "The bidders' prices.");
  auto c = Edit(d, e, kOriginator, cumbria->ctx());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->decision.publication.part2_exists, true);
  EXPECT_EQ(c->summary, "edited sections (part2), publication answers");
}

TEST_F(Chain, JointDecisionNeedsEveryDecisionMaker) {
  const Actor mo = Person(40, "mo", "Lancashire Director", {{"lancashire", "monitoring_officer"}});
  const Actor pcc = Person(41, "lpcc", "Lancashire PCC", {{"lancashire", "commissioner"}});
  const Actor cc = Person(42, "lcc", "Lancashire CC", {{"lancashire", "chief_constable"}});
  const Actor author = Person(43, "lgov", "Lancashire Governance", {{"lancashire", "governance_officer"}});
  Decision d = Filled(*lancashire, author, "general");
  d = Must(Submit(d, SignFor(d, ""), author, lancashire->ctx()));
  EXPECT_TRUE(d.signoffs.empty());
  d = Must(Sign(d, SignFor(d, "monitoring_officer"), mo, lancashire->ctx()));
  auto open = OpenSteps(d, lancashire->ctx());
  ASSERT_EQ(open.size(), 2u);  // both blocks open, in either order
  ExpectRefused(Decide(d, DecideFor(d, ""), pcc, lancashire->ctx()), ErrorCode::kInvalidInput,
                "this is a joint decision: say which block you decide (Step 2 (Police and Crime "
                "Commissioner) or Step 3 (Chief Constable))");
  ExpectRefused(Decide(d, DecideFor(d, "commissioner"), cc, lancashire->ctx()), ErrorCode::kForbidden,
                "Step 2 (Police and Crime Commissioner) is signed by the Police & Crime Commissioner "
                "or Deputy Police & Crime Commissioner of Lancashire; you hold: Chief Constable");

  auto first = Decide(d, DecideFor(d, "commissioner"), pcc, lancashire->ctx());
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_EQ(first->summary, "decided step commissioner as Police and Crime Commissioner: approved");
  Decision half = first->decision;
  EXPECT_EQ(half.status, Status::kSubmitted);  // the commissioner alone does not decide
  EXPECT_EQ(half.outcome, Outcome::kUnknown);
  EXPECT_FALSE(half.decision_date.has_value());
  open = OpenSteps(half, lancashire->ctx());
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].key, "chief_constable");

  Decision refused = Must(Decide(half, DecideFor(half, "chief_constable", Outcome::kNotApproved), cc,
                                 lancashire->ctx()));
  EXPECT_EQ(refused.status, Status::kDecided);
  EXPECT_EQ(refused.outcome, Outcome::kNotApproved);
  EXPECT_EQ(refused.decision_maker_role, "Police and Crime Commissioner and Chief Constable");
  EXPECT_EQ(refused.decision_date, Date::ParseIso("2026-11-21").value());

  // The other order, both approving.
  Decision cc_first = Must(Decide(d, DecideFor(d, "chief_constable"), cc, lancashire->ctx()));
  Decision both = Must(Decide(cc_first, DecideFor(cc_first, "commissioner"), pcc, lancashire->ctx()));
  EXPECT_EQ(both.outcome, Outcome::kApproved);
  EXPECT_EQ(both.decision_maker_role, "Police and Crime Commissioner and Chief Constable");
}

TEST_F(Chain, DelegationRoutesTheCommissionersBlock) {
  // Below the limit: the chief executive decides, as "Chief Executive".
  Decision below = ReadyToDecide("procurement", 2500000);
  auto steps = Steps(below, cumbria->ctx());
  EXPECT_EQ(steps[2].role, "chief_executive");
  EXPECT_EQ(steps[2].capacities, std::vector<std::string>{"Chief Executive"});
  EXPECT_EQ(steps[2].route, "delegated to the Chief Executive: any decision not reserved up to £25,000.00");
  ExpectRefused(Decide(below, DecideFor(below, "commissioner"), kPcc, cumbria->ctx()),
                ErrorCode::kForbidden,
                "Step 3 (Police & Crime Commissioner) is signed by the Chief Executive or Deputy Chief "
                "Executive of Cumbria; you hold: Police & Crime Commissioner");
  Decision by_ce = Must(Decide(below, DecideFor(below, "commissioner"), kCe, cumbria->ctx()));
  EXPECT_EQ(by_ce.decision_maker_role, "Chief Executive");
  EXPECT_EQ(by_ce.status, Status::kDecided);
  // The deputy chief executive may decide under the delegation too.
  EXPECT_EQ(Must(Decide(below, DecideFor(below, "commissioner"), kDce, cumbria->ctx())).decision_maker_role,
            "Deputy Chief Executive");

  // Above it: the commissioner, or the deputy commissioner.
  Decision above = ReadyToDecide("procurement", 2500001);
  EXPECT_EQ(Steps(above, cumbria->ctx())[2].role, "commissioner");
  ExpectRefused(Decide(above, DecideFor(above, "commissioner"), kCe, cumbria->ctx()), ErrorCode::kForbidden,
                "Step 3 (Police & Crime Commissioner) is signed by the Police & Crime Commissioner or "
                "Deputy Police & Crime Commissioner of Cumbria; you hold: Chief Executive");
  EXPECT_EQ(Must(Decide(above, DecideFor(above, "commissioner"), kDpcc, cumbria->ctx())).decision_maker_role,
            "Deputy Police & Crime Commissioner");
  EXPECT_EQ(Must(Decide(above, DecideFor(above, "commissioner"), kPcc, cumbria->ctx())).decision_maker_role,
            "Police & Crime Commissioner");

  // Reserved: the commissioner in person, whatever the amount.
  Decision reserved = ReadyToDecide("precept_and_budget", 100);
  steps = Steps(reserved, cumbria->ctx());
  EXPECT_EQ(steps[2].role, "commissioner");
  EXPECT_FALSE(steps[2].deputy_allowed);
  ExpectRefused(Decide(reserved, DecideFor(reserved, "commissioner"), kCe, cumbria->ctx()),
                ErrorCode::kForbidden,
                "Step 3 (Police & Crime Commissioner) is signed by the Police & Crime Commissioner of "
                "Cumbria; you hold: Chief Executive");
  EXPECT_EQ(Must(Decide(reserved, DecideFor(reserved, "commissioner"), kPcc, cumbria->ctx())).status,
            Status::kDecided);
}

TEST_F(Chain, RoutingInAJointFormOnlyMovesTheCommissionersBlock) {
  auto w = Load("lancashire", "lancashire-joint-management-board",
                "[[rule]]\nrole = \"chief_executive\"\ncategories = [\"estates\"]\n");
  const Actor author = Person(43, "lgov", "Lancashire Governance", {{"lancashire", "governance_officer"}});
  const Actor dpcc = Person(44, "ldpcc", "Lancashire Deputy", {{"lancashire", "deputy_commissioner"}});
  Decision estates = Filled(*w, author, "estates");
  auto steps = Steps(estates, w->ctx());
  EXPECT_EQ(steps[1].role, "chief_executive");
  EXPECT_EQ(steps[2].role, "chief_constable");  // the chief constable still decides
  Decision budget = Filled(*w, author, "precept_and_budget");
  steps = Steps(budget, w->ctx());
  EXPECT_EQ(steps[1].role, "commissioner");
  EXPECT_FALSE(steps[1].deputy_allowed);
  EXPECT_TRUE(steps[2].deputy_allowed);
  EXPECT_FALSE(MaySign(budget, steps[1], dpcc));
}

TEST_F(Chain, DecideNeedsOutcomeReasonsAndInterests) {
  Decision d = ReadyToDecide();
  DecideInput in = DecideFor(d, "commissioner", Outcome::kUnknown);
  ExpectRefused(Decide(d, in, kPcc, cumbria->ctx()), ErrorCode::kInvalidInput,
                "choose approved or not approved");
  in = DecideFor(d, "commissioner");
  in.reasons = "  ";
  ExpectRefused(Decide(d, in, kPcc, cumbria->ctx()), ErrorCode::kInvalidInput,
                "give the reasons for the decision");
  in = DecideFor(d, "commissioner");
  in.no_interests = false;
  ExpectRefused(Decide(d, in, kPcc, cumbria->ctx()), ErrorCode::kInvalidInput,
                "record your personal or prejudicial interests, or confirm you have none");
  in.no_interests = true;
  in.interests = "A friend bid.";
  ExpectRefused(Decide(d, in, kPcc, cumbria->ctx()), ErrorCode::kInvalidInput,
                "either record your interests or confirm you have none, not both");
  in = DecideFor(d, "commissioner");
  in.declaration_confirmed = false;
  ExpectRefused(Decide(d, in, kPcc, cumbria->ctx()), ErrorCode::kInvalidInput,
                "confirm the declaration of Step 3 (Police & Crime Commissioner) to sign it");
  Decision no = Must(Decide(d, DecideFor(d, "commissioner", Outcome::kNotApproved), kPcc, cumbria->ctx()));
  EXPECT_EQ(no.outcome, Outcome::kNotApproved);
  EXPECT_EQ(no.status, Status::kDecided);
  EXPECT_EQ(no.signoffs.back().interests, "");
}

TEST_F(Chain, ReturnForRevisionVoidsTheSignatures) {
  Decision d = ReadyToDecide();
  ExpectRefused(ReturnForRevision(d, "Needs costs", kCe, cumbria->ctx()), ErrorCode::kForbidden,
                "only someone who may sign Step 3 (Police & Crime Commissioner) may return it for "
                "revision; you hold: Chief Executive");
  ExpectRefused(ReturnForRevision(d, " ", kPcc, cumbria->ctx()), ErrorCode::kInvalidInput,
                "say why the draft is returned for revision");
  auto c = ReturnForRevision(d, "Add the whole-life costs.", kPcc, cumbria->ctx());
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->action, "decision.return");
  EXPECT_EQ(c->summary, "returned for revision: Add the whole-life costs.");
  EXPECT_EQ(c->decision.status, Status::kDraft);
  EXPECT_EQ(c->decision.status_reason, "Add the whole-life costs.");
  EXPECT_EQ(c->voided_signatories, (std::vector<std::int64_t>{1, 2}));
  for (const auto& s : c->decision.signoffs) {
    EXPECT_EQ(s.voided, "voided: returned for revision by pcc at 2026-11-21T10:15:00Z");
  }
}

TEST_F(Chain, WithdrawKeepsTheReference) {
  Decision d = Submitted();
  d.reference = "006/2026";  // assigned on submission by the service
  ExpectRefused(Withdraw(d, "", kOriginator, cumbria->ctx()), ErrorCode::kInvalidInput,
                "say why the decision is withdrawn");
  ExpectRefused(Withdraw(d, "Not needed", kMedia, cumbria->ctx()), ErrorCode::kForbidden,
                "only the author, a Governance Officer, the Chief Executive (or Deputy) or the Police "
                "& Crime Commissioner of Cumbria may withdraw it; you hold: Media Officer");
  auto c = Withdraw(d, "Superseded by 007/2026", kCe, cumbria->ctx());
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->action, "decision.withdraw");
  EXPECT_EQ(c->decision.status, Status::kWithdrawn);
  EXPECT_EQ(c->decision.reference, "006/2026");
  EXPECT_EQ(c->decision.status_reason, "Superseded by 007/2026");
  EXPECT_EQ(c->summary, "withdrawn: Superseded by 007/2026");
  ExpectRefused(Withdraw(c->decision, "again", kCe, cumbria->ctx()), ErrorCode::kIllegalTransition,
                "cannot withdraw a decision that is withdrawn");
}

TEST_F(Chain, RulesRefuseAnotherBodysContext) {
  Decision d = Filled(*cumbria, kOriginator);
  auto c = Submit(d, SignFor(d, "originating_officer"), kOriginator, essex->ctx());
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kInternal);
}

TEST_F(Chain, ViewAndEditPermissions) {
  Decision d = Filled(*cumbria, kOriginator);
  EXPECT_TRUE(MayView(d, kMedia));
  EXPECT_TRUE(MayView(d, kAdmin));  // "*" is every body
  EXPECT_FALSE(MayView(d, kEssexPcc));
  EXPECT_TRUE(MayEdit(d, kOriginator));
  EXPECT_TRUE(MayEdit(d, kGov));
  EXPECT_FALSE(MayEdit(d, kCe));
  // The author may edit without holding an officer role now.
  Actor author = kCe;
  author.id = d.author_id;
  EXPECT_TRUE(MayEdit(d, author));
  d.status = Status::kDecided;
  EXPECT_FALSE(MayEdit(d, kGov));
  EXPECT_TRUE(kAdmin.Has("essex", "administrator"));
  EXPECT_FALSE(kCe.Has("essex", "chief_executive"));
}

TEST(ChainSnapshot, IsReadableJsonOfTheContentOnly) {
  Decision d;
  d.title = "Estates: lease of Penrith police station";
  d.category = "estates";
  d.amount_pence = 1250000;
  d.sections = {{"executive_summary", "Executive Summary", decisions::Part::kPart1, "Lease it."},
                {"part2", "Part 2", decisions::Part::kPart2, "The rent."}};
  d.attachments = {{"Lease.pdf", "application/pdf", decisions::Part::kPart2, std::string(64, 'a'), 42}};
  d.publication.deferred = false;
  d.media.press_release_date = Date::ParseIso("2026-12-01").value();
  std::string snap = ContentSnapshot(d);
  EXPECT_EQ(snap, ContentSnapshot(d));
  auto j = nlohmann::json::parse(snap);
  EXPECT_EQ(j["format"], "assent-content/1");
  EXPECT_EQ(j["title"], d.title);
  EXPECT_EQ(j["amount_pence"], 1250000);
  EXPECT_EQ(j["sections"][1]["text"], "The rent.");
  EXPECT_EQ(j["sections"][1]["part"], 2);
  EXPECT_EQ(j["attachments"][0]["sha256"], std::string(64, 'a'));
  EXPECT_EQ(j["publication"]["deferred"], false);
  EXPECT_TRUE(j["publication"]["part2_exists"].is_null());
  EXPECT_EQ(j["media"]["press_release_date"], "2026-12-01");
  EXPECT_NE(snap.find("\n  \"title\": \"Estates: lease of Penrith police station\""), std::string::npos)
      << snap;
  EXPECT_EQ(ContentHash(d).size(), 64u);
}

TEST(ChainSnapshot, HashFollowsContentNotRecordKeeping) {
  Decision base;
  base.title = "T";
  base.sections = {{"k", "H", decisions::Part::kPart1, "text"}};
  base.fields = {{"classification", "Official"}};
  base.boards = {{"Board", std::nullopt}};
  base.background_papers = {{"Paper", decisions::Part::kPart1}};
  base.persons_consulted = {"CFO"};
  base.attachments = {{"a.pdf", "application/pdf", decisions::Part::kPart1, std::string(64, 'a'), 1}};
  const std::string h = ContentHash(base);
  std::vector<std::function<void(Decision&)>> record_keeping = {
      [](Decision& d) { d.id = 3; },
      [](Decision& d) { d.version = 3; },
      [](Decision& d) { d.reference = "001/2026"; },
      [](Decision& d) { d.status = Status::kSubmitted; },
      [](Decision& d) { d.signoffs.push_back({}); },
      [](Decision& d) { d.outcome = Outcome::kApproved; },
      [](Decision& d) { d.status_reason = "x"; },
      [](Decision& d) { d.author_id = 2; },
  };
  for (size_t i = 0; i < record_keeping.size(); ++i) {
    Decision d = base;
    record_keeping[i](d);
    EXPECT_EQ(ContentHash(d), h) << "record keeping " << i;
  }
  std::vector<std::function<void(Decision&)>> content = {
      [](Decision& d) { d.title = "U"; },
      [](Decision& d) { d.category = "ict"; },
      [](Decision& d) { d.amount_pence = 0; },
      [](Decision& d) { d.sections[0].text = "text."; },
      [](Decision& d) { d.sections[0].heading = "H2"; },
      [](Decision& d) { d.sections[0].part = decisions::Part::kPart2; },
      [](Decision& d) { d.fields[0].value = "Secret"; },
      [](Decision& d) { d.boards[0].date = Date::ParseIso("2026-01-01").value(); },
      [](Decision& d) { d.background_papers[0].part = decisions::Part::kPart2; },
      [](Decision& d) { d.persons_consulted.push_back("CC"); },
      [](Decision& d) { d.attachments[0].sha256 = std::string(64, 'b'); },
      [](Decision& d) { d.attachments[0].name = "b.pdf"; },
      [](Decision& d) { d.publication.for_publication = true; },
      [](Decision& d) { d.publication.part2_reason = "x"; },
      [](Decision& d) { d.media.press_release_required = false; },
  };
  for (size_t i = 0; i < content.size(); ++i) {
    Decision d = base;
    content[i](d);
    EXPECT_NE(ContentHash(d), h) << "content " << i;
  }
}

}  // namespace
}  // namespace assent::workflow
