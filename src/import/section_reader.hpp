#pragma once
// Section text under each heading: the form's sections by key, and other headed
// sections kept with a slug key. Markup is gone; paragraphs are separated by a blank
// line; list items are kept as "- item" lines (nested items indented two spaces).

#include <cstddef>
#include <vector>

#include "decisions/decision.hpp"
#include "import/layout.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

struct SectionReading {
  decisions::Section section;
  int line = 0;            // the heading's source line
  double confidence = 0;
  size_t first = 0;        // the section's text is lines [first, end) (plus inline text)
  size_t end = 0;
};

// A heading the form does not list is kept when it has text and does not merely
// caption the publication or media questions. A form section printed twice is read
// as one, its texts joined.
std::vector<SectionReading> ReadSections(const Document& doc, const Layout& layout);

// The text of lines [first, end) as ReadSections formats it.
std::string SectionText(const Document& doc, size_t first, size_t end);

}  // namespace assent::import
