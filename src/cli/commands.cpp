#include "cli/commands.hpp"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/config.hpp"
#include "cli/calendar_command.hpp"
#include "cli/store_commands.hpp"
#include "cli/exit_code.hpp"
#include "services/import_records.hpp"

namespace assent::cli {
namespace {

struct Args {
  std::optional<std::string> config_file;
  std::map<std::string, std::string> flags;  // config flags given on the command line
  std::vector<std::string> files;
  bool json = false;
  bool dry_run = false;
  CalendarArgs calendar;
  StoreArgs store;
};

int Report(const Error& e) {
  std::fprintf(stderr, "assent: %s\n", e.ToString().c_str());
  return ExitCodeFor(e.code);
}

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

int RunImport(const Args& args) {
  auto config = EffectiveConfig(args);
  if (!config) return Report(config.error());
  SetLogLevel(*config);
  if (args.dry_run) {
    // Nothing is stored, so no store is opened: only the forms are needed.
    auto forms = services::LoadForms(app::PathsUnder(config->share_dir).forms);
    if (!forms) return Report(forms.error());
    int status = kExitOk;
    for (const auto& f : args.files) {
      auto json = services::DryRunJson(*forms, f);
      if (!json) {
        status = Report(json.error());
        continue;
      }
      std::fputs(json->c_str(), stdout);
      if (json->empty() || json->back() != '\n') std::fputc('\n', stdout);
    }
    return status;
  }
  auto a = app::OpenApp(*config);
  if (!a) return Report(a.error());
  auto outcomes = services::ImportFiles(*(*a)->store, (*a)->catalogue.forms, args.files);
  if (!outcomes) return Report(outcomes.error());
  for (const auto& o : *outcomes) {
    if (o.already_imported) {
      std::printf("already imported: %s (%s %s)\n", o.file.c_str(), o.body.c_str(), o.reference.c_str());
    } else {
      std::printf("imported: %s -> %s %s\n", o.file.c_str(), o.body.c_str(), o.reference.c_str());
    }
    if (args.json) {
      auto json = services::DryRunJson((*a)->catalogue.forms, o.file);
      if (json) std::fputs(json->c_str(), stdout);
    }
  }
  return kExitOk;
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
  sub.add_option("files", args.files, "decision-record text files")->required()->check(CLI::ExistingFile);
  sub.add_flag("--json", args.json, "print each extracted record as a JSON object");
  sub.add_flag("--dry-run", args.dry_run, "read and print, store nothing (implies --json)");
}

void CalendarSetup(CLI::App& sub, Args& args) { SetupCalendarCommand(sub, args.calendar); }

const Command kCommands[] = {
    {"serve", "run the public register web service", &NoSetup, &RunServe},
    {"import", "import decision-record texts into the store", &ImportSetup, &RunImport},
    {"config", "print the effective configuration", &NoSetup, &RunConfig},
    {"calendar", "bank holidays and working-day due dates", &CalendarSetup, &RunCalendar},
    {"migrate", "copy every record to another store and verify the copy",
     &StoreSetup<&SetupMigrateCommand>, &WithConfig<&RunMigrateCommand>},
    {"backup", "write a consistent copy of the SQLite store while it runs",
     &StoreSetup<&SetupBackupCommand>, &WithConfig<&RunBackupCommand>},
    {"restore", "restore the store from a backup file", &StoreSetup<&SetupRestoreCommand>,
     &WithConfig<&RunRestoreCommand>},
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
  if (args.dry_run) args.json = true;
  return chosen ? chosen->run(args) : kExitBadInput;
}

}  // namespace assent::cli
