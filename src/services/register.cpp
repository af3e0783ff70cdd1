#include "services/register.hpp"

#include <fmt/format.h>

#include "publication/public_json.hpp"

namespace assent::services {
namespace {

using publication::PublicState;

std::string StateNote(const publication::PublicDecision& p) {
  switch (p.state) {
    case PublicState::kPublished: return "";
    case PublicState::kDeferred:
      return fmt::format("Deferred until {}: {}", p.deferred_until ? p.deferred_until->ToLong() : "a date to be set",
                         p.deferral_reason);
    case PublicState::kWithheld:
      return fmt::format("{} withheld under {} (review due {})", p.withheld_what, p.withheld_ground_label,
                         p.review_date ? p.review_date->ToLong() : "not set");
    case PublicState::kWithdrawn:
      return fmt::format("Withdrawn{}: {}", p.withdrawn_on ? " on " + p.withdrawn_on->ToLong() : "",
                         p.withdrawal_reason);
  }
  return "";
}

}  // namespace

Result<std::vector<BodyListing>> ListPublicBodies(storage::Store& store) {
  auto counts = store.CountPublicDecisionsByBody();
  if (!counts) return counts.error();
  std::vector<BodyListing> out;
  for (const auto& bc : *counts) {
    out.push_back({publication::MakePublicBody(bc.body), bc.decisions});
  }
  return out;
}

Result<RegisterPage> GetRegister(storage::Store& store, std::string_view body,
                                 std::optional<int> year) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  RegisterPage page;
  page.body = publication::MakePublicBody(*b);
  page.year = year;
  auto years = store.PublicDecisionYears(body);
  if (!years) return years.error();
  page.years = std::move(*years);
  storage::RegisterQuery q;
  q.body = std::string(body);
  q.year = year;
  q.public_only = true;
  q.limit = 1000;
  auto rows = store.ListDecisions(q);
  if (!rows) return rows.error();
  for (const auto& s : *rows) {
    RegisterRow row{s.reference, decisions::ReferenceSlug(s.reference), s.title, s.decision_maker_role,
                    s.decision_date, s.status, s.outcome, publication::PublicStateOfName(s.public_state), ""};
    if (row.state != PublicState::kPublished) {
      row.outcome = decisions::Outcome::kUnknown;  // not on the stub either
      // A stub or tombstone says why on the register itself: read it from the record.
      auto d = store.FindDecisionById(s.id);
      if (!d) return d.error();
      auto p = publication::MakePublicDecision(*d, *b);
      if (!p) continue;  // changed since the list was read
      row.state_note = StateNote(*p);
    }
    page.rows.push_back(std::move(row));
  }
  return page;
}

Result<publication::PublicDecision> GetPublicDecision(storage::Store& store,
                                                      std::string_view body,
                                                      std::string_view reference_slug) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  auto d = store.FindDecision(body, reference_slug);
  if (!d) return d.error();
  auto live = publication::MakePublicDecision(*d, *b);  // kNotFound unless public now
  if (!live) return live.error();
  auto versions = store.ListPublishedVersions(d->id);
  if (!versions) return versions.error();
  if (versions->empty()) return live;
  auto served = publication::ParsePublicDecision(versions->back().public_json);
  if (!served) return served.error();
  served->versions.clear();
  for (const auto& v : *versions) {
    served->versions.push_back({v.number, v.kind, v.published_at, v.change_note, v.sha256});
  }
  return served;
}

}  // namespace assent::services
