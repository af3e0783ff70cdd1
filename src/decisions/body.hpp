#pragma once
// A policing body that takes decisions: an OPCC, a PFCC, a joint board's parent body.
// One deployment may host several; each has its own numbering, publication rule and form.

#include <string>

namespace assent::decisions {

struct Body {
  std::string slug;               // URL segment: "cumbria"
  std::string name;               // "Police & Crime Commissioner for Cumbria"
  std::string short_name;         // "Cumbria OPCC"
  std::string reference_pattern;  // "NNN/YYYY"; see reference_pattern.hpp
  // Local publication rule: Part 1 on the website within N working days of approval.
  int publication_working_days = 3;
  // Which bank holidays stop the count: "england-and-wales" (default) or "any-uk" (the FOIA rule).
  std::string calendar = "england-and-wales";
  std::string form;     // id of the body's decision form in forms/
  std::string website;  // the body's own site, shown on the register
  friend bool operator==(const Body&, const Body&) = default;
};

}  // namespace assent::decisions

#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace assent::decisions {

// Parses a bodies file: one [[body]] table per body. Checks the slug (lower-case
// letters, digits and '-'), the reference pattern and the publication rule; errors
// read "bodies.toml: key body[1].reference_pattern: ...".
Result<std::vector<Body>> ParseBodies(std::string_view toml_text, std::string_view where);

// A slug is 1-40 characters of a-z, 0-9 and '-', not starting with '-', and not one
// of the site's own first path segments (IsReservedSlug).
bool IsValidSlug(std::string_view slug);
bool IsReservedSlug(std::string_view slug);  // "staff", "api", "assets", "strategies", "healthz"

}  // namespace assent::decisions
