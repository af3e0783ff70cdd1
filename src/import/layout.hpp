#pragma once
// Where the parts of a record are: the form's section headings and other headings,
// the publication and media questions, and each sign-off block's lines. Everything
// else (header fields, section text, signatures, answers) is read inside this map.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "decisions/form.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

struct HeadingHit {
  size_t line = 0;                                  // index into Document::lines
  const decisions::FormSection* section = nullptr;  // null: a heading the form does not list
  std::string heading;                              // as printed, without numbering
  size_t inline_begin = std::string::npos;          // "Heading: text" on one line
  double confidence = 0;
};

struct QuestionHit {
  size_t line = 0;
  const decisions::FormQuestion* question = nullptr;
  bool media = false;
  size_t begin = 0;  // the question's byte span in the line
  size_t end = 0;
};

struct BlockRegion {
  const decisions::SignOffBlock* block = nullptr;
  bool decision_maker = false;
  bool found = false;
  size_t anchor = 0;  // the line printing the block's heading or label
  size_t begin = 0;   // lines [begin, end) belong to the block
  size_t end = 0;
  double confidence = 0;
  // Blocks printed side by side, flattened into one column ("Signature A" "Signature B"
  // "Label A" "Label B" "Date A" "Date B"): this block's own name and date lines.
  bool column = false;
  std::optional<size_t> column_name_line = std::nullopt;
  std::optional<size_t> column_date_line = std::nullopt;
};

struct Layout {
  std::vector<HeadingHit> headings;     // in line order, the form's and others
  std::vector<QuestionHit> questions;   // in line and column order
  std::vector<BlockRegion> blocks;      // the form's sign-off chain, then its decision makers
  size_t body_begin = 0;                // the header is lines [0, body_begin)
  // Lines that end a section's text: headings, questions, block lines, declarations
  // and signature lines ("Signed: ...").
  std::vector<bool> stops;
  std::vector<bool> in_block;           // lines inside a block region
};

Layout MapLayout(const Document& doc, const decisions::Form& form);

}  // namespace assent::import
