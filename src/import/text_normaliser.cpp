#include "import/text_normaliser.hpp"

#include <array>

#include "core/text.hpp"

namespace assent::import {
namespace {

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Text and struck-through flags built byte by byte.
struct Builder {
  std::string text;
  std::vector<bool> struck;
  bool strike = false;
  void Put(char c) {
    text.push_back(c);
    struck.push_back(strike);
  }
  void Put(std::string_view s) {
    for (char c : s) Put(c);
  }
};

void AppendUtf8(Builder& b, unsigned code) {
  if (code < 0x80) {
    b.Put(static_cast<char>(code));
  } else if (code < 0x800) {
    b.Put(static_cast<char>(0xC0 | (code >> 6)));
    b.Put(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    b.Put(static_cast<char>(0xE0 | (code >> 12)));
    b.Put(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    b.Put(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x110000) {
    b.Put(static_cast<char>(0xF0 | (code >> 18)));
    b.Put(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    b.Put(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    b.Put(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Length of an HTML tag ("<sup>", "</p>", "<br/>", "<span class=x>") at s[i], or 0.
size_t TagLength(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  if (j >= s.size() || !IsAlpha(s[j])) return 0;
  while (j < s.size() && (IsAlpha(s[j]) || IsDigit(s[j]))) ++j;
  size_t limit = std::min(s.size(), i + 200);
  while (j < limit && s[j] != '>' && s[j] != '<') ++j;
  if (j < limit && s[j] == '>') return j + 1 - i;
  return 0;
}

// The lowercased name of the tag at s[i] (TagLength > 0), with a leading '/' if closing.
std::string TagName(std::string_view s, size_t i) {
  std::string name;
  size_t j = i + 1;
  if (s[j] == '/') name.push_back(s[j++]);
  while (j < s.size() && (IsAlpha(s[j]) || IsDigit(s[j]))) {
    name.push_back(static_cast<char>(s[j] >= 'A' && s[j] <= 'Z' ? s[j] - 'A' + 'a' : s[j]));
    ++j;
  }
  return name;
}

bool EndsBlock(const std::string& tag) {
  static constexpr std::array<std::string_view, 11> kTags = {
      "/p", "br", "/li", "/div", "/tr", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6"};
  for (auto t : kTags) {
    if (tag == t) return true;
  }
  return false;
}

// Decodes the HTML entity at s[i] into b; returns its length, or 0 when there is none.
size_t Entity(std::string_view s, size_t i, Builder& b) {
  size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  static constexpr std::array<std::pair<std::string_view, unsigned>, 9> kNamed = {{
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
      {"nbsp", ' '}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"pound", 0xA3},
  }};
  for (const auto& [n, code] : kNamed) {
    if (name == n) {
      AppendUtf8(b, code);
      return semi - i + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    unsigned code = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      unsigned d;
      if (IsDigit(c)) {
        d = static_cast<unsigned>(c - '0');
      } else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
      } else {
        return 0;
      }
      code = code * (hex ? 16 : 10) + d;
      if (code > 0x10FFFF) return 0;
    }
    AppendUtf8(b, code == 0xA0 ? ' ' : code);
    return semi - i + 1;
  }
  return 0;
}

// Removes inline markup, recording which bytes were struck through.
void AppendInline(std::string_view s, Builder& b) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      b.Put(s[i + 1]);
      i += 2;
    } else if (c == '~' && i + 1 < s.size() && s[i + 1] == '~') {
      b.strike = !b.strike;
      i += 2;
    } else if (c == '*') {
      size_t run = 0;
      while (i + run < s.size() && s[i + run] == '*') ++run;
      bool space_before = i == 0 || s[i - 1] == ' ';
      bool space_after = i + run >= s.size() || s[i + run] == ' ';
      if (run == 1 && space_before && space_after) b.Put('*');  // "5 * 3" is not emphasis
      i += run;
    } else if (c == '_' && i + 1 < s.size() && s[i + 1] == '_') {
      i += 2;
    } else if (c == '<' && TagLength(s, i) > 0) {
      i += TagLength(s, i);
    } else if (c == '&') {
      size_t n = Entity(s, i, b);
      if (n == 0) b.Put('&');
      i += n == 0 ? 1 : n;
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      b.Put(' ');
      i += 2;
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      b.Put(' ');
      ++i;
    } else {
      b.Put(c);
      ++i;
    }
  }
}

// Collapses runs of spaces, keeps one tab between table cells, trims both ends.
void Collapse(Builder& b, Line& line) {
  for (size_t i = 0; i < b.text.size(); ++i) {
    char c = b.text[i];
    if (c == ' ' || c == '\t') {
      if (line.text.empty()) continue;
      char& last = line.text.back();
      if (last == '\t') continue;
      if (last == ' ') {
        if (c == '\t') last = '\t';
        continue;
      }
    }
    line.text.push_back(c);
    line.struck.push_back(b.struck[i]);
  }
  while (!line.text.empty() && (line.text.back() == ' ' || line.text.back() == '\t')) {
    line.text.pop_back();
    line.struck.pop_back();
  }
}

bool IsPlaceholder(std::string_view text) {
  if (text.empty()) return false;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '.' || c == '_' || c == '-' || c == ' ' || c == '\t' || c == '=') {
      ++i;
    } else if (text.substr(i, 3) == "\xE2\x80\xA6" || text.substr(i, 3) == "\xE2\x80\x93" ||
               text.substr(i, 3) == "\xE2\x80\x94") {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// Pipe-table row "| a | b |" -> "a\tb"; a separator row "|---|:--|" -> "".
std::string TableRow(std::string_view s) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
      cell.push_back('|');
      ++i;
    } else if (s[i] == '|') {
      cells.push_back(std::string(Trim(cell)));
      cell.clear();
    } else {
      cell.push_back(s[i]);
    }
  }
  if (!Trim(cell).empty()) cells.push_back(std::string(Trim(cell)));
  if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
  bool separator = true;
  for (const auto& c : cells) {
    for (char ch : c) {
      if (ch != '-' && ch != ':' && ch != ' ') separator = false;
    }
  }
  if (separator) return {};
  std::string row;
  for (size_t k = 0; k < cells.size(); ++k) {
    if (k > 0) row.push_back('\t');
    row += cells[k];
  }
  return row;
}

// Splits a raw line at tags that end a block (</p>, <br>, </li>...).
std::vector<std::string_view> SplitBlocks(std::string_view raw) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '<') continue;
    size_t n = TagLength(raw, i);
    if (n == 0 || !EndsBlock(TagName(raw, i))) continue;
    parts.push_back(raw.substr(start, i + n - start));
    start = i + n;
    i += n - 1;
  }
  parts.push_back(raw.substr(start));
  return parts;
}

}  // namespace

