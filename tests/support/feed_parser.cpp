#include "tests/support/feed_parser.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace assent::testing_support {

nlohmann::json ParseFeed(const std::string& xml) {
  TempDir dir;
  std::string file = dir.File("feed.xml");
  std::ofstream(file, std::ios::binary) << xml;
  std::string cmd =
      "/usr/bin/python3 -c 'import sys, json, feedparser\n"
      "d = feedparser.parse(open(sys.argv[1], \"rb\").read())\n"
      "print(json.dumps({\"bozo\": int(d.bozo), \"bozo_exception\": str(d.get(\"bozo_exception\", \"\")),"
      " \"version\": d.version, \"title\": d.feed.get(\"title\"), \"id\": d.feed.get(\"id\"),"
      " \"links\": [l.get(\"rel\") + \" \" + l.get(\"href\") for l in d.feed.get(\"links\", [])],"
      " \"entries\": [{\"id\": e.get(\"id\"), \"title\": e.get(\"title\"), \"link\": e.get(\"link\"),"
      " \"updated\": e.get(\"updated\"), \"summary\": e.get(\"summary\")} for e in d.entries]}))' " +
      file + " 2>&1";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded()) {
    ADD_FAILURE() << "feedparser did not answer (is python3-feedparser installed? "
                     "scripts/install-deps.sh --test): "
                  << out;
    return nlohmann::json::object();
  }
  return j;
}

}  // namespace assent::testing_support
