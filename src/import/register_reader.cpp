#include "import/register_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "core/text.hpp"
#include "import/date_reader.hpp"
#include "import/form_detector.hpp"
#include "import/text_normaliser.hpp"
#include "import/word_match.hpp"

namespace assent::import {
namespace {

using decisions::Form;
using decisions::Outcome;
using decisions::RegisterTable;

constexpr size_t kMinHeaderCells = 3;
constexpr size_t kColumnSlack = 2;  // a fixed-column cell may start this far left of its header
constexpr double kHeaderConfidence = 0.9;
constexpr double kCell = 0.9;          // a value in its own column
constexpr double kGuessedWrap = 0.6;   // a wrapped line's text, placed in the title column by guess
constexpr double kRagged = 0.5;        // a row with more or fewer cells than the header

enum class Split { kPipes, kTabs, kSpaces };

struct Cell {
  std::string text;
  size_t begin = 0;  // byte offset in the raw line
};

std::vector<Cell> PipeCells(std::string_view raw) {
  std::vector<Cell> cells;
  std::string_view s = Trim(raw);
  if (s.empty() || s.front() != '|') return cells;
  size_t offset = static_cast<size_t>(s.data() - raw.data());
  Cell cell;
  cell.begin = offset + 1;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
      cell.text.push_back('|');
      ++i;
    } else if (s[i] == '|') {
      cell.text = std::string(Trim(cell.text));
      cells.push_back(std::move(cell));
      cell = Cell{};
      cell.begin = offset + i + 1;
    } else {
      cell.text.push_back(s[i]);
    }
  }
  if (!Trim(cell.text).empty()) {
    cell.text = std::string(Trim(cell.text));
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::vector<Cell> TabCells(std::string_view raw) {
  std::vector<Cell> cells;
  size_t start = 0;
  while (start <= raw.size()) {
    size_t end = raw.find('\t', start);
    if (end == std::string_view::npos) end = raw.size();
    cells.push_back({std::string(Trim(raw.substr(start, end - start))), start});
    if (end == raw.size()) break;
    start = end + 1;
  }
  while (!cells.empty() && cells.back().text.empty()) cells.pop_back();
  return cells;
}

// Runs of two or more spaces (or a tab) separate cells.
std::vector<Cell> SpaceCells(std::string_view raw) {
  std::vector<Cell> cells;
  size_t i = 0;
  while (i < raw.size()) {
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
    if (i >= raw.size()) break;
    size_t begin = i;
    size_t end = i;
    while (i < raw.size()) {
      if (raw[i] == '\t') break;
      if (raw[i] == ' ' && (i + 1 >= raw.size() || raw[i + 1] == ' ' || raw[i + 1] == '\t')) break;
      ++i;
      end = i;
    }
    cells.push_back({std::string(raw.substr(begin, end - begin)), begin});
  }
  return cells;
}

std::vector<Cell> Cells(std::string_view raw, Split split) {
  switch (split) {
    case Split::kPipes: return PipeCells(raw);
    case Split::kTabs: return TabCells(raw);
    case Split::kSpaces: return SpaceCells(raw);
  }
  return {};
}

bool Separator(const std::vector<Cell>& cells) {
  for (const auto& c : cells) {
    for (char ch : c.text) {
      if (ch != '-' && ch != ':' && ch != '=' && ch != ' ' && ch != '+') return false;
    }
  }
  return true;
}

int ColumnOf(const RegisterTable& table, std::string_view cell) {
  auto words = SplitWords(cell);
  if (words.empty()) return -1;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    for (const auto& name : table.columns[c].names) {
      if (SameWords(words, SplitWords(name))) return static_cast<int>(c);
    }
  }
  return -1;
}

int ColumnIndex(const RegisterTable& table, std::string_view key) {
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].key == key) return static_cast<int>(c);
  }
  return -1;
}

struct Header {
  const Form* form = nullptr;
  size_t line = 0;  // index into the raw lines
  Split split = Split::kSpaces;
  std::vector<Cell> cells;
  std::vector<int> column_of_cell;  // the register column each header cell names, or -1
};

Split SplitOf(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (!s.empty() && s.front() == '|') return Split::kPipes;
  if (raw.find('\t') != std::string_view::npos) return Split::kTabs;
  return Split::kSpaces;
}

