#include "import/word_match.hpp"

#include <array>

namespace assent::import {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// UTF-8 punctuation seen in converted decision records; every other non-ASCII
// sequence is taken as part of a word (accented letters in names).
constexpr std::array<std::string_view, 31> kPunctuation = {
    "\xC2\xA0",      // no-break space
    "\xC2\xB0",      // degree sign, as in "N°"
    "\xC2\xBA",      // masculine ordinal, "Nº"
    "\xC2\xAB",     "\xC2\xBB",      // guillemets
    "\xC2\xB7",      // middle dot
    "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x92", "\xE2\x80\x93", "\xE2\x80\x94",  // dashes
    "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D",                  // quotes
    "\xE2\x80\xA2",  // bullet
    "\xE2\x80\xA6",  // ellipsis
    "\xE2\x84\x96",  // numero sign
    "\xEF\x82\xB7",  // Word's private-use bullet
    "\xE2\x97\x8F",  // black circle bullet
    "\xE2\x98\x90", "\xE2\x98\x91", "\xE2\x98\x92",  // ballot boxes
    "\xE2\x96\xA0", "\xE2\x96\xA1",                    // squares used as boxes
    "\xE2\x9C\x93", "\xE2\x9C\x94", "\xE2\x9C\x97", "\xE2\x9C\x98",  // ticks and crosses
    "\xEF\x82\xA8", "\xEF\x83\xBE",  // Wingdings boxes as Word exports them
};

// Length of the punctuation sequence starting at text[i], or 0.
size_t PunctuationAt(std::string_view text, size_t i) {
  for (auto p : kPunctuation) {
    if (text.substr(i, p.size()) == p) return p.size();
  }
  return 0;
}

size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '&') {
      words.push_back(Word{i, i + 1, "and"});
      ++i;
      continue;
    }
    auto u = static_cast<unsigned char>(c);
    bool word_char = IsAsciiAlnum(c) || (u >= 0x80 && PunctuationAt(text, i) == 0);
    if (!word_char) {
      i += u >= 0x80 ? PunctuationAt(text, i) : 1;
      continue;
    }
    Word w;
    w.begin = i;
    while (i < text.size()) {
      auto b = static_cast<unsigned char>(text[i]);
      if (IsAsciiAlnum(text[i])) {
        w.text.push_back(Lower(text[i]));
        ++i;
      } else if (b >= 0x80 && PunctuationAt(text, i) == 0) {
        size_t n = std::min(Utf8Length(b), text.size() - i);
        w.text.append(text.substr(i, n));
        i += n;
      } else {
        break;
      }
    }
    w.end = i;
    words.push_back(std::move(w));
  }
  return words;
}

Phrase MakePhrase(std::string_view text) { return Phrase{std::string(text), SplitWords(text)}; }

std::vector<Phrase> MakePhrases(const std::vector<std::string>& texts) {
  std::vector<Phrase> out;
  out.reserve(texts.size());
  for (const auto& t : texts) out.push_back(MakePhrase(t));
  return out;
}

bool WordsAt(const std::vector<Word>& haystack, size_t at, const std::vector<Word>& needle) {
  if (needle.empty() || at + needle.size() > haystack.size()) return false;
  for (size_t k = 0; k < needle.size(); ++k) {
    if (haystack[at + k].text != needle[k].text) return false;
  }
  return true;
}

std::optional<WordSpan> FindWords(const std::vector<Word>& haystack, const std::vector<Word>& needle,
                                  size_t from) {
  for (size_t at = from; at + needle.size() <= haystack.size(); ++at) {
    if (WordsAt(haystack, at, needle)) {
      size_t last = at + needle.size();
      return WordSpan{at, last, haystack[at].begin, haystack[last - 1].end};
    }
  }
  return std::nullopt;
}

bool SameWords(const std::vector<Word>& a, const std::vector<Word>& b) {
  return a.size() == b.size() && WordsAt(a, 0, b);
}

std::string Slug(const std::vector<Word>& words) {
  std::string slug;
  for (const auto& w : words) {
    if (!slug.empty()) slug.push_back('_');
    slug += w.text;
  }
  return slug;
}

}  // namespace assent::import
