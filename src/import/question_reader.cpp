#include "import/question_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"
#include "import/date_reader.hpp"
#include "import/word_match.hpp"
#include "import/yes_no.hpp"

namespace assent::import {
namespace {

using decisions::FieldType;

constexpr double kSameLine = 0.95;
constexpr double kNextLine = 0.85;
constexpr size_t kMaxAnswerWords = 6;

struct Answer {
  std::string text;  // unstruck text
  bool had_struck = false;
  int line = 0;
  bool next_line = false;
};

bool Parenthetical(std::string_view t) {
  t = Trim(t);
  return t.size() >= 2 && t.front() == '(' && t.back() == ')';
}

// Drops "(...)" guidance from an answer: "(Where relevant, cite ...)".
std::string WithoutParentheses(std::string_view t) {
  std::string out;
  int depth = 0;
  for (char c : t) {
    if (c == '(') ++depth;
    if (depth == 0) out.push_back(c);
    if (c == ')' && depth > 0) --depth;
  }
  return std::string(Trim(out));
}

std::string_view StripLeadingSeparators(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = Trim(s);
    if (!s.empty() && (s.front() == ':' || s.front() == '-' || s.front() == '?' || s.front() == '.' ||
                       s.front() == ')' || s.front() == ']')) {
      s.remove_prefix(1);
      changed = true;
    }
    for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (s.substr(0, dash.size()) == dash) {
        s.remove_prefix(dash.size());
        changed = true;
      }
    }
  }
  return s;
}

size_t NextNonBlank(const Document& doc, size_t from) {
  while (from < doc.lines.size() && doc.lines[from].blank() && !doc.lines[from].placeholder) ++from;
  return from;
}

// The answer after question `q`: the rest of its line up to the next question, or the
// next line when the rest is empty.
Answer FindAnswer(const Document& doc, const Layout& layout, size_t q) {
  const QuestionHit& hit = layout.questions[q];
  const Line& line = doc.lines[hit.line];
  size_t end = line.text.size();
  if (q + 1 < layout.questions.size() && layout.questions[q + 1].line == hit.line) {
    end = layout.questions[q + 1].begin;
  }
  Answer a;
  a.line = line.number;
  std::string rest = line.Unstruck(hit.end, end);
  a.had_struck = rest.size() < Trim(line.text.substr(hit.end, end - hit.end)).size();
  a.text = WithoutParentheses(StripLeadingSeparators(rest));
  bool last_on_line = end == line.text.size();
  if (!a.text.empty() || !last_on_line) return a;

  size_t j = NextNonBlank(doc, hit.line + 1);
  while (j < doc.lines.size() && Parenthetical(doc.lines[j].text)) j = NextNonBlank(doc, j + 1);
  if (j >= doc.lines.size() || doc.lines[j].placeholder || layout.stops[j]) return a;
  const Line& next = doc.lines[j];
  a.line = next.number;
  a.next_line = true;
  a.text = next.Unstruck(0, next.text.size());
  a.had_struck = a.text.size() < next.text.size();
  // "YES" and "NO" printed on lines of their own: the one left unstruck is the answer.
  auto first = BareYesNo(next.text);
  size_t k = NextNonBlank(doc, j + 1);
  if (first && k < doc.lines.size()) {
    const Line& other = doc.lines[k];
    auto second = BareYesNo(other.text);
    if (second && *second != *first) {
      bool first_struck = next.Struck(0, next.text.size());
      bool second_struck = other.Struck(0, other.text.size());
      if (first_struck != second_struck) {
        a.text = first_struck ? other.text : next.text;
        a.line = first_struck ? other.number : next.number;
        a.had_struck = true;
      } else {
        a.text = next.text + " " + other.text;  // "☒ YES" "☐ NO", or both left standing
      }
    }
  }
  return a;
}

// The public reason for a Part 2 printed after a YES answer, before the next heading,
// question or block.
std::string Part2Reason(const Document& doc, const Layout& layout, size_t question_line) {
  size_t j = NextNonBlank(doc, question_line + 1);
  while (j < doc.lines.size() && Parenthetical(doc.lines[j].text)) j = NextNonBlank(doc, j + 1);
  if (j >= doc.lines.size() || doc.lines[j].blank() || layout.stops[j]) return {};
  return doc.lines[j].text;
}

