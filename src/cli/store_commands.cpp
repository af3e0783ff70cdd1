#include "cli/store_commands.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "cli/exit_code.hpp"
#include "services/store_copy.hpp"
#include "storage/open_store.hpp"

namespace assent::cli {
namespace {

// Progress on a terminal only; scripts and logs get the summary line alone.
std::function<void(std::int64_t)> Progress() {
  if (!isatty(STDERR_FILENO)) return {};
  return [](std::int64_t n) { std::fprintf(stderr, "\rcopied %lld decisions", static_cast<long long>(n)); };
}

void EndProgress() {
  if (isatty(STDERR_FILENO)) std::fputc('\n', stderr);
}

// Copies `from` into `to` and verifies, printing what was done.
int CopyAndVerify(storage::Store& from, storage::Store& to, const std::string& from_name,
                  const std::string& to_name, bool verify) {
  auto copied = services::CopyStore(from, to, 500, Progress());
  EndProgress();
  if (!copied) return Report(copied.error());
  std::printf("copied %d bodies, %lld decisions and %d reference counters from %s to %s\n",
              copied->bodies, static_cast<long long>(copied->decisions), copied->reference_counters,
              app::MaskSecrets(from_name).c_str(), app::MaskSecrets(to_name).c_str());
  if (copied->strategy_progress > 0 || copied->strategy_proposals > 0) {
    std::printf("copied %lld strategy progress entries and %lld version proposals\n",
                static_cast<long long>(copied->strategy_progress),
                static_cast<long long>(copied->strategy_proposals));
  }
  std::printf("copied %lld import review items with their original files\n",
              static_cast<long long>(copied->import_reviews));
  if (!verify) return kExitOk;
  auto checked = services::VerifyCopy(from, to);
  if (!checked) return Report(checked.error());
  std::printf("verified: %d bodies, %lld decisions and %d reference counters read back identical\n",
              checked->bodies, static_cast<long long>(checked->decisions),
              checked->reference_counters);
  std::printf("verified: %lld import review items read back identical\n",
              static_cast<long long>(checked->import_reviews));
  return kExitOk;
}

}  // namespace

void SetupMigrateCommand(CLI::App& sub, StoreArgs& args) {
  sub.add_option("--from", args.from, "source store URL, e.g. sqlite:data/assent.db")->required();
  sub.add_option("--to", args.to, "target store URL, e.g. postgresql://assent@db/assent")->required();
  sub.add_flag("--no-verify", args.no_verify, "skip reading both stores back afterwards");
}

void SetupBackupCommand(CLI::App& sub, StoreArgs& args) {
  sub.add_option("file", args.file, "backup file to write (a SQLite database)")->required();
}

void SetupRestoreCommand(CLI::App& sub, StoreArgs& args) {
  sub.add_option("file", args.file, "backup file made by assent backup")->required()->check(CLI::ExistingFile);
  sub.add_flag("--replace", args.replace, "overwrite a store that already holds decisions");
}

int RunMigrateCommand(const StoreArgs& args, const app::Config&) {
  if (args.from == args.to) {
    return Report(Fail(ErrorCode::kInvalidInput, "--from and --to name the same store"));
  }
  auto from = storage::OpenStore(args.from);
  if (!from) return Report(Fail(from.error().code, from.error().message, "--from"));
  auto to = storage::OpenStore(args.to);
  if (!to) return Report(Fail(to.error().code, to.error().message, "--to"));
  return CopyAndVerify(**from, **to, args.from, args.to, !args.no_verify);
}

int RunBackupCommand(const StoreArgs& args, const app::Config& config) {
  std::string url = config.EffectiveStoreUrl();
  if (std::filesystem::exists(args.file)) {
    return Report(Fail(ErrorCode::kInvalidInput, "already exists; choose a new file name", args.file));
  }
  if (auto r = storage::BackupStore(url, args.file); !r) {
    std::error_code ec;
    std::filesystem::remove(args.file, ec);  // never leave half a backup behind
    return Report(r.error());
  }
  auto copy = storage::OpenStore("sqlite:" + args.file, {.connections = 1});
  if (!copy) return Report(copy.error());
  auto copied = services::CountAllDecisions(**copy);
  if (!copied) return Report(copied.error());
  std::printf("backed up %s to %s: %lld decisions, integrity checked\n",
              app::MaskSecrets(url).c_str(), args.file.c_str(), static_cast<long long>(*copied));
  return kExitOk;
}

int RunRestoreCommand(const StoreArgs& args, const app::Config& config) {
  std::string url = config.EffectiveStoreUrl();
  if (auto r = storage::CheckBackupFile(args.file); !r) return Report(r.error());
  auto backup = storage::OpenStore("sqlite:" + args.file, {.connections = 1});
  if (!backup) return Report(backup.error());
  if (auto path = storage::SqlitePath(url); path && *path != ":memory:") {
    std::error_code ec;  // a restore onto a new machine starts with no data directory
    auto dir = std::filesystem::path(*path).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  }
  auto target = storage::OpenStore(url, {.connections = 2});
  if (!target) return Report(target.error());
  auto counted = services::CountAllDecisions(**target);
  if (!counted) return Report(counted.error());
  std::int64_t present = *counted;

  if (!storage::SqlitePath(url)) {
    // PostgreSQL: copy record by record into an empty database, then verify.
    if (present > 0) {
      return Report(Fail(ErrorCode::kInvalidInput,
                         fmt::format("the store holds {} decisions; restore into an empty "
                                     "database (or drop and recreate it first)",
                                     present)));
    }
    return CopyAndVerify(**backup, **target, "sqlite:" + args.file, url, true);
  }
  if (present > 0 && !args.replace) {
    return Report(Fail(ErrorCode::kInvalidInput,
                       fmt::format("the store holds {} decisions; add --replace to overwrite it "
                                   "(back it up first)",
                                   present)));
  }
  target->reset();
  if (auto r = storage::RestoreSqliteStore(url, args.file); !r) return Report(r.error());
  auto reopened = storage::OpenStore(url, {.connections = 1});  // migrates an older backup
  if (!reopened) return Report(reopened.error());
  auto restored = services::CountAllDecisions(**reopened);
  if (!restored) return Report(restored.error());
  std::printf("restored %s from %s: %lld decisions\n", app::MaskSecrets(url).c_str(),
              args.file.c_str(), static_cast<long long>(*restored));
  return kExitOk;
}

}  // namespace assent::cli
