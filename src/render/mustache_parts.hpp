#pragma once
// Internal to render/: the pieces every HTML page is built from (kainjow Mustache data,
// the layout). Included only by render/*.cpp, so the Mustache header stays out of every
// header other modules include.

#include <map>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "publication/public_decision.hpp"

namespace assent::render::detail {

namespace mu = kainjow::mustache;
using Templates = std::map<std::string, std::string, std::less<>>;

mu::data Str(std::string_view s);
// The GOV.UK tag colour of a public state: "govuk-tag--green" for published, ...
std::string StateTagClass(publication::PublicState s);
mu::data Crumb(std::string_view text, std::string_view href);
// Paragraphs and bullet lists of free text (see SplitBlocks in html_pages.hpp).
mu::data Blocks(std::string_view text);
// A list, for {{#name}}...{{/name}}.
inline mu::data List() { return mu::data(mu::data::type::list); }
// The template as a partial ({{>name}}), rendered in the including template's context.
mu::data Partial(const Templates& templates, std::string_view name);

std::string RenderWith(const Templates& templates, std::string_view name, const mu::data& data);
// The page in the layout: the only unescaped insertion of a rendered body.
std::string InLayout(const Templates& templates, std::string_view title, mu::data crumbs,
                     std::string_view body, std::string_view alternate_json = {});
// The same, also announcing an Atom feed of the page (<link rel="alternate">).
struct AtomAlternate {
  std::string_view href;
  std::string_view title;
};
std::string InLayout(const Templates& templates, std::string_view title, mu::data crumbs,
                     std::string_view body, std::string_view alternate_json, AtomAlternate atom);
// A staff page in the layout: `staff` fills the staff header ({{#staff}} in layout.mustache:
// who is signed in, the sign-out form). Public pages never set it.
std::string InStaffLayout(const Templates& templates, std::string_view title, mu::data crumbs,
                          std::string_view body, const mu::data& staff);

}  // namespace assent::render::detail
