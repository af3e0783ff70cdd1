#include "import/list_reader.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "import/date_reader.hpp"
#include "import/label_reader.hpp"
#include "import/word_match.hpp"

namespace assent::import {
namespace {

using decisions::Part;

constexpr const char* kConsultedLabels[] = {"Persons consulted", "People consulted", "Consultees",
                                            "Persons consulted during the preparation of the report"};

bool HasWords(const std::string& heading, std::initializer_list<std::string_view> wanted) {
  auto words = SplitWords(heading);
  for (auto w : wanted) {
    bool found = std::any_of(words.begin(), words.end(), [&](const Word& x) { return x.text.rfind(w, 0) == 0; });
    if (!found) return false;
  }
  return true;
}

const SectionReading* FindSection(const std::vector<SectionReading>& sections, std::string_view key,
                                  std::initializer_list<std::string_view> words) {
  for (const auto& s : sections) {
    if (s.section.key == key) return &s;
  }
  for (const auto& s : sections) {
    if (HasWords(s.section.heading, words)) return &s;
  }
  return nullptr;
}

bool Parenthetical(std::string_view t) {
  t = Trim(t);
  return t.size() >= 2 && t.front() == '(' && t.back() == ')';
}

const std::vector<Phrase>& ConsultedLabels() {
  static const std::vector<Phrase> labels = [] {
    std::vector<Phrase> out;
    for (const char* t : kConsultedLabels) out.push_back(MakePhrase(t));
    return out;
  }();
  return labels;
}

bool MarksPart2(const std::vector<Word>& words) {
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].text == "part" && (words[i + 1].text == "2" || words[i + 1].text == "ii")) return true;
    if (words[i].text == "not" && words[i + 1].text == "for" && i + 2 < words.size() &&
        words[i + 2].text == "publication") {
      return true;
    }
  }
  return false;
}

// "Please see attached document: Title" -> "Title".
std::string PaperTitle(const std::string& text) {
  size_t colon = text.find(':');
  if (colon == std::string::npos) return text;
  std::string lead = ToLowerAscii(text.substr(0, colon));
  for (std::string_view w : {"attached", "see", "enclosed", "document"}) {
    if (lead.find(w) != std::string::npos) return std::string(Trim(text.substr(colon + 1)));
  }
  return text;
}

// Content lines of a section: its list items when it has any, else every line;
// guidance in parentheses skipped; stops at a "Persons consulted" label.
std::vector<const Line*> Items(const Document& doc, const SectionReading& s) {
  std::vector<const Line*> lines;
  bool any_list = false;
  for (size_t i = s.first; i < s.end; ++i) {
    const Line& line = doc.lines[i];
    if (StartsWithLabel(line, ConsultedLabels())) break;
    if (line.blank() || Parenthetical(line.text)) continue;
    lines.push_back(&line);
    any_list = any_list || line.list_item;
  }
  if (any_list) {
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line* l) { return !l->list_item; }),
                lines.end());
  }
  return lines;
}

void ReadPersons(const Document& doc, const Layout& layout, ListReading& out) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    auto hits = FindLabels(line, ConsultedLabels());
    if (hits.empty() || hits.front().begin != line.words.front().begin) continue;
    out.persons_line = line.number;
    std::string same_line = HitValue(line, hits.front());
    if (!same_line.empty()) {
      size_t start = 0;
      while (start < same_line.size()) {
        size_t semi = same_line.find(';', start);
        if (semi == std::string::npos) semi = same_line.size();
        auto item = Trim(std::string_view(same_line).substr(start, semi - start));
        if (!item.empty()) out.persons_consulted.emplace_back(item);
        start = semi + 1;
      }
      return;
    }
    for (size_t j = i + 1; j < doc.lines.size(); ++j) {
      const Line& next = doc.lines[j];
      if (next.blank()) continue;
      if (!next.list_item || layout.stops[j]) break;
      out.persons_consulted.push_back(next.text);
    }
    return;
  }
}

}  // namespace

ListReading ReadLists(const Document& doc, const Layout& layout, const std::vector<SectionReading>& sections) {
  ListReading out;
  if (const auto* s = FindSection(sections, "governance_boards", {"governance", "board"})) {
    out.boards_line = s->line;
    for (const Line* line : Items(doc, *s)) {
      decisions::GovernanceBoard board;
      if (auto date = FindTrailingDate(line->text)) {
        board.date = date->date;
        std::string_view name = Trim(std::string_view(line->text).substr(0, date->begin));
        while (!name.empty() && (name.back() == '-' || name.back() == ':' || name.back() == ',')) {
          name = Trim(name.substr(0, name.size() - 1));
        }
        board.name = std::string(name);
      } else {
        board.name = line->text;
      }
      if (!board.name.empty()) out.boards.push_back(std::move(board));
    }
  }
  if (const auto* s = FindSection(sections, "background_papers", {"background", "paper"})) {
    out.papers_line = s->line;
    for (const Line* line : Items(doc, *s)) {
      decisions::BackgroundPaper paper;
      paper.title = PaperTitle(line->text);
      paper.part = MarksPart2(line->words) ? Part::kPart2 : Part::kPart1;
      out.papers.push_back(std::move(paper));
    }
  }
  ReadPersons(doc, layout, out);
  return out;
}

}  // namespace assent::import
