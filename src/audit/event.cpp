#include "audit/event.hpp"

#include <fmt/format.h>

#include "core/hash.hpp"

namespace assent::audit {
namespace {

// The canonical encoding: each field in declaration order as its decimal byte length,
// ':', then its bytes. Numbers are decimal text; an optional is a presence flag ("0" or
// "1") then its value when present; a vector is its element count then each element's
// fields in order. Length prefixes make the encoding unambiguous: no two different
// values encode the same.
class Encoder {
 public:
  void Add(std::string_view bytes) {
    out_ += std::to_string(bytes.size());
    out_ += ':';
    out_ += bytes;
  }
  void Add(const std::string& bytes) { Add(std::string_view(bytes)); }
  void Add(const char* bytes) { Add(std::string_view(bytes)); }
  void Add(std::int64_t n) { Add(std::to_string(n)); }
  void Add(int n) { Add(std::to_string(n)); }
  void Add(bool b) { Add(std::string_view(b ? "1" : "0")); }
  void Add(const Date& d) { Add(d.ToIso()); }
  void Add(decisions::Part p) { Add(static_cast<int>(p)); }
  void Add(decisions::Outcome o) { Add(decisions::OutcomeName(o)); }
  void Add(decisions::Status s) { Add(decisions::StatusName(s)); }
  template <typename T>
  void Add(const std::optional<T>& v) {
    Add(v.has_value());
    if (v) Add(*v);
  }
  template <typename T, typename F>
  void AddEach(const std::vector<T>& items, F&& each) {
    Add(static_cast<std::int64_t>(items.size()));
    for (const auto& item : items) each(item);
  }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

}  // namespace

const std::string kGenesisHash(64, '0');

std::string EventHash(const Event& e) {
  Encoder enc;
  enc.Add(e.seq);
  enc.Add(e.at);
  enc.Add(e.actor_id);
  enc.Add(e.actor);
  enc.Add(e.action);
  enc.Add(e.detail);
  enc.Add(e.decision_id);
  enc.Add(e.decision_hash);
  enc.Add(e.prev_hash);
  return Sha256Hex(enc.bytes());
}

Event Chain(const NewEvent& event, std::int64_t decision_id, std::string decision_hash,
            std::int64_t prev_seq, std::string_view prev_hash) {
  Event e;
  e.seq = prev_seq + 1;
  e.at = event.at;
  e.actor_id = event.actor_id;
  e.actor = event.actor;
  e.action = event.action;
  e.detail = event.detail;
  e.decision_id = decision_id;
  e.decision_hash = std::move(decision_hash);
  e.prev_hash = std::string(prev_hash);
  e.hash = EventHash(e);
  return e;
}

std::string DecisionRowHash(const decisions::Decision& d) {
  using namespace decisions;
  Encoder enc;
  enc.Add(d.id);
  enc.Add(d.version);
  enc.Add(d.body);
  enc.Add(d.form);
  enc.Add(d.reference);
  enc.Add(d.title);
  enc.AddEach(d.sections, [&](const Section& s) {
    enc.Add(s.key);
    enc.Add(s.heading);
    enc.Add(s.part);
    enc.Add(s.text);
  });
  enc.AddEach(d.fields, [&](const FieldValue& f) {
    enc.Add(f.key);
    enc.Add(f.value);
  });
  enc.AddEach(d.boards, [&](const GovernanceBoard& b) {
    enc.Add(b.name);
    enc.Add(b.date);
  });
  enc.AddEach(d.background_papers, [&](const BackgroundPaper& p) {
    enc.Add(p.title);
    enc.Add(p.part);
  });
  enc.AddEach(d.persons_consulted, [&](const std::string& p) { enc.Add(p); });
  enc.AddEach(d.signoffs, [&](const SignOff& s) {
    enc.Add(s.step);
    enc.Add(s.role);
    enc.Add(s.name);
    enc.Add(s.date);
    enc.Add(s.declaration);
    enc.Add(s.advice);
    enc.Add(s.note);
    enc.Add(s.user_id);
    enc.Add(s.signed_at);
    enc.Add(s.content_hash);
    enc.Add(s.interests);
    enc.Add(s.outcome);
    enc.Add(s.reasons);
    enc.Add(s.voided);
  });
  enc.Add(d.outcome);
  enc.Add(d.decision_maker_role);
  enc.Add(d.decision_date);
  const PublicationAnswers& p = d.publication;
  enc.Add(p.deferred);
  enc.Add(p.deferral_reason);
  enc.Add(p.deferred_until);
  enc.Add(p.part2_exists);
  enc.Add(p.part2_reason);
  enc.Add(p.for_publication);
  enc.Add(p.non_publication_reason);
  enc.Add(p.redaction_required);
  const MediaAnswers& m = d.media;
  enc.Add(m.press_release_required);
  enc.Add(m.strategy_formulated);
  enc.Add(m.strategy_attached);
  enc.Add(m.press_release_date);
  enc.Add(d.status);
  enc.Add(d.source);
  enc.Add(d.source_hash);
  enc.AddEach(d.attachments, [&](const Attachment& a) {
    enc.Add(a.name);
    enc.Add(a.media_type);
    enc.Add(a.part);
    enc.Add(a.sha256);
    enc.Add(a.size);
  });
  enc.Add(d.category);
  enc.Add(d.amount_pence);
  enc.Add(d.author_id);
  enc.Add(d.status_reason);
  // Publication (schema 4): encoded only when any of it is set, so the rows written
  // before it keep the hashes their audit events recorded.
  const PublicationPlan& plan = d.plan;
  if (plan != PublicationPlan{} || !d.redactions.empty() || d.published_on || d.withdrawn_on) {
    enc.Add("publication");
    enc.Add(PlanKindName(plan.kind));
    enc.Add(plan.reason);
    enc.Add(plan.until);
    enc.Add(plan.ground);
    enc.Add(plan.withheld_what);
    enc.Add(plan.review_date);
    enc.Add(plan.set_by);
    enc.Add(plan.set_by_name);
    enc.Add(plan.set_at);
    enc.AddEach(d.redactions, [&](const Redaction& r) {
      enc.Add(RedactionTargetName(r.target));
      enc.Add(r.section_key);
      enc.Add(r.attachment_sha256);
      enc.Add(r.text);
      enc.Add(r.reason);
      enc.Add(r.ground);
      enc.Add(r.proposed_by);
      enc.Add(r.proposed_by_name);
      enc.Add(r.proposed_at);
      enc.Add(r.signed_off_by);
      enc.Add(r.signed_off_by_name);
      enc.Add(r.signed_off_role);
      enc.Add(r.signed_off_at);
    });
    enc.Add(d.published_on);
    enc.Add(d.withdrawn_on);
  }
  return Sha256Hex(enc.bytes());
}

std::optional<ChainBreak> VerifyChain(std::span<const Event> events, std::int64_t prev_seq,
                                      std::string_view prev_hash) {
  std::string prev(prev_hash);
  for (const Event& e : events) {
    if (e.seq != prev_seq + 1) {
      return ChainBreak{e.seq, fmt::format("seq {} follows {}", e.seq, prev_seq)};
    }
    if (e.prev_hash != prev) {
      return ChainBreak{e.seq, prev_seq == 0 ? std::string("prev_hash is not the start of the log")
                                             : fmt::format("prev_hash does not match event {}", prev_seq)};
    }
    if (EventHash(e) != e.hash) {
      return ChainBreak{e.seq, "hash does not match its content"};
    }
    prev_seq = e.seq;
    prev = e.hash;
  }
  return std::nullopt;
}

}  // namespace assent::audit
