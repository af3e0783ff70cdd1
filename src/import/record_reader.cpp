#include "import/record_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "import/date_reader.hpp"
#include "import/form_detector.hpp"
#include "import/header_reader.hpp"
#include "import/layout.hpp"
#include "import/list_reader.hpp"
#include "import/question_reader.hpp"
#include "import/reference_reader.hpp"
#include "import/section_reader.hpp"
#include "import/signoff_reader.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {
namespace {

using decisions::Decision;
using decisions::FieldType;
using decisions::Form;
using decisions::Outcome;

constexpr double kFallbackDate = 0.7;

template <typename T>
FieldNote Note(std::string field, const FieldRead<T>& read) {
  return FieldNote{std::move(field), read.line, read.value ? read.confidence : 0.0, read.note};
}

DateAnchors Anchors(const HeaderReading& header) {
  DateAnchors anchors;
  for (const auto& [field, read] : header.fields) {
    if (field->type != FieldType::kDate || !read.value) continue;
    auto date = Date::ParseIso(*read.value);
    if (!date) continue;
    std::string what = field->key == "meeting_date" ? "the meeting date" : "the " + field->label + " date";
    if (field->key == "report_date") what = "the report date";
    anchors.anchors.push_back({fmt::format("{} {}", what, date->ToIso()), *date, *date});
  }
  if (header.reference.value) {
    if (auto year = ReferenceYear(*header.reference.value)) {
      auto first = Date::FromYmd(*year, 1, 1);
      auto last = Date::FromYmd(*year, 12, 31);
      if (first && last) anchors.anchors.push_back({fmt::format("the reference year {}", *year), *first, *last});
    }
  }
  return anchors;
}

std::string JoinNotes(const SignOffReading& r) {
  std::vector<std::string> parts;
  if (!r.note.empty()) parts.push_back(r.note);
  if (!r.role.value && !r.role.note.empty()) parts.push_back(r.role.note);
  if (!r.name.value && !r.name.note.empty()) parts.push_back(r.name.note);
  if (!r.date.value && !r.date.note.empty()) parts.push_back(r.date.note);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

void AddSignOffs(const std::vector<SignOffReading>& readings, ImportedRecord& rec) {
  for (const auto& r : readings) {
    std::string base = fmt::format("signoffs[{}]", r.block->key);
    rec.notes.push_back(Note(base + ".role", r.role));
    rec.notes.push_back(Note(base + ".name", r.name));
    rec.notes.push_back(Note(base + ".date", r.date));
    if (!r.found || !r.written) continue;
    if (!r.role.value && !r.name.value) {
      rec.notes.push_back({base, r.line, 0,
                           "neither the capacity nor the name can be read: sign-off left out for review"});
      continue;
    }
    decisions::SignOff s;
    s.step = r.block->key;
    s.role = r.role.value;
    s.name = r.name.value;
    s.date = r.date.value;
    s.declaration = r.declaration;
    s.note = JoinNotes(r);
    rec.decision.signoffs.push_back(std::move(s));
  }
}

void Decide(const std::vector<SignOffReading>& readings, const HeaderReading& header, ImportedRecord& rec) {
  Decision& d = rec.decision;
  std::vector<const SignOffReading*> makers;
  for (const auto& r : readings) {
    if (r.decision_maker) makers.push_back(&r);
  }

  // Outcome: every decision maker must approve; one refusal is a refusal.
  FieldRead<Outcome> outcome;
  bool all_approved = !makers.empty();
  for (const auto* m : makers) {
    if (m->outcome.value == Outcome::kNotApproved) {
      outcome = m->outcome;
      all_approved = false;
      break;
    }
    if (m->outcome.value != Outcome::kApproved) all_approved = false;
  }
  if (all_approved) outcome = makers.front()->outcome;
  if (!outcome.value) {
    outcome.value.reset();
    for (const auto* m : makers) {
      if (m->outcome.value != Outcome::kApproved) {
        outcome.line = m->outcome.line;
        outcome.note = m->outcome.note;
        break;
      }
    }
  }
  d.outcome = outcome.value.value_or(Outcome::kUnknown);
  rec.notes.push_back(Note("outcome", outcome));

  // Decision maker role: each maker's capacity; joint decisions join them with "and".
  FieldRead<std::string> role;
  std::string joined;
  bool complete = !makers.empty();
  for (const auto* m : makers) {
    if (!m->found || !m->role.value) {
      complete = false;
      role.note = m->role.note.empty() ? "decision maker's capacity unknown" : m->role.note;
      role.line = m->role.line;
      break;
    }
    joined += (joined.empty() ? "" : " and ") + *m->role.value;
    role.line = m->role.line;
    role.confidence = role.confidence == 0 ? m->role.confidence : std::min(role.confidence, m->role.confidence);
  }
  if (complete) {
    role.value = joined;
    d.decision_maker_role = joined;
  }
  rec.notes.push_back(Note("decision_maker_role", role));

  // Decision date: the decision makers' signature dates (the last, for a joint
  // decision); else the meeting date the form records.
  FieldRead<Date> date;
  for (const auto* m : makers) {
    if (m->date.value && (!date.value || *date.value < *m->date.value)) date = m->date;
  }
  if (!date.value) {
    std::string why;
    for (const auto* m : makers) why += (why.empty() ? "" : "; ") + m->date.note;
    for (const auto& [field, read] : header.fields) {
      if ((field->key != "meeting_date" && field->key != "decision_date") || !read.value) continue;
      date.value = Date::ParseIso(*read.value).value();
      date.line = read.line;
      date.confidence = kFallbackDate;
      date.note = fmt::format("from the {} field: {}", field->label, why);
      break;
    }
    if (!date.value) date.note = why.empty() ? "no decision maker's date" : why;
  }
  d.decision_date = date.value;
  rec.notes.push_back(Note("decision_date", date));
}

}  // namespace

Result<ImportedRecord> ReadDecisionText(std::string_view text, std::string_view source_name,
                                        const std::vector<decisions::Form>& forms) {
  Document doc = NormaliseText(text);
  if (doc.empty()) return Fail(ErrorCode::kInvalidInput, "the text is empty", std::string(source_name));
  auto detected = DetectForm(doc, forms, source_name);
  if (!detected) return detected.error();
  const Form& form = *detected->form;
  std::string where = fmt::format("{} line {}", source_name, detected->line);

  Layout layout = MapLayout(doc, form);
  HeaderReading header = ReadHeader(doc, layout, form);
  if (!header.reference.value) return Fail(ErrorCode::kInvalidInput, "no reference number found", where);
  if (!header.title.value) return Fail(ErrorCode::kInvalidInput, "no title found", where);

  ImportedRecord rec;
  rec.form = &form;
  Decision& d = rec.decision;
  d.status = decisions::Status::kPublished;
  d.body = form.body;
  d.form = form.id;
  d.source = std::string(source_name);
  d.reference = *header.reference.value;
  d.title = *header.title.value;
  rec.notes.push_back({"form", detected->line, detected->confidence, form.title});
  rec.notes.push_back(Note("reference", header.reference));
  rec.notes.push_back(Note("title", header.title));
  for (const auto& [field, read] : header.fields) {
    if (read.value) d.fields.push_back({field->key, *read.value});
    rec.notes.push_back(Note("fields." + field->key, read));
  }

  auto sections = ReadSections(doc, layout);
  for (const auto& s : sections) {
    d.sections.push_back(s.section);
    rec.notes.push_back({"sections." + s.section.key, s.line, s.confidence, {}});
  }

  auto signoffs = ReadSignOffs(doc, layout, Anchors(header));
  AddSignOffs(signoffs, rec);
  Decide(signoffs, header, rec);

  QuestionAnswers answers = ReadQuestions(doc, layout, form);
  d.publication = answers.publication;
  d.media = answers.media;
  for (const auto& n : answers.notes) rec.notes.push_back({n.field, n.line, n.confidence, n.note});

  ListReading lists = ReadLists(doc, layout, sections);
  d.boards = lists.boards;
  d.background_papers = lists.papers;
  d.persons_consulted = lists.persons_consulted;
  return rec;
}

}  // namespace assent::import
