#pragma once
// Turns decision-record text, as converters produce it from Word and PDF, into plain
// lines: markdown-ish markup (**bold**, *italic*, # headings, <sup>th</sup>, <p>/<u>
// tags, HTML entities, "- " list markers, pipe tables) is removed, while what a reader
// of the printed page would see is kept: which words were struck through (~~...~~),
// list structure, whole-line emphasis (a common way to print headings) and table cells.

#include <string>
#include <string_view>
#include <vector>

#include "import/word_match.hpp"

namespace assent::import {

struct Line {
  int number = 0;            // 1-based line in the source text (split <p> paragraphs share one)
  std::string text;          // plain text; spaces collapsed; table cells separated by '\t'
  std::vector<bool> struck;  // one flag per byte of `text`: printed struck through
  std::vector<Word> words;   // SplitWords(text)
  int indent = 0;            // columns before a list marker
  bool list_item = false;    // began with "- ", "* ", "+ " or a bullet
  bool markdown_heading = false;  // began with '#'
  bool emphasised = false;        // the whole line was **bold**
  bool placeholder = false;       // only dots, dashes or underscores: an empty answer box

  bool blank() const { return text.empty() || placeholder; }
  bool table_row() const { return text.find('\t') != std::string::npos; }
  // True when most of the non-space bytes in [begin, end) are struck through.
  bool Struck(size_t begin, size_t end) const;
  // The text in [begin, end) without its struck-through parts, spaces collapsed.
  std::string Unstruck(size_t begin, size_t end) const;
};

struct Document {
  std::vector<Line> lines;
  bool empty() const;  // no line with any text
};

// Normalises a whole text. Line endings may be LF, CRLF or CR; form feeds end lines.
Document NormaliseText(std::string_view text);

// Normalises one source line that holds no block-level tags.
Line NormaliseLine(std::string_view raw, int number);

}  // namespace assent::import
