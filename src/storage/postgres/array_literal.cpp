#include "storage/postgres/array_literal.hpp"

namespace assent::storage::postgres {

ArrayLiteral& ArrayLiteral::Add(const std::string& value) {
  if (!first_) text_ += ',';
  first_ = false;
  text_ += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') text_ += '\\';
    text_ += c;
  }
  text_ += '"';
  return *this;
}

ArrayLiteral& ArrayLiteral::Add(const std::optional<std::string>& value) {
  if (value) return Add(*value);
  if (!first_) text_ += ',';
  first_ = false;
  text_ += "NULL";
  return *this;
}

ArrayLiteral& ArrayLiteral::Add(long long value) { return Add(std::to_string(value)); }

}  // namespace assent::storage::postgres
