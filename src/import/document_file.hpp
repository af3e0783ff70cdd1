#pragma once
// Reading a decision document from disk: the importer's only file I/O. A PDF gives its
// text layer, anything else is decoded as text (see document_bytes.hpp).

#include <string>

#include "core/result.hpp"
#include "import/source_text.hpp"

namespace assent::import {

struct DocumentFile {
  std::string bytes;  // the file as it is on disk
  SourceText source;  // its text, with page and line positions
};

// Errors (kInvalidInput; `where` is `path` as given), e.g.
//   "x.pdf: cannot read file (No such file or directory)"
//   "x.pdf: no text layer (scanned?)"
// and the others of ReadDocumentBytes.
Result<DocumentFile> ReadDocumentFile(const std::string& path);

// The bytes of a file. Error: "cannot read file (reason)", `where` = path.
Result<std::string> ReadFileBytes(const std::string& path);

}  // namespace assent::import
