#pragma once
// How a stored row becomes a domain value, shared by both backends: the column order of
// the SELECTs in sqlite_store.cpp and postgres_store.cpp is the same, and `Row` is
// anything with Int / OptInt / Text / OptText / OptBool / OptDate by 0-based column (a
// SQLite statement, or a PostgreSQL result row). The values bound for a write come from
// ForEachDecisionColumn / ForEachSignOffColumn / ForEachUserColumn, in the order of both
// backends' INSERT column lists.

#include <cstdint>
#include <optional>
#include <string>

#include "accounts/user.hpp"
#include "audit/event.hpp"
#include "decisions/body.hpp"
#include "decisions/decision.hpp"
#include "publication/publication_plan.hpp"
#include "storage/store.hpp"

namespace assent::storage {

inline decisions::Part PartOf(std::int64_t v) {
  return v == 2 ? decisions::Part::kPart2 : decisions::Part::kPart1;
}

// slug, name, short_name, reference_pattern, publication_working_days, calendar, form, website
template <typename Row>
decisions::Body BodyFromRow(const Row& r) {
  decisions::Body b;
  b.slug = r.Text(0);
  b.name = r.Text(1);
  b.short_name = r.Text(2);
  b.reference_pattern = r.Text(3);
  b.publication_working_days = static_cast<int>(r.Int(4));
  b.calendar = r.Text(5);
  b.form = r.Text(6);
  b.website = r.Text(7);
  return b;
}

// id, body, reference, title, decision_maker_role, decision_date, status, outcome
template <typename Row>
DecisionSummary SummaryFromRow(const Row& r) {
  DecisionSummary s;
  s.id = r.Int(0);
  s.body = r.Text(1);
  s.reference = r.Text(2);
  s.title = r.Text(3);
  s.decision_maker_role = r.OptText(4);
  s.decision_date = r.OptDate(5);
  s.status = decisions::ParseStatus(r.Text(6)).value_or(decisions::Status::kDraft);
  s.outcome = decisions::ParseOutcome(r.Text(7)).value_or(decisions::Outcome::kUnknown);
  return s;
}

// The decision's own 28 columns (kSelectDecisionById in each backend), children excluded.
template <typename Row>
decisions::Decision DecisionFromRow(const Row& r) {
  decisions::Decision d;
  d.id = r.Int(0);
  d.version = r.Int(1);
  d.body = r.Text(2);
  d.form = r.Text(3);
  d.reference = r.Text(4);
  d.title = r.Text(5);
  d.status = decisions::ParseStatus(r.Text(6)).value_or(decisions::Status::kDraft);
  d.outcome = decisions::ParseOutcome(r.Text(7)).value_or(decisions::Outcome::kUnknown);
  d.decision_maker_role = r.OptText(8);
  d.decision_date = r.OptDate(9);
  d.publication.deferred = r.OptBool(10);
  d.publication.deferral_reason = r.Text(11);
  d.publication.deferred_until = r.OptDate(12);
  d.publication.part2_exists = r.OptBool(13);
  d.publication.part2_reason = r.Text(14);
  d.publication.for_publication = r.OptBool(15);
  d.publication.non_publication_reason = r.Text(16);
  d.publication.redaction_required = r.OptBool(17);
  d.media.press_release_required = r.OptBool(18);
  d.media.strategy_formulated = r.OptBool(19);
  d.media.strategy_attached = r.OptBool(20);
  d.media.press_release_date = r.OptDate(21);
  d.source = r.Text(22);
  d.source_hash = r.Text(23);
  d.category = r.Text(24);
  d.amount_pence = r.OptInt(25);
  d.author_id = r.Int(26);
  d.status_reason = r.Text(27);
  return d;
}

// step, role, name, date, declaration, advice, note, user_id, signed_at, content_hash,
// interests, outcome, reasons, voided
template <typename Row>
decisions::SignOff SignOffFromRow(const Row& r) {
  decisions::SignOff s;
  s.step = r.Text(0);
  s.role = r.OptText(1);
  s.name = r.OptText(2);
  s.date = r.OptDate(3);
  s.declaration = r.Text(4);
  s.advice = r.Text(5);
  s.note = r.Text(6);
  s.user_id = r.Int(7);
  s.signed_at = r.Text(8);
  s.content_hash = r.Text(9);
  s.interests = r.Text(10);
  if (auto outcome = r.OptText(11)) s.outcome = decisions::ParseOutcome(*outcome);
  s.reasons = r.Text(12);
  s.voided = r.Text(13);
  return s;
}

// Calls `add(value)` for a sign-off's 14 columns, in the order of SignOffFromRow (dates
// and the outcome as optional text, the account as an integer).
template <typename Add>
void ForEachSignOffColumn(const decisions::SignOff& s, Add&& add) {
  add(s.step);
  add(s.role);
  add(s.name);
  add(s.date ? std::optional<std::string>(s.date->ToIso()) : std::nullopt);
  add(s.declaration);
  add(s.advice);
  add(s.note);
  add(s.user_id);
  add(s.signed_at);
  add(s.content_hash);
  add(s.interests);
  add(s.outcome ? std::optional<std::string>(std::string(decisions::OutcomeName(*s.outcome)))
                : std::nullopt);
  add(s.reasons);
  add(s.voided);
}

// name, media_type, part, sha256, size
template <typename Row>
decisions::Attachment AttachmentFromRow(const Row& r) {
  decisions::Attachment a;
  a.name = r.Text(0);
  a.media_type = r.Text(1);
  a.part = PartOf(r.Int(2));
  a.sha256 = r.Text(3);
  a.size = r.Int(4);
  return a;
}

// id, version, username, display_name, email, password_hash, failed_sign_ins,
// locked_until, disabled, must_change_password (roles are read separately)
template <typename Row>
accounts::User UserFromRow(const Row& r) {
  accounts::User u;
  u.id = r.Int(0);
  u.version = r.Int(1);
  u.username = r.Text(2);
  u.display_name = r.Text(3);
  u.email = r.Text(4);
  u.password_hash = r.Text(5);
  u.failed_sign_ins = static_cast<int>(r.Int(6));
  u.locked_until = r.Int(7);
  u.disabled = r.OptBool(8).value_or(false);
  u.must_change_password = r.OptBool(9).value_or(false);
  return u;
}

// Calls `add(value)` for a user's 8 written columns (username ... must_change_password),
// in the order of both backends' INSERT lists.
template <typename Add>
void ForEachUserColumn(const accounts::User& u, Add&& add) {
  add(u.username);
  add(u.display_name);
  add(u.email);
  add(u.password_hash);
  add(static_cast<std::int64_t>(u.failed_sign_ins));
  add(u.locked_until);
  add(std::optional<bool>(u.disabled));
  add(std::optional<bool>(u.must_change_password));
}

// token_hash, user_id, csrf_token, created_at, expires_at
template <typename Row>
accounts::Session SessionFromRow(const Row& r) {
  return accounts::Session{r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4)};
}

