#include "audit/event.hpp"

#include <fmt/format.h>

#include "core/hash.hpp"

namespace assent::audit {

const std::string kGenesisHash(64, '0');

namespace {

// The canonical encoding: each field in declaration order as its decimal byte length,
// ':' and the bytes. Integers are written in decimal, booleans as "0" / "1", dates as
// ISO, enums by name (Part as 1 / 2). An absent optional is "-" (no length prefix, so
// it cannot be confused with an empty value); a present one is its value. A list is
// its element count, then each element's fields.
class Encoder {
 public:
  Encoder& Str(std::string_view s) {
    out_ += std::to_string(s.size());
    out_ += ':';
    out_ += s;
    return *this;
  }
  Encoder& Int(std::int64_t v) { return Str(std::to_string(v)); }
  Encoder& Bool(bool v) { return Str(v ? "1" : "0"); }
  Encoder& Absent() {
    out_ += '-';
    return *this;
  }
  Encoder& Opt(const std::optional<std::string>& v) { return v ? Str(*v) : Absent(); }
  Encoder& Opt(const std::optional<bool>& v) { return v ? Bool(*v) : Absent(); }
  Encoder& Opt(const std::optional<Date>& v) { return v ? Str(v->ToIso()) : Absent(); }
  Encoder& Opt(const std::optional<std::int64_t>& v) { return v ? Int(*v) : Absent(); }
  Encoder& Part(decisions::Part p) { return Int(static_cast<int>(p)); }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace

std::string EventHash(const Event& e) {
  Encoder enc;
  enc.Int(e.seq).Str(e.at).Int(e.actor_id).Str(e.actor).Str(e.action).Str(e.detail)
      .Int(e.decision_id).Str(e.decision_hash).Str(e.prev_hash);
  return Sha256Hex(enc.str());
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
  Encoder enc;
  enc.Int(d.id).Int(d.version).Str(d.body).Str(d.form).Str(d.reference).Str(d.title);
  enc.Int(static_cast<std::int64_t>(d.sections.size()));
  for (const auto& s : d.sections) enc.Str(s.key).Str(s.heading).Part(s.part).Str(s.text);
  enc.Int(static_cast<std::int64_t>(d.fields.size()));
  for (const auto& f : d.fields) enc.Str(f.key).Str(f.value);
  enc.Int(static_cast<std::int64_t>(d.boards.size()));
  for (const auto& b : d.boards) enc.Str(b.name).Opt(b.date);
  enc.Int(static_cast<std::int64_t>(d.background_papers.size()));
  for (const auto& p : d.background_papers) enc.Str(p.title).Part(p.part);
  enc.Int(static_cast<std::int64_t>(d.persons_consulted.size()));
  for (const auto& c : d.persons_consulted) enc.Str(c);
  enc.Int(static_cast<std::int64_t>(d.signoffs.size()));
  for (const auto& s : d.signoffs) {
    enc.Str(s.step).Opt(s.role).Opt(s.name).Opt(s.date).Str(s.declaration).Str(s.advice)
        .Str(s.note).Int(s.user_id).Str(s.signed_at).Str(s.content_hash).Str(s.interests);
    if (s.outcome) {
      enc.Str(decisions::OutcomeName(*s.outcome));
    } else {
      enc.Absent();
    }
    enc.Str(s.reasons).Str(s.voided);
  }
  enc.Str(decisions::OutcomeName(d.outcome)).Opt(d.decision_maker_role).Opt(d.decision_date);
  const auto& p = d.publication;
  enc.Opt(p.deferred).Str(p.deferral_reason).Opt(p.deferred_until).Opt(p.part2_exists)
      .Str(p.part2_reason).Opt(p.for_publication).Str(p.non_publication_reason)
      .Opt(p.redaction_required);
  const auto& m = d.media;
  enc.Opt(m.press_release_required).Opt(m.strategy_formulated).Opt(m.strategy_attached)
      .Opt(m.press_release_date);
  enc.Str(decisions::StatusName(d.status)).Str(d.source).Str(d.source_hash);
  enc.Int(static_cast<std::int64_t>(d.attachments.size()));
  for (const auto& a : d.attachments) {
    enc.Str(a.name).Str(a.media_type).Part(a.part).Str(a.sha256).Int(a.size);
  }
  enc.Str(d.category).Opt(d.amount_pence).Int(d.author_id).Str(d.status_reason);
  return Sha256Hex(enc.str());
}

std::optional<ChainBreak> VerifyChain(std::span<const Event> events, std::int64_t prev_seq,
                                      std::string_view prev_hash) {
  std::string prev(prev_hash);
  for (const auto& e : events) {
    if (EventHash(e) != e.hash) return ChainBreak{e.seq, "hash does not match its content"};
    if (e.seq != prev_seq + 1) {
      return ChainBreak{e.seq, fmt::format("seq {} follows {}", e.seq, prev_seq)};
    }
    if (e.prev_hash != prev) {
      return ChainBreak{e.seq, prev_seq == 0
                                   ? std::string("prev_hash is not the genesis hash")
                                   : fmt::format("prev_hash does not match event {}", prev_seq)};
    }
    prev_seq = e.seq;
    prev = e.hash;
  }
  return std::nullopt;
}

}  // namespace assent::audit
