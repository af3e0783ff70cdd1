#include "cli/exit_code.hpp"

#include <cstdio>

namespace assent::cli {

ExitCode ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kForbidden:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
    case ErrorCode::kIllegalTransition: return kExitBadInput;
    case ErrorCode::kUnavailable: return kExitUnavailable;
    case ErrorCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int Report(const Error& e) {
  std::fprintf(stderr, "assent: %s\n", e.ToString().c_str());
  return ExitCodeFor(e.code);
}

}  // namespace assent::cli
