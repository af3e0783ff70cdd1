#pragma once
// The public JSON of the register: the same public data as the HTML pages. Field
// names are stable API (docs/api.md); unknown values are null.

#include <string>
#include <vector>

#include "publication/public_decision.hpp"
#include "services/register.hpp"
#include "strategy/catalogue.hpp"

namespace assent::render {

std::string BodiesJson(const std::vector<services::BodyListing>& bodies);
std::string RegisterJson(const services::RegisterPage& page);
// `approves`: the strategy versions the decision approved ("strategy_versions").
std::string DecisionJson(const publication::PublicDecision& decision,
                         const std::vector<strategy::ApprovedVersion>& approves = {});
// {"error": {"status": 404, "message": "..."}}
std::string ErrorJson(int status, std::string_view message);

}  // namespace assent::render
