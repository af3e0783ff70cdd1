#include "import/section_reader.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "import/word_match.hpp"

namespace assent::import {
namespace {

using decisions::Part;

bool MentionsPart2(const std::vector<Word>& words) {
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].text == "part" && (words[i + 1].text == "2" || words[i + 1].text == "ii")) return true;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].text == "confidential" && (i == 0 || words[i - 1].text != "non")) return true;
  }
  return false;
}

bool IsQuestionLine(const Layout& layout, size_t line) {
  return std::any_of(layout.questions.begin(), layout.questions.end(),
                     [&](const QuestionHit& q) { return q.line == line; });
}

}  // namespace

std::string SectionText(const Document& doc, size_t first, size_t end) {
  std::string text;
  bool pending_break = false;
  for (size_t i = first; i < end && i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    if (line.blank()) {
      pending_break = !text.empty();
      continue;
    }
    if (!text.empty()) text += pending_break ? "\n\n" : "\n";
    pending_break = false;
    if (line.list_item) {
      text.append(static_cast<size_t>(std::min(line.indent / 2, 4)) * 2, ' ');
      text += "- ";
    }
    text += ReplaceAll(line.text, "\t", " | ");
  }
  return text;
}

std::vector<SectionReading> ReadSections(const Document& doc, const Layout& layout) {
  std::vector<SectionReading> out;
  size_t n = doc.lines.size();
  for (const auto& h : layout.headings) {
    // Other headings above the first section are the header's title lines.
    if (!h.section && h.line < layout.body_begin) continue;
    size_t end = h.line + 1;
    while (end < n && !layout.stops[end]) ++end;
    std::string text;
    if (h.inline_begin != std::string::npos) {
      text = std::string(Trim(doc.lines[h.line].text.substr(h.inline_begin)));
    }
    std::string rest = SectionText(doc, h.line + 1, end);
    if (!rest.empty()) text += text.empty() ? rest : "\n\n" + rest;

    if (h.section) {
      auto same = std::find_if(out.begin(), out.end(),
                               [&](const SectionReading& r) { return r.section.key == h.section->key; });
      if (same != out.end()) {
        if (!text.empty()) same->section.text += same->section.text.empty() ? text : "\n\n" + text;
        continue;
      }
    } else if (text.empty() || (end < n && IsQuestionLine(layout, end))) {
      continue;
    }
    SectionReading r;
    r.line = doc.lines[h.line].number;
    r.confidence = h.confidence;
    r.first = h.line + 1;
    r.end = end;
    r.section.heading = h.heading;
    r.section.text = std::move(text);
    if (h.section) {
      r.section.key = h.section->key;
      r.section.part = h.section->part;
    } else {
      auto words = SplitWords(h.heading);
      r.section.key = Slug(words);
      r.section.part = MentionsPart2(words) ? Part::kPart2 : Part::kPart1;
      while (std::any_of(out.begin(), out.end(),
                         [&](const SectionReading& o) { return o.section.key == r.section.key; })) {
        r.section.key += "_2";
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace assent::import
