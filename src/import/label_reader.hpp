#pragma once
// "Label: value" reading. A value follows its label on the same line, after a colon or
// a table-cell break, or stands on the next non-empty line when the label ends its
// line. Several labelled values may share a line ("Report by: X Date of report: Y
// Enquiries to: Z"): the line is split where the known labels start.

#include <cstddef>
#include <string>
#include <vector>

#include "import/text_normaliser.hpp"
#include "import/word_match.hpp"

namespace assent::import {

enum class LabelEnd {
  kColon,      // "Label: value"
  kTab,        // "Label<TAB>value" (a table row)
  kEndOfLine,  // "Label:" or "Label" alone: the value, if any, is on a following line
  kBare,       // "Label value" with neither (only where LabelRules allow it)
};

struct LabelHit {
  size_t label = 0;        // index into the label list
  size_t begin = 0;        // byte offset of the label in Line::text
  size_t value_begin = 0;  // where its value starts
  size_t value_end = 0;    // where its value ends (the next label, or the end of line)
  LabelEnd end = LabelEnd::kColon;
};

struct LabelRules {
  // "Signature R. Hunter": a label starting the line may be followed by its value
  // with no colon.
  bool bare_at_start = false;
  // "... Date 15.11.11": a label later in the line may be followed, with no colon, by a
  // value starting with a digit.
  bool bare_mid_before_digit = false;
};

// Labels found in the line, left to right, longest label first where two start at the
// same word; a label not at the start of the line needs a colon or a cell break (or
// the digit rule above). A label must be followed by its value, a colon, a tab or the
// end of the line: "Date redaction carried out:" is not the label "Date".
std::vector<LabelHit> FindLabels(const Line& line, const std::vector<Phrase>& labels,
                                 LabelRules rules = {});

// The hit's value: trimmed, separators (':', '-', '–') at its start removed.
std::string HitValue(const Line& line, const LabelHit& hit);

// True when the line starts with one of the labels (as FindLabels would read it).
bool StartsWithLabel(const Line& line, const std::vector<Phrase>& labels, LabelRules rules = {});

}  // namespace assent::import
