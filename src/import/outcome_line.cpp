#include "import/outcome_line.hpp"

#include <array>
#include <fmt/format.h>

namespace assent::import {
namespace {

using decisions::Outcome;

constexpr std::array<std::string_view, 10> kVerbs = {
    "approve", "approved", "agree",    "agreed",  "support",
    "supported", "endorse", "endorsed", "accept", "accepted"};
constexpr std::array<std::string_view, 8> kRefusals = {
    "disagree", "reject", "rejected", "refuse", "refused", "decline", "declined", "disapprove"};
constexpr size_t kMaxWords = 30;

bool In(std::string_view w, auto const& list) {
  for (auto v : list) {
    if (w == v) return true;
  }
  return false;
}

// A positive or negative option in the line: its words [first, last).
struct Option {
  bool positive = false;
  size_t first = 0;
  size_t last = 0;
};

std::vector<Option> Options(const Line& line) {
  std::vector<Option> options;
  const auto& w = line.words;
  for (size_t i = 0; i < w.size(); ++i) {
    if (In(w[i].text, kRefusals)) {
      options.push_back({false, i, i + 1});
    } else if (In(w[i].text, kVerbs)) {
      size_t first = i;
      bool negated = false;
      if (i >= 1 && w[i - 1].text == "not") {
        negated = true;
        first = i - 1;
        if (i >= 2 && (w[i - 2].text == "do" || w[i - 2].text == "does")) first = i - 2;
      }
      options.push_back({!negated, first, i + 1});
    }
  }
  return options;
}

}  // namespace

OutcomeLine ClassifyOutcomeLine(const Line& line) {
  OutcomeLine out;
  const auto& w = line.words;
  if (w.empty() || w.size() > kMaxWords) return out;
  auto options = Options(line);
  const Option* pos = nullptr;
  const Option* neg = nullptr;
  for (const auto& o : options) {
    if (o.positive && !pos) pos = &o;
    if (!o.positive && !neg) neg = &o;
  }
  if (pos && neg) {
    bool pos_struck = line.Struck(w[pos->first].begin, w[pos->last - 1].end);
    bool neg_struck = line.Struck(w[neg->first].begin, w[neg->last - 1].end);
    std::string pos_text = line.text.substr(w[pos->first].begin, w[pos->last - 1].end - w[pos->first].begin);
    std::string neg_text = line.text.substr(w[neg->first].begin, w[neg->last - 1].end - w[neg->first].begin);
    out.kind = OutcomeLineKind::kChoice;
    if (pos_struck && !neg_struck) {
      out.chosen = Outcome::kNotApproved;
    } else if (neg_struck && !pos_struck) {
      out.chosen = Outcome::kApproved;
    } else {
      out.note = fmt::format("{} / {}: {}", pos_text, neg_text,
                             pos_struck ? "both options struck" : "neither option struck");
    }
    return out;
  }
  // A statement: "I [hereby|therefore] <verb> ..." or "I [hereby] do not <verb> ...".
  size_t i = 0;
  if (i < w.size() && (w[i].text == "i" || w[i].text == "we")) ++i;
  while (i < w.size() && (w[i].text == "hereby" || w[i].text == "therefore")) ++i;
  if (i == 0 || options.empty()) return out;
  const Option& first = options.front();
  if (first.first != i) return out;
  out.kind = first.positive ? OutcomeLineKind::kApproves : OutcomeLineKind::kRejects;
  out.struck = line.Struck(w[first.first].begin, w[first.last - 1].end);
  return out;
}

}  // namespace assent::import
