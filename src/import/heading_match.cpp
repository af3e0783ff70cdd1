#include "import/heading_match.hpp"

#include "core/text.hpp"

namespace assent::import {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Bytes of the numbering prefix ("4.1 ", "13. ", "a) ", "(b) "), or 0.
size_t NumberingBytes(const std::string& t) {
  size_t i = 0;
  if (!t.empty() && t[0] == '(' && t.size() > 3 && t[2] == ')' && (IsAlpha(t[1]) || IsDigit(t[1]))) {
    i = 3;
  } else if (t.size() > 2 && IsAlpha(t[0]) && (t[1] == ')' || t[1] == '.') && t[2] == ' ') {
    i = 2;
  } else {
    bool dotted = false;
    while (i < t.size() && IsDigit(t[i])) {
      size_t start = i;
      while (i < t.size() && IsDigit(t[i])) ++i;
      if (i - start > 2) return 0;  // "2018 Review" is not numbered
      if (i < t.size() && t[i] == '.') {
        dotted = true;
        ++i;
      } else {
        break;
      }
    }
    if (i == 0) return 0;
    if (i < t.size() && t[i] == ')') {
      dotted = true;
      ++i;
    }
    if (!dotted && i < t.size() && t[i] != ' ') return 0;
  }
  if (i < t.size() && t[i] != ' ' && t[i] != '\t') return 0;
  return i;
}

bool OnlyPunctuationAfter(const std::string& t, size_t from) {
  for (size_t i = from; i < t.size(); ++i) {
    char c = t[i];
    if (c != ':' && c != '.' && c != ' ' && c != '-' && c != ')' && c != '*' && c != '\t') return false;
  }
  return true;
}

}  // namespace

size_t NumberingWords(const Line& line) {
  size_t bytes = NumberingBytes(line.text);
  size_t n = 0;
  while (n < line.words.size() && line.words[n].end <= bytes) ++n;
  return n;
}

std::optional<HeadingMatch> MatchHeading(const Line& line, const std::vector<Word>& heading) {
  size_t skip = NumberingWords(line);
  if (!WordsAt(line.words, skip, heading)) return std::nullopt;
  size_t last = skip + heading.size();
  size_t begin = line.words[skip].begin;
  size_t end = line.words[last - 1].end;
  if (last == line.words.size() && OnlyPunctuationAfter(line.text, end)) {
    return HeadingMatch{true, begin, end, std::string::npos};
  }
  size_t i = end;
  while (i < line.text.size() && (line.text[i] == ' ' || line.text[i] == ')' || line.text[i] == '*')) ++i;
  if (i < line.text.size() && line.text[i] == ':' && last < line.words.size()) {
    return HeadingMatch{false, begin, end, i + 1};
  }
  return std::nullopt;
}

bool StartsWithHeading(const Line& line, const std::vector<Word>& heading, size_t extra_words) {
  size_t skip = NumberingWords(line);
  return WordsAt(line.words, skip, heading) && line.words.size() <= skip + heading.size() + extra_words;
}

bool LooksLikeHeading(const Line& line) {
  if (line.blank() || line.words.empty() || line.table_row()) return false;
  size_t skip = NumberingWords(line);
  size_t words = line.words.size() - skip;
  if (words == 0) return false;
  // "Label: value" is a field, not a heading; a trailing colon is fine.
  size_t colon = line.text.find(':');
  if (colon != std::string::npos && !Trim(line.text.substr(colon + 1)).empty()) return false;
  if (FindNoCase(line.text, "delete as appropriate") != std::string::npos) return false;
  if (line.text.find('?') != std::string::npos) return false;  // a question, not a heading
  char last = line.text.back();
  bool sentence_end = last == '.' || last == ',' || last == ';';
  if (line.markdown_heading) return words <= 12;
  if (line.emphasised) return words <= 12 && !sentence_end;  // "**This is urgent.**" is emphasis
  if (skip == 0 || line.list_item || words > 8 || sentence_end) return false;
  char first = line.text[line.words[skip].begin];
  return first >= 'A' && first <= 'Z';
}

std::string HeadingText(const Line& line) {
  size_t skip = NumberingWords(line);
  if (skip >= line.words.size()) return line.text;
  std::string_view t(line.text);
  t = t.substr(line.words[skip].begin);
  t = Trim(t);
  while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
  return std::string(t);
}

}  // namespace assent::import
