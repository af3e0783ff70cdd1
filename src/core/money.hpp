#pragma once
// Sums of money as the forms print them.

#include <cstdint>
#include <string>

namespace assent {

// "£25,000.00" for 2500000 pence; "-£0.05" for -5.
std::string FormatPounds(std::int64_t pence);

}  // namespace assent
