#pragma once
// Named process exit codes, and the one mapping from ErrorCode.

#include "core/result.hpp"

namespace assent::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitBadInput = 1,     // the input or configuration is wrong; nothing was changed
  kExitInternal = 2,     // a bug; details are in the log
  kExitUnavailable = 3,  // the database or a directory cannot be reached
};

ExitCode ExitCodeFor(ErrorCode code);

// Prints "assent: <where>: <message>" on stderr and returns the error's exit code.
int Report(const Error& e);

}  // namespace assent::cli
