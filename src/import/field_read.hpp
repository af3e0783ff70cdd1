#pragma once
// One value read from a record, with where it was read and how sure the reader is.

#include <optional>
#include <string>

namespace assent::import {

template <typename T>
struct FieldRead {
  std::optional<T> value;  // empty: unknown
  int line = 0;            // 1-based source line; 0 when not found
  double confidence = 0;   // 0..1
  std::string note;        // why it is unknown, or how it was read when that matters
};

}  // namespace assent::import
