#pragma once
// Use cases of the public strategy register: a body's strategies, one strategy with its
// versions and approving decisions, its delivery report, and the timeline of every body.
// The catalogue is read-only; the store is read only through the public projection, so
// a decision that is not public is shown as "not on the register", never linked.

#include <list>
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
#include "services/strategy_progress.hpp"

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

// A strategy as the lists and the timeline show it: the data file with the stored progress
// and the versions approved through published decisions merged in (MergeRecorded), so its
// latest version and the timeline's marks include them. `strategy` points into `merged`.
struct StrategyRow {
  const strategy::Strategy* strategy = nullptr;
  strategy::StrategyStatus status = strategy::StrategyStatus::kCurrent;
  std::shared_ptr<const strategy::Strategy> merged;
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

// A body's strategy feed (/{body}/strategies.atom): the progress staff recorded, newest
// recorded first, and every approved version of its strategies -- from the data files and
// through published decisions approved -- each with its approving decision resolved
// against the public register. Public data only: a proposal whose decision is not
// published as approved is not a version.
struct FeedVersion {
  const strategy::Strategy* strategy = nullptr;  // points into `strategies`
  strategy::Version version;
  DecisionLink decision;  // reference empty when the version names no decision on the register
};
struct StrategyFeed {
  publication::PublicBody body;
  std::vector<std::shared_ptr<const strategy::Strategy>> strategies;  // merged
  std::vector<RecentProgress> progress;
  std::vector<FeedVersion> versions;  // newest approval first
};
// kNotFound for a body not on the register. At most `limit` progress entries.
Result<StrategyFeed> GetStrategyFeed(storage::Store& store, const strategy::Catalogue& catalogue,
                                     std::string_view body, int limit);

// The strategy versions a decision approves, for its public page and JSON: the data files'
// (Catalogue::ApprovedBy) and those proposed through it once it is published with the
// outcome "approved" (strategy::VersionThroughDecision). `versions` point into the
// catalogue and `owned`. Without a catalogue, none.
struct DecisionApprovals {
  std::list<strategy::Version> owned;
  std::vector<strategy::ApprovedVersion> versions;
};
Result<DecisionApprovals> VersionsApprovedBy(storage::Store& store, const strategy::Catalogue* catalogue,
                                             std::string_view body, std::string_view reference);

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
