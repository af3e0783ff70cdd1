#pragma once
// Target arithmetic: how far the achieved value has come from the baseline towards the
// target, and whether the target is met.

#include <optional>
#include <string>

#include "strategy/strategy.hpp"

namespace assent::strategy {

// (achieved - baseline) / (target - baseline) * 100, or nullopt when nothing has been
// achieved yet. 100 means the target is reached exactly; above 100 it is exceeded.
// REQUIRES: target != baseline (the parser refuses such a target).
std::optional<double> AttainmentPercent(const Target& t);

// True when the achieved value has reached the target in the target's direction
// (up when target > baseline, down when target < baseline); nullopt with no value.
std::optional<bool> TargetMet(const Target& t);

// "£3.1m", "£2.25m", "£450,000", "41%", "1,400".
std::string FormatValue(Unit unit, double value);
std::string_view UnitName(Unit unit);  // "gbp", "percent", "count"

}  // namespace assent::strategy