// The header row's mapping, when the line is one for this table.
std::optional<Header> HeaderAt(std::string_view raw, const Form& form) {
  Header h;
  h.form = &form;
  h.split = SplitOf(raw);
  h.cells = Cells(raw, h.split);
  if (h.cells.size() < kMinHeaderCells) return std::nullopt;
  std::vector<bool> named(form.register_table.columns.size(), false);
  size_t matched = 0;
  for (const auto& c : h.cells) {
    int col = ColumnOf(form.register_table, c.text);
    if (col >= 0 && named[static_cast<size_t>(col)]) col = -1;  // a column named twice: the first counts
    if (col >= 0) {
      named[static_cast<size_t>(col)] = true;
      ++matched;
    }
    h.column_of_cell.push_back(col);
  }
  int title = ColumnIndex(form.register_table, "title");
  if (matched < kMinHeaderCells || matched * 2 < h.cells.size() || title < 0 || !named[static_cast<size_t>(title)]) {
    return std::nullopt;
  }
  return h;
}

std::optional<Header> FindHeader(const std::vector<std::string_view>& lines, const Form& form) {
  if (form.register_table.empty()) return std::nullopt;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (auto h = HeaderAt(lines[i], form)) {
      h->line = i;
      return h;
    }
  }
  return std::nullopt;
}

struct RawRow {
  size_t line = 0;                      // index of its first raw line
  std::vector<std::string> values;      // per register column
  std::vector<bool> guessed;            // per register column: text placed by guess
  bool ragged = false;
  size_t cells = 0;
};

// Places a line's cells in the register's columns.
std::vector<std::string> Place(const Header& h, const std::vector<Cell>& cells, size_t columns) {
  std::vector<std::string> values(columns);
  auto put = [&](int col, const std::string& text) {
    if (col < 0 || text.empty()) return;
    std::string& v = values[static_cast<size_t>(col)];
    v += (v.empty() ? "" : " ") + text;
  };
  if (h.split != Split::kSpaces) {
    for (size_t k = 0; k < cells.size() && k < h.column_of_cell.size(); ++k) put(h.column_of_cell[k], cells[k].text);
    return values;
  }
  for (const auto& c : cells) {
    size_t at = 0;
    for (size_t k = 0; k < h.cells.size(); ++k) {
      if (h.cells[k].begin <= c.begin + kColumnSlack) at = k;
    }
    put(h.column_of_cell[at], c.text);
  }
  return values;
}

bool PageFooter(std::string_view text) {
  auto words = SplitWords(text);
  return !words.empty() && words.front().text == "page" && words.size() <= 4;
}

// Cell text as a reader sees it: converter markup removed, struck words dropped.
std::string Plain(const std::string& cell) {
  Line l = NormaliseLine(cell, 0);
  std::string out = l.Unstruck(0, l.text.size());
  for (auto& c : out) {
    if (c == '\t') c = ' ';
  }
  return std::string(Trim(out));
}

std::vector<RawRow> ReadRows(const std::vector<std::string_view>& lines, const Header& h) {
  const Form& form = *h.form;
  size_t columns = form.register_table.columns.size();
  int ref = ColumnIndex(form.register_table, "reference");
  int date = ColumnIndex(form.register_table, "decision_date");
  int title = ColumnIndex(form.register_table, "title");
  auto empty_at = [](const std::vector<std::string>& v, int col) { return col < 0 || v[static_cast<size_t>(col)].empty(); };
  std::vector<RawRow> rows;
  bool continuable = false;
  for (size_t i = h.line + 1; i < lines.size(); ++i) {
    std::string_view raw = lines[i];
    if (Trim(raw).empty()) {
      continuable = false;
      continue;
    }
    if (HeaderAt(raw, form)) {  // the header again, on a new page
      continuable = false;
      continue;
    }
    std::vector<Cell> cells = Cells(raw, h.split);
    if (!cells.empty() && Separator(cells)) continue;
    for (auto& c : cells) c.text = Plain(c.text);
    if (h.split == Split::kTabs && cells.size() == 1 && raw.front() == ' ' && continuable &&
        !PageFooter(cells.front().text)) {
      // A wrapped line in a PDF's columns: which column it continues is not printed;
      // the title is the cell that wraps, so it goes there, marked as a guess.
      std::string& v = rows.back().values[static_cast<size_t>(title)];
      v += (v.empty() ? "" : " ") + cells.front().text;
      rows.back().guessed[static_cast<size_t>(title)] = true;
      continue;
    }
    bool any = std::any_of(cells.begin(), cells.end(), [](const Cell& c) { return !c.text.empty(); });
    if (!any) continue;
    std::vector<std::string> values = Place(h, cells, columns);
    bool continuation = empty_at(values, ref) && empty_at(values, date) && (ref >= 0 || date >= 0);
    if (continuation && continuable) {
      for (size_t c = 0; c < columns; ++c) {
        if (values[c].empty()) continue;
        std::string& v = rows.back().values[c];
        v += (v.empty() ? "" : " ") + values[c];
      }
      continue;
    }
    size_t filled = static_cast<size_t>(std::count_if(values.begin(), values.end(), [](const std::string& v) { return !v.empty(); }));
    if (cells.size() < 2 || filled == 0) {
      continuable = false;
      continue;
    }
    RawRow row;
    row.line = i;
    row.values = std::move(values);
    row.guessed.assign(columns, false);
    row.cells = cells.size();
    row.ragged = h.split == Split::kTabs ? cells.size() != h.cells.size() : cells.size() > h.cells.size();
    rows.push_back(std::move(row));
    continuable = true;
  }
  return rows;
}

