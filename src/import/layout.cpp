#include "import/layout.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "import/heading_match.hpp"
#include "import/signature_labels.hpp"

namespace assent::import {
namespace {

using decisions::Form;
using decisions::FormQuestion;
using decisions::FormSection;
using decisions::SignOffBlock;

constexpr double kExactHeading = 0.95;
constexpr double kInlineHeading = 0.8;
constexpr double kPrefixAnchor = 0.75;
constexpr double kLabelAnchor = 0.7;
constexpr double kOtherHeading = 0.6;
constexpr size_t kAnchorExtraWords = 6;
constexpr size_t kDeclarationWords = 8;

std::vector<HeadingHit> FormHeadings(const Document& doc, const Form& form) {
  struct Candidate {
    const FormSection* section;
    std::vector<Word> words;
  };
  std::vector<Candidate> candidates;
  for (const auto& s : form.sections) {
    candidates.push_back({&s, SplitWords(s.heading)});
    for (const auto& a : s.aliases) candidates.push_back({&s, SplitWords(a)});
  }
  std::vector<HeadingHit> hits;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    if (line.blank()) continue;
    const Candidate* best = nullptr;
    HeadingMatch best_match;
    for (const auto& c : candidates) {
      if (best && c.words.size() <= best->words.size()) continue;
      if (auto m = MatchHeading(line, c.words)) {
        best = &c;
        best_match = *m;
      }
    }
    if (!best) continue;
    HeadingHit hit;
    hit.line = i;
    hit.section = best->section;
    hit.inline_begin = best_match.inline_begin;
    hit.confidence = best_match.exact ? kExactHeading : kInlineHeading;
    hit.heading = line.text.substr(best_match.begin, best_match.end - best_match.begin);
    hits.push_back(std::move(hit));
  }
  return hits;
}

std::vector<QuestionHit> Questions(const Document& doc, const Form& form) {
  struct Candidate {
    const FormQuestion* question;
    bool media;
    std::vector<Word> words;
  };
  std::vector<Candidate> candidates;
  for (const auto& q : form.publication) candidates.push_back({&q, false, SplitWords(q.text)});
  for (const auto& q : form.media) candidates.push_back({&q, true, SplitWords(q.text)});
  std::vector<QuestionHit> hits;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const auto& words = doc.lines[i].words;
    size_t w = 0;
    while (w < words.size()) {
      const Candidate* best = nullptr;
      for (const auto& c : candidates) {
        if ((!best || c.words.size() > best->words.size()) && WordsAt(words, w, c.words)) best = &c;
      }
      if (!best) {
        ++w;
        continue;
      }
      size_t last = w + best->words.size();
      hits.push_back({i, best->question, best->media, words[w].begin, words[last - 1].end});
      w = last;
    }
  }
  return hits;
}

// Finds the line printing each block's heading (or label): an exact line first, then
// a line starting with it, then the label alone. A line before `body` (the first
// section heading) is taken only when no later line matches: a heading such as "Police
// and Crime Commissioner for X" is often the letterhead too.
void FindAnchors(const Document& doc, std::vector<BlockRegion>& blocks, std::vector<bool>& used, size_t body) {
  auto find_from = [&](const std::vector<Word>& words, bool prefix, size_t from) -> std::optional<size_t> {
    if (words.empty()) return std::nullopt;
    for (size_t i = from; i < doc.lines.size(); ++i) {
      if (used[i] || doc.lines[i].blank()) continue;
      const Line& line = doc.lines[i];
      if (prefix ? StartsWithHeading(line, words, kAnchorExtraWords)
                 : (MatchHeading(line, words) && MatchHeading(line, words)->exact)) {
        return i;
      }
    }
    return std::nullopt;
  };
  auto find = [&](const std::vector<Word>& words, bool prefix) -> std::optional<size_t> {
    if (auto later = find_from(words, prefix, body)) return later;
    return find_from(words, prefix, 0);
  };
  for (auto& b : blocks) {
    auto heading = SplitWords(b.block->heading.empty() ? b.block->label : b.block->heading);
    auto label = SplitWords(b.block->label);
    std::optional<size_t> at;
    if ((at = find(heading, false))) {
      b.confidence = kExactHeading;
    } else if ((at = find(heading, true))) {
      b.confidence = kPrefixAnchor;
    } else if (!SameWords(heading, label) && (at = find(label, false))) {
      b.confidence = kLabelAnchor;
    }
    if (!at) continue;
    b.found = true;
    b.anchor = *at;
    used[*at] = true;
  }
}

