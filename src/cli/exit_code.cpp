#include "cli/exit_code.hpp"

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

}  // namespace assent::cli
