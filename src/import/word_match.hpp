#pragma once
// Word-level matching of printed phrases. Converters and typists vary case,
// punctuation, dashes and "&" / "and", so labels, headings and questions are compared
// as runs of words rather than as bytes.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assent::import {

struct Word {
  size_t begin = 0;  // byte span in the text the word came from
  size_t end = 0;
  std::string text;  // ASCII-lowercased; "&" reads as "and"
};

// Splits text into words: runs of ASCII letters and digits and of non-ASCII letters.
// ASCII punctuation, no-break spaces, dashes, quotes, bullets, "°" and "№" separate
// words; "&" is a word of its own that reads as "and".
std::vector<Word> SplitWords(std::string_view text);

// A printed phrase with its words, made once and matched many times.
struct Phrase {
  std::string text;
  std::vector<Word> words;
};
Phrase MakePhrase(std::string_view text);
std::vector<Phrase> MakePhrases(const std::vector<std::string>& texts);

// Words [first, last) of a haystack and their byte span [begin, end).
struct WordSpan {
  size_t first = 0;
  size_t last = 0;
  size_t begin = 0;
  size_t end = 0;
};

// True when haystack[at..] begins with every word of needle. An empty needle never matches.
bool WordsAt(const std::vector<Word>& haystack, size_t at, const std::vector<Word>& needle);
// The first run of needle's words in haystack at or after word `from`.
std::optional<WordSpan> FindWords(const std::vector<Word>& haystack, const std::vector<Word>& needle,
                                  size_t from = 0);
// Same words, same order, nothing else.
bool SameWords(const std::vector<Word>& a, const std::vector<Word>& b);
// Lowercase words joined by '_': "Public Access to Information" -> "public_access_to_information".
std::string Slug(const std::vector<Word>& words);

}  // namespace assent::import
