#pragma once
// The strategy register's columns as both backends store them: a progress entry's date
// as its ISO text ("2026", "2026-03", "2026-03-14"), its status as its name or NULL.

#include <optional>
#include <string>

#include "core/result.hpp"
#include "strategy/partial_date.hpp"
#include "strategy/strategy.hpp"

namespace assent::storage {

inline Result<strategy::PartialDate> HappenedFromColumn(const std::string& text) {
  auto when = strategy::PartialDate::Parse(text);
  if (!when) return Fail(ErrorCode::kInternal, "a stored progress date '" + text + "' is unreadable");
  return *when;
}

inline std::optional<std::string> StatusToColumn(const std::optional<strategy::DeliverableStatus>& s) {
  if (!s) return std::nullopt;
  return std::string(strategy::StatusName(*s));
}

inline Result<std::optional<strategy::DeliverableStatus>> StatusFromColumn(
    const std::optional<std::string>& name) {
  if (!name) return std::optional<strategy::DeliverableStatus>();
  auto s = strategy::ParseDeliverableStatus(*name);
  if (!s) return Fail(ErrorCode::kInternal, "a stored progress status '" + *name + "' is unknown");
  return s;
}

}  // namespace assent::storage
