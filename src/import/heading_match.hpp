#pragma once
// Recognising headings as converters print them: "Executive Summary:", "## **4. Legal
// Comments**", "4.1 Legal considerations", "Recommendation: The Commissioner is ...".

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "import/text_normaliser.hpp"
#include "import/word_match.hpp"

namespace assent::import {

// Words at the start of the line that only number it: "4.1", "13.", "a)", "(b)".
size_t NumberingWords(const Line& line);

struct HeadingMatch {
  bool exact = false;  // the line is the heading and nothing else (trailing ':' allowed)
  size_t begin = 0;    // the heading's byte span in the line, as printed
  size_t end = 0;
  // For "Heading: text", where the text starts; std::string::npos otherwise.
  size_t inline_begin = std::string::npos;
};

// Matches the line against a heading's words, after any numbering. A line that starts
// with the heading and goes on without a colon is not that heading.
std::optional<HeadingMatch> MatchHeading(const Line& line, const std::vector<Word>& heading);

// True when the line starts (after numbering) with the heading's words and has at most
// `extra_words` words more: "Director to the Office of the ... (MO)" for a heading
// printed with a suffix.
bool StartsWithHeading(const Line& line, const std::vector<Word>& heading, size_t extra_words);

// The layout of a heading the form does not list: a markdown heading, a wholly bold
// line or a short numbered line ("5. Background Papers"), not a sentence and not a
// "label: value" line.
bool LooksLikeHeading(const Line& line);

// The heading as printed, without numbering or a trailing colon.
std::string HeadingText(const Line& line);

}  // namespace assent::import
