#pragma once
// `assent calendar show [--rule R] [--year Y]` and `assent calendar due-date DATE N [--rule R]`:
// the bundled bank-holiday calendar and working-day due dates, read-only (no store).

#include <optional>
#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace assent::cli {

struct CalendarArgs {
  std::string action;  // "show" or "due-date", set by the chosen subcommand
  std::string rule = "england-and-wales";
  std::optional<int> year;
  std::string date;
  int working_days = 0;
};

// Adds the show and due-date subcommands under `calendar`.
void SetupCalendarCommand(CLI::App& calendar, CalendarArgs& args);

// Prints to stdout; reports errors on stderr and returns the exit code.
int RunCalendarCommand(const CalendarArgs& args, const app::Config& config);

}  // namespace assent::cli
