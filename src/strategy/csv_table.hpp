#pragma once
// CSV text (RFC 4180: commas, double quotes, "" for a quote, line breaks inside quotes,
// CRLF or LF) as records with the line each starts on, read with libcsv (Debian
// libcsv-dev) in strict mode. A leading UTF-8 byte-order mark (spreadsheets write one)
// is dropped; blank lines are skipped. Pure: the caller reads the file.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace assent::strategy {

struct CsvRecord {
  int line = 0;  // 1-based line of the file the record starts on
  std::vector<std::string> fields;
};

// kInvalidInput with `where` "line N" for text that is not CSV (a stray quote inside an
// unquoted field, a quoted field never closed).
Result<std::vector<CsvRecord>> ReadCsv(std::string_view text);

}  // namespace assent::strategy
