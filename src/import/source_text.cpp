#include "import/source_text.hpp"

#include <algorithm>

namespace assent::import {

SourcePosition SourceText::PositionOf(int line) const {
  if (line <= 0 || page_first_line.empty()) return {};
  // The last page that starts at or before the line.
  auto it = std::upper_bound(page_first_line.begin(), page_first_line.end(), line);
  if (it == page_first_line.begin()) return {};
  --it;
  int page = static_cast<int>(it - page_first_line.begin()) + 1;
  return {page, line - *it + 1};
}

SourceText PlainSource(std::string text) {
  SourceText s;
  s.text = std::move(text);
  return s;
}

}  // namespace assent::import
