#include "import/header_reader.hpp"

#include <fmt/format.h>

#include "import/date_reader.hpp"
#include "import/label_reader.hpp"
#include "import/reference_reader.hpp"
#include "import/yes_no.hpp"

namespace assent::import {
namespace {

using decisions::FieldType;
using decisions::Form;
using decisions::FormField;

constexpr double kSameLine = 0.95;
constexpr double kNextLine = 0.85;
constexpr double kOutsideHeader = 0.7;

// Title labels any form may print.
constexpr const char* kTitleLabels[] = {"Title", "Title of report", "Report title", "Title of decision",
                                        "Decision title", "Subject"};
// Printed beside other labels on one line; listed so that a line splits there.
constexpr const char* kReferenceLabels[] = {"Reference", "Reference number", "Report reference number",
                                            "Decision number", "Ref"};

struct LabelOwner {
  const FormField* field = nullptr;  // null: title or reference
  bool title = false;
};

struct Labels {
  std::vector<Phrase> phrases;
  std::vector<LabelOwner> owners;
  void Add(std::string_view text, LabelOwner owner) {
    phrases.push_back(MakePhrase(text));
    owners.push_back(owner);
  }
};

Labels HeaderLabels(const Form& form) {
  Labels labels;
  for (const char* t : kTitleLabels) labels.Add(t, {nullptr, true});
  for (const char* t : kReferenceLabels) labels.Add(t, {nullptr, false});
  for (const auto& f : form.fields) {
    labels.Add(f.label, {&f, false});
    for (const auto& a : f.aliases) labels.Add(a, {&f, false});
  }
  return labels;
}

struct Found {
  std::string value;
  size_t line = 0;
  bool next_line = false;
};

// The value of the first label that `wanted` accepts, in lines [begin, end).
template <typename Pred>
std::optional<Found> FindLabelled(const Document& doc, const Layout& layout, const Labels& labels,
                                  size_t begin, size_t end, Pred wanted) {
  for (size_t i = begin; i < end; ++i) {
    const Line& line = doc.lines[i];
    if (line.blank() || layout.in_block[i]) continue;
    auto hits = FindLabels(line, labels.phrases);
    for (size_t h = 0; h < hits.size(); ++h) {
      const LabelHit& hit = hits[h];
      if (!wanted(labels.owners[hit.label], labels.phrases[hit.label])) continue;
      std::string value = HitValue(line, hit);
      if (!value.empty() || h + 1 < hits.size()) return Found{value, i, false};
      // "Label:" alone: the value is the next non-empty line, unless that is a label,
      // a heading or a question.
      for (size_t j = i + 1; j < doc.lines.size(); ++j) {
        const Line& next = doc.lines[j];
        if (next.blank()) continue;
        if (layout.stops[j] || StartsWithLabel(next, labels.phrases)) return Found{{}, i, false};
        return Found{next.text, j, true};
      }
      return Found{{}, i, false};
    }
  }
  return std::nullopt;
}

FieldRead<std::string> ReadField(const Document& doc, const Layout& layout, const Labels& labels,
                                 const FormField& field) {
  auto is_field = [&](const LabelOwner& o, const Phrase&) { return o.field == &field; };
  auto found = FindLabelled(doc, layout, labels, 0, layout.body_begin, is_field);
  double confidence = kSameLine;
  if (!found) {
    auto long_label = [&](const LabelOwner& o, const Phrase& p) { return o.field == &field && p.words.size() >= 2; };
    found = FindLabelled(doc, layout, labels, layout.body_begin, doc.lines.size(), long_label);
    confidence = kOutsideHeader;
  }
  FieldRead<std::string> read;
  if (!found) {
    read.note = fmt::format("no '{}' label found", field.label);
    return read;
  }
  read.line = doc.lines[found->line].number;
  if (found->next_line) confidence = std::min(confidence, kNextLine);
  if (found->value.empty()) {
    read.note = fmt::format("'{}' printed with no value", field.label);
    return read;
  }
  switch (field.type) {
    case FieldType::kText:
      read.value = found->value;
      break;
    case FieldType::kDate:
      if (auto date = ReadDate(found->value)) {
        read.value = date->ToIso();
      } else {
        read.note = date.error().message;
        return read;
      }
      break;
    case FieldType::kYesNo: {
      auto answer = ReadYesNo(found->value);
      if (!answer.value) {
        read.note = answer.note;
        return read;
      }
      read.value = *answer.value ? "yes" : "no";
      break;
    }
  }
  read.confidence = confidence;
  return read;
}

}  // namespace

HeaderReading ReadHeader(const Document& doc, const Layout& layout, const Form& form) {
  HeaderReading header;
  Labels labels = HeaderLabels(form);

  auto is_title = [](const LabelOwner& o, const Phrase&) { return o.title; };
  size_t title_line = doc.lines.size();
  if (auto found = FindLabelled(doc, layout, labels, 0, layout.body_begin, is_title)) {
    title_line = found->line;
    header.title.line = doc.lines[found->line].number;
    if (found->value.empty()) {
      header.title.note = "title label printed with no title";
    } else {
      header.title.value = found->value;
      header.title.confidence = found->next_line ? kNextLine : kSameLine;
    }
  } else {
    header.title.note = "no title label (Title, Title of report, Subject) in the header";
  }

  for (const auto& f : form.fields) header.fields.emplace_back(&f, ReadField(doc, layout, labels, f));

  // A form that labels its reference ("Decision Notice Number") is read by that label;
  // otherwise the reference keywords any record prints are looked for in the header.
  for (const auto& [field, read] : header.fields) {
    if (field->key != "reference" || !read.value) continue;
    std::string token = ReadReferenceToken(*read.value, 0);
    if (!token.empty()) header.reference = FieldRead<std::string>{token, read.line, read.confidence, {}};
  }
  if (!header.reference.value) header.reference = FindReference(doc, 0, layout.body_begin, title_line);
  if (!header.reference.value) header.reference.note = "no reference number in the header";
  return header;
}

}  // namespace assent::import
