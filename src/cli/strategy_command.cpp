#include "cli/strategy_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/app.hpp"
#include "cli/exit_code.hpp"
#include "core/instant.hpp"
#include "services/strategy_progress.hpp"

namespace assent::cli {

void SetupStrategyCommand(CLI::App& strategy, StrategyArgs& args) {
  strategy.require_subcommand(1);
  CLI::App* progress = strategy.add_subcommand("progress", "progress entries on deliverables");
  progress->fallthrough();
  progress->require_subcommand(1);
  CLI::App* import = progress->add_subcommand(
      "import", "record progress from a CSV file (body,strategy,deliverable,date,status,text)");
  import->fallthrough();
  import->add_option("file", args.file, "the CSV file")->required();
  import->add_flag("--dry-run", args.dry_run, "check every row and report, store nothing");
}

int RunStrategyCommand(const StrategyArgs& args, const app::Config& config) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) return Report(Fail(ErrorCode::kInvalidInput, "cannot read the file", args.file));
  std::ostringstream text;
  text << in.rdbuf();
  auto a = app::OpenApp(config);
  if (!a) return Report(a.error());
  auto& app = **a;
  if (app.strategies.strategies().empty()) {
    return Report(Fail(ErrorCode::kInvalidInput,
                       "no strategies are loaded: set strategies_dir (or --demo)", "strategies_dir"));
  }
  std::string name = std::filesystem::path(args.file).filename().string();
  auto r = services::ImportProgressCsv(*app.store, app.strategies, name, text.str(), args.dry_run,
                                       services::AuditActor{0, "cli"}, Instant::Now());
  if (!r) return Report(r.error());
  if (!r->problems.empty()) {
    for (const auto& p : r->problems) std::fprintf(stderr, "assent: %s\n", p.c_str());
    std::fprintf(stderr, "assent: %zu problem%s; nothing was recorded\n", r->problems.size(),
                 r->problems.size() == 1 ? "" : "s");
    return kExitBadInput;
  }
  const char* entries = r->entries == 1 ? "progress entry" : "progress entries";
  if (args.dry_run) {
    std::printf("dry run (nothing stored): %d %s would be recorded from %s\n", r->entries, entries,
                name.c_str());
  } else {
    std::printf("%d %s recorded from %s\n", r->entries, entries, name.c_str());
  }
  return kExitOk;
}

}  // namespace assent::cli
