#pragma once
// PostgreSQL's text form of a one-dimensional array ({"a","b",NULL}), so that all the
// child rows of a decision go to the server in one statement (INSERT ... unnest($n)).

#include <optional>
#include <string>
#include <vector>

namespace assent::storage::postgres {

class ArrayLiteral {
 public:
  ArrayLiteral& Add(const std::string& value);
  ArrayLiteral& Add(const std::optional<std::string>& value);
  ArrayLiteral& Add(long long value);
  // "{...}" with every element quoted and backslash-escaped.
  std::string str() const { return text_ + "}"; }

 private:
  std::string text_ = "{";
  bool first_ = true;
};

}  // namespace assent::storage::postgres
