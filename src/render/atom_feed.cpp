#include "render/atom_feed.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

namespace assent::render {
namespace {

constexpr const char* kEpoch = "1970-01-01T00:00:00Z";

// XML 1.0 has no place for C0 control characters other than tab and line breaks.
std::string Clean(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
  }
  return out;
}

void Text(pugi::xml_node parent, const char* name, const std::string& value) {
  parent.append_child(name).append_child(pugi::node_pcdata).set_value(Clean(value).c_str());
}

void Link(pugi::xml_node parent, const char* rel, const char* type, const std::string& href) {
  if (href.empty()) return;
  auto link = parent.append_child("link");
  link.append_attribute("rel") = rel;
  if (type) link.append_attribute("type") = type;
  link.append_attribute("href") = Clean(href).c_str();
}

}  // namespace

std::string Rfc3339(const std::string& date_or_instant) {
  if (date_or_instant.size() == 10) return date_or_instant + "T00:00:00Z";
  return date_or_instant;
}

std::string AtomXml(const AtomFeed& feed) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  auto root = doc.append_child("feed");
  root.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  root.append_attribute("xml:lang") = "en-GB";
  Text(root, "id", feed.id);
  Text(root, "title", feed.title);
  std::string updated = feed.updated;
  if (updated.empty()) {
    for (const auto& e : feed.entries) updated = std::max(updated, e.updated);
  }
  Text(root, "updated", updated.empty() ? kEpoch : updated);
  Link(root, "self", "application/atom+xml", feed.self);
  Link(root, "alternate", "text/html", feed.alternate);
  Text(root.append_child("author"), "name", feed.author);
  Text(root, "generator", "Assent");
  for (const auto& e : feed.entries) {
    auto entry = root.append_child("entry");
    Text(entry, "id", e.id);
    Text(entry, "title", e.title);
    Text(entry, "updated", e.updated.empty() ? kEpoch : e.updated);
    Link(entry, "alternate", "text/html", e.link);
    if (!e.summary.empty()) {
      auto summary = entry.append_child("summary");
      summary.append_attribute("type") = "text";
      summary.append_child(pugi::node_pcdata).set_value(Clean(e.summary).c_str());
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace assent::render
