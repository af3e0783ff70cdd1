#pragma once
// The staff forms' values: what the draft editor shows (from the stored decision, or as
// the person typed it) and the edit it asks for. Pure functions, unit-tested.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/decision.hpp"
#include "decisions/form.hpp"
#include "render/staff_pages.hpp"
#include "web/form_data.hpp"
#include "workflow/chain.hpp"

namespace assent::web {

// Pounds as typed ("25,000", "£1,250.50", "3.5") -> pence; empty -> nullopt.
// kInvalidInput for anything else (letters, more than two decimals, a negative sum).
Result<std::optional<std::int64_t>> ParsePounds(std::string_view text);
// Pence -> pounds for the input box: "25000" or "1250.50".
std::string PoundsInput(std::optional<std::int64_t> pence);

// A date as people type it: "27/3/2026", "27-03-2026", "27.3.2026" or "2026-03-27".
Result<Date> ParseUserDate(std::string_view text);
// An ISO date -> "27/3/2026" for an input box; anything else unchanged.
std::string DateInput(std::string_view iso);

// The editor's values from the stored draft.
render::EditForm EditFormFrom(const decisions::Decision& decision, const decisions::Form& form);
// The editor's values as posted (field names as staff_edit.mustache writes them).
render::EditForm EditFormFrom(const FormData& posted, const decisions::Form& form,
                              const decisions::Decision& current);

// The edit the posted values ask for, or the fields in error (ids as in the page).
struct ParsedEdit {
  workflow::DraftEdit edit;
  std::vector<render::FieldError> errors;
};
ParsedEdit ToDraftEdit(const render::EditForm& values, const decisions::Form& form,
                       const decisions::Decision& current);

// "1", "12" -> the number; anything else nullopt (ids and versions from the URL or form).
std::optional<std::int64_t> ParseId(std::string_view text);

}  // namespace assent::web
