#include "import/signoff_reader.hpp"

#include <fmt/format.h>

#include "import/outcome_line.hpp"
#include "import/signature_box.hpp"
#include "import/word_match.hpp"

namespace assent::import {
namespace {

using decisions::Outcome;
using decisions::SignOffBlock;

constexpr double kLabelled = 0.95;
constexpr double kNextLine = 0.85;
constexpr double kSignatureName = 0.85;
constexpr double kStruckChoice = 0.9;
constexpr double kSignedStatement = 0.9;
constexpr double kOneMark = 0.7;
constexpr double kCapacityAfterName = 0.7;
constexpr double kDateWithRemark = 0.7;

// Merges what `more` read into `box` where `box` has nothing.
void Merge(SignatureBox& box, const SignatureBox& more) {
  if (box.signature.text.empty() && more.signature.line != 0) box.signature = more.signature;
  if (box.printed.text.empty() && more.printed.line != 0) box.printed = more.printed;
  if (box.date.text.empty() && more.date.line != 0) box.date = more.date;
  if (!box.capacity.printed) box.capacity = more.capacity;
}

void ReadName(const SignatureBox& box, SignOffReading& r) {
  const LabelledText* source = !box.printed.text.empty() ? &box.printed : &box.signature;
  if (source->text.empty()) {
    r.name.note = "no name printed or signed";
    if (!box.unlabelled.empty()) {
      r.name.note += fmt::format("; unlabelled text '{}' (line {}) not read as a name",
                                 box.unlabelled.front().second, box.unlabelled.front().first);
    }
    return;
  }
  r.name.line = source->line;
  PersonName person = ReadPersonName(source->text);
  if (!person.name) {
    r.name.note = fmt::format("{} '{}' unreadable", source == &box.printed ? "printed name" : "signature",
                              source->text);
    return;
  }
  r.name.value = person.name;
  r.name.confidence = source->next_line ? kNextLine : source == &box.printed ? kLabelled : kSignatureName;
  if (!person.capacity.empty()) {
    r.printed_capacity = person.capacity;
    r.note = fmt::format("printed '{}' after the name", person.capacity);
  }
}

void ReadDateField(const SignatureBox& box, const DateAnchors& anchors, SignOffReading& r) {
  if (box.date.text.empty()) {
    r.date.note = box.date.line == 0 ? "no date found" : "no date written";
    return;
  }
  r.date.line = box.date.line;
  auto date = ReadDate(box.date.text);
  double confidence = box.date.next_line ? kNextLine : kLabelled;
  if (!date) {
    // "22nd February 2017 (by e-mail)": a clean date followed by a remark.
    auto leading = FindLeadingDate(box.date.text);
    if (!leading) {
      r.date.note = fmt::format("signature date '{}' unreadable", box.date.text);
      return;
    }
    date = leading->date;
    confidence = kDateWithRemark;
    r.date.note = fmt::format("date read from the start of '{}'", box.date.text);
  }
  std::string implausible = ImplausibleDate(*date, anchors);
  if (!implausible.empty()) {
    r.date.note = fmt::format("signature date '{}' reads as {}, {}; not used", box.date.text,
                              date->ToIso(), implausible);
    return;
  }
  r.date.value = *date;
  r.date.confidence = confidence;
}

void ReadRole(const SignatureBox& box, const SignOffBlock& block, SignOffReading& r) {
  if (block.capacities.empty()) {
    r.role.value = block.label;
    r.role.line = r.line;
    r.role.confidence = kLabelled;
    return;
  }
  if (box.capacity.chosen) {
    r.role.value = box.capacity.chosen;
    r.role.line = box.capacity.line;
    r.role.confidence = kStruckChoice;
    return;
  }
  // "Jane Smith - Deputy PFCC": a capacity printed after the name.
  if (!r.printed_capacity.empty()) {
    auto printed = SplitWords(r.printed_capacity);
    for (const auto& c : block.capacities) {
      if (SameWords(printed, SplitWords(c))) {
        r.role.value = c;
        r.role.line = r.name.line;
        r.role.confidence = kCapacityAfterName;
        return;
      }
    }
  }
  r.role.line = box.capacity.line;
  r.role.note = box.capacity.printed ? box.capacity.note : "no capacity marked";
}

// Decision makers printed with separate approve and do-not-approve statements: the
// one signed is the decision.
SignatureBox ReadStatements(const Document& doc, const BlockRegion& region,
                            const std::vector<size_t>& statements, SignOffReading& r) {
  const auto& capacities = region.block->capacities;
  SignatureBox before = ReadSignatureBox(doc, region.anchor + 1, statements.front(), capacities);
  struct Signed {
    SignatureBox box;
    int line;
  };
  std::vector<Signed> approvals, refusals;
  for (size_t k = 0; k < statements.size(); ++k) {
    size_t from = statements[k] + 1;
    size_t to = k + 1 < statements.size() ? statements[k + 1] : region.end;
    OutcomeLine kind = ClassifyOutcomeLine(doc.lines[statements[k]]);
    SignatureBox box = ReadSignatureBox(doc, from, to, capacities);
    if (kind.struck || !box.Written()) continue;
    auto& list = kind.kind == OutcomeLineKind::kApproves ? approvals : refusals;
    list.push_back({box, doc.lines[statements[k]].number});
  }
  SignatureBox chosen;
  if (approvals.size() + refusals.size() == 1) {
    bool approved = !approvals.empty();
    const Signed& s = approved ? approvals.front() : refusals.front();
    chosen = s.box;
    r.outcome.value = approved ? Outcome::kApproved : Outcome::kNotApproved;
    r.outcome.line = s.line;
    bool both = (!s.box.signature.text.empty() || !s.box.printed.text.empty()) && !s.box.date.text.empty();
    r.outcome.confidence = both ? kSignedStatement : kOneMark;
    r.outcome.note = approved ? "the approval statement is signed; the refusal is blank"
                              : "the refusal statement is signed; the approval is blank";
  } else if (approvals.empty() && refusals.empty()) {
    r.outcome.note = "neither the approval nor the refusal statement is signed";
  } else {
    r.outcome.note = "both the approval and the refusal statements carry a signature";
  }
  if (!chosen.capacity.printed) chosen.capacity = before.capacity;
  return chosen;
}

SignatureBox ReadDecisionMaker(const Document& doc, const BlockRegion& region, SignOffReading& r) {
  std::vector<size_t> statements;
  std::optional<size_t> choice;
  for (size_t i = region.anchor + 1; i < region.end; ++i) {
    OutcomeLine kind = ClassifyOutcomeLine(doc.lines[i]);
    if (kind.kind == OutcomeLineKind::kApproves || kind.kind == OutcomeLineKind::kRejects) {
      statements.push_back(i);
    } else if (kind.kind == OutcomeLineKind::kChoice && !choice) {
      choice = i;
    }
  }
  if (!statements.empty() && !choice) return ReadStatements(doc, region, statements, r);
  SignatureBox box = ReadSignatureBox(doc, region.anchor + 1, region.end, region.block->capacities);
  if (!choice) {
    r.outcome.note = "no approve / do not approve statement printed";
    return box;
  }
  OutcomeLine line = ClassifyOutcomeLine(doc.lines[*choice]);
  r.outcome.line = doc.lines[*choice].number;
  if (line.chosen == Outcome::kUnknown) {
    r.outcome.note = line.note;
  } else {
    r.outcome.value = line.chosen;
    r.outcome.confidence = box.Written() ? kStruckChoice : kOneMark;
    if (!box.Written()) r.outcome.note = "marked by strike-through but neither signed nor dated";
  }
  return box;
}

SignOffReading ReadBlock(const Document& doc, const BlockRegion& region, const DateAnchors& anchors) {
  SignOffReading r;
  r.block = region.block;
  r.decision_maker = region.decision_maker;
  r.found = region.found;
  r.declaration = region.block->declaration;
  if (!region.found) {
    std::string printed = region.block->heading.empty() ? region.block->label : region.block->heading;
    r.role.note = r.name.note = r.date.note = fmt::format("block '{}' not found", printed);
    if (r.decision_maker) r.outcome.note = r.role.note;
    return r;
  }
  r.line = doc.lines[region.anchor].number;
  auto declaration = SplitWords(region.block->declaration);
  if (declaration.size() > 8) declaration.resize(8);
  for (size_t i = region.begin; i < region.end && !declaration.empty(); ++i) {
    if (WordsAt(doc.lines[i].words, 0, declaration)) r.declaration = doc.lines[i].text;
  }

  SignatureBox box;
  if (region.column) {
    const auto& caps = region.block->capacities;
    if (region.column_name_line) {
      Merge(box, ReadSignatureBox(doc, *region.column_name_line, *region.column_name_line + 1, caps));
    }
    if (region.column_date_line) {
      Merge(box, ReadSignatureBox(doc, *region.column_date_line, *region.column_date_line + 1, caps));
    }
    if (r.decision_maker) r.outcome.note = "no approve / do not approve statement printed";
  } else if (r.decision_maker) {
    box = ReadDecisionMaker(doc, region, r);
  } else {
    box = ReadSignatureBox(doc, region.anchor + 1, region.end, region.block->capacities);
  }
  r.written = box.Written();
  ReadName(box, r);
  ReadDateField(box, anchors, r);
  ReadRole(box, *region.block, r);
  return r;
}

}  // namespace

std::vector<SignOffReading> ReadSignOffs(const Document& doc, const Layout& layout,
                                         const DateAnchors& anchors) {
  std::vector<SignOffReading> out;
  for (const auto& region : layout.blocks) out.push_back(ReadBlock(doc, region, anchors));
  return out;
}

}  // namespace assent::import
