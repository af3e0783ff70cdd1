#pragma once
// A body's public register as CSV (RFC 4180: CRLF line ends, every field quoted, UTF-8,
// a header row). A cell that a spreadsheet would read as a formula (starting with
// '=', '+', '-', '@', a tab or a carriage return) is prefixed with an apostrophe.

#include <string>
#include <string_view>

#include "render/csv_row.hpp"  // SpreadsheetSafe
#include "services/register.hpp"

namespace assent::render {

// Columns: body, reference, url, title, decision_maker_role, decision_date, status,
// state, outcome. `base`: the public address, for the url column.
std::string RegisterCsv(const services::RegisterPage& page, std::string_view base);

}  // namespace assent::render
