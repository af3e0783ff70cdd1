#include "render/csv_row.hpp"

#include <csv.h>

namespace assent::render {
namespace {

// One CSV field, quoted (and its quotes doubled) by libcsv.
std::string Field(std::string_view value) {
  std::string out(csv_write(nullptr, 0, value.data(), value.size()), '\0');
  csv_write(out.data(), out.size(), value.data(), value.size());
  return out;
}

}  // namespace

void AppendCsvRow(std::string& out, std::initializer_list<std::string_view> fields,
                  bool spreadsheet_safe) {
  bool first = true;
  for (auto f : fields) {
    if (!first) out += ',';
    out += spreadsheet_safe ? Field(SpreadsheetSafe(f)) : Field(f);
    first = false;
  }
  out += "\r\n";
}

std::string SpreadsheetSafe(std::string_view cell) {
  if (!cell.empty()) {
    switch (cell.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return "'" + std::string(cell);
      default: break;
    }
  }
  return std::string(cell);
}

}  // namespace assent::render
