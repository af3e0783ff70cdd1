#pragma once
// The JSON of a PublicDecision: the public API's decision document (render::DecisionJson
// adds the live strategy links) and the stored artifact of a published version, which
// the register serves back. Heavy header: include it from .cpp files only.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "publication/public_decision.hpp"

namespace assent::publication {

// JSON values of optional fields: null when not set (a date as YYYY-MM-DD; an empty string
// and an unknown outcome are "not set" too). Shared with the API's documents.
namespace json_values {
nlohmann::ordered_json OptDate(const std::optional<Date>& d);
nlohmann::ordered_json OptStr(const std::optional<std::string>& s);
nlohmann::ordered_json OptBool(const std::optional<bool>& b);
nlohmann::ordered_json StrOrNull(const std::string& s);
nlohmann::ordered_json OutcomeJson(decisions::Outcome o);
}  // namespace json_values

nlohmann::ordered_json PublicDecisionToJson(const PublicDecision& decision);
// Two-space indented, invalid UTF-8 replaced, ending in a newline.
std::string DumpJson(const nlohmann::ordered_json& j);
// The stored artifact: DumpJson(PublicDecisionToJson(decision)).
std::string PublicArtifact(const PublicDecision& decision);
// Reads an artifact (or the API document) back; kInternal when it is not one.
Result<PublicDecision> ParsePublicDecision(std::string_view json_text);

}  // namespace assent::publication
