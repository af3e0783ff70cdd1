#pragma once
// The strategy register as JSON: the same public data as the strategy pages. Field names
// are stable API (docs/api.md); unknown values are null.

#include <string>

#include "services/strategy_register.hpp"

namespace assent::render {

// GET /strategies.json, /api/v1/strategies: every body's strategies.
std::string StrategyTimelineJson(const services::Timeline& timeline, const Date& as_of);
// GET /{body}/strategies.json
std::string StrategyListJson(const services::StrategyListPage& page);
// GET /{body}/strategies/{id}.json: the strategy with versions, themes, deliverables and
// their progress, targets with attainment, alignment and the review schedule.
std::string StrategyJson(const services::StrategyPage& page);

}  // namespace assent::render