bool Line::Struck(size_t begin, size_t end) const {
  size_t total = 0, hit = 0;
  for (size_t i = begin; i < end && i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') continue;
    ++total;
    if (struck[i]) ++hit;
  }
  return total > 0 && hit * 2 > total;
}

std::string Line::Unstruck(size_t begin, size_t end) const {
  std::string out;
  for (size_t i = begin; i < end && i < text.size(); ++i) {
    if (!struck[i]) out.push_back(text[i]);
  }
  return CollapseSpaces(out);
}

bool Document::empty() const {
  for (const auto& l : lines) {
    if (!l.text.empty()) return false;
  }
  return true;
}

Line NormaliseLine(std::string_view raw, int number) {
  Line line;
  line.number = number;
  size_t i = 0;
  int columns = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) {
    columns += raw[i] == '\t' ? 4 : 1;
    ++i;
  }
  std::string_view s = Trim(raw.substr(i));
  std::string table;
  if (!s.empty() && s.front() == '|') {
    table = TableRow(s);
    s = table;
  }
  if (!s.empty() && s.front() == '#') {
    size_t hashes = s.find_first_not_of('#');
    if (hashes == std::string_view::npos || s[hashes] == ' ') {
      line.markdown_heading = true;
      s = Trim(s.substr(hashes == std::string_view::npos ? s.size() : hashes));
    }
  }
  static constexpr std::array<std::string_view, 6> kMarkers = {"- ", "* ", "+ ", "-\t",
                                                               "\xE2\x80\xA2 ", "\xEF\x82\xB7 "};
  for (auto m : kMarkers) {
    if (s.substr(0, m.size()) == m) {
      line.list_item = true;
      line.indent = columns;
      s = Trim(s.substr(m.size()));
      break;
    }
  }
  line.emphasised = s.size() > 4 && (s.substr(0, 2) == "**" || s.substr(0, 2) == "__") &&
                    s.substr(s.size() - 2) == s.substr(0, 2) &&
                    s.substr(2, s.size() - 4).find(s.substr(0, 2)) == std::string_view::npos;
  Builder b;
  AppendInline(s, b);
  Collapse(b, line);
  line.placeholder = IsPlaceholder(line.text);
  line.words = SplitWords(line.text);
  return line;
}

Document NormaliseText(std::string_view text) {
  Document doc;
  int number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("\r\n\f", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    ++number;
    auto parts = SplitBlocks(raw);
    bool pushed = false;
    for (auto part : parts) {
      Line line = NormaliseLine(part, number);
      if (line.text.empty() && parts.size() > 1) continue;
      doc.lines.push_back(std::move(line));
      pushed = true;
    }
    if (!pushed) doc.lines.push_back(NormaliseLine("", number));
    if (end == text.size()) break;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
  return doc;
}

}  // namespace assent::import
