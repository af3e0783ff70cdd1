#include "import/reference_reader.hpp"

#include <array>

#include "core/text.hpp"
#include "import/date_reader.hpp"

namespace assent::import {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Keyword {
  std::string_view text;
  double confidence;
};

// Longer keywords first; a keyword must start a word.
constexpr std::array<Keyword, 19> kKeywords = {{
    {"decision notice number", 0.95},
    {"report reference number", 0.95},
    {"notice number", 0.95},
    {"record number", 0.95},
    {"reference number", 0.95},
    {"reference no", 0.95},
    {"decision reference", 0.95},
    {"decision notice", 0.9},
    {"decision number", 0.9},
    {"decision no", 0.9},
    {"reference", 0.9},
    {"ref no", 0.9},
    {"ref", 0.85},
    {"n\xC2\xB0", 0.9},
    {"n\xC2\xBA", 0.9},
    {"\xE2\x84\x96", 0.9},
    {"no.", 0.85},
    {"no", 0.8},
    {"decision", 0.85},
}};

constexpr size_t kMaxHeaderLineWords = 20;

size_t SkipFiller(std::string_view t, size_t i) {
  while (i < t.size()) {
    char c = t[i];
    if (c == ' ' || c == ':' || c == '#' || c == '-' || c == '(' || c == '[' || c == '.' || c == '\t') {
      ++i;
    } else if (t.substr(i, 3) == "\xE2\x80\x93" || t.substr(i, 3) == "\xE2\x80\x94") {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

// A separator between reference groups at t[i] ('/', '-', '.', '\\' or a dash, with
// optional spaces around); returns the position after it and the separator to keep.
std::optional<std::pair<size_t, char>> Separator(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size() && t[j] == ' ') ++j;
  char sep = 0;
  if (j < t.size() && (t[j] == '/' || t[j] == '-' || t[j] == '.' || t[j] == '\\')) {
    sep = t[j] == '\\' ? '/' : t[j];
    ++j;
  } else if (t.substr(j, 3) == "\xE2\x80\x93") {
    sep = '-';
    j += 3;
  } else {
    return std::nullopt;
  }
  while (j < t.size() && t[j] == ' ') ++j;
  if (j >= t.size() || !IsAlnum(t[j])) return std::nullopt;
  return std::make_pair(j, sep);
}

}  // namespace

std::string ReadReferenceToken(std::string_view t, size_t pos) {
  size_t i = pos;
  std::string ref;
  auto group = [&]() {
    size_t start = i;
    while (i < t.size() && IsAlnum(t[i])) ++i;
    ref.append(t.substr(start, i - start));
    return i > start;
  };
  if (!group()) return {};
  size_t groups = 1;
  for (;;) {
    if (auto sep = Separator(t, i)) {
      ref.push_back(sep->second);
      i = sep->first;
      group();
      ++groups;
      continue;
    }
    // "PCD 0123": letters, one space, digits.
    bool letters_only = ref.find_first_of("0123456789") == std::string::npos;
    if (groups == 1 && letters_only && i + 1 < t.size() && t[i] == ' ' && IsDigit(t[i + 1])) {
      ref.push_back(' ');
      ++i;
      group();
      ++groups;
      continue;
    }
    break;
  }
  if (i < t.size() && IsAlpha(t[i])) return {};
  size_t digits = 0;
  for (char c : ref) digits += IsDigit(c) ? 1 : 0;
  if (digits == 0) return {};
  if (groups == 1 && (digits < 3 || digits != ref.size())) return {};
  if (ReadDate(ref)) return {};  // "15/11/2018" is a date, not a reference
  return ref;
}

std::optional<int> ReferenceYear(std::string_view reference) {
  size_t i = 0;
  while (i < reference.size()) {
    if (!IsDigit(reference[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < reference.size() && IsDigit(reference[i])) ++i;
    if (i - start == 4) {
      int year = std::stoi(std::string(reference.substr(start, 4)));
      if (year >= 1990 && year <= 2100) return year;
    }
  }
  return std::nullopt;
}

// The keyword starting at t[pos], if any: it must start a word and, when it ends in a
// letter, end one.
const Keyword* KeywordAt(std::string_view t, size_t pos) {
  if (pos > 0 && IsAlnum(t[pos - 1])) return nullptr;
  for (const auto& k : kKeywords) {
    if (!StartsWithNoCase(t.substr(pos), k.text)) continue;
    size_t after = pos + k.text.size();
    if (after < t.size() && IsAlnum(t[after]) && IsAlnum(k.text.back())) continue;
    return &k;
  }
  return nullptr;
}

FieldRead<std::string> FindReference(const Document& doc, size_t begin, size_t end, size_t skip) {
  for (size_t li = begin; li < end && li < doc.lines.size(); ++li) {
    const Line& line = doc.lines[li];
    if (li == skip || line.blank() || line.words.size() > kMaxHeaderLineWords) continue;
    std::string_view t = line.text;
    for (size_t pos = 0; pos < t.size(); ++pos) {
      const Keyword* k = KeywordAt(t, pos);
      if (!k) continue;
      size_t start = SkipFiller(t, pos + k->text.size());
      // "DECISION (No. 012/2019)": the reference belongs to the next keyword.
      if (start < t.size() && KeywordAt(t, start)) continue;
      std::string ref = ReadReferenceToken(t, start);
      if (!ref.empty()) return FieldRead<std::string>{ref, line.number, k->confidence, {}};
    }
  }
  return {};
}

}  // namespace assent::import
