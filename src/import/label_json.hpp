#pragma once
// The imported record as one JSON object in the shape of the hand-checked labels
// (tests/data/seeds/*.json), for review queues, test comparison and `assent import
// --json`. Unknown values are JSON null.
//
// Label keys: source, row (a register table's row, 1-based; only for a row), form (the form's kind), body (the form's body_name), reference,
// title, decision_maker_role, outcome ("approved" / "not_approved" / null),
// decision_date (ISO or null), part2_exists, publication_deferred,
// press_release_required, classification, report_by, report_date,
// signoffs [{role, name, date}] in the form's order.
// Extra keys: summary (a register row's summary cell; only for a row), enquiries_to, classification_normalised (GPMS / GSC), for_publication,
// deferral_reason, deferred_until, money_amounts [{text, pounds, page, line}],
// needs_review [reason], signoffs[].step / .note, fields {key: value}, sections [{key,
// heading, part, text}], boards, background_papers, persons_consulted, publication,
// media, notes [{field, line, confidence, note}].
// Every field read has an entry in the top-level objects `confidence` {field: 0..1}
// and `provenance` {field: {page, line}} (null when not found), keyed by the label key
// where there is one ("reference", "part2_exists", "report_by") and otherwise by the
// reader's field name ("signoffs[pfcc].date", "media.strategy_attached").

#include <string>
#include <string_view>

#include "import/record_reader.hpp"
#include "import/source_text.hpp"

namespace assent::import {

// `source` maps lines to pages (null: one page). `indent` < 0 gives the compact form.
std::string ToLabelJson(const ImportedRecord& record, const SourceText* source = nullptr, int indent = 2);

// The label key of a reader's field name: "publication.deferred" ->
// "publication_deferred", "fields.report_by" -> "report_by"; others unchanged.
std::string LabelKey(std::string_view field);

}  // namespace assent::import
