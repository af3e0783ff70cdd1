#include "render/json_views.hpp"

#include <nlohmann/json.hpp>

#include "publication/public_json.hpp"

namespace assent::render {
namespace {

using json = nlohmann::ordered_json;

json OptDate(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }
json OptStr(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json OutcomeJson(decisions::Outcome o) {
  return o == decisions::Outcome::kUnknown ? json(nullptr) : json(decisions::OutcomeName(o));
}

json BodyJson(const publication::PublicBody& b) {
  return {{"slug", b.slug},
          {"name", b.name},
          {"short_name", b.short_name},
          {"website", b.website.empty() ? json(nullptr) : json(b.website)},
          {"publication_working_days", b.publication_working_days},
          {"register_url", "/" + b.slug + "/decisions"}};
}

std::string Dump(const json& j) { return publication::DumpJson(j); }

}  // namespace

std::string BodiesJson(const std::vector<services::BodyListing>& bodies) {
  json arr = json::array();
  for (const auto& b : bodies) {
    json j = BodyJson(b.body);
    j["decisions"] = b.decisions;
    arr.push_back(std::move(j));
  }
  return Dump({{"bodies", arr}});
}

std::string RegisterJson(const services::RegisterPage& page) {
  json rows = json::array();
  for (const auto& r : page.rows) {
    rows.push_back({{"reference", r.reference},
                    {"url", "/" + page.body.slug + "/decisions/" + r.reference_slug},
                    {"title", r.title},
                    {"decision_maker_role", OptStr(r.decision_maker_role)},
                    {"decision_date", OptDate(r.decision_date)},
                    {"status", decisions::StatusName(r.status)},
                    {"state", publication::PublicStateName(r.state)},
                    {"outcome", OutcomeJson(r.outcome)}});
  }
  return Dump({{"body", BodyJson(page.body)},
               {"year", page.year ? json(*page.year) : json(nullptr)},
               {"years", page.years},
               {"decisions", rows}});
}

std::string DecisionJson(const publication::PublicDecision& p,
                         const std::vector<strategy::ApprovedVersion>& approves) {
  json j = publication::PublicDecisionToJson(p);
  json versions = json::array();
  for (const auto& a : approves) {
    versions.push_back({{"strategy", a.strategy->id},
                        {"title", a.strategy->title},
                        {"version", a.version->label},
                        {"url", "/" + a.strategy->body + "/strategies/" + a.strategy->id}});
  }
  j["strategy_versions"] = versions;
  return Dump(j);
}

std::string ErrorJson(int status, std::string_view message) {
  return Dump({{"error", {{"status", status}, {"message", std::string(message)}}}});
}

}  // namespace assent::render