SignatureLabel FirstLabelKind(const Line& line) {
  auto hits = FindLabels(line, SignatureLabelPhrases(), SignatureLabelRules());
  return SignatureLabelKind(hits.front().label);
}

// Blocks printed side by side and flattened: their labels stand on adjacent lines,
// with the signature lines just before and the date lines just after, in column order.
void MapColumnGroup(const Document& doc, const std::vector<BlockRegion*>& group,
                    const std::vector<bool>& hard) {
  size_t k = group.size();
  size_t first = group.front()->anchor, last = group.back()->anchor;
  std::vector<size_t> names_before, names_after, dates;
  for (size_t j = first; j-- > 0;) {
    const Line& line = doc.lines[j];
    if (line.blank()) continue;
    if (hard[j] || !IsSignatureLine(line) || FirstLabelKind(line) == SignatureLabel::kDate) break;
    names_before.insert(names_before.begin(), j);
    if (names_before.size() == k) break;
  }
  size_t end = last + 1;
  for (size_t j = last + 1; j < doc.lines.size(); ++j) {
    const Line& line = doc.lines[j];
    if (line.blank()) continue;
    if (hard[j] || !IsSignatureLine(line)) break;
    (FirstLabelKind(line) == SignatureLabel::kDate ? dates : names_after).push_back(j);
    end = j + 1;
  }
  size_t begin = names_before.empty() ? first : names_before.front();
  for (size_t i = 0; i < k; ++i) {
    BlockRegion& b = *group[i];
    b.column = true;
    b.begin = begin;
    b.end = end;
    if (names_before.size() == k) b.column_name_line = names_before[i];
    if (names_after.size() == k) b.column_name_line = names_after[i];
    if (dates.size() == k) b.column_date_line = dates[i];
  }
}

void MapRegions(const Document& doc, std::vector<BlockRegion>& blocks, std::vector<bool> hard,
                const std::map<size_t, const SignOffBlock*>& declarations) {
  std::vector<BlockRegion*> found;
  for (auto& b : blocks) {
    if (b.found) found.push_back(&b);
  }
  std::sort(found.begin(), found.end(),
            [](const BlockRegion* a, const BlockRegion* b) { return a->anchor < b->anchor; });
  for (auto* b : found) hard[b->anchor] = true;
  auto only_blank_between = [&](size_t a, size_t b) {
    for (size_t j = a + 1; j < b; ++j) {
      if (!doc.lines[j].blank()) return false;
    }
    return true;
  };
  for (size_t i = 0; i < found.size();) {
    size_t j = i + 1;
    while (j < found.size() && only_blank_between(found[j - 1]->anchor, found[j]->anchor)) ++j;
    if (j - i >= 2) {
      std::vector<BlockRegion*> group(found.begin() + static_cast<long>(i),
                                      found.begin() + static_cast<long>(j));
      MapColumnGroup(doc, group, hard);
      for (size_t k = group.front()->begin; k < group.front()->end; ++k) hard[k] = true;
    }
    i = j;
  }
  for (auto* b : found) {
    if (b->column) continue;
    b->begin = b->anchor;
    // A heading inside a table claims the rows above it: the box is the whole table.
    if (doc.lines[b->anchor].table_row()) {
      while (b->begin > 0 && !doc.lines[b->begin - 1].blank() && !hard[b->begin - 1]) --b->begin;
    }
    b->end = doc.lines.size();
    for (size_t k = b->anchor + 1; k < doc.lines.size(); ++k) {
      auto d = declarations.find(k);
      bool other_declaration = d != declarations.end() && d->second != b->block;
      if (hard[k] || other_declaration) {
        b->end = k;
        break;
      }
    }
  }
}

