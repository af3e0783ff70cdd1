#include "strategy/csv_table.hpp"

#include <csv.h>

#include <algorithm>

namespace assent::strategy {
namespace {

struct Reader {
  std::vector<CsvRecord> records;
  CsvRecord current;
  int line = 1;  // the line of the byte being parsed
  int record_start = 0;  // the line the record being parsed started on (0: between records)

  static void Field(void* data, size_t size, void* self_ptr) {
    auto& self = *static_cast<Reader*>(self_ptr);
    std::string_view field(data ? static_cast<const char*>(data) : "", data ? size : 0);
    if (self.current.fields.empty()) {
      // Bytes are fed one at a time, so the field ends at the byte just parsed: it began
      // as many lines earlier as it holds line breaks.
      self.current.line = self.line - static_cast<int>(std::count(field.begin(), field.end(), '\n'));
    }
    self.current.fields.emplace_back(field);
  }

  static void Row(int, void* self_ptr) {
    auto& self = *static_cast<Reader*>(self_ptr);
    self.records.push_back(std::move(self.current));
    self.current = CsvRecord{};
    self.record_start = 0;
  }
};

}  // namespace

Result<std::vector<CsvRecord>> ReadCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Fail(ErrorCode::kInternal, "the CSV reader could not start");
  }
  Reader reader;
  auto fail = [&](int line) {
    csv_free(&parser);
    return Fail(ErrorCode::kInvalidInput,
                "not CSV: a quote in the middle of an unquoted field, or a quoted field that is "
                "never closed",
                "line " + std::to_string(line));
  };
  for (char c : text) {
    if (reader.record_start == 0 && c != '\r' && c != '\n') reader.record_start = reader.line;
    if (csv_parse(&parser, &c, 1, &Reader::Field, &Reader::Row, &reader) != 1) {
      return fail(reader.line);
    }
    if (c == '\n') ++reader.line;
  }
  if (csv_fini(&parser, &Reader::Field, &Reader::Row, &reader) != 0) {
    return fail(reader.record_start > 0 ? reader.record_start : reader.line);
  }
  csv_free(&parser);
  return std::move(reader.records);
}

}  // namespace assent::strategy
