#include "render/api_json.hpp"

#include <nlohmann/json.hpp>

#include "publication/public_json.hpp"
#include "render/json_views.hpp"

namespace assent::render {
namespace {

using json = nlohmann::ordered_json;

using namespace publication::json_values;

std::string Dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string DecisionPath(std::string_view body, std::string_view slug) {
  return "/" + std::string(body) + "/decisions/" + std::string(slug);
}
std::string ApiDecisionPath(std::string_view body, std::string_view slug) {
  return "/api/v1/bodies/" + std::string(body) + "/decisions/" + std::string(slug);
}

json RowJson(std::string_view body, const services::RegisterRow& r) {
  return {{"body", std::string(body)},
          {"reference", r.reference},
          {"url", DecisionPath(body, r.reference_slug)},
          {"api_url", ApiDecisionPath(body, r.reference_slug)},
          {"title", r.title},
          {"decision_maker_role", OptStr(r.decision_maker_role)},
          {"decision_date", OptDate(r.decision_date)},
          {"status", decisions::StatusName(r.status)},
          {"state", publication::PublicStateName(r.state)},
          {"outcome", OutcomeJson(r.outcome)}};
}

json NextJson(std::string_view next) { return next.empty() ? json(nullptr) : json(std::string(next)); }

}  // namespace

std::string ApiRegisterJson(const services::RegisterSlice& slice, std::string_view next) {
  json rows = json::array();
  for (const auto& r : slice.rows) rows.push_back(RowJson(slice.body.slug, r));
  return Dump({{"body", {{"slug", slice.body.slug},
                         {"name", slice.body.name},
                         {"short_name", slice.body.short_name},
                         {"register_url", "/" + slice.body.slug + "/decisions"}}},
               {"year", slice.filter.year ? json(*slice.filter.year) : json(nullptr)},
               {"status", StrOrNull(slice.filter.status)},
               {"limit", slice.filter.limit},
               {"offset", slice.filter.offset},
               {"next", NextJson(next)},
               {"decisions", rows}});
}

std::string ApiDecisionJson(const publication::PublicDecision& decision,
                            const std::vector<strategy::ApprovedVersion>& approves) {
  using publication::PublicState;
  publication::PublicDecision shown = decision;
  if (shown.state != PublicState::kPublished) {
    shown.sections.clear();
    shown.background_papers.clear();
  }
  json j = json::parse(DecisionJson(shown, approves));
  const auto& p = shown;
  j["api_url"] = ApiDecisionPath(p.body.slug, p.reference_slug);
  j["print_url"] = DecisionPath(p.body.slug, p.reference_slug) + "/print";
  json redactions = json::array();
  for (const auto& r : p.redactions) {
    redactions.push_back({{"where", r.where}, {"ground", r.ground}, {"ground_label", r.ground_label}});
  }
  json versions = json::array();
  for (const auto& v : p.versions) {
    versions.push_back({{"number", v.number},
                        {"kind", v.kind},
                        {"published_at", v.published_at},
                        {"change_note", StrOrNull(v.change_note)},
                        {"sha256", v.sha256}});
  }
  j["publication"] = {{"state", publication::PublicStateName(p.state)},
                      {"state_label", publication::PublicStateLabel(p.state)},
                      {"due_date", OptDate(p.due_date)},
                      {"published_on", OptDate(p.published_on)},
                      {"deferral_reason", StrOrNull(p.deferral_reason)},
                      {"deferred_until", OptDate(p.deferred_until)},
                      {"withheld_what", StrOrNull(p.withheld_what)},
                      {"withheld_ground", StrOrNull(p.withheld_ground)},
                      {"withheld_ground_label", StrOrNull(p.withheld_ground_label)},
                      {"review_date", OptDate(p.review_date)},
                      {"withdrawal_reason", StrOrNull(p.withdrawal_reason)},
                      {"withdrawn_on", OptDate(p.withdrawn_on)},
                      {"redactions", redactions},
                      {"versions", versions}};
  j["media"] = {{"press_release_required", OptBool(p.media.press_release_required)},
                {"strategy_formulated", OptBool(p.media.strategy_formulated)},
                {"strategy_attached", OptBool(p.media.strategy_attached)},
                {"proposed_date", OptDate(p.media.proposed_date)}};
  return Dump(j);
}

std::string ApiSearchJson(const services::SearchPage& page, std::string_view next) {
  const auto& f = page.form;
  json results = json::array();
  for (const auto& h : page.hits) {
    json row = RowJson(h.body.slug, h.decision);
    row["body_name"] = h.body.name;
    json snippet = json::array();
    for (const auto& s : h.snippet) snippet.push_back({{"text", s.text}, {"match", s.match}});
    row["snippet"] = snippet;
    results.push_back(std::move(row));
  }
  return Dump({{"query", {{"q", f.text},
                          {"body", StrOrNull(f.body)},
                          {"year", f.year ? json(*f.year) : json(nullptr)},
                          {"decision_maker", StrOrNull(f.decision_maker)},
                          {"status", StrOrNull(f.status)},
                          {"classification", StrOrNull(f.classification)}}},
               {"total", page.total},
               {"total_capped", page.capped},
               {"limit", f.limit},
               {"offset", f.offset},
               {"next", NextJson(next)},
               {"results", results}});
}

}  // namespace assent::render
