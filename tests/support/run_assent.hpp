#pragma once
// Runs the `assent` binary (ASSENT_BINARY) as a user would, with a clean ASSENT_*
// environment, and returns its exit code and output.

#include <string>

namespace assent::testing_support {

struct AssentRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// `args` are shell-quoted by the caller; `env` is "NAME=value ..." prepended to the command.
AssentRun RunAssent(const std::string& args, const std::string& env = "");

// Single-quotes a value for the shell.
std::string ShellQuote(const std::string& value);

}  // namespace assent::testing_support
