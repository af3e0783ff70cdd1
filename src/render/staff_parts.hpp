#pragma once
// Internal to render/: the pieces every staff page shares (the staff header, the GOV.UK
// error summary and inline field errors, the "Error: " title, the status tag). Defined in
// staff_pages.cpp; included only by render/*.cpp, like mustache_parts.hpp.

#include <string>
#include <string_view>
#include <vector>

#include "render/mustache_parts.hpp"
#include "render/staff_pages.hpp"

namespace assent::render {

detail::mu::data ChromeData(const StaffChrome& c);
void SetErrors(detail::mu::data& d, const std::vector<FieldError>& errors);
// The message for one field, for its inline error, or false.
detail::mu::data FieldErrorData(const std::vector<FieldError>& errors, std::string_view field);
std::string PageTitle(std::string_view title, const std::vector<FieldError>& errors);
// A status as a GOV.UK tag: label and colour class.
detail::mu::data StatusData(decisions::Status status);

}  // namespace assent::render
