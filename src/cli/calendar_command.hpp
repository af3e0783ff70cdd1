#pragma once
// `assent calendar show [--rule R] [--year Y]`, `assent calendar due-date DATE N [--rule R]`
// and `assent calendar import FILE [--dry-run]`: the bank-holiday calendar in force (the
// bundled file with the imports stored in the store merged in), working-day due dates, and
// merging a newer GOV.UK bank-holidays.json into the store.

#include <optional>
#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace assent::cli {

struct CalendarArgs {
  std::string action;  // "show", "due-date" or "import", set by the chosen subcommand
  std::string rule = "england-and-wales";
  std::optional<int> year;
  std::string date;
  int working_days = 0;
  std::string file;  // import
  bool dry_run = false;
};

// Adds the show, due-date and import subcommands under `calendar`.
void SetupCalendarCommand(CLI::App& calendar, CalendarArgs& args);

// Prints to stdout; reports errors on stderr and returns the exit code.
int RunCalendarCommand(const CalendarArgs& args, const app::Config& config);

}  // namespace assent::cli
