#include "import/form_detector.hpp"

#include <fmt/format.h>

#include <optional>

#include "import/word_match.hpp"

namespace assent::import {
namespace {

constexpr size_t kTitleExtraWords = 8;
constexpr double kTitleLine = 0.95;
constexpr double kInText = 0.7;

struct Candidate {
  const decisions::Form* form = nullptr;
  bool title = false;
  size_t line = 0;
};

// The form's best line: the first printing a detect phrase as a title, else the first
// printing one at all.
std::optional<Candidate> Match(const Document& doc, const decisions::Form& form) {
  std::optional<Candidate> best;
  for (const auto& phrase : form.detect) {
    auto words = SplitWords(phrase);
    std::optional<size_t> first, first_title;
    for (size_t i = 0; i < doc.lines.size() && !first_title; ++i) {
      const auto& line_words = doc.lines[i].words;
      if (!FindWords(line_words, words)) continue;
      if (!first) first = i;
      if (line_words.size() <= words.size() + kTitleExtraWords) first_title = i;
    }
    if (!first) continue;
    Candidate c{&form, first_title.has_value(), first_title ? *first_title : *first};
    if (!best || (c.title && !best->title) || (c.title == best->title && c.line < best->line)) best = c;
  }
  return best;
}

bool Better(const Candidate& a, const Candidate& b) {
  return (a.title && !b.title) || (a.title == b.title && a.line < b.line);
}

}  // namespace

bool NamesBody(const Document& doc, const decisions::Form& form) {
  std::vector<std::vector<Word>> phrases;
  phrases.push_back(SplitWords(form.body_name));
  for (const auto& p : form.body_detect) phrases.push_back(SplitWords(p));
  for (const auto& line : doc.lines) {
    for (const auto& p : phrases) {
      if (!p.empty() && FindWords(line.words, p)) return true;
    }
  }
  return false;
}

Result<DetectedForm> DetectForm(const Document& doc, const std::vector<decisions::Form>& forms,
                                std::string_view source_name) {
  std::vector<Candidate> found;
  for (const auto& form : forms) {
    if (auto c = Match(doc, form)) found.push_back(*c);
  }
  if (!found.empty()) {
    Candidate best = found.front();
    for (const auto& c : found) {
      if (Better(c, best)) best = c;
    }
    // Forms matching as well as the best (the same phrase on the same line) are told
    // apart by the body the document names; if it names none or several, it is not guessed.
    std::vector<const decisions::Form*> tied, named;
    for (const auto& c : found) {
      if (Better(best, c) || c.form->body == best.form->body) continue;
      tied.push_back(c.form);
    }
    if (!tied.empty()) {
      tied.push_back(best.form);
      std::string bodies;
      for (const auto* f : tied) {
        if (NamesBody(doc, *f)) named.push_back(f);
        bodies += (bodies.empty() ? "" : ", ") + f->body;
      }
      if (named.size() != 1) {
        return Fail(ErrorCode::kInvalidInput,
                    fmt::format("the form could be {} and the text names {} of these bodies", bodies,
                                named.empty() ? "none" : "more than one"),
                    std::string(source_name));
      }
      best.form = named.front();
    }
    return DetectedForm{best.form, doc.lines[best.line].number, best.title ? kTitleLine : kInText};
  }
  std::string looked_for;
  for (const auto& form : forms) {
    for (const auto& phrase : form.detect) {
      if (!looked_for.empty()) looked_for += ", ";
      looked_for += "'" + phrase + "'";
    }
  }
  return Fail(ErrorCode::kInvalidInput, fmt::format("no known form recognised (looked for: {})", looked_for),
              std::string(source_name));
}

}  // namespace assent::import
