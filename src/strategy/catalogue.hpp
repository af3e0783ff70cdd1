#pragma once
// Every strategy of a deployment, checked as a whole: ids unique within a body,
// "replaces" naming strategies of the same body, no supersession cycle, alignments
// naming known national strategies. Built once at start; read-only afterwards, so it
// may be shared by any number of threads.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "strategy/strategy.hpp"

namespace assent::strategy {

struct ApprovedVersion {
  const Strategy* strategy = nullptr;
  const Version* version = nullptr;
};

class Catalogue {
 public:
  Catalogue() = default;

  // Errors name the strategy's file and key: "b.toml: key replaces: supersession cycle:
  // cumbria/a -> cumbria/b -> cumbria/a".
  static Result<Catalogue> Build(std::vector<Strategy> strategies,
                                 std::vector<NationalStrategy> national);

  const std::vector<Strategy>& strategies() const { return strategies_; }
  const std::vector<NationalStrategy>& national() const { return national_; }

  // A body's strategies, oldest first (by start year, then first approval).
  std::vector<const Strategy*> ForBody(std::string_view body) const;
  // The bodies that have strategies, in order of first appearance by slug.
  std::vector<std::string> Bodies() const;
  const Strategy* Find(std::string_view body, std::string_view id) const;
  const NationalStrategy* FindNational(std::string_view id) const;
  std::vector<const Strategy*> Replaces(const Strategy& s) const;
  std::vector<const Strategy*> ReplacedBy(const Strategy& s) const;
  // The versions a decision approved (usually none or one).
  std::vector<ApprovedVersion> ApprovedBy(std::string_view body, std::string_view reference) const;

  // Superseded once a replacement's first version is approved; otherwise by the period.
  StrategyStatus StatusOn(const Strategy& s, const Date& date) const;

 private:
  std::vector<Strategy> strategies_;
  std::vector<NationalStrategy> national_;
};

}  // namespace assent::strategy
