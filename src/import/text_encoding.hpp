#pragma once
// Decodes the bytes of a decision-record text file into UTF-8. Valid UTF-8 is kept
// (a byte-order mark is dropped); UTF-16 with a byte-order mark is converted; anything
// else is read as Windows-1252, the encoding of older Word "Save as text" files.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace assent::import {

// Errors (kInvalidInput, `where` = source_name): "file is empty" (no bytes, or only
// white space), "binary file, not decision text" (NUL bytes outside UTF-16).
Result<std::string> DecodeText(std::string_view bytes, std::string_view source_name);

// Windows-1252 bytes to UTF-8; the five undefined bytes become U+FFFD.
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace assent::import
