#include "audit/event.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace assent::audit {
namespace {

std::vector<Event> SomeLog(int n) {
  std::vector<Event> log;
  std::string prev = kGenesisHash;
  for (int i = 0; i < n; ++i) {
    NewEvent e{"2026-11-21T10:1" + std::to_string(i) + ":00Z", 7, "jsmith",
               std::string(action::kDecisionSign), "signed step " + std::to_string(i), 3, -1};
    log.push_back(Chain(e, 3, std::string(64, 'a'), i, prev));
    prev = log.back().hash;
  }
  return log;
}

TEST(AuditEvent, GenesisAndChain) {
  EXPECT_EQ(kGenesisHash, std::string(64, '0'));
  auto log = SomeLog(3);
  EXPECT_EQ(log[0].seq, 1);
  EXPECT_EQ(log[0].prev_hash, kGenesisHash);
  EXPECT_EQ(log[1].prev_hash, log[0].hash);
  EXPECT_EQ(log[2].seq, 3);
  EXPECT_EQ(log[2].decision_id, 3);
  EXPECT_EQ(log[2].actor, "jsmith");
  EXPECT_EQ(log[0].hash, EventHash(log[0]));
  EXPECT_EQ(log[0].hash.size(), 64u);
  EXPECT_FALSE(VerifyChain(log, 0, kGenesisHash));
  // A run from the middle continues from the event before it.
  EXPECT_FALSE(VerifyChain(std::span(log).subspan(1), 1, log[0].hash));
  EXPECT_FALSE(VerifyChain({}, 0, kGenesisHash));
}

TEST(AuditEvent, HashChangesWhenAnyFieldChanges) {
  Event base = SomeLog(1)[0];
  std::vector<std::function<void(Event&)>> edits = {
      [](Event& e) { e.seq = 2; },
      [](Event& e) { e.at = "2026-11-21T10:10:01Z"; },
      [](Event& e) { e.actor_id = 8; },
      [](Event& e) { e.actor = "jsmitH"; },
      [](Event& e) { e.action = "decision.edit"; },
      [](Event& e) { e.detail += "."; },
      [](Event& e) { e.decision_id = 4; },
      [](Event& e) { e.decision_hash = ""; },
      [](Event& e) { e.prev_hash = std::string(64, '1'); },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    Event e = base;
    edits[i](e);
    EXPECT_NE(EventHash(e), base.hash) << "field " << i;
  }
  Event e = base;
  e.hash = "anything";
  EXPECT_EQ(EventHash(e), base.hash);  // the hash field itself is not hashed
}

TEST(AuditEvent, EncodingIsUnambiguous) {
  // Moving a byte from one field to the next must change the hash.
  Event a = SomeLog(1)[0];
  Event b = a;
  a.actor = "js";
  a.action = "mith";
  b.actor = "jsm";
  b.action = "ith";
  EXPECT_NE(EventHash(a), EventHash(b));
}

TEST(AuditEvent, VerifyFindsTheFirstBrokenEvent) {
  {
    auto log = SomeLog(5);
    log[2].detail = "signed step 99";  // tampered
    log[4].detail = "also tampered";
    auto b = VerifyChain(log, 0, kGenesisHash);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->seq, 3);
    EXPECT_EQ(b->problem, "hash does not match its content");
  }
  {
    auto log = SomeLog(5);
    std::swap(log[1], log[2]);  // reordered
    auto b = VerifyChain(log, 0, kGenesisHash);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->seq, 3);
    EXPECT_EQ(b->problem, "seq 3 follows 1");
  }
  {
    auto log = SomeLog(5);
    log.erase(log.begin() + 3);  // missing seq 4
    auto b = VerifyChain(log, 0, kGenesisHash);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->seq, 5);
    EXPECT_EQ(b->problem, "seq 5 follows 3");
  }
  {
    auto log = SomeLog(5);
    // Event 4 rebuilt (with a self-consistent hash) on a wrong predecessor.
    NewEvent e{log[3].at, log[3].actor_id, log[3].actor, log[3].action, "inserted", 3, -1};
    log[3] = Chain(e, 3, log[3].decision_hash, 3, std::string(64, 'f'));
    auto b = VerifyChain(log, 0, kGenesisHash);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->seq, 4);
    EXPECT_EQ(b->problem, "prev_hash does not match event 3");
  }
  {
    auto log = SomeLog(2);
    auto b = VerifyChain(log, 0, std::string(64, 'e'));
    ASSERT_TRUE(b);
    EXPECT_EQ(b->seq, 1);
    EXPECT_EQ(b->problem, "prev_hash is not the start of the log");
  }
  {
    // An event whose content was edited and its own hash recomputed: the next one breaks.
    auto log = SomeLog(3);
    log[1].detail = "rewritten";
    log[1].hash = EventHash(log[1]);
    auto b = VerifyChain(log, 0, kGenesisHash);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->seq, 3);
    EXPECT_EQ(b->problem, "prev_hash does not match event 2");
  }
}

