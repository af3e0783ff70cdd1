#pragma once
// The text layer of a PDF, page by page, through poppler-cpp (this header keeps poppler
// out of every other file). Pure: bytes in, text out; no file I/O.

#include <string_view>

#include "core/result.hpp"
#include "import/source_text.hpp"

namespace assent::import {

// True when the bytes start like a PDF ("%PDF-", after at most a few junk bytes).
bool LooksLikePdf(std::string_view bytes);

// Every page's text in physical layout (columns kept apart: runs of three or more
// spaces become a table-cell break), pages in order, with each line's page and line.
// Errors (kInvalidInput, `where` = source_name), one line each:
//   "truncated PDF (no end-of-file marker)"
//   "encrypted PDF (needs a password)"
//   "damaged PDF (cannot be opened)"
//   "PDF has no pages"
//   "no text layer (scanned?)"      -- every page is an image or blank
Result<SourceText> ReadPdf(std::string_view bytes, std::string_view source_name);

}  // namespace assent::import
