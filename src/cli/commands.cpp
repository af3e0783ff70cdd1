#include "cli/commands.hpp"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <map>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/config.hpp"
#include "cli/admin_commands.hpp"
#include "cli/calendar_command.hpp"
#include "cli/store_commands.hpp"
#include "cli/strategy_command.hpp"
#include "cli/exit_code.hpp"
#include "services/import_records.hpp"
#include "services/publication.hpp"

namespace assent::cli {
namespace {

struct Args {
  std::optional<std::string> config_file;
  std::map<std::string, std::string> flags;  // config flags given on the command line
  std::vector<std::string> files;
  bool json = false;
  bool dry_run = false;
  bool confirm_clean = false;
  CalendarArgs calendar;
  StoreArgs store;
  AdminArgs admin;
  StrategyArgs strategy;
};

Result<app::Config> EffectiveConfig(const Args& args, app::ConfigOrigins* origins = nullptr) {
  app::ConfigSources sources;
  sources.file = args.config_file;
  sources.getenv = [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
  sources.flags = args.flags;
  return app::LoadConfig(sources, origins);
}

void SetLogLevel(const app::Config& c) {
  spdlog::set_level(spdlog::level::from_str(c.log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
}

int RunServe(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  SetLogLevel(*config);
  auto a = app::OpenApp(*config);
  if (!a) return Report(a.error());
  if (auto r = app::Serve(**a); !r) return Report(r.error());
  return kExitOk;
}

// "[12/340] minutes.pdf" on one terminal line, redrawn; only when stderr is a terminal.
void ShowProgress(size_t done, size_t total, const std::string& file) {
  if (file.empty()) {
    std::fputs("\r\033[K", stderr);
    return;
  }
  std::fprintf(stderr, "\r\033[K[%zu/%zu] %s", done + 1, total, file.c_str());
  std::fflush(stderr);
}

void PrintOutcome(const services::ImportOutcome& o, bool dry_run) {
  using services::ImportStatus;
  std::string file = o.row > 0 ? fmt::format("{} row {}", o.file, o.row) : o.file;
  switch (o.status) {
    case ImportStatus::kQueued:
      std::printf("%s: %s -> %s %s (%d unknown, %d low-confidence key fields)%s%s\n",
                  dry_run ? "would queue for review" : "queued for review", file.c_str(), o.body.c_str(),
                  o.reference.empty() ? "(no reference)" : o.reference.c_str(), o.unknown_fields,
                  o.low_confidence_fields, o.message.empty() ? "" : ": ", o.message.c_str());
      break;
    case ImportStatus::kConfirmed:
      std::printf("%s: %s -> %s %s\n", dry_run ? "would confirm" : "confirmed", file.c_str(), o.body.c_str(),
                  o.reference.c_str());
      break;
    case ImportStatus::kDuplicate:
      std::printf("already imported: %s (%s %s)\n", o.file.c_str(), o.body.c_str(), o.reference.c_str());
      break;
    case ImportStatus::kFailed:
      std::fflush(stdout);
      std::fprintf(stderr, "assent: %s\n", o.message.c_str());
      break;
  }
}

int RunImport(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  SetLogLevel(*config);
  std::unique_ptr<app::App> opened;
  std::vector<decisions::Form> forms;
  if (args.dry_run) {
    // Nothing is stored, so no store is opened: only the forms are needed.
    auto loaded = services::LoadForms(app::PathsUnder(config->share_dir).forms);
    if (!loaded) return Report(loaded.error());
    forms = std::move(*loaded);
  } else {
    auto a = app::OpenApp(*config);
    if (!a) return Report(a.error());
    opened = std::move(*a);
  }
  services::ImportOptions options;
  options.want_json = args.json;
  if (args.confirm_clean) options.confirm = services::AutoConfirm::kClean;
  if (isatty(fileno(stderr))) options.progress = &ShowProgress;
  auto paths = services::ExpandPaths(args.files);
  auto outcomes = opened ? services::ImportFiles(opened->store.get(), opened->catalogue.forms, paths, options)
                         : services::ImportFiles(nullptr, forms, paths, options);
  if (!outcomes) return Report(outcomes.error());
  for (const auto& o : *outcomes) {
    if (args.json) {
      if (!o.json.empty()) std::printf("%s\n", o.json.c_str());
      if (o.status == services::ImportStatus::kFailed) PrintOutcome(o, args.dry_run);
      continue;
    }
    PrintOutcome(o, args.dry_run);
  }
  auto s = services::Summarise(*outcomes);
  std::fflush(stdout);  // the summary comes after the records, also when both go to one pipe
  std::fprintf(args.json ? stderr : stdout, "%s%d queued for review, %d confirmed, %d failed, %d duplicates skipped\n",
               args.dry_run ? "dry run (nothing stored): " : "", s.queued, s.confirmed, s.failed, s.duplicates);
  return s.failed > 0 ? kExitBadInput : kExitOk;
}

int RunConfig(const Args& args) {
  app::ConfigOrigins origins;
  auto config = EffectiveConfig(args, &origins);
  if (!config) return Report(config.error());
  std::fputs(app::DescribeConfig(*config, origins).c_str(), stdout);
  return kExitOk;
}

int RunCalendar(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  return RunCalendarCommand(args.calendar, *config);
}

// Commands that take the effective configuration and their own arguments.
template <int (*Run)(const StoreArgs&, const app::Config&)>
int WithConfig(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  SetLogLevel(*config);
  return Run(args.store, *config);
}

template <void (*Setup)(CLI::App&, StoreArgs&)>
void StoreSetup(CLI::App& sub, Args& args) {
  Setup(sub, args.store);
}

int RunAdmin(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  SetLogLevel(*config);
  return RunAdminCommand(args.admin, *config);
}

template <void (*Setup)(CLI::App&, AdminArgs&)>
void AdminSetup(CLI::App& sub, Args& args) {
  Setup(sub, args.admin);
}

int RunStrategy(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  SetLogLevel(*config);
  return RunStrategyCommand(args.strategy, *config);
}

void StrategySetup(CLI::App& sub, Args& args) { SetupStrategyCommand(sub, args.strategy); }

// For cron: publishes every deferred decision whose date has come, prints each.
int RunPublishDue(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  SetLogLevel(*config);
  auto a = app::OpenApp(*config);
  if (!a) return Report(a.error());
  Instant now = Instant::Now();
  services::WorkflowSetup setup{(*a)->catalogue, config->EffectiveBaseUrl()};
  auto report = services::PublishDue(*(*a)->store, setup, now.UkDate(), now);
  if (!report) return Report(report.error());
  for (const auto& p : report->published) std::printf("published %s\n", p.c_str());
  std::fflush(stdout);
  for (const auto& f : report->failed) std::fprintf(stderr, "assent: not published: %s\n", f.c_str());
  std::printf("%zu published, %zu failed\n", report->published.size(), report->failed.size());
  return report->failed.empty() ? kExitOk : kExitBadInput;
}

int RunVersion(const Args&) {
  std::printf("assent %s\n", ASSENT_VERSION);
  return kExitOk;
}

struct Command {
  const char* name;
  const char* help;
  void (*setup)(CLI::App& sub, Args& args);
  int (*run)(const Args& args);
};

void NoSetup(CLI::App&, Args&) {}

void ImportSetup(CLI::App& sub, Args& args) {
  // No existence check here: a missing path is one failed file, and the batch goes on.
  sub.add_option("paths", args.files, "decision documents (text or PDF) or directories of them")->required();
  sub.add_flag("--json", args.json, "print each extracted record as one JSON object per line");
  sub.add_flag("--dry-run", args.dry_run, "read and report, store nothing");
  sub.add_flag("--confirm-clean", args.confirm_clean,
               "confirm at once (publish) the records with no unknown and no low-confidence key field; "
               "the rest wait in the review queue");
}

void CalendarSetup(CLI::App& sub, Args& args) { SetupCalendarCommand(sub, args.calendar); }

const Command kCommands[] = {
    {"serve", "run the public register web service", &NoSetup, &RunServe},
    {"import", "queue decision documents for review (text or PDF)", &ImportSetup, &RunImport},
    {"config", "print the effective configuration", &NoSetup, &RunConfig},
    {"calendar", "bank holidays and working-day due dates", &CalendarSetup, &RunCalendar},
    {"migrate", "copy every record to another store and verify the copy",
     &StoreSetup<&SetupMigrateCommand>, &WithConfig<&RunMigrateCommand>},
    {"backup", "write a consistent copy of the SQLite store while it runs",
     &StoreSetup<&SetupBackupCommand>, &WithConfig<&RunBackupCommand>},
    {"restore", "restore the store from a backup file", &StoreSetup<&SetupRestoreCommand>,
     &WithConfig<&RunRestoreCommand>},
    {"user", "staff accounts: add, list, set-roles, reset-password", &AdminSetup<&SetupUserCommand>,
     &RunAdmin},
    {"audit", "verify the audit log (audit verify)", &AdminSetup<&SetupAuditCommand>, &RunAdmin},
    {"mail", "the notification outbox: send, list", &AdminSetup<&SetupMailCommand>, &RunAdmin},
    {"strategy", "the strategy register: progress import", &StrategySetup, &RunStrategy},
    {"publish-due", "publish deferred decisions whose date has come (for cron)", &NoSetup,
     &RunPublishDue},
    {"version", "print the version", &NoSetup, &RunVersion},
};

}  // namespace

int RunMain(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::fprintf(stderr, "assent: libsodium failed to initialise\n");
    return kExitInternal;
  }
  CLI::App cli{"Assent: decisions of policing bodies, from first draft to public record"};
  cli.set_version_flag("--version", std::string("assent ") + ASSENT_VERSION);
  cli.require_subcommand(1);
  Args args;
  cli.add_option("--config", args.config_file, "TOML configuration file")->check(CLI::ExistingFile);
  // Every configuration key is also a flag (table in app/config.cpp).
  std::map<std::string, std::string> raw;
  bool demo = false;
  for (const auto& key : app::ConfigKeys()) {
    if (key.flag == "demo") {
      cli.add_flag("--demo", demo, key.help + " (env " + key.env + ")");
    } else {
      cli.add_option("--" + key.flag, raw[key.flag], key.help + " (env " + key.env + ")");
    }
  }
  const Command* chosen = nullptr;
  for (const auto& c : kCommands) {
    CLI::App* sub = cli.add_subcommand(c.name, c.help);
    sub->fallthrough();
    c.setup(*sub, args);
    sub->callback([&chosen, &c] { chosen = &c; });
  }
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  for (const auto& key : app::ConfigKeys()) {
    if (key.flag == "demo") continue;
    if (cli.count("--" + key.flag) > 0) args.flags[key.flag] = raw[key.flag];
  }
  if (demo) args.flags["demo"] = "true";
  return chosen ? chosen->run(args) : kExitBadInput;
}

}  // namespace assent::cli
