#pragma once
// The record's header: reference number, title and the form's labelled fields
// (classification, report by, date of report, enquiries to, meeting date...).

#include <string>
#include <utility>
#include <vector>

#include "decisions/form.hpp"
#include "import/field_read.hpp"
#include "import/layout.hpp"
#include "import/text_normaliser.hpp"

namespace assent::import {

struct HeaderReading {
  FieldRead<std::string> reference;
  FieldRead<std::string> title;
  // One per form field, in form order; date fields hold ISO dates.
  std::vector<std::pair<const decisions::FormField*, FieldRead<std::string>>> fields;
};

// Fields are looked for in the header (before the first section) and then, for labels
// of two words or more, anywhere outside sections and sign-off blocks.
HeaderReading ReadHeader(const Document& doc, const Layout& layout, const decisions::Form& form);

}  // namespace assent::import