decisions::Decision FullDecision() {
  using namespace decisions;
  Decision d;
  d.id = 1;
  d.version = 2;
  d.body = "cumbria";
  d.form = "cumbria-request-for-decision";
  d.reference = "006/2026";
  d.title = "Title";
  d.sections = {{"executive_summary", "Executive Summary", Part::kPart1, "Summary"}};
  d.fields = {{"classification", "Official"}};
  d.boards = {{"Board", Date::ParseIso("2026-01-02").value()}};
  d.background_papers = {{"Paper", Part::kPart1}};
  d.persons_consulted = {"Treasurer"};
  SignOff s;
  s.step = "originating_officer";
  s.role = "Originating Officer";
  s.name = "Jane Smith";
  s.date = Date::ParseIso("2026-11-21").value();
  s.declaration = "I confirm";
  s.advice = "advice";
  s.note = "note";
  s.user_id = 4;
  s.signed_at = "2026-11-21T10:15:00Z";
  s.content_hash = std::string(64, 'c');
  s.interests = "none";
  s.outcome = Outcome::kApproved;
  s.reasons = "reasons";
  d.signoffs = {s};
  d.outcome = Outcome::kApproved;
  d.decision_maker_role = "Police & Crime Commissioner";
  d.decision_date = Date::ParseIso("2026-11-22").value();
  d.publication.deferred = false;
  d.publication.deferral_reason = "r";
  d.publication.deferred_until = Date::ParseIso("2026-12-01").value();
  d.publication.part2_exists = true;
  d.publication.part2_reason = "commercial";
  d.publication.for_publication = true;
  d.publication.non_publication_reason = "n";
  d.publication.redaction_required = false;
  d.media.press_release_required = true;
  d.media.strategy_formulated = false;
  d.media.strategy_attached = false;
  d.media.press_release_date = Date::ParseIso("2026-11-30").value();
  d.status = Status::kDecided;
  d.source = "file.pdf";
  d.source_hash = std::string(64, 'b');
  d.attachments = {{"Business case.pdf", "application/pdf", Part::kPart2, std::string(64, 'd'), 100}};
  d.category = "procurement";
  d.amount_pence = 100;
  d.author_id = 4;
  d.status_reason = "why";
  d.plan = {PlanKind::kDefer, "reason", Date::ParseIso("2027-01-04").value(), "s43", "Appendix A",
            Date::ParseIso("2027-06-01").value(), 4, "Jane", "2026-11-23T10:00:00Z"};
  Redaction r;
  r.target = RedactionTarget::kSpan;
  r.section_key = "summary";
  r.text = "Summary";
  r.reason = "why";
  r.ground = "s40";
  r.proposed_by = 4;
  r.proposed_by_name = "Jane";
  r.proposed_at = "2026-11-23T10:00:00Z";
  r.signed_off_by = 5;
  r.signed_off_by_name = "Sam";
  r.signed_off_role = "chief_executive";
  r.signed_off_at = "2026-11-23T11:00:00Z";
  d.redactions = {r};
  d.published_on = Date::ParseIso("2026-11-24").value();
  d.withdrawn_on = Date::ParseIso("2026-11-25").value();
  return d;
}