std::string Reference(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ') {
      bool around = (!out.empty() && (out.back() == '/' || out.back() == '-' || out.back() == ' ')) ||
                    (i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '-'));
      if (around) continue;
    }
    out.push_back(c);
  }
  return out;
}

FieldRead<Outcome> ReadOutcome(const std::string& cell) {
  static const char* kApproved[] = {"approved", "approve", "agreed", "accepted", "yes"};
  static const char* kNot[] = {"not approved", "rejected", "declined", "refused", "not agreed", "no"};
  FieldRead<Outcome> out;
  auto words = SplitWords(cell);
  for (const char* w : kNot) {
    if (SameWords(words, SplitWords(w))) out.value = Outcome::kNotApproved;
  }
  for (const char* w : kApproved) {
    if (SameWords(words, SplitWords(w))) out.value = Outcome::kApproved;
  }
  if (!out.value) out.note = fmt::format("'{}' in the outcome cell is neither approved nor not approved", cell);
  return out;
}

ImportedRecord RowRecord(const Header& h, const RawRow& row, int number, std::string_view source_name) {
  const Form& form = *h.form;
  const auto& table = form.register_table;
  int line = static_cast<int>(row.line) + 1;
  ImportedRecord rec;
  rec.form = &form;
  rec.row = number;
  decisions::Decision& d = rec.decision;
  d.status = decisions::Status::kPublished;
  d.body = form.body;
  d.form = form.id;
  d.source = std::string(source_name);
  rec.notes.push_back({"form", static_cast<int>(h.line) + 1, kHeaderConfidence,
                       fmt::format("row {} of the register table under line {}", number, h.line + 1)});
  std::string ragged = row.ragged ? fmt::format(" (the row has {} cells for the header's {}: a cell may have moved)",
                                                row.cells, h.cells.size())
                                  : "";
  // The cell of a column: value, confidence and the note for an empty cell.
  auto cell = [&](std::string_view key, std::string_view what, FieldRead<std::string>& out) {
    int col = ColumnIndex(table, key);
    out.line = line;
    if (col < 0) {
      out.line = 0;
      out.note = fmt::format("the register has no {} column", what);
      return;
    }
    const std::string& v = row.values[static_cast<size_t>(col)];
    if (v.empty()) {
      out.note = fmt::format("the {} cell is empty", what);
      return;
    }
    out.value = v;
    out.confidence = row.ragged ? kRagged : row.guessed[static_cast<size_t>(col)] ? kGuessedWrap : kCell;
    if (row.ragged) out.note = "read from its column" + ragged;
    if (row.guessed[static_cast<size_t>(col)]) out.note = "a wrapped line's text joined to the title by guess";
  };
  auto note = [&](std::string field, const auto& read) {
    rec.notes.push_back({std::move(field), read.line, read.value ? read.confidence : 0.0, read.note});
  };

  FieldRead<std::string> reference;
  cell("reference", "reference", reference);
  if (reference.value) {
    bool digit = std::any_of(reference.value->begin(), reference.value->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digit) {
      reference.note = fmt::format("'{}' in the reference cell is not a reference number", *reference.value);
      reference.value.reset();
    } else {
      reference.value = Reference(*reference.value);
    }
  }
  FieldRead<std::string> title;
  cell("title", "title", title);
  FieldRead<std::string> summary;
  cell("summary", "summary", summary);
  FieldRead<std::string> maker;
  cell("decision_maker", "decision maker", maker);
  FieldRead<std::string> date_cell;
  cell("decision_date", "date", date_cell);
  FieldRead<Date> date;
  date.line = date_cell.line;
  date.note = date_cell.note;
  if (date_cell.value) {
    auto parsed = ReadDate(*date_cell.value);
    if (parsed) {
      date.value = *parsed;
      date.confidence = date_cell.confidence;
    } else {
      date.note = "the date cell: " + parsed.error().message;
    }
  }
  FieldRead<std::string> outcome_cell;
  cell("outcome", "outcome", outcome_cell);
  FieldRead<Outcome> outcome;
  outcome.line = outcome_cell.line;
  outcome.note = outcome_cell.note;
  if (outcome_cell.value) {
    outcome = ReadOutcome(*outcome_cell.value);
    outcome.line = outcome_cell.line;
    if (outcome.value) outcome.confidence = outcome_cell.confidence;
  }

  d.reference = reference.value.value_or("");
  d.title = title.value.value_or("");
  d.decision_maker_role = maker.value;
  d.decision_date = date.value;
  d.outcome = outcome.value.value_or(Outcome::kUnknown);
  if (summary.value) d.sections.push_back({"summary", "Summary", decisions::Part::kPart1, *summary.value});
  note("reference", reference);
  note("title", title);
  note("decision_maker_role", maker);
  note("outcome", outcome);
  note("decision_date", date);
  note("sections.summary", summary);
  rec.marking.note = "a register row prints no classification";
  std::string where = fmt::format("{} line {}", source_name, line);
  if (!reference.value) rec.review_reasons.push_back(fmt::format("{}: row {}: no reference number", where, number));
  if (!title.value) rec.review_reasons.push_back(fmt::format("{}: row {}: no title", where, number));
  return rec;
}

}  // namespace

