#include "render/json_views.hpp"

#include <nlohmann/json.hpp>

namespace assent::render {
namespace {

using json = nlohmann::ordered_json;

json OptDate(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }
json OptStr(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json OptBool(const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); }
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

std::string Dump(const json& j) {
  // Invalid UTF-8 is replaced rather than thrown on: the register must always answer.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

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
                    {"outcome", OutcomeJson(r.outcome)}});
  }
  return Dump({{"body", BodyJson(page.body)},
               {"year", page.year ? json(*page.year) : json(nullptr)},
               {"years", page.years},
               {"decisions", rows}});
}

std::string DecisionJson(const publication::PublicDecision& p,
                         const std::vector<strategy::ApprovedVersion>& approves) {
  json fields = json::object();
  for (const auto& f : p.fields) fields[f.key] = f.value;
  json sections = json::array();
  for (const auto& s : p.sections) sections.push_back({{"heading", s.heading}, {"text", s.text}});
  json boards = json::array();
  for (const auto& b : p.boards) boards.push_back({{"name", b.name}, {"date", OptDate(b.date)}});
  json signoffs = json::array();
  for (const auto& s : p.signoffs) {
    signoffs.push_back({{"role", s.role.empty() ? json(nullptr) : json(s.role)},
                        {"name", s.name.empty() ? json(nullptr) : json(s.name)},
                        {"date", OptDate(s.date)}});
  }
  json versions = json::array();
  for (const auto& a : approves) {
    versions.push_back({{"strategy", a.strategy->id},
                        {"title", a.strategy->title},
                        {"version", a.version->label},
                        {"url", "/" + a.strategy->body + "/strategies/" + a.strategy->id}});
  }
  return Dump({{"body", BodyJson(p.body)},
               {"reference", p.reference},
               {"url", "/" + p.body.slug + "/decisions/" + p.reference_slug},
               {"title", p.title},
               {"status", decisions::StatusName(p.status)},
               {"outcome", OutcomeJson(p.outcome)},
               {"decision_maker_role", OptStr(p.decision_maker_role)},
               {"decision_date", OptDate(p.decision_date)},
               {"fields", fields},
               {"sections", sections},
               {"governance_boards", boards},
               {"background_papers", p.background_papers},
               {"persons_consulted", p.persons_consulted},
               {"signoffs", signoffs},
               {"part2", {{"exists", p.part2_exists},
                          {"statement", p.part2_statement.empty() ? json(nullptr)
                                                                  : json(p.part2_statement)},
                          {"papers_withheld", p.part2_papers_withheld}}},
               {"publication_deferred", OptBool(p.publication_deferred)},
               {"press_release_required", OptBool(p.press_release_required)},
               {"strategy_versions", versions}});
}

std::string ErrorJson(int status, std::string_view message) {
  return Dump({{"error", {{"status", status}, {"message", std::string(message)}}}});
}

}  // namespace assent::render