// Lines where a block's declaration starts (its first words), by block.
std::map<size_t, const SignOffBlock*> FindDeclarations(const Document& doc, const std::vector<BlockRegion>& blocks) {
  std::map<size_t, const SignOffBlock*> declarations;
  for (const auto& region : blocks) {
    auto words = SplitWords(region.block->declaration);
    if (words.size() > kDeclarationWords) words.resize(kDeclarationWords);
    for (size_t i = 0; i < doc.lines.size() && !words.empty(); ++i) {
      if (WordsAt(doc.lines[i].words, 0, words)) declarations.emplace(i, region.block);
    }
  }
  return declarations;
}

// Headings the form does not list, outside blocks and away from its own landmarks.
void AddOtherHeadings(const Document& doc, const std::vector<bool>& landmarks, Layout& layout) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    if (landmarks[i] || layout.in_block[i] || IsSignatureLine(line) || !LooksLikeHeading(line)) continue;
    layout.headings.push_back({i, nullptr, HeadingText(line), std::string::npos, kOtherHeading});
  }
  std::sort(layout.headings.begin(), layout.headings.end(),
            [](const HeadingHit& a, const HeadingHit& b) { return a.line < b.line; });
}

// The header ends at the first of the form's sections (else any heading), question or block.
size_t BodyBegin(const Layout& layout, size_t n) {
  size_t begin = n;
  for (const auto& h : layout.headings) {
    if (h.section) {
      begin = h.line;
      break;
    }
  }
  if (begin == n && !layout.headings.empty()) begin = layout.headings.front().line;
  for (const auto& q : layout.questions) begin = std::min(begin, q.line);
  for (const auto& b : layout.blocks) {
    if (b.found) begin = std::min(begin, b.begin);
  }
  return begin;
}

}  // namespace

Layout MapLayout(const Document& doc, const Form& form) {
  Layout layout;
  size_t n = doc.lines.size();
  layout.headings = FormHeadings(doc, form);
  layout.questions = Questions(doc, form);

  // The form's headings and questions: blocks end at them and never start on them.
  std::vector<bool> landmarks(n, false);
  for (const auto& h : layout.headings) landmarks[h.line] = true;
  for (const auto& q : layout.questions) landmarks[q.line] = true;

  for (const auto& b : form.signoffs) layout.blocks.push_back(BlockRegion{.block = &b, .decision_maker = false});
  for (const auto& b : form.decision_makers) {
    layout.blocks.push_back(BlockRegion{.block = &b, .decision_maker = true});
  }
  std::vector<bool> used = landmarks;
  size_t first_section = n;
  for (const auto& h : layout.headings) first_section = std::min(first_section, h.line);
  if (first_section == n) first_section = 0;
  FindAnchors(doc, layout.blocks, used, first_section);
  auto declarations = FindDeclarations(doc, layout.blocks);
  MapRegions(doc, layout.blocks, landmarks, declarations);
  layout.in_block.assign(n, false);
  for (const auto& b : layout.blocks) {
    for (size_t k = b.begin; b.found && k < b.end; ++k) layout.in_block[k] = true;
  }

  for (const auto& [line, block] : declarations) landmarks[line] = true;
  AddOtherHeadings(doc, landmarks, layout);
  layout.body_begin = BodyBegin(layout, n);

  layout.stops.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    layout.stops[i] = landmarks[i] || layout.in_block[i] || IsSignatureLine(doc.lines[i]);
  }
  for (const auto& h : layout.headings) layout.stops[h.line] = true;
  return layout;
}

}  // namespace assent::import