// A question that prints its own choice, "PART I/II": the option left unstruck says
// whether a Part 2 exists ("PART ~~I~~/II": yes). Unmarked, it is unknown.
YesNoAnswer ChoiceInQuestion(const Line& line, const QuestionHit& hit) {
  std::string printed = line.text.substr(hit.begin, hit.end - hit.begin);
  if (printed.find('/') == std::string::npos) return {std::nullopt, "no answer given"};
  std::string standing = line.Unstruck(hit.begin, hit.end);
  if (standing == printed || hit.question->key != "part2_exists") {
    return {std::nullopt, fmt::format("'{}' printed without marking which", printed)};
  }
  auto words = SplitWords(standing);
  if (words.empty()) return {std::nullopt, fmt::format("'{}': every option struck", printed)};
  const std::string& last = words.back().text;
  if (last == "ii" || last == "2") return {true, {}};
  if (last == "i" || last == "1") return {false, {}};
  return {std::nullopt, fmt::format("'{}' marked as '{}', not read", printed, standing)};
}

void Store(const std::string& key, bool media, const FieldRead<bool>& yes_no, const std::string& text,
           const std::optional<Date>& date, decisions::PublicationAnswers& p, decisions::MediaAnswers& m) {
  if (media) {
    if (key == "press_release_required") m.press_release_required = yes_no.value;
    if (key == "strategy_formulated") m.strategy_formulated = yes_no.value;
    if (key == "strategy_attached") m.strategy_attached = yes_no.value;
    if (key == "press_release_date") m.press_release_date = date;
    return;
  }
  if (key == "deferred") p.deferred = yes_no.value;
  if (key == "deferral_reason") p.deferral_reason = text;
  if (key == "deferred_until") p.deferred_until = date;
  if (key == "part2_exists") p.part2_exists = yes_no.value;
  if (key == "part2_reason") p.part2_reason = text;
  if (key == "for_publication") p.for_publication = yes_no.value;
  if (key == "non_publication_reason") p.non_publication_reason = text;
  if (key == "redaction_required") p.redaction_required = yes_no.value;
}

}  // namespace

QuestionAnswers ReadQuestions(const Document& doc, const Layout& layout, const decisions::Form& form) {
  QuestionAnswers out;
  bool asks_part2_reason = std::any_of(layout.questions.begin(), layout.questions.end(), [](const QuestionHit& q) {
    return !q.media && q.question->key == "part2_reason";
  });
  std::vector<std::string> answered;
  for (size_t q = 0; q < layout.questions.size(); ++q) {
    const QuestionHit& hit = layout.questions[q];
    std::string field = (hit.media ? "media." : "publication.") + hit.question->key;
    if (std::find(answered.begin(), answered.end(), field) != answered.end()) continue;
    answered.push_back(field);
    Answer a = FindAnswer(doc, layout, q);
    QuestionNote note{field, a.line, 0, {}};
    FieldRead<bool> yes_no;
    std::string text;
    std::optional<Date> date;
    double confidence = a.next_line ? kNextLine : kSameLine;
    switch (hit.question->type) {
      case FieldType::kYesNo: {
        if (a.next_line && SplitWords(a.text).size() > kMaxAnswerWords) a.text.clear();
        YesNoAnswer answer = a.text.empty() && !a.had_struck ? ChoiceInQuestion(doc.lines[hit.line], hit)
                                                             : ReadYesNo(a.text, a.had_struck);
        yes_no.value = answer.value;
        note.note = answer.note;
        if (answer.value) note.confidence = confidence;
        break;
      }
      case FieldType::kText:
        text = a.text;
        if (!text.empty()) note.confidence = confidence;
        if (text.empty()) note.note = "no answer given";
        break;
      case FieldType::kDate:
        if (a.text.empty()) {
          note.note = "no date given";
        } else if (auto d = ReadDate(a.text)) {
          date = *d;
          note.confidence = confidence;
        } else {
          note.note = d.error().message;
        }
        break;
    }
    Store(hit.question->key, hit.media, yes_no, text, date, out.publication, out.media);
    out.notes.push_back(note);
    if (!hit.media && hit.question->key == "part2_exists" && yes_no.value == true && !asks_part2_reason &&
        !a.next_line) {
      out.publication.part2_reason = Part2Reason(doc, layout, hit.line);
    }
  }
  for (bool media : {false, true}) {
    for (const auto& q : media ? form.media : form.publication) {
      std::string field = (media ? "media." : "publication.") + q.key;
      if (std::find(answered.begin(), answered.end(), field) != answered.end()) continue;
      out.notes.push_back({field, 0, 0, fmt::format("question '{}' not found", q.text)});
    }
  }
  return out;
}

}  // namespace assent::import
