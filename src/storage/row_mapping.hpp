#pragma once
// How a stored row becomes a domain value, shared by both backends: the column order of
// the SELECTs in sqlite_store.cpp and postgres_store.cpp is the same, and `Row` is
// anything with Int / Text / OptText / OptBool / OptDate by 0-based column (a SQLite
// statement, or a PostgreSQL result row). The values bound for a write come from
// ForEachDecisionColumn, in the order of both backends' INSERT column lists.

#include <cstdint>
#include <optional>
#include <string>

#include "decisions/body.hpp"
#include "decisions/decision.hpp"
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

// The decision's own 24 columns (kSelectDecisionById in each backend), children excluded.
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
  return d;
}

// step, role, name, date, declaration, advice, note
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
  return s;
}

// Calls `add(value)` for the decision's 23 written columns, in the order of both backends'
// INSERT lists (body ... source_hash); values are strings, optionals and booleans.
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
}

}  // namespace assent::storage