// id, to_address, subject, body, created_at, attempts, last_error
template <typename Row>
Mail MailFromRow(const Row& r) {
  Mail m;
  m.id = r.Int(0);
  m.to = r.Text(1);
  m.subject = r.Text(2);
  m.body = r.Text(3);
  m.created_at = r.Text(4);
  m.attempts = static_cast<int>(r.Int(5));
  m.last_error = r.Text(6);
  return m;
}

// seq, at, actor_id, actor, action, detail, decision_id, decision_hash, prev_hash, hash
template <typename Row>
audit::Event EventFromRow(const Row& r) {
  audit::Event e;
  e.seq = r.Int(0);
  e.at = r.Text(1);
  e.actor_id = r.Int(2);
  e.actor = r.Text(3);
  e.action = r.Text(4);
  e.detail = r.Text(5);
  e.decision_id = r.Int(6);
  e.decision_hash = r.Text(7);
  e.prev_hash = r.Text(8);
  e.hash = r.Text(9);
  return e;
}

// Calls `add(value)` for an event's 10 columns, in the order of EventFromRow.
template <typename Add>
void ForEachEventColumn(const audit::Event& e, Add&& add) {
  add(e.seq);
  add(e.at);
  add(e.actor_id);
  add(e.actor);
  add(e.action);
  add(e.detail);
  add(e.decision_id);
  add(e.decision_hash);
  add(e.prev_hash);
  add(e.hash);
}

// Calls `add(value)` for the decision's 27 written columns, in the order of both backends'
// INSERT lists (body ... status_reason); values are strings, integers, optionals and
// booleans.
template <typename Add>
void ForEachDecisionColumn(const decisions::Decision& d, Add&& add) {
  add(d.body);
  add(d.form);
  add(d.reference);
  add(decisions::ReferenceSlug(d.reference));
  add(d.title);
  add(std::string(decisions::StatusName(d.status)));
  add(std::string(decisions::OutcomeName(d.outcome)));
  add(d.decision_maker_role);
  add(d.decision_date);
  add(d.publication.deferred);
  add(d.publication.deferral_reason);
  add(d.publication.deferred_until);
  add(d.publication.part2_exists);
  add(d.publication.part2_reason);
  add(d.publication.for_publication);
  add(d.publication.non_publication_reason);
  add(d.publication.redaction_required);
  add(d.media.press_release_required);
  add(d.media.strategy_formulated);
  add(d.media.strategy_attached);
  add(d.media.press_release_date);
  add(d.source);
  add(d.source_hash);
  add(d.category);
  add(d.amount_pence);
  add(d.author_id);
  add(d.status_reason);
}

