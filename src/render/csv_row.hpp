#pragma once
// One CSV row (RFC 4180: every field quoted by libcsv, CRLF line end), for the CSV
// renderers in render/.

#include <initializer_list>
#include <string>
#include <string_view>

namespace assent::render {

// Appends the fields as one row. With `spreadsheet_safe`, each cell goes through
// SpreadsheetSafe first.
void AppendCsvRow(std::string& out, std::initializer_list<std::string_view> fields,
                  bool spreadsheet_safe = false);

// The cell as a spreadsheet may safely read it: one starting with '=', '+', '-', '@', a tab
// or a carriage return (read as a formula) gets a leading apostrophe.
std::string SpreadsheetSafe(std::string_view cell);

}  // namespace assent::render
