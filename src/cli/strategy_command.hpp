#pragma once
// `assent strategy progress import FILE [--dry-run]`: the bulk progress update from a CSV
// file (format in strategy/progress_csv.hpp and docs/strategies.md), checked against the
// strategy catalogue (strategies_dir, or the demo's with --demo). Any bad row: one line
// per problem on stderr, exit 1, nothing written. Otherwise one transaction; prints the count.

#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace assent::cli {

struct StrategyArgs {
  std::string file;
  bool dry_run = false;
};

// Adds `progress import` under `strategy`.
void SetupStrategyCommand(CLI::App& strategy, StrategyArgs& args);

int RunStrategyCommand(const StrategyArgs& args, const app::Config& config);

}  // namespace assent::cli
