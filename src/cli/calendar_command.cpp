#include "cli/calendar_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include <filesystem>

#include "app/app.hpp"
#include "core/instant.hpp"
#include "cli/exit_code.hpp"
#include "publication/working_days.hpp"
#include "services/calendar_file.hpp"
#include "services/catalogue.hpp"
#include "storage/open_store.hpp"

namespace assent::cli {
namespace {

int Show(const publication::Calendar& calendar, const CalendarArgs& args) {
  auto rule = publication::FindCalendarRule(args.rule);
  if (!rule) return Report(rule.error());
  auto years = publication::CoveredYears(calendar, args.rule);
  if (!years) return Report(years.error());
  int first = args.year.value_or(years->first);
  int last = args.year.value_or(years->last);
  auto days = publication::BankHolidaysUnder(calendar, args.rule, first, last);
  if (!days) return Report(days.error());
  std::printf("Calendar %s: %s.\n", std::string(rule->name).c_str(), std::string(rule->description).c_str());
  std::printf("Covers %d to %d. Saturdays and Sundays are not working days either.\n", years->first,
              years->last);
  for (const auto& d : *days) {
    std::printf("%s  %s  %s\n", d.date.ToIso().c_str(), publication::DayWithWeekday(d.date).c_str(),
                d.reason.c_str());
  }
  return kExitOk;
}

int ShowDueDate(const publication::Calendar& calendar, const CalendarArgs& args) {
  auto start = Date::ParseIso(args.date);
  if (!start) return Report(start.error());
  auto due = publication::DueDate(calendar, *start, args.working_days, args.rule);
  if (!due) return Report(due.error());
  std::printf("Due: %s (%s)\n", publication::DayWithWeekday(due->due).c_str(), due->due.ToIso().c_str());
  std::printf("%s\n", due->summary.c_str());
  std::printf("Calendar %s; the day of approval, %s, is day 0.\n", due->rule.c_str(),
              publication::DayWithWeekday(due->start).c_str());
  for (const auto& d : due->days) {
    std::string what = d.working_day > 0 ? fmt::format("working day {}", d.working_day)
                                         : "not a working day: " + d.reason;
    std::printf("  %s  %s\n", publication::DayWithWeekday(d.date).c_str(), what.c_str());
  }
  return kExitOk;
}

int Import(storage::Store& store, const std::string& calendars_dir, const CalendarArgs& args) {
  auto text = services::ReadWholeFile(args.file);
  if (!text) return Report(text.error());
  auto report = services::ImportCalendar(store, calendars_dir, *text, args.file, "cli",
                                         Instant::Now(), args.dry_run);
  if (!report) return Report(report.error());
  for (const auto& c : report->changes) std::printf("%s\n", c.ToString().c_str());
  if (report->changes.empty()) {
    std::printf("%s brings nothing new: the calendar in force already has every day in it\n",
                args.file.c_str());
  } else if (args.dry_run) {
    std::printf("dry run (nothing stored): %zu change%s\n", report->changes.size(),
                report->changes.size() == 1 ? "" : "s");
  } else {
    std::printf("imported %s: %zu change%s; due dates of open decisions follow the new calendar\n",
                args.file.c_str(), report->changes.size(), report->changes.size() == 1 ? "" : "s");
  }
  return kExitOk;
}

}  // namespace

void SetupCalendarCommand(CLI::App& calendar, CalendarArgs& args) {
  calendar.require_subcommand(1);
  const std::string rule_help =
      "calendar rule: england-and-wales (default), scotland, northern-ireland, any-uk (FOIA)";
  CLI::App* show = calendar.add_subcommand("show", "list the bank holidays under a calendar rule");
  show->fallthrough();
  show->add_option("--rule", args.rule, rule_help);
  show->add_option("--year", args.year, "only this year");
  show->callback([&args] { args.action = "show"; });

  CLI::App* due = calendar.add_subcommand(
      "due-date", "the Nth working day after DATE (DATE is day 0), and how it was calculated");
  due->fallthrough();
  due->add_option("date", args.date, "day of approval, YYYY-MM-DD")->required();
  due->add_option("n", args.working_days, "number of working days")->required();
  due->add_option("--rule", args.rule, rule_help);
  due->callback([&args] { args.action = "due-date"; });

  CLI::App* import = calendar.add_subcommand(
      "import", "merge a newer GOV.UK bank-holidays.json into the calendar in force (stored)");
  import->fallthrough();
  import->add_option("file", args.file, "a GOV.UK bank-holidays.json, all divisions or one")
      ->required();
  import->add_flag("--dry-run", args.dry_run, "show the changes, store nothing");
  import->callback([&args] { args.action = "import"; });
}

int RunCalendarCommand(const CalendarArgs& args, const app::Config& config) {
  const std::string calendars = app::PathsUnder(config.share_dir).calendars;
  const std::string url = config.EffectiveStoreUrl();
  // Looking is read-only: with no store yet (a fresh default SQLite file), the bundled
  // calendar is the one in force and no database is created.
  const auto sqlite_file = storage::SqlitePath(url);
  const bool no_store_yet = sqlite_file && !std::filesystem::exists(*sqlite_file);
  if (args.action != "import" && no_store_yet) {
    auto calendar = services::LoadCalendarFile(services::BundledCalendarPath(calendars));
    if (!calendar) return Report(calendar.error());
    return args.action == "show" ? Show(*calendar, args) : ShowDueDate(*calendar, args);
  }
  if (no_store_yet && config.store_url.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(config.data_dir, ec);
    if (ec) {
      return Report(Error{ErrorCode::kUnavailable,
                          fmt::format("cannot create the data directory ({})", ec.message()),
                          config.data_dir});
    }
  }
  auto store = storage::OpenStore(url, {.connections = 1});
  if (!store) return Report(store.error());
  if (args.action == "import") return Import(**store, calendars, args);
  auto calendar = services::EffectiveCalendar(**store, calendars);
  if (!calendar) return Report(calendar.error());
  if (args.action == "show") return Show(*calendar, args);
  return ShowDueDate(*calendar, args);
}

}  // namespace assent::cli
