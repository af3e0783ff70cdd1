#pragma once
// A document's text as the readers see it, with a way back to where each line was
// printed: a text file is one page; a PDF's pages follow one another, each line of the
// joined text remembering its page and its line on that page.

#include <string>
#include <vector>

namespace assent::import {

struct SourcePosition {
  int page = 0;  // 1-based; 0 when unknown
  int line = 0;  // 1-based line on that page; 0 when unknown
};

struct SourceText {
  std::string kind = "text";  // "text" or "pdf"
  std::string text;           // UTF-8, lines separated by '\n'
  // page_first_line[p] is the 1-based line of `text` where page p + 1 starts; one
  // entry (line 1) for a text file.
  std::vector<int> page_first_line = {1};

  int pages() const { return static_cast<int>(page_first_line.size()); }
  // Page and page line of a 1-based line of `text`; {0, 0} for line 0 (not found).
  SourcePosition PositionOf(int line) const;
};

// A plain text as a one-page source.
SourceText PlainSource(std::string text);

}  // namespace assent::import
