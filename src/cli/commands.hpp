#pragma once
// The `assent` command line: subcommands from one table (kCommands in commands.cpp).

namespace assent::cli {

// Parses arguments, runs the chosen subcommand and returns the process exit code.
int RunMain(int argc, char** argv);

}  // namespace assent::cli
