#include "services/workflow_parts.hpp"

#include <fmt/format.h>

namespace assent::services {

std::string NameOf(const decisions::Decision& d) {
  return d.reference.empty() ? fmt::format("draft {}", d.id) : d.reference;
}

audit::NewEvent EventFor(Instant now, const workflow::Actor& actor, std::string_view action,
                         std::string detail, std::int64_t decision_id) {
  audit::NewEvent e;
  e.at = now.ToIso();
  e.actor_id = actor.id;
  e.actor = actor.username.empty() ? "system" : actor.username;
  e.action = std::string(action);
  e.detail = std::move(detail);
  e.decision_id = decision_id;
  return e;
}

}  // namespace assent::services
