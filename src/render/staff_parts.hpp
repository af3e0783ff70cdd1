#pragma once
// Internal to render/: pieces of the staff pages (defined in staff_pages.cpp) for the
// staff pages drawn in other files.

#include <string>
#include <string_view>
#include <vector>

#include "render/mustache_parts.hpp"
#include "render/staff_pages.hpp"

namespace assent::render::detail {

mu::data StaffChromeData(const StaffChrome& chrome);
void SetStaffErrors(mu::data& data, const std::vector<FieldError>& errors);
mu::data StaffFieldError(const std::vector<FieldError>& errors, std::string_view field);
mu::data StaffStatusData(decisions::Status status);
std::string StaffPageTitle(std::string_view title, const std::vector<FieldError>& errors);

}  // namespace assent::render::detail
