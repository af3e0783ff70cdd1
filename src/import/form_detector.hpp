#pragma once
// Which form a record was written on, from the form's `detect` phrases.

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "decisions/form.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

struct DetectedForm {
  const decisions::Form* form = nullptr;  // points into the forms passed in
  int line = 0;                           // where its phrase was found
  double confidence = 0;
};

// True when the document names the form's body (its name or a body_detect phrase).
bool NamesBody(const Document& doc, const decisions::Form& form);

// A phrase printed as a title line (the line is little more than the phrase) beats
// one quoted in running text; then the earliest wins. Error (kInvalidInput, where =
// source_name): "no known form recognised (looked for: 'A', 'B', ...)".
Result<DetectedForm> DetectForm(const Document& doc, const std::vector<decisions::Form>& forms,
                                std::string_view source_name);

}  // namespace assent::import
