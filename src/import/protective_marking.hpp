#pragma once
// Protective markings as printed, normalised to the scheme they belong to: the old
// Government Protective Marking Scheme (GPMS: NOT PROTECTIVELY MARKED, UNCLASSIFIED,
// PROTECT, RESTRICTED, CONFIDENTIAL, SECRET, TOP SECRET) or the Government Security
// Classifications of April 2014 (GSC: OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP
// SECRET). SECRET and TOP SECRET are in both. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace assent::import {

struct Marking {
  std::optional<std::string> normalised;  // "GPMS NOT PROTECTIVELY MARKED", "GSC OFFICIAL-SENSITIVE", "SECRET"
  std::string note;                       // why there is none
};

// One marking named in the text (other words allowed: "OFFICIAL – for publication").
// None, or two different ones ("Not protectively marked/restricted", an unmarked
// choice), give no value and a note.
Marking NormaliseMarking(std::string_view printed);

}  // namespace assent::import