Result<std::vector<ImportedRecord>> ReadRegisterText(std::string_view text, std::string_view source_name,
                                                     const std::vector<decisions::Form>& forms) {
  auto lines = SplitLines(text);
  std::vector<Header> found;
  for (const auto& form : forms) {
    if (auto h = FindHeader(lines, form)) found.push_back(std::move(*h));
  }
  if (found.empty()) return Fail(ErrorCode::kNotFound, "no register table", std::string(source_name));
  // Bodies whose registers print the same header: the body the text names decides.
  size_t first = found.front().line;
  for (const auto& h : found) first = std::min(first, h.line);
  std::vector<Header> earliest;
  for (auto& h : found) {
    if (h.line == first) earliest.push_back(std::move(h));
  }
  Header header = earliest.front();
  if (earliest.size() > 1) {
    Document doc = NormaliseText(text);
    std::vector<const Header*> named;
    std::string bodies;
    for (const auto& h : earliest) {
      if (NamesBody(doc, *h.form)) named.push_back(&h);
      bodies += (bodies.empty() ? "" : ", ") + h.form->body;
    }
    if (named.size() != 1) {
      return Fail(ErrorCode::kInvalidInput,
                  fmt::format("the register could be {} and the text names {} of these bodies", bodies,
                              named.empty() ? "none" : "more than one"),
                  std::string(source_name));
    }
    header = *named.front();
  }
  auto rows = ReadRows(lines, header);
  if (rows.empty()) {
    return Fail(ErrorCode::kInvalidInput, fmt::format("the register table under line {} has no rows", header.line + 1),
                std::string(source_name));
  }
  std::vector<ImportedRecord> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    out.push_back(RowRecord(header, rows[r], static_cast<int>(r) + 1, source_name));
  }
  return out;
}

Result<ImportedRecord> ReadRegisterRow(std::string_view text, std::string_view source_name,
                                       const decisions::Form& form, int row) {
  std::vector<decisions::Form> one{form};
  auto rows = ReadRegisterText(text, source_name, one);
  if (!rows) return rows.error();
  if (row < 1 || static_cast<size_t>(row) > rows->size()) {
    return Fail(ErrorCode::kNotFound, fmt::format("the register table has no row {}", row), std::string(source_name));
  }
  ImportedRecord rec = std::move((*rows)[static_cast<size_t>(row - 1)]);
  rec.form = &form;
  return rec;
}

}  // namespace assent::import
