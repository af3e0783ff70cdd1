#include "publication/public_json.hpp"

#include <fmt/format.h>

namespace assent::publication {

namespace json_values {

using json = nlohmann::ordered_json;

json OptDate(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }
json OptStr(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json OptBool(const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); }
json StrOrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json OutcomeJson(decisions::Outcome o) {
  return o == decisions::Outcome::kUnknown ? json(nullptr) : json(decisions::OutcomeName(o));
}

}  // namespace json_values

namespace {

using json = nlohmann::ordered_json;

using namespace json_values;

// Readers that accept null or absence as "not set".
std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::optional<std::string> OptStrOf(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}
std::optional<Date> OptDateOf(const json& j, const char* key) {
  auto s = OptStrOf(j, key);
  if (!s) return std::nullopt;
  auto d = Date::ParseIso(*s);
  if (!d) return std::nullopt;
  return *d;
}
std::optional<bool> OptBoolOf(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}
int IntOf(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}
const json& Obj(const json& j, const char* key) {
  static const json kEmpty = json::object();
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : kEmpty;
}
const json& Arr(const json& j, const char* key) {
  static const json kEmpty = json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

}  // namespace

json PublicDecisionToJson(const PublicDecision& p) {
  json fields = json::object();
  for (const auto& f : p.fields) fields[f.key] = f.value;
  json sections = json::array();
  for (const auto& s : p.sections) sections.push_back({{"heading", s.heading}, {"text", s.text}});
  json boards = json::array();
  for (const auto& b : p.boards) boards.push_back({{"name", b.name}, {"date", OptDate(b.date)}});
  json signoffs = json::array();
  for (const auto& s : p.signoffs) {
    signoffs.push_back({{"role", StrOrNull(s.role)}, {"name", StrOrNull(s.name)}, {"date", OptDate(s.date)}});
  }
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
                        {"sha256", StrOrNull(v.sha256)}});
  }
  const auto& b = p.body;
  return {{"body", {{"slug", b.slug},
                    {"name", b.name},
                    {"short_name", b.short_name},
                    {"website", StrOrNull(b.website)},
                    {"publication_working_days", b.publication_working_days},
                    {"register_url", "/" + b.slug + "/decisions"}}},
          {"reference", p.reference},
          {"url", "/" + b.slug + "/decisions/" + p.reference_slug},
          {"title", p.title},
          {"status", decisions::StatusName(p.status)},
          {"state", PublicStateName(p.state)},
          {"outcome", OutcomeJson(p.outcome)},
          {"decision_maker_role", OptStr(p.decision_maker_role)},
          {"decision_date", OptDate(p.decision_date)},
          {"due_date", OptDate(p.due_date)},
          {"published_on", OptDate(p.published_on)},
          {"fields", fields},
          {"sections", sections},
          {"governance_boards", boards},
          {"background_papers", p.background_papers},
          {"persons_consulted", p.persons_consulted},
          {"signoffs", signoffs},
          {"part2", {{"exists", p.part2_exists},
                     {"statement", StrOrNull(p.part2_statement)},
                     {"papers_withheld", p.part2_papers_withheld}}},
          {"publication_deferred", OptBool(p.publication_deferred)},
          {"press_release_required", OptBool(p.press_release_required)},
          {"deferral", p.state == PublicState::kDeferred
                           ? json{{"reason", p.deferral_reason}, {"until", OptDate(p.deferred_until)}}
                           : json(nullptr)},
          {"withheld", p.state == PublicState::kWithheld
                           ? json{{"what", p.withheld_what},
                                  {"ground", p.withheld_ground},
                                  {"ground_label", p.withheld_ground_label},
                                  {"review_date", OptDate(p.review_date)}}
                           : json(nullptr)},
          {"withdrawal", p.state == PublicState::kWithdrawn
                             ? json{{"reason", p.withdrawal_reason}, {"date", OptDate(p.withdrawn_on)}}
                             : json(nullptr)},
          {"redactions", redactions},
          {"versions", versions},
          {"media", {{"press_release_required", OptBool(p.media.press_release_required)},
                     {"strategy_formulated", OptBool(p.media.strategy_formulated)},
                     {"strategy_attached", OptBool(p.media.strategy_attached)},
                     {"proposed_date", OptDate(p.media.proposed_date)}}}};
}

