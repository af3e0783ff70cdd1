#pragma once
// Internal to services/: what the workflow and publication use cases share (included only
// by services/*.cpp).

#include <cstdint>
#include <string>
#include <string_view>

#include "audit/event.hpp"
#include "core/instant.hpp"
#include "decisions/decision.hpp"
#include "workflow/chain.hpp"

namespace assent::services {

// The refusal when a version-checked write finds the decision moved.
inline constexpr std::string_view kMoved =
    "someone else changed this decision a moment ago; reload it and try again";

// How staff messages name a decision: its reference, or "draft 12" before it has one.
std::string NameOf(const decisions::Decision& d);

// An audit event by `actor` ("system" when the actor has no username: the scheduler).
audit::NewEvent EventFor(Instant now, const workflow::Actor& actor, std::string_view action,
                         std::string detail, std::int64_t decision_id);

}  // namespace assent::services
