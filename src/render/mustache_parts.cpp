#include "render/mustache_parts.hpp"

#include "render/html_pages.hpp"

namespace assent::render::detail {

mu::data Str(std::string_view s) { return mu::data(std::string(s)); }

mu::data Crumb(std::string_view text, std::string_view href) {
  mu::data c;
  c.set("text", Str(text));
  c.set("href", Str(href));
  return c;
}

std::string StateTagClass(publication::PublicState s) {
  switch (s) {
    case publication::PublicState::kPublished: return "govuk-tag--green";
    case publication::PublicState::kDeferred: return "govuk-tag--yellow";
    case publication::PublicState::kWithheld: return "govuk-tag--orange";
    case publication::PublicState::kWithdrawn: return "govuk-tag--grey";
  }
  return "";
}

mu::data Blocks(std::string_view text) {
  mu::data blocks(mu::data::type::list);
  for (const auto& b : SplitBlocks(text)) {
    mu::data block;
    if (b.list) {
      mu::data items(mu::data::type::list);
      for (const auto& line : b.lines) items.push_back(Str(line));
      block.set("items", items);
      block.set("is_list", mu::data(true));
    } else {
      block.set("paragraph", Str(b.lines.empty() ? "" : b.lines[0]));
    }
    blocks.push_back(block);
  }
  return blocks;
}

mu::data Partial(const Templates& templates, std::string_view name) {
  std::string text = templates.find(name)->second;
  return mu::data(mu::partial([text] { return text; }));
}

std::string RenderWith(const Templates& templates, std::string_view name, const mu::data& data) {
  auto it = templates.find(name);
  mu::mustache tmpl(it->second);
  return tmpl.render(data);
}

std::string InLayout(const Templates& templates, std::string_view title, mu::data crumbs,
                     std::string_view body, std::string_view alternate_json) {
  mu::data page;
  page.set("title", Str(title));
  page.set("has_breadcrumbs", mu::data(crumbs.is_non_empty_list()));
  page.set("breadcrumbs", crumbs);
  page.set("content", Str(body));
  if (!alternate_json.empty()) page.set("alternate_json", Str(alternate_json));
  return RenderWith(templates, "layout", page);
}

std::string InLayout(const Templates& templates, std::string_view title, mu::data crumbs,
                     std::string_view body, std::string_view alternate_json, AtomAlternate atom) {
  mu::data page;
  page.set("title", Str(title));
  page.set("has_breadcrumbs", mu::data(crumbs.is_non_empty_list()));
  page.set("breadcrumbs", crumbs);
  page.set("content", Str(body));
  if (!alternate_json.empty()) page.set("alternate_json", Str(alternate_json));
  if (!atom.href.empty()) {
    page.set("alternate_atom", Str(atom.href));
    page.set("alternate_atom_title", Str(atom.title));
  }
  return RenderWith(templates, "layout", page);
}

std::string InStaffLayout(const Templates& templates, std::string_view title, mu::data crumbs,
                          std::string_view body, const mu::data& staff) {
  mu::data page;
  page.set("title", Str(title));
  page.set("has_breadcrumbs", mu::data(crumbs.is_non_empty_list()));
  page.set("breadcrumbs", crumbs);
  page.set("content", Str(body));
  page.set("staff", staff);
  return RenderWith(templates, "layout", page);
}

}  // namespace assent::render::detail
