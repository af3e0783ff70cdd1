#pragma once
// A generic Atom 1.0 feed (RFC 4287), written with pugixml so every value is escaped
// by the XML writer. Any source may add entries (decisions, strategies...): an entry is
// an id, a title, when it was updated, a link and a plain-text summary.

#include <string>
#include <vector>

namespace assent::render {

struct AtomEntry {
  std::string id;       // stable, absolute IRI: the entry's canonical URL
  std::string title;
  std::string updated;  // RFC 3339, e.g. "2017-02-22T00:00:00Z"
  std::string link;     // absolute URL of the entry's page (rel="alternate")
  std::string summary;  // plain text
};

struct AtomFeed {
  std::string id;         // stable, absolute: the feed's own canonical URL
  std::string title;
  std::string updated;    // RFC 3339; empty: the newest entry's, or the epoch
  std::string self;       // absolute URL of this feed (rel="self")
  std::string alternate;  // absolute URL of the HTML page it mirrors (rel="alternate")
  std::string author;     // the feed's author name (required by RFC 4287 without entry authors)
  std::vector<AtomEntry> entries;
};

// The feed as an XML document, UTF-8, with the XML declaration.
std::string AtomXml(const AtomFeed& feed);

// "2017-02-22" -> "2017-02-22T00:00:00Z"; an instant passes through unchanged.
std::string Rfc3339(const std::string& date_or_instant);

}  // namespace assent::render