// --- publication (schema 4): the plan and dates on the decision row, its redactions,
// its published versions.

// The public_state column: publication::PublicStateName, or "" when not public. Derived
// from the row itself on every write, so the register can filter on it.
inline std::string PublicStateColumn(const decisions::Decision& d) {
  auto state = publication::PublicStateOf(d);
  return state ? std::string(publication::PublicStateName(*state)) : std::string();
}

// Calls `add(value)` for the 12 publication columns of a decision row: plan_kind,
// plan_reason, plan_until, plan_ground, plan_withheld_what, plan_review_date, plan_set_by,
// plan_set_by_name, plan_set_at, published_on, withdrawn_on, public_state.
template <typename Add>
void ForEachPublicationColumn(const decisions::Decision& d, Add&& add) {
  const auto& p = d.plan;
  add(std::string(decisions::PlanKindName(p.kind)));
  add(p.reason);
  add(p.until);
  add(p.ground);
  add(p.withheld_what);
  add(p.review_date);
  add(p.set_by);
  add(p.set_by_name);
  add(p.set_at);
  add(d.published_on);
  add(d.withdrawn_on);
  add(PublicStateColumn(d));
}

// Reads the first 11 of those columns (public_state is derived) into `d`.
template <typename Row>
void PublicationFromRow(const Row& r, decisions::Decision& d) {
  auto& p = d.plan;
  p.kind = decisions::ParsePlanKind(r.Text(0)).value_or(decisions::PlanKind::kNone);
  p.reason = r.Text(1);
  p.until = r.OptDate(2);
  p.ground = r.Text(3);
  p.withheld_what = r.Text(4);
  p.review_date = r.OptDate(5);
  p.set_by = r.Int(6);
  p.set_by_name = r.Text(7);
  p.set_at = r.Text(8);
  d.published_on = r.OptDate(9);
  d.withdrawn_on = r.OptDate(10);
}

// Calls `add(value)` for a redaction's 17 columns: target, section_key, attachment_sha256,
// text, reason, ground, proposed_by, proposed_by_name, proposed_at, signed_off_by,
// signed_off_by_name, signed_off_role, signed_off_at, cancelled_by, cancelled_by_name,
// cancelled_at, cancel_reason (schema 8).
template <typename Add>
void ForEachRedactionColumn(const decisions::Redaction& r, Add&& add) {
  add(std::string(decisions::RedactionTargetName(r.target)));
  add(r.section_key);
  add(r.attachment_sha256);
  add(r.text);
  add(r.reason);
  add(r.ground);
  add(r.proposed_by);
  add(r.proposed_by_name);
  add(r.proposed_at);
  add(r.signed_off_by);
  add(r.signed_off_by_name);
  add(r.signed_off_role);
  add(r.signed_off_at);
  add(r.cancelled_by);
  add(r.cancelled_by_name);
  add(r.cancelled_at);
  add(r.cancel_reason);
}

template <typename Row>
decisions::Redaction RedactionFromRow(const Row& r) {
  decisions::Redaction x;
  x.target = decisions::ParseRedactionTarget(r.Text(0)).value_or(decisions::RedactionTarget::kSection);
  x.section_key = r.Text(1);
  x.attachment_sha256 = r.Text(2);
  x.text = r.Text(3);
  x.reason = r.Text(4);
  x.ground = r.Text(5);
  x.proposed_by = r.Int(6);
  x.proposed_by_name = r.Text(7);
  x.proposed_at = r.Text(8);
  x.signed_off_by = r.Int(9);
  x.signed_off_by_name = r.Text(10);
  x.signed_off_role = r.Text(11);
  x.signed_off_at = r.Text(12);
  x.cancelled_by = r.Int(13);
  x.cancelled_by_name = r.Text(14);
  x.cancelled_at = r.Text(15);
  x.cancel_reason = r.Text(16);
  return x;
}

// decision_id, number, kind, published_at, public_json, sha256, change_note
template <typename Row>
PublishedVersion PublishedVersionFromRow(const Row& r) {
  PublishedVersion v;
  v.decision_id = r.Int(0);
  v.number = static_cast<int>(r.Int(1));
  v.kind = r.Text(2);
  v.published_at = r.Text(3);
  v.public_json = r.Text(4);
  v.sha256 = r.Text(5);
  v.change_note = r.Text(6);
  return v;
}

}  // namespace assent::storage
