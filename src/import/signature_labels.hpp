#pragma once
// The labels printed in signature boxes: "Signature:", "Signed:", "Sign:", "Print:",
// "Name:", "Date:", "Date signed:". General English, not any one body's form.

#include <vector>

#include "import/label_reader.hpp"
#include "import/text_normaliser.hpp"
#include "import/word_match.hpp"

namespace assent::import {

enum class SignatureLabel {
  kSignature,    // what the signatory wrote: a name when typed, often a scrawl when OCR'd
  kPrintedName,  // "Print", "Name": the name in capitals
  kDate,
};

const std::vector<Phrase>& SignatureLabelPhrases();
SignatureLabel SignatureLabelKind(size_t label_index);
// Signature boxes often omit colons: "Signature R. Hunter", "Date 15.11.11".
LabelRules SignatureLabelRules();

// True when the line starts with a signature label and reads as a box line: a colon,
// or a short value ("Signature A"), not a sentence ("Signed agreements will ...").
bool IsSignatureLine(const Line& line);

}  // namespace assent::import