// A field added to Decision must be added to DecisionRowHash (and to this test).
static_assert(sizeof(decisions::Decision) == 896 || sizeof(void*) != 8,
              "Decision changed: hash the new field in audit::DecisionRowHash and test it here");

TEST(AuditDecisionRowHash, ChangesWhenAnyFieldChanges) {
  using namespace decisions;
  const Decision base = FullDecision();
  const std::string h = DecisionRowHash(base);
  EXPECT_EQ(h, DecisionRowHash(FullDecision()));  // deterministic
  std::vector<std::function<void(Decision&)>> edits = {
      [](Decision& d) { d.id = 9; },
      [](Decision& d) { d.version = 3; },
      [](Decision& d) { d.body = "essex"; },
      [](Decision& d) { d.form = "f"; },
      [](Decision& d) { d.reference = "007/2026"; },
      [](Decision& d) { d.title += "!"; },
      [](Decision& d) { d.sections[0].key = "k"; },
      [](Decision& d) { d.sections[0].heading = "H"; },
      [](Decision& d) { d.sections[0].part = Part::kPart2; },
      [](Decision& d) { d.sections[0].text = "Summary."; },
      [](Decision& d) { d.sections.push_back({}); },
      [](Decision& d) { d.fields[0].key = "x"; },
      [](Decision& d) { d.fields[0].value = "Secret"; },
      [](Decision& d) { d.boards[0].name = "B"; },
      [](Decision& d) { d.boards[0].date.reset(); },
      [](Decision& d) { d.background_papers[0].title = "P"; },
      [](Decision& d) { d.background_papers[0].part = Part::kPart2; },
      [](Decision& d) { d.persons_consulted[0] = "CFO"; },
      [](Decision& d) { d.persons_consulted.clear(); },
      [](Decision& d) { d.signoffs[0].step = "x"; },
      [](Decision& d) { d.signoffs[0].role.reset(); },
      [](Decision& d) { d.signoffs[0].name = "J Smith"; },
      [](Decision& d) { d.signoffs[0].date = Date::ParseIso("2026-11-20").value(); },
      [](Decision& d) { d.signoffs[0].declaration = "x"; },
      [](Decision& d) { d.signoffs[0].advice = "x"; },
      [](Decision& d) { d.signoffs[0].note = "x"; },
      [](Decision& d) { d.signoffs[0].user_id = 5; },
      [](Decision& d) { d.signoffs[0].signed_at = "x"; },
      [](Decision& d) { d.signoffs[0].content_hash = "x"; },
      [](Decision& d) { d.signoffs[0].interests = "x"; },
      [](Decision& d) { d.signoffs[0].outcome = Outcome::kNotApproved; },
      [](Decision& d) { d.signoffs[0].outcome.reset(); },
      [](Decision& d) { d.signoffs[0].reasons = "x"; },
      [](Decision& d) { d.signoffs[0].voided = "voided: x"; },
      [](Decision& d) { d.outcome = Outcome::kNotApproved; },
      [](Decision& d) { d.decision_maker_role = "Chief Executive"; },
      [](Decision& d) { d.decision_maker_role.reset(); },
      [](Decision& d) { d.decision_date.reset(); },
      [](Decision& d) { d.publication.deferred = true; },
      [](Decision& d) { d.publication.deferred.reset(); },
      [](Decision& d) { d.publication.deferral_reason = "x"; },
      [](Decision& d) { d.publication.deferred_until.reset(); },
      [](Decision& d) { d.publication.part2_exists = false; },
      [](Decision& d) { d.publication.part2_reason = "x"; },
      [](Decision& d) { d.publication.for_publication = false; },
      [](Decision& d) { d.publication.non_publication_reason = "x"; },
      [](Decision& d) { d.publication.redaction_required = true; },
      [](Decision& d) { d.media.press_release_required = false; },
      [](Decision& d) { d.media.strategy_formulated = true; },
      [](Decision& d) { d.media.strategy_attached = true; },
      [](Decision& d) { d.media.press_release_date.reset(); },
      [](Decision& d) { d.status = Status::kPublished; },
      [](Decision& d) { d.source = "x"; },
      [](Decision& d) { d.source_hash = "x"; },
      [](Decision& d) { d.attachments[0].name = "x"; },
      [](Decision& d) { d.attachments[0].media_type = "text/plain"; },
      [](Decision& d) { d.attachments[0].part = Part::kPart1; },
      [](Decision& d) { d.attachments[0].sha256 = std::string(64, 'e'); },
      [](Decision& d) { d.attachments[0].size = 101; },
      [](Decision& d) { d.attachments.clear(); },
      [](Decision& d) { d.category = "estates"; },
      [](Decision& d) { d.amount_pence = 101; },
      [](Decision& d) { d.amount_pence.reset(); },
      [](Decision& d) { d.author_id = 5; },
      [](Decision& d) { d.status_reason = "x"; },
      [](Decision& d) { d.plan.kind = PlanKind::kWithhold; },
      [](Decision& d) { d.plan.reason = "x"; },
      [](Decision& d) { d.plan.until.reset(); },
      [](Decision& d) { d.plan.ground = "s31"; },
      [](Decision& d) { d.plan.withheld_what = "x"; },
      [](Decision& d) { d.plan.review_date.reset(); },
      [](Decision& d) { d.plan.set_by = 9; },
      [](Decision& d) { d.plan.set_by_name = "x"; },
      [](Decision& d) { d.plan.set_at = "x"; },
      [](Decision& d) { d.redactions[0].target = RedactionTarget::kSection; },
      [](Decision& d) { d.redactions[0].section_key = "x"; },
      [](Decision& d) { d.redactions[0].attachment_sha256 = "x"; },
      [](Decision& d) { d.redactions[0].text = "x"; },
      [](Decision& d) { d.redactions[0].reason = "x"; },
      [](Decision& d) { d.redactions[0].ground = "s43"; },
      [](Decision& d) { d.redactions[0].proposed_by = 9; },
      [](Decision& d) { d.redactions[0].proposed_by_name = "x"; },
      [](Decision& d) { d.redactions[0].proposed_at = "x"; },
      [](Decision& d) { d.redactions[0].signed_off_by = 0; },
      [](Decision& d) { d.redactions[0].signed_off_by_name = "x"; },
      [](Decision& d) { d.redactions[0].signed_off_role = "x"; },
      [](Decision& d) { d.redactions[0].signed_off_at = "x"; },
      [](Decision& d) { d.redactions.push_back({}); },
      [](Decision& d) { d.published_on.reset(); },
      [](Decision& d) { d.withdrawn_on.reset(); },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    Decision d = base;
    edits[i](d);
    ASSERT_NE(d, base) << "edit " << i << " changed nothing";
    EXPECT_NE(DecisionRowHash(d), h) << "edit " << i;
  }
}

TEST(AuditDecisionRowHash, EmptyAndAbsentDiffer) {
  decisions::Decision a;
  decisions::Decision b;
  b.decision_maker_role = "";
  EXPECT_NE(DecisionRowHash(a), DecisionRowHash(b));
  decisions::Decision c;
  c.persons_consulted = {""};
  EXPECT_NE(DecisionRowHash(a), DecisionRowHash(c));
}

}  // namespace
}  // namespace assent::audit
