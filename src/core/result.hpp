#pragma once
// Errors as values: the subset of std::expected<T, Error> that Assent uses,
// with the same member names so a later move to C++23 is mechanical.

#include <string>
#include <utility>
#include <variant>

namespace assent {

// A small, closed vocabulary. Mapped once to an HTTP status (web/http_status.cpp)
// and once to an exit code (cli/exit_code.cpp), each a switch without default.
enum class ErrorCode {
  kInvalidInput,       // 400, exit 1: the caller sent something wrong
  kForbidden,          // 403: the actor's role does not allow this
  kNotFound,           // 404, exit 1
  kConflict,           // 409: stale edit, duplicate reference
  kIllegalTransition,  // 409: the workflow does not allow this step now
  kUnavailable,        // 503, exit 3: database down, disk full
  kInternal,           // 500, exit 2: a bug; details go to the log only
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  // Safe to show to the person who caused it. Never holds Part 2 or redacted text.
  std::string message;
  // Where the problem is: "field reference", "seed.txt line 14", "assent.toml key listen".
  std::string where;

  // "where: message", or just the message when there is no location.
  std::string ToString() const {
    return where.empty() ? message : where + ": " + message;
  }
};

inline Error Fail(ErrorCode code, std::string message, std::string where = {}) {
  return Error{code, std::move(message), std::move(where)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Result<void> Ok() { return {}; }

}  // namespace assent