std::string DumpJson(const json& j) {
  // Invalid UTF-8 is replaced rather than thrown on: the register must always answer.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string PublicArtifact(const PublicDecision& decision) {
  return DumpJson(PublicDecisionToJson(decision));
}

Result<PublicDecision> ParsePublicDecision(std::string_view text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Fail(ErrorCode::kInternal, "a stored public artifact is not a JSON object");
  }
  PublicDecision p;
  const json& b = Obj(j, "body");
  p.body.slug = Str(b, "slug");
  p.body.name = Str(b, "name");
  p.body.short_name = Str(b, "short_name");
  p.body.website = Str(b, "website");
  p.body.publication_working_days = IntOf(b, "publication_working_days");
  p.reference = Str(j, "reference");
  p.reference_slug = decisions::ReferenceSlug(p.reference);
  p.title = Str(j, "title");
  p.status = decisions::ParseStatus(Str(j, "status")).value_or(decisions::Status::kPublished);
  std::string state = Str(j, "state");
  for (auto s : {PublicState::kPublished, PublicState::kDeferred, PublicState::kWithheld,
                 PublicState::kWithdrawn}) {
    if (PublicStateName(s) == state) p.state = s;
  }
  p.withdrawn = p.state == PublicState::kWithdrawn;
  if (auto o = OptStrOf(j, "outcome")) {
    p.outcome = decisions::ParseOutcome(*o).value_or(decisions::Outcome::kUnknown);
  }
  p.decision_maker_role = OptStrOf(j, "decision_maker_role");
  p.decision_date = OptDateOf(j, "decision_date");
  p.due_date = OptDateOf(j, "due_date");
  p.published_on = OptDateOf(j, "published_on");
  for (const auto& [key, value] : Obj(j, "fields").items()) {
    if (value.is_string()) p.fields.push_back({key, std::string(PublicFieldLabel(key)), value.get<std::string>()});
  }
  for (const auto& s : Arr(j, "sections")) p.sections.push_back({Str(s, "heading"), Str(s, "text")});
  for (const auto& x : Arr(j, "governance_boards")) p.boards.push_back({Str(x, "name"), OptDateOf(x, "date")});
  for (const auto& x : Arr(j, "background_papers")) {
    if (x.is_string()) p.background_papers.push_back(x.get<std::string>());
  }
  for (const auto& x : Arr(j, "persons_consulted")) {
    if (x.is_string()) p.persons_consulted.push_back(x.get<std::string>());
  }
  for (const auto& x : Arr(j, "signoffs")) p.signoffs.push_back({Str(x, "role"), Str(x, "name"), OptDateOf(x, "date")});
  const json& part2 = Obj(j, "part2");
  p.part2_exists = OptBoolOf(part2, "exists").value_or(false);
  p.part2_statement = Str(part2, "statement");
  p.part2_papers_withheld = IntOf(part2, "papers_withheld");
  p.publication_deferred = OptBoolOf(j, "publication_deferred");
  p.press_release_required = OptBoolOf(j, "press_release_required");
  const json& deferral = Obj(j, "deferral");
  p.deferral_reason = Str(deferral, "reason");
  p.deferred_until = OptDateOf(deferral, "until");
  const json& withheld = Obj(j, "withheld");
  p.withheld_what = Str(withheld, "what");
  p.withheld_ground = Str(withheld, "ground");
  p.withheld_ground_label = Str(withheld, "ground_label");
  p.review_date = OptDateOf(withheld, "review_date");
  const json& withdrawal = Obj(j, "withdrawal");
  p.withdrawal_reason = Str(withdrawal, "reason");
  p.withdrawn_on = OptDateOf(withdrawal, "date");
  for (const auto& r : Arr(j, "redactions")) {
    p.redactions.push_back({Str(r, "where"), Str(r, "ground"), Str(r, "ground_label")});
  }
  for (const auto& v : Arr(j, "versions")) {
    p.versions.push_back({IntOf(v, "number"), Str(v, "kind"), Str(v, "published_at"),
                          Str(v, "change_note"), Str(v, "sha256")});
  }
  const json& media = Obj(j, "media");
  p.media = {OptBoolOf(media, "press_release_required"), OptBoolOf(media, "strategy_formulated"),
             OptBoolOf(media, "strategy_attached"), OptDateOf(media, "proposed_date")};
  return p;
}

}  // namespace assent::publication
