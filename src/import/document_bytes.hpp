#pragma once
// What kind of document a file's bytes hold, and its text: a PDF's text layer, or
// decoded text. Other formats get a one-line error naming what they are. Pure: no I/O.

#include <string_view>

#include "core/result.hpp"
#include "import/source_text.hpp"

namespace assent::import {

// Errors (kInvalidInput, `where` = source_name), one line each:
//   "file is empty"
//   "not a decision document: a ZIP archive (a .docx or .odt? save it as PDF or text)"
//   "not a decision document: a PNG image" (and JPEG, GIF, TIFF, old Word .doc)
//   "binary file, not decision text"
//   and the PDF errors of ReadPdf ("no text layer (scanned?)", "encrypted PDF ...").
Result<SourceText> ReadDocumentBytes(std::string_view bytes, std::string_view source_name);

}  // namespace assent::import
