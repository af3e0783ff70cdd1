#pragma once
// Commands that move whole stores: `assent migrate --from URL --to URL`, `assent backup
// FILE` and `assent restore FILE [--replace]` (on the configured store).

#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace assent::cli {

struct StoreArgs {
  std::string from;
  std::string to;
  std::string file;
  bool replace = false;
  bool no_verify = false;
};

void SetupMigrateCommand(CLI::App& sub, StoreArgs& args);
void SetupBackupCommand(CLI::App& sub, StoreArgs& args);
void SetupRestoreCommand(CLI::App& sub, StoreArgs& args);

// Each prints a summary to stdout, errors to stderr, and returns the exit code.
int RunMigrateCommand(const StoreArgs& args, const app::Config& config);
int RunBackupCommand(const StoreArgs& args, const app::Config& config);
int RunRestoreCommand(const StoreArgs& args, const app::Config& config);

}  // namespace assent::cli
