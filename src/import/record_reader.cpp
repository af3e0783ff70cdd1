#include "import/record_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "import/date_reader.hpp"
#include "import/form_detector.hpp"
#include "import/header_reader.hpp"
#include "import/layout.hpp"
#include "import/list_reader.hpp"
#include "import/protective_marking.hpp"
#include "import/question_reader.hpp"
#include "import/reference_reader.hpp"
#include "import/register_reader.hpp"
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

// The printed classification normalised; as sure as the reading of the printed value.
FieldRead<std::string> ReadMarking(const FieldRead<std::string>& printed) {
  FieldRead<std::string> out;
  out.line = printed.line;
  if (!printed.value) {
    out.note = printed.note;
    return out;
  }
  Marking m = NormaliseMarking(*printed.value);
  out.value = m.normalised;
  out.note = m.note;
  out.confidence = m.normalised ? printed.confidence : 0;
  return out;
}

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

using Makers = std::vector<const SignOffReading*>;

// One refusal is a refusal; an approval needs every decision maker's.
FieldRead<Outcome> JointOutcome(const Makers& makers) {
  if (makers.empty()) return {std::nullopt, 0, 0, "the form has no decision maker"};
  for (const auto* m : makers) {
    if (m->outcome.value == Outcome::kNotApproved) return m->outcome;
  }
  for (const auto* m : makers) {
    if (m->outcome.value != Outcome::kApproved) return m->outcome;
  }
  return makers.front()->outcome;
}

// Each decision maker's capacity; a joint decision's are joined with "and".
FieldRead<std::string> DecisionMakerRole(const Makers& makers) {
  FieldRead<std::string> role;
  if (makers.empty()) role.note = "the form has no decision maker";
  if (makers.empty()) return role;
  std::string joined;
  double confidence = 1;
  for (const auto* m : makers) {
    if (!m->role.value) {
      role.note = m->role.note;
      role.line = m->role.line;
      return role;
    }
    joined += (joined.empty() ? "" : " and ") + *m->role.value;
    role.line = m->role.line;
    confidence = std::min(confidence, m->role.confidence);
  }
  role.value = joined;
  role.confidence = confidence;
  return role;
}

// The decision makers' signature dates (the last, for a joint decision); else the
// meeting date the form records. Never a date from the body text.
FieldRead<Date> DecisionDate(const Makers& makers, const HeaderReading& header) {
  FieldRead<Date> date;
  for (const auto* m : makers) {
    if (m->date.value && (!date.value || *date.value < *m->date.value)) date = m->date;
  }
  if (date.value) return date;
  std::string why;
  for (const auto* m : makers) why += (why.empty() ? "" : "; ") + m->date.note;
  for (const auto& [field, read] : header.fields) {
    if ((field->key != "meeting_date" && field->key != "decision_date") || !read.value) continue;
    date.value = Date::ParseIso(*read.value).value();
    date.line = read.line;
    date.confidence = kFallbackDate;
    date.note = fmt::format("from the {} field: {}", field->label, why);
    return date;
  }
  date.note = why;
  return date;
}

void Decide(const std::vector<SignOffReading>& readings, const HeaderReading& header, ImportedRecord& rec) {
  Makers makers;
  for (const auto& r : readings) {
    if (r.decision_maker) makers.push_back(&r);
  }
  FieldRead<Outcome> outcome = JointOutcome(makers);
  FieldRead<std::string> role = DecisionMakerRole(makers);
  FieldRead<Date> date = DecisionDate(makers, header);
  rec.decision.outcome = outcome.value.value_or(Outcome::kUnknown);
  rec.decision.decision_maker_role = role.value;
  rec.decision.decision_date = date.value;
  rec.notes.push_back(Note("outcome", outcome));
  rec.notes.push_back(Note("decision_maker_role", role));
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
  ImportedRecord rec;
  if (!header.reference.value) rec.review_reasons.push_back(fmt::format("{}: no reference number found", where));
  if (!header.title.value) rec.review_reasons.push_back(fmt::format("{}: no title found", where));
  rec.form = &form;
  Decision& d = rec.decision;
  d.status = decisions::Status::kPublished;
  d.body = form.body;
  d.form = form.id;
  d.source = std::string(source_name);
  d.reference = header.reference.value.value_or("");
  d.title = header.title.value.value_or("");
  rec.notes.push_back({"form", detected->line, detected->confidence, form.title});
  rec.notes.push_back(Note("reference", header.reference));
  rec.notes.push_back(Note("title", header.title));
  for (const auto& [field, read] : header.fields) {
    if (read.value) d.fields.push_back({field->key, *read.value});
    rec.notes.push_back(Note("fields." + field->key, read));
    if (field->key == "classification") rec.marking = ReadMarking(read);
  }
  bool has_classification = std::any_of(form.fields.begin(), form.fields.end(),
                                        [](const decisions::FormField& f) { return f.key == "classification"; });
  if (!has_classification) rec.marking.note = "the form prints no classification";
  rec.notes.push_back(Note("classification_normalised", rec.marking));
  rec.money = FindMoneyAmounts(doc);

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

Result<std::vector<ImportedRecord>> ReadDocumentRecords(std::string_view text, std::string_view source_name,
                                                        const std::vector<decisions::Form>& forms) {
  auto rows = ReadRegisterText(text, source_name, forms);
  if (rows || rows.error().code != ErrorCode::kNotFound) return rows;
  auto one = ReadDecisionText(text, source_name, forms);
  if (!one) return one.error();
  std::vector<ImportedRecord> out;
  out.push_back(std::move(*one));
  return out;
}

}  // namespace assent::import
