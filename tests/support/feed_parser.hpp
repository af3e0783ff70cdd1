#pragma once
// An Atom feed as Debian's python3-feedparser reads it (so Debian's /usr/bin/python3):
// {"bozo", "bozo_exception", "version", "title", "id", "links",
//  "entries": [{"id", "title", "link", "updated", "summary"}]}. A failure to run the
// parser is a test failure and an empty object.

#include <string>

#include <nlohmann/json.hpp>

namespace assent::testing_support {

nlohmann::json ParseFeed(const std::string& xml);

}  // namespace assent::testing_support
