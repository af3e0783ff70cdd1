#include "services/register.hpp"

namespace assent::services {
namespace {

// Only published records: see workflow::IsPublic for why withdrawn ones are not listed.
const std::vector<decisions::Status> kPublicStatuses = {decisions::Status::kPublished};

}  // namespace

Result<std::vector<BodyListing>> ListPublicBodies(storage::Store& store) {
  auto counts = store.CountDecisionsByBody(kPublicStatuses);
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
  auto years = store.DecisionYears(body, kPublicStatuses);
  if (!years) return years.error();
  page.years = std::move(*years);
  storage::RegisterQuery q;
  q.body = std::string(body);
  q.year = year;
  q.statuses = kPublicStatuses;
  q.limit = 1000;
  auto rows = store.ListDecisions(q);
  if (!rows) return rows.error();
  for (const auto& s : *rows) {
    page.rows.push_back({s.reference, decisions::ReferenceSlug(s.reference), s.title,
                         s.decision_maker_role, s.decision_date, s.status, s.outcome});
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
  return publication::MakePublicDecision(*d, *b);
}

}  // namespace assent::services
