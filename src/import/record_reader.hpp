#pragma once
// The importer's entry point: decision-record text (as converted from Word or PDF) in,
// a published Decision out, with the line and a confidence for every field read and a
// note for every field that could not be read. Recognition is driven by the form
// definitions (forms/*.toml): detect phrases, field labels, section headings, sign-off
// blocks and their "delete as appropriate" capacities, publication and media
// questions. Nothing is guessed: what cannot be read is left unknown, with a note.
// Pure: no I/O (see text_file.hpp for reading files).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "decisions/decision.hpp"
#include "decisions/form.hpp"
#include "import/field_read.hpp"
#include "import/money_reader.hpp"

namespace assent::import {

// Provenance and confidence for one extracted field.
struct FieldNote {
  std::string field;  // "reference", "decision_date", "signoffs[opcc_officer].role",
                      // "publication.deferred", "fields.report_by", "sections.legal"
  int line = 0;       // 1-based line in the source text where the value was read (0 = not found)
  double confidence = 0;  // 0..1; 0 when unknown
  std::string note;       // why unknown, or how it was read when that matters
};

struct ImportedRecord {
  // status = kPublished, body = form's body, form = form's id, source = source_name.
  // source_hash is left empty: the caller hashes the bytes it read.
  decisions::Decision decision;
  const decisions::Form* form = nullptr;  // the detected form; points into `forms`
  std::vector<FieldNote> notes;
  // Read but not (yet) held by the stored Decision: the classification normalised to
  // GPMS or GSC, and the sums of money the text names.
  FieldRead<std::string> marking;
  std::vector<MoneyAmount> money;
  // Why the record cannot be stored as it is (no reference or no title): it needs a
  // person to review it. Empty when it can be stored.
  std::vector<std::string> review_reasons;
  // A row of a published register table (import/register_reader.hpp): its 1-based row
  // number in the table; 0 for a record that is a whole document.
  int row = 0;
};

// Detects the form from its `detect` phrases and reads the record. A reference or title
// that cannot be read is left empty with a note and a review reason, never guessed.
// Errors (kInvalidInput), shown by Error::ToString():
//   "x.txt: the text is empty"
//   "x.txt: no known form recognised (looked for: 'A', 'B')"
Result<ImportedRecord> ReadDecisionText(std::string_view text, std::string_view source_name,
                                        const std::vector<decisions::Form>& forms);

// Every record a document holds: one per row when it is a published register table
// (import/register_reader.hpp), else the one decision record ReadDecisionText reads.
Result<std::vector<ImportedRecord>> ReadDocumentRecords(std::string_view text, std::string_view source_name,
                                                        const std::vector<decisions::Form>& forms);

}  // namespace assent::import
