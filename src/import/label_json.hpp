#pragma once
// The imported record as one JSON object in the shape of the hand-checked labels
// (tests/data/seeds/*.json), for review queues, test comparison and `assent import
// --json`. Unknown values are JSON null.
//
// Label keys: source, form (the form's kind), body (the form's body_name), reference,
// title, decision_maker_role, outcome ("approved" / "not_approved" / null),
// decision_date (ISO or null), part2_exists, publication_deferred,
// press_release_required, classification, report_by, report_date,
// signoffs [{role, name, date}] in the form's order.
// Extra keys: signoffs[].step / .note, fields {key: value}, sections [{key, heading,
// part, text}], boards, background_papers, persons_consulted, publication, media,
// notes [{field, line, confidence, note}].

#include <string>

#include "import/record_reader.hpp"

namespace assent::import {

// `indent` < 0 gives the compact form.
std::string ToLabelJson(const ImportedRecord& record, int indent = 2);

}  // namespace assent::import
