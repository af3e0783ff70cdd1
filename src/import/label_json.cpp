#include "import/label_json.hpp"

#include <nlohmann/json.hpp>

namespace assent::import {
namespace {

using decisions::Outcome;
// Keys in the order the labels print them.
using json = nlohmann::ordered_json;

template <typename T>
json OrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(nullptr); }

json FieldOrNull(const decisions::Decision& d, std::string_view key) {
  for (const auto& f : d.fields) {
    if (f.key == key) return f.value;
  }
  return nullptr;
}

json OutcomeJson(Outcome o) {
  if (o == Outcome::kUnknown) return nullptr;
  return std::string(decisions::OutcomeName(o));
}

int PartNumber(decisions::Part p) { return p == decisions::Part::kPart2 ? 2 : 1; }

json Publication(const decisions::PublicationAnswers& p) {
  return json{{"deferred", OrNull(p.deferred)},
              {"deferral_reason", p.deferral_reason},
              {"deferred_until", DateOrNull(p.deferred_until)},
              {"part2_exists", OrNull(p.part2_exists)},
              {"part2_reason", p.part2_reason},
              {"for_publication", OrNull(p.for_publication)},
              {"non_publication_reason", p.non_publication_reason},
              {"redaction_required", OrNull(p.redaction_required)}};
}

json Media(const decisions::MediaAnswers& m) {
  return json{{"press_release_required", OrNull(m.press_release_required)},
              {"strategy_formulated", OrNull(m.strategy_formulated)},
              {"strategy_attached", OrNull(m.strategy_attached)},
              {"press_release_date", DateOrNull(m.press_release_date)}};
}

json Position(const SourceText* source, int line) {
  if (line <= 0) return nullptr;
  SourcePosition p = source ? source->PositionOf(line) : SourcePosition{1, line};
  return json{{"page", p.page}, {"line", p.line}};
}

}  // namespace

std::string LabelKey(std::string_view field) {
  static constexpr std::pair<std::string_view, std::string_view> kKeys[] = {
      {"publication.part2_exists", "part2_exists"},
      {"publication.deferred", "publication_deferred"},
      {"publication.deferral_reason", "deferral_reason"},
      {"publication.deferred_until", "deferred_until"},
      {"publication.for_publication", "for_publication"},
      {"media.press_release_required", "press_release_required"},
  };
  for (const auto& [from, to] : kKeys) {
    if (field == from) return std::string(to);
  }
  if (field.substr(0, 7) == "fields.") return std::string(field.substr(7));
  return std::string(field);
}

std::string ToLabelJson(const ImportedRecord& record, const SourceText* source, int indent) {
  const auto& d = record.decision;
  json j = json::object();
  j["source"] = d.source;
  if (record.row > 0) j["row"] = record.row;
  j["form"] = record.form ? json(record.form->kind) : json(nullptr);
  j["body"] = record.form ? json(record.form->body_name) : json(d.body);
  j["reference"] = d.reference.empty() ? json(nullptr) : json(d.reference);
  j["title"] = d.title.empty() ? json(nullptr) : json(d.title);
  if (record.row > 0) {
    json summary = nullptr;
    for (const auto& sec : d.sections) {
      if (sec.key == "summary") summary = sec.text;
    }
    j["summary"] = summary;
  }
  j["decision_maker_role"] = OrNull(d.decision_maker_role);
  j["outcome"] = OutcomeJson(d.outcome);
  j["decision_date"] = DateOrNull(d.decision_date);
  j["part2_exists"] = OrNull(d.publication.part2_exists);
  j["publication_deferred"] = OrNull(d.publication.deferred);
  j["press_release_required"] = OrNull(d.media.press_release_required);
  j["classification"] = FieldOrNull(d, "classification");
  j["report_by"] = FieldOrNull(d, "report_by");
  j["report_date"] = FieldOrNull(d, "report_date");
  j["enquiries_to"] = FieldOrNull(d, "enquiries_to");
  j["classification_normalised"] = OrNull(record.marking.value);
  j["for_publication"] = OrNull(d.publication.for_publication);
  j["deferral_reason"] = d.publication.deferral_reason.empty() ? json(nullptr) : json(d.publication.deferral_reason);
  j["deferred_until"] = DateOrNull(d.publication.deferred_until);
  json money = json::array();
  for (const auto& m : record.money) {
    SourcePosition p = source ? source->PositionOf(m.line) : SourcePosition{1, m.line};
    money.push_back({{"text", m.text}, {"pounds", m.pounds}, {"page", p.page}, {"line", p.line}});
  }
  j["money_amounts"] = std::move(money);
  j["needs_review"] = record.review_reasons;

  json signoffs = json::array();
  for (const auto& s : d.signoffs) {
    signoffs.push_back({{"step", s.step},
                        {"role", OrNull(s.role)},
                        {"name", OrNull(s.name)},
                        {"date", DateOrNull(s.date)},
                        {"note", s.note}});
  }
  j["signoffs"] = std::move(signoffs);

  json fields = json::object();
  for (const auto& f : d.fields) fields[f.key] = f.value;
  j["fields"] = std::move(fields);

  json sections = json::array();
  for (const auto& s : d.sections) {
    sections.push_back({{"key", s.key}, {"heading", s.heading}, {"part", PartNumber(s.part)}, {"text", s.text}});
  }
  j["sections"] = std::move(sections);

  json boards = json::array();
  for (const auto& b : d.boards) boards.push_back({{"name", b.name}, {"date", DateOrNull(b.date)}});
  j["boards"] = std::move(boards);
  json papers = json::array();
  for (const auto& p : d.background_papers) papers.push_back({{"title", p.title}, {"part", PartNumber(p.part)}});
  j["background_papers"] = std::move(papers);
  j["persons_consulted"] = d.persons_consulted;
  j["publication"] = Publication(d.publication);
  j["media"] = Media(d.media);

  json notes = json::array();
  json confidence = json::object();
  json provenance = json::object();
  for (const auto& n : record.notes) {
    notes.push_back({{"field", n.field}, {"line", n.line}, {"confidence", n.confidence}, {"note", n.note}});
    std::string key = LabelKey(n.field);
    confidence[key] = n.confidence;
    provenance[key] = Position(source, n.line);
    if (n.field == "form") {
      confidence["body"] = n.confidence;
      provenance["body"] = Position(source, n.line);
    }
  }
  j["notes"] = std::move(notes);
  // Every label key has an entry: a field the form does not ask is unknown, confidence 0.
  for (const char* key : {"reference", "title", "decision_maker_role", "outcome", "decision_date", "part2_exists",
                          "publication_deferred", "press_release_required", "classification", "report_by",
                          "report_date", "enquiries_to", "classification_normalised"}) {
    if (!confidence.contains(key)) {
      confidence[key] = 0.0;
      provenance[key] = nullptr;
    }
  }
  j["confidence"] = std::move(confidence);
  j["provenance"] = std::move(provenance);
  // Replace invalid UTF-8 rather than throw: the text came from outside.
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace assent::import
