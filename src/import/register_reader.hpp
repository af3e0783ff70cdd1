#pragma once
// Rows of a published decision register: a table with one row per decision, printed
// with pipes ("| Ref | Title |"), tabs (as a spreadsheet exports, or a PDF's wide gaps)
// or in fixed columns of spaces, under a header row. A document is a register when one
// of its lines is a header row whose cells name at least three of a form's register
// columns (forms/*.toml, [register.columns]), the title among them; each row after it
// becomes one record of that form's body. A row may wrap onto following lines: a line
// whose reference and date cells are empty continues the row above. Each field is read
// from its own column only (a reference quoted in a title is never the row's
// reference); an empty or unreadable cell is unknown with the reason. Pure: no I/O.

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "decisions/form.hpp"
#include "import/record_reader.hpp"

namespace assent::import {

// One record per row, in table order (ImportedRecord::row = 1, 2, ...), each with the
// row's line as provenance. Errors, shown by Error::ToString():
//   kNotFound: no register header row (the document is not a register table)
//   kInvalidInput "x.txt: the register table under line 3 has no rows"
//   kInvalidInput "x.txt: the register could be a, b and the text names none of these bodies"
Result<std::vector<ImportedRecord>> ReadRegisterText(std::string_view text, std::string_view source_name,
                                                     const std::vector<decisions::Form>& forms);

// Row `row` (1-based) of the register read with `form` (kNotFound when the table has
// fewer rows).
Result<ImportedRecord> ReadRegisterRow(std::string_view text, std::string_view source_name,
                                       const decisions::Form& form, int row);

}  // namespace assent::import
