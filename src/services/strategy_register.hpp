#pragma once
// Use cases of the public strategy register: a body's strategies, one strategy with its
// versions and approving decisions, its delivery report, and the timeline of every body.
// The catalogue is read-only; the store is read only through the public projection, so
// a decision that is not public is shown as "not on the register", never linked.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "publication/public_decision.hpp"
#include "storage/store.hpp"
#include "strategy/catalogue.hpp"
#include "strategy/delivery_report.hpp"

namespace assent::services {

// A decision reference cited by a strategy, resolved against the register.
struct DecisionLink {
  std::string reference;  // as the data file gives it: "008/2016"
  bool on_register = false;
  std::string url;    // "/cumbria/decisions/008-2016" when on the register
  std::string title;  // the decision's title when on the register
  std::optional<Date> date;
};

// Every reference a page cites, keyed "body/reference".
using DecisionLinks = std::map<std::string, DecisionLink, std::less<>>;
const DecisionLink* FindLink(const DecisionLinks& links, std::string_view body,
                             std::string_view reference);

struct StrategyRow {
  const strategy::Strategy* strategy = nullptr;
  strategy::StrategyStatus status = strategy::StrategyStatus::kCurrent;
};

// One body's strategies on the timeline.
struct TimelineLane {
  publication::PublicBody body;
  std::vector<StrategyRow> strategies;
};

struct Timeline {
  std::vector<TimelineLane> lanes;
  DecisionLinks links;
  const strategy::Catalogue* catalogue = nullptr;
};

struct StrategyListPage {
  publication::PublicBody body;
  std::vector<StrategyRow> rows;
  Timeline timeline;  // this body's lane only
  Date as_of;
};

struct StrategyPage {
  publication::PublicBody body;
  // The data file's strategy with the stored progress and the versions approved through
  // published decisions merged in (services/strategy_progress.hpp); `strategy` points here.
  std::shared_ptr<const strategy::Strategy> merged;
  const strategy::Strategy* strategy = nullptr;
  strategy::StrategyStatus status = strategy::StrategyStatus::kCurrent;
  std::vector<const strategy::Strategy*> replaces, replaced_by;
  strategy::DeliveryReport report;  // as at `as_of`
  DecisionLinks links;
  const strategy::Catalogue* catalogue = nullptr;
  Date as_of;
};

// Every body that has strategies and is on the register, oldest strategy first.
Result<Timeline> GetStrategyTimeline(storage::Store& store, const strategy::Catalogue& catalogue,
                                     const Date& as_of);
// kNotFound for a body not on the register. A body without strategies has an empty list.
Result<StrategyListPage> GetStrategyList(storage::Store& store, const strategy::Catalogue& catalogue,
                                         std::string_view body, const Date& as_of);
// kNotFound for an unknown body or strategy id.
Result<StrategyPage> GetStrategyPage(storage::Store& store, const strategy::Catalogue& catalogue,
                                     std::string_view body, std::string_view id, const Date& as_of);

}  // namespace assent::services
