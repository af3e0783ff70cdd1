#include "import/signature_box.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"
#include "import/label_reader.hpp"
#include "import/outcome_line.hpp"
#include "import/signature_labels.hpp"

namespace assent::import {
namespace {

constexpr size_t kMaxNameWords = 5;
constexpr size_t kMaxUnlabelledWords = 4;

bool IsFiller(const std::string& w) { return w == "delete" || w == "as" || w == "appropriate" || w == "or"; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Words written where a name should be that are not one.
bool IsPlaceholderWord(const std::string& w) {
  for (std::string_view p : {"signed", "signature", "sign", "name", "print", "tbc", "tba", "none", "na", "unsigned"}) {
    if (w == p) return true;
  }
  return false;
}

// A name standing alone on a line: capitalised words ("ROGER HIRST", "S. Kirkpatrick").
bool NameLike(const Line& line) {
  for (const auto& w : line.words) {
    char c = line.text[w.begin];
    bool particle = w.text == "de" || w.text == "van" || w.text == "von" || w.text == "der" || w.text == "la";
    if (!particle && !(c >= 'A' && c <= 'Z')) return false;
  }
  return !line.words.empty() && !line.markdown_heading && !line.emphasised;
}

bool HasLabel(const Line& line) {
  auto hits = FindLabels(line, SignatureLabelPhrases(), SignatureLabelRules());
  return !hits.empty() && hits.front().begin == line.words.front().begin;
}

// "Signature:" with the name on the next non-empty line in [from, to): that line's
// index, when it reads as a name (or, for a date label, starts with a digit).
std::optional<size_t> ValueOnNextLine(const Document& doc, size_t from, size_t to, bool is_date,
                                      const std::vector<std::string>& capacities) {
  for (size_t j = from; j < to && j < doc.lines.size(); ++j) {
    const Line& next = doc.lines[j];
    if (next.blank()) continue;
    bool plausible = !HasLabel(next) && next.words.size() <= kMaxNameWords &&
                     !ReadCapacityLine(next, capacities).printed &&
                     ClassifyOutcomeLine(next).kind == OutcomeLineKind::kNone &&
                     (is_date ? IsDigit(next.text.front()) : NameLike(next));
    return plausible ? std::optional<size_t>(j) : std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

CapacityMark ReadCapacityLine(const Line& line, const std::vector<std::string>& capacities) {
  CapacityMark mark;
  if (capacities.empty() || line.words.empty()) return mark;
  std::vector<std::vector<Word>> phrases;
  for (const auto& c : capacities) phrases.push_back(SplitWords(c));
  struct Hit {
    size_t capacity;
    bool struck;
  };
  std::vector<Hit> hits;
  size_t other = 0;
  const auto& words = line.words;
  for (size_t w = 0; w < words.size();) {
    std::optional<size_t> best;
    for (size_t k = 0; k < phrases.size(); ++k) {
      if ((!best || phrases[k].size() > phrases[*best].size()) && WordsAt(words, w, phrases[k])) best = k;
    }
    if (!best) {
      if (!IsFiller(words[w].text)) ++other;
      ++w;
      continue;
    }
    size_t last = w + phrases[*best].size();
    hits.push_back({*best, line.Struck(words[w].begin, words[last - 1].end)});
    w = last;
  }
  std::vector<size_t> distinct;
  for (const auto& h : hits) {
    if (std::find(distinct.begin(), distinct.end(), h.capacity) == distinct.end()) distinct.push_back(h.capacity);
  }
  bool choice = distinct.size() >= 2 && other <= 1;
  bool single = distinct.size() == 1 && hits.size() == 1 && other == 0;
  if (!choice && !single) return mark;
  mark.printed = true;
  mark.line = line.number;
  std::vector<size_t> standing;
  for (const auto& h : hits) {
    if (!h.struck && std::find(standing.begin(), standing.end(), h.capacity) == standing.end()) {
      standing.push_back(h.capacity);
    }
  }
  if (standing.size() == 1) {
    mark.chosen = capacities[standing.front()];
  } else if (standing.empty()) {
    mark.note = fmt::format("capacity '{}': every option struck", line.text);
  } else {
    mark.note = fmt::format("capacity '{}': neither option struck", line.text);
  }
  return mark;
}

PersonName ReadPersonName(std::string_view text) {
  PersonName out;
  std::string s = CollapseSpaces(text);
  // "Jane Doe (Deputy PFCC)", "Jane Doe - Deputy PFCC", "Jane Doe, Deputy PFCC".
  if (!s.empty() && s.back() == ')' && s.find('(') != std::string::npos && s.find('(') > 0) {
    size_t open = s.rfind('(');
    out.capacity = std::string(Trim(s.substr(open + 1, s.size() - open - 2)));
    s = std::string(Trim(s.substr(0, open)));
  }
  for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ", "}) {
    size_t at = s.find(sep);
    if (at != std::string::npos && out.capacity.empty()) {
      out.capacity = std::string(Trim(s.substr(at + sep.size())));
      s = std::string(Trim(s.substr(0, at)));
      break;
    }
  }
  size_t letters = 0;
  bool odd = false;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    if (IsDigit(c) || c == '/' || c == '(' || c == ')' || c == '[' || c == ']' || c == '@' || c == '<') odd = true;
  }
  auto words = SplitWords(s);
  bool placeholder = words.size() == 1 && IsPlaceholderWord(words[0].text);
  if (s.empty() || letters < 2 || odd || words.size() > kMaxNameWords || placeholder) {
    out.problem = fmt::format("'{}' is not a readable name", CollapseSpaces(text));
    out.capacity.clear();
    return out;
  }
  out.name = s;
  return out;
}

SignatureBox ReadSignatureBox(const Document& doc, size_t from, size_t to,
                              const std::vector<std::string>& capacities) {
  SignatureBox box;
  bool seen_name_label = false, seen_date_label = false;
  for (size_t i = from; i < to && i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    if (line.blank()) continue;
    auto hits = FindLabels(line, SignatureLabelPhrases(), SignatureLabelRules());
    if (!hits.empty() && hits.front().begin == line.words.front().begin) {
      for (const auto& hit : hits) {
        SignatureLabel kind = SignatureLabelKind(hit.label);
        bool is_date = kind == SignatureLabel::kDate;
        // A second signature or date after a complete one belongs to someone else.
        if ((is_date && seen_date_label) || (!is_date && seen_date_label && seen_name_label)) return box;
        LabelledText value{HitValue(line, hit), line.number, false};
        if (value.text.empty() && hit.begin == hits.back().begin) {
          if (auto next = ValueOnNextLine(doc, i + 1, to, is_date, capacities)) {
            value = LabelledText{doc.lines[*next].text, doc.lines[*next].number, true};
            i = *next;
          }
        }
        if (is_date) {
          seen_date_label = true;
          box.date = value;
        } else {
          LabelledText& slot = kind == SignatureLabel::kPrintedName ? box.printed : box.signature;
          if (slot.line == 0 || slot.text.empty()) slot = value;
          seen_name_label = true;
        }
      }
      continue;
    }
    if (!box.capacity.printed) {
      CapacityMark mark = ReadCapacityLine(line, capacities);
      if (mark.printed) {
        box.capacity = mark;
        continue;
      }
    }
    if (line.words.size() <= kMaxUnlabelledWords && ClassifyOutcomeLine(line).kind == OutcomeLineKind::kNone &&
        !seen_date_label) {
      box.unlabelled.emplace_back(line.number, line.text);
    }
  }
  return box;
}

}  // namespace assent::import
