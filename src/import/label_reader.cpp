#include "import/label_reader.hpp"

#include "core/text.hpp"

namespace assent::import {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Skips spaces and the closing marks that may sit between a label and its colon:
// "Classification (e.g. restricted): x".
size_t SkipClosers(const std::string& text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == ')' || text[i] == ']' || text[i] == '*')) {
    ++i;
  }
  return i;
}

}  // namespace

std::vector<LabelHit> FindLabels(const Line& line, const std::vector<Phrase>& labels,
                                 LabelRules rules) {
  std::vector<LabelHit> hits;
  const auto& words = line.words;
  const std::string& text = line.text;
  size_t w = 0;
  while (w < words.size()) {
    const Phrase* best = nullptr;
    size_t best_index = 0;
    for (size_t k = 0; k < labels.size(); ++k) {
      if ((!best || labels[k].words.size() > best->words.size()) && WordsAt(words, w, labels[k].words)) {
        best = &labels[k];
        best_index = k;
      }
    }
    if (!best) {
      ++w;
      continue;
    }
    size_t last_word = w + best->words.size() - 1;
    size_t after = SkipClosers(text, words[last_word].end);
    bool at_start = w == 0;
    bool after_tab = words[w].begin > 0 && text.find_last_not_of(' ', words[w].begin - 1) != std::string::npos &&
                     text[text.find_last_not_of(' ', words[w].begin - 1)] == '\t';
    LabelHit hit;
    hit.label = best_index;
    hit.begin = words[w].begin;
    if (after >= text.size()) {
      hit.end = LabelEnd::kEndOfLine;
      hit.value_begin = text.size();
    } else if (text[after] == ':') {
      hit.end = LabelEnd::kColon;
      hit.value_begin = after + 1;
    } else if (text[after] == '\t') {
      hit.end = LabelEnd::kTab;
      hit.value_begin = after + 1;
    } else {
      hit.end = LabelEnd::kBare;
      hit.value_begin = after;
    }
    bool accepted = false;
    switch (hit.end) {
      case LabelEnd::kColon:
        accepted = true;
        break;
      case LabelEnd::kTab:
      case LabelEnd::kEndOfLine:
        accepted = at_start || after_tab;
        break;
      case LabelEnd::kBare:
        accepted = (at_start && rules.bare_at_start && text[words[last_word].end] == ' ') ||
                   (!at_start && rules.bare_mid_before_digit && IsDigit(text[after]));
        break;
    }
    if (!accepted) {
      ++w;
      continue;
    }
    hits.push_back(hit);
    w = last_word + 1;
  }
  for (size_t i = 0; i < hits.size(); ++i) {
    hits[i].value_end = i + 1 < hits.size() ? hits[i + 1].begin : text.size();
    if (hits[i].value_begin > hits[i].value_end) hits[i].value_begin = hits[i].value_end;
  }
  return hits;
}

std::string HitValue(const Line& line, const LabelHit& hit) {
  std::string_view v(line.text);
  v = v.substr(hit.value_begin, hit.value_end - hit.value_begin);
  for (bool changed = true; changed;) {
    changed = false;
    v = Trim(v);
    if (!v.empty() && (v.front() == ':' || v.front() == '-')) {
      v.remove_prefix(1);
      changed = true;
    }
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (v.substr(0, dash.size()) == dash) {
        v.remove_prefix(dash.size());
        changed = true;
      }
    }
  }
  std::string out(v);
  for (auto& c : out) {
    if (c == '\t') c = ' ';
  }
  return CollapseSpaces(out);
}

bool StartsWithLabel(const Line& line, const std::vector<Phrase>& labels, LabelRules rules) {
  auto hits = FindLabels(line, labels, rules);
  return !hits.empty() && hits.front().begin == line.words.front().begin;
}

}  // namespace assent::import
