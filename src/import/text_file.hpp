#pragma once
// Reading a decision-record text file from disk: the importer's only file I/O.

#include <string>

#include "core/result.hpp"

namespace assent::import {

// Reads a file's bytes and returns UTF-8 text (see DecodeText: valid UTF-8 as is, BOM
// stripped; UTF-16 with a BOM converted; otherwise Windows-1252 converted).
// Errors (kInvalidInput; `where` is `path` as given):
//   "cannot read file (No such file or directory)"  -- the system's reason
//   "file is empty"                                 -- no bytes, or only white space
//   "binary file, not decision text"                -- NUL bytes
// so Error::ToString() reads "x.txt: file is empty".
Result<std::string> ReadTextFile(const std::string& path);

}  // namespace assent::import
