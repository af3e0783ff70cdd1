#include "storage/snippet.hpp"

namespace assent::storage {

std::vector<SnippetPart> SplitSnippet(std::string_view marked) {
  std::vector<SnippetPart> parts;
  SnippetPart current;
  const auto flush = [&] {
    if (!current.text.empty()) parts.push_back(current);
    current.text.clear();
  };
  for (char c : marked) {
    if (c == kMatchStart || c == kMatchEnd) {
      flush();
      current.match = c == kMatchStart;
      continue;
    }
    current.text += c;
  }
  flush();
  return parts;
}

}  // namespace assent::storage
