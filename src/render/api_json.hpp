#pragma once
// The JSON API (/api/v1, described by openapi.json): a register page by page, one
// decision with its publication state, and search. Public types only; field names are
// stable API (docs/api.md); unknown values are null; URLs are paths on this register.

#include <string>
#include <string_view>
#include <vector>

#include "publication/public_decision.hpp"
#include "services/search.hpp"
#include "strategy/catalogue.hpp"

namespace assent::render {

// `next`: the path of the next page, or empty on the last.
std::string ApiRegisterJson(const services::RegisterSlice& slice, std::string_view next);
// The decision as /{body}/decisions/{ref}.json has it, plus `api_url`, `print_url`,
// `publication` (state, dates, reasons, redaction notices, versions) and `media`.
// A deferred or withheld stub and a tombstone carry no section text or papers.
std::string ApiDecisionJson(const publication::PublicDecision& decision,
                            const std::vector<strategy::ApprovedVersion>& approves = {});
std::string ApiSearchJson(const services::SearchPage& page, std::string_view next);

}  // namespace assent::render
