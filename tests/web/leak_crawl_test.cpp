// No confidential or unpublished text on any public surface. Unique markers are planted
// in Part 2 text, headings, papers and attachment names of published decisions, and in
// every field of decisions that are not public (draft, submitted, decided), all stored
// through the Store. Then the real server is crawled: every link from / (same origin,
// recursively, from HTML, JSON, Atom and CSV alike), the feeds, the JSON API, the CSV,
// print views, a search page, a search feed and an API search FOR EACH MARKER, the
// addresses of the unpublished decisions, a 404 and error pages. Any marker anywhere in
// any answer (head or body) fails the test.
//
// The demo strategies are loaded, and proposals for new versions whose decisions are not
// public (a draft, one decided but not yet published) carry a marker of their own in
// their label and changes: a proposal is not a version until its decision is published
// as approved, so the strategy pages, JSON and feeds must not show it.
//
// Markers also sit in signed-off redactions (a span, a whole section) of published
// decisions, and in every field of deferred and withheld decisions that their public stub
// does not show. To add a marker kind: add a row to kMarkers with a function that plants it.
#include <gtest/gtest.h>

#include <cctype>
#include <deque>
#include <functional>
#include <regex>
#include <set>

#include "services/strategy_files.hpp"
#include "tests/storage/store_contract.hpp"
#include "tests/support/files.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/web_site.hpp"

namespace assent::web {
namespace {

using decisions::Decision;
using decisions::Part;
using decisions::Status;

constexpr const char* kBase = "https://decisions.example.org";
constexpr const char* kProposalMarker = "zqleakproposallabel";

// A published decision that carries a confidential part.
Decision Published(const std::string& ref) {
  auto d = testing_support::SampleDecision("cumbria", ref, "Ordinary confidential words");
  d.title = "Fleet strategy " + ref;
  return d;
}

// A decision that is not public: every field it has carries the marker.
Decision Unpublished(const std::string& ref, Status status, const std::string& marker) {
  auto d = testing_support::SampleDecision("cumbria", ref, marker);
  d.status = status;
  d.title = "Fleet strategy " + marker;
  d.sections[0].text = "Public-looking summary " + marker;
  d.background_papers.push_back({"Paper " + marker, Part::kPart1});
  d.persons_consulted.push_back("Consultee " + marker);
  d.fields.push_back({"classification", marker});
  if (status == Status::kDraft) d.reference.clear();
  return d;
}

// A signed-off redaction record (as the publication use cases store one).
decisions::Redaction SignedOff(decisions::RedactionTarget target, const std::string& key, const std::string& text) {
  decisions::Redaction r;
  r.target = target;
  r.section_key = key;
  r.text = text;
  r.reason = "commercially sensitive";
  r.ground = "s43";
  r.proposed_by = 1;
  r.proposed_by_name = "Gareth Governance";
  r.proposed_at = "2019-03-01T10:00:00Z";
  r.signed_off_by = 2;
  r.signed_off_by_name = "Chris Executive";
  r.signed_off_role = "chief_executive";
  r.signed_off_at = "2019-03-01T11:00:00Z";
  return r;
}

// A decided decision on the register as a stub only (deferred or withheld): the marker
// is in everything the stub does not show -- sections, papers, consultees, fields,
// boards, signatures, the Part 2 statement -- but not in its title, which the stub shows.
Decision Stub(const std::string& ref, decisions::PlanKind kind, const std::string& marker) {
  auto d = Unpublished(ref, Status::kDecided, marker);
  d.title = "Fleet strategy " + ref;
  d.boards.push_back({"Board " + marker, std::nullopt});
  d.signoffs[0].advice = "Advice " + marker;
  d.signoffs[0].reasons = "Reasons " + marker;
  d.publication.part2_reason = "Statement " + marker;
  d.attachments.push_back({"Appendix " + marker + ".pdf", "application/pdf", Part::kPart1, std::string(64, 'c'), 10});
  d.plan.kind = kind;
  d.plan.set_by = 2;
  d.plan.set_by_name = "Chris Executive";
  d.plan.set_at = "2019-03-01T10:00:00Z";
  if (kind == decisions::PlanKind::kDefer) {
    d.plan.reason = "Until the contract is signed.";
    d.plan.until = *Date::ParseIso("2099-01-01");  // far in the future: stays a stub
  } else {
    d.plan.ground = "s31";
    d.plan.withheld_what = "The whole decision";
    d.plan.review_date = *Date::ParseIso("2099-01-01");
  }
  return d;
}

struct Marker {
  const char* kind;
  const char* text;  // one word to the search engines, unique on the register
  std::function<Decision(const std::string&)> plant;
};

const Marker kMarkers[] = {
    {"Part 2 section text", "zqleakparttwosection",
     [](const std::string& m) {
       auto d = Published("041/2019");
       d.sections.push_back({"confidential", "Confidential annex", Part::kPart2, "Strategy " + m});
       return d;
     }},
    {"Part 2 section heading", "zqleakparttwoheading",
     [](const std::string& m) {
       auto d = Published("042/2019");
       d.sections.push_back({"annex", "Annex " + m, Part::kPart2, "Strategy text."});
       return d;
     }},
    {"Part 2 background paper", "zqleakparttwopaper",
     [](const std::string& m) {
       auto d = Published("043/2019");
       d.background_papers.push_back({"Strategy paper " + m, Part::kPart2});
       return d;
     }},
    {"Part 2 attachment name", "zqleakparttwoattachment",
     [](const std::string& m) {
       auto d = Published("044/2019");
       d.attachments.push_back({"Strategy " + m + ".pdf", "application/pdf", Part::kPart2,
                                std::string(64, 'b'), 10});
       return d;
     }},
    {"draft", "zqleakdraftrecord",
     [](const std::string& m) { return Unpublished("", Status::kDraft, m); }},
    {"submitted decision", "zqleaksubmittedrecord",
     [](const std::string& m) { return Unpublished("045/2019", Status::kSubmitted, m); }},
    {"decided, not yet published", "zqleakdecidedrecord",
     [](const std::string& m) { return Unpublished("046/2019", Status::kDecided, m); }},
    {"redacted span (signed off)", "zqleakredactedspan",
     [](const std::string& m) {
       auto d = Published("047/2019");
       d.sections[0].text = "Public summary of the fleet. The price was " + m + " per vehicle.";
       d.redactions.push_back(SignedOff(decisions::RedactionTarget::kSpan, "executive_summary", m));
       return d;
     }},
    {"redacted section (signed off)", "zqleakredactedsection",
     [](const std::string& m) {
       auto d = Published("048/2019");
       d.sections.push_back({"financial", "Financial implications", Part::kPart1, "Prices: " + m});
       d.redactions.push_back(SignedOff(decisions::RedactionTarget::kSection, "financial", ""));
       return d;
     }},
    {"withheld decision", "zqleakwithheldrecord",
     [](const std::string& m) { return Stub("049/2019", decisions::PlanKind::kWithhold, m); }},
    {"deferred decision", "zqleakdeferredrecord",
     [](const std::string& m) { return Stub("050/2019", decisions::PlanKind::kDefer, m); }},
};

// Every path on this site that a body links to, from HTML (href), JSON ("/..."),
// Atom (absolute links on kBase) and CSV (absolute urls).
std::vector<std::string> LinksIn(const std::string& body) {
  static const std::regex kHref(R"re(href="([^"]*)")re");
  static const std::regex kJsonPath(R"re("(/[^"\s]*)")re");
  static const std::regex kAbsolute("https://decisions\\.example\\.org(/[^\"\\s<>,]*)");
  std::vector<std::string> out;
  for (const auto* re : {&kHref, &kJsonPath, &kAbsolute}) {
    for (auto it = std::sregex_iterator(body.begin(), body.end(), *re); it != std::sregex_iterator(); ++it) {
      std::string link = (*it)[1].str();
      if (re == &kHref && link.rfind(kBase, 0) == 0) link = link.substr(std::string(kBase).size());
      for (size_t p = 0; (p = link.find("&amp;", p)) != std::string::npos;) link.replace(p, 5, "&");
      if (link.empty() || link[0] != '/' || link.rfind("//", 0) == 0) continue;
      if (auto hash = link.find('#'); hash != std::string::npos) link.resize(hash);
      out.push_back(link);
    }
  }
  return out;
}

TEST(LeakCrawl, NoMarkerOnAnyPublicSurface) {
  testing_support::WebSite site;
  site.Open("leak.db");
  storage::ChangeSet cs;
  for (const auto& m : kMarkers) cs.insert_decisions.push_back(m.plant(m.text));
  auto applied = site.store().Apply(cs);
  ASSERT_TRUE(applied) << applied.error().ToString();
  // A forward plan item linked to the decided decision that is not yet published: the
  // public forward plan must not name it (its reference, its address) until it is.
  publication::ForwardPlanItem item;
  item.body = "cumbria";
  item.title = "Fleet strategy refresh";
  item.summary = "A new fleet strategy.";
  item.decision_maker = "Police & Crime Commissioner";
  item.planned_date = *Date::ParseIso("2019-06-01");
  // The planted decisions' ids, in kMarkers order, by the marker's kind.
  auto id_of = [&](std::string_view what) {
    for (std::size_t i = 0; i < std::size(kMarkers); ++i) {
      if (kMarkers[i].kind == what) return applied->inserted_ids[i];
    }
    ADD_FAILURE() << "no marker " << what;
    return std::int64_t{0};
  };
  item.decision_id = id_of("decided, not yet published");
  ASSERT_TRUE(site.store().Apply({.insert_forward_plan_items = {item}}));
  // Proposals for the draft and for the decided, unpublished decision.
  storage::ChangeSet proposals;
  for (auto id : {id_of("draft"), id_of("decided, not yet published")}) {
    proposals.insert_strategy_proposals.push_back(
        {.body = "cumbria", .strategy = "ict-2015-2019", .label = std::string("V9 ") + kProposalMarker,
         .changes = std::string("Changes ") + kProposalMarker, .decision_id = id,
         .proposed_by = "lead", .proposed_at = "2026-01-01T00:00:00Z"});
  }
  ASSERT_TRUE(site.store().Apply(proposals));
  auto strategies = services::LoadStrategies(testing_support::SourceDir() + "/demo/strategies");
  ASSERT_TRUE(strategies) << strategies.error().ToString();
  testing_support::WebSite::Serving serving;
  serving.strategies = &*strategies;
  serving.staff = false;
  serving.base_url = kBase;
  serving.server.io_threads = 1;
  serving.server.worker_threads = 2;
  site.Start(serving);

  std::deque<std::string> queue = {"/", "/bodies.json", "/api/v1/bodies", "/api/v1/openapi.json",
                                   "/search", "/search?q=strategy", "/search.atom?q=strategy",
                                   "/api/v1/search?q=strategy", "/no/such/page", "/api/v1/nope",
                                   "/search?q=x&year=bad", "/api/v1/search?q=x&status=draft",
                                   "/cumbria/decisions.csv", "/cumbria/decisions.atom",
                                   "/cumbria/forward-plan", "/cumbria/strategies.atom",
                                   "/api/v1/bodies/cumbria/strategies",
                                   "/api/v1/bodies/cumbria/strategies/ict-2015-2019",
                                   "/api/v1/bodies/cumbria/decisions", "/cumbria/decisions.json"};
  // Searches for each marker in capitals: the engines fold case, so they find the stored
  // (lower-case) text if it is indexed, while the page's echo of the query ("You searched
  // for ...") is in capitals and cannot be mistaken for a leak.
  for (const auto& m : kMarkers) {
    std::string q = m.text;
    for (auto& c : q) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const char* path : {"/search?q=", "/search.atom?q=", "/api/v1/search?q="}) {
      queue.push_back(path + q);
      queue.push_back(path + ("strategy+" + q));
    }
  }
  // The addresses the unpublished decisions would have.
  for (const char* ref : {"045-2019", "046-2019"}) {
    for (const char* suffix : {"", ".json", "/print"}) {
      queue.push_back(std::string("/cumbria/decisions/") + ref + suffix);
    }
    queue.push_back(std::string("/api/v1/bodies/cumbria/decisions/") + ref);
  }
  std::set<std::string> seen(queue.begin(), queue.end());
  int fetched = 0, pages_200 = 0;
  std::set<std::string> kinds_of_answer;
  while (!queue.empty()) {
    std::string target = queue.front();
    queue.pop_front();
    ASSERT_LT(fetched, 5000) << "the crawl does not end";
    auto r = testing_support::Get(site.port(), target);
    ++fetched;
    if (r.status == 200) ++pages_200;
    kinds_of_answer.insert(r.headers["content-type"]);
    for (const auto& m : kMarkers) {
      EXPECT_EQ(r.raw.find(m.text), std::string::npos)
          << "the " << m.kind << " marker is on " << target << " (" << r.status << ")";
    }
    EXPECT_EQ(r.raw.find(kProposalMarker), std::string::npos)
        << "an unapproved version proposal is on " << target << " (" << r.status << ")";
    if (target.find("045-2019") != std::string::npos || target.find("046-2019") != std::string::npos) {
      EXPECT_EQ(r.status, 404) << target << " is not public";
    }
    if (r.status != 200) continue;
    for (auto& link : LinksIn(r.body)) {
      if (link.rfind("/assets/", 0) == 0) continue;
      if (seen.insert(link).second) queue.push_back(link);
    }
  }
  // The crawl reached every kind of surface (so a broken link extractor cannot pass quietly).
  EXPECT_GT(pages_200, 40) << fetched << " fetched";
  for (const char* type : {"text/html; charset=utf-8", "application/json",
                           "application/atom+xml; charset=utf-8",
                           "text/csv; charset=utf-8; header=present"}) {
    EXPECT_TRUE(kinds_of_answer.count(type)) << "no " << type << " answer was crawled";
  }
  for (const char* must : {"/cumbria/decisions/041-2019/print", "/api/v1/bodies/cumbria/decisions/044-2019",
                           "/cumbria/decisions/043-2019.json", "/essex/decisions.atom",
                           "/cumbria/strategies/ict-2015-2019.json", "/cumbria/strategies/ict-2015-2019/report",
                           // the redacted decisions, and the stubs on the register and in the API
                           "/cumbria/decisions/047-2019", "/api/v1/bodies/cumbria/decisions/048-2019",
                           "/cumbria/decisions/049-2019", "/api/v1/bodies/cumbria/decisions/049-2019",
                           "/cumbria/decisions/050-2019.json", "/api/v1/bodies/cumbria/decisions/050-2019"}) {
    EXPECT_TRUE(seen.count(must)) << must << " was not reached by following links";
  }
  auto plan = testing_support::Get(site.port(), "/cumbria/forward-plan");
  EXPECT_EQ(plan.status, 200);
  EXPECT_NE(plan.body.find("Fleet strategy refresh"), std::string::npos);
  EXPECT_EQ(plan.body.find("046"), std::string::npos) << "the unpublished linked decision is named";
  // The markers are really there for staff: the test could fail.
  auto stored = site.store().FindDecision("cumbria", "041-2019");
  ASSERT_TRUE(stored);
  EXPECT_NE(stored->sections.back().text.find(kMarkers[0].text), std::string::npos);
  // The redacted and stubbed decisions are public (200), with their text held back.
  for (const char* ref : {"047-2019", "048-2019", "049-2019", "050-2019"}) {
    EXPECT_EQ(testing_support::Get(site.port(), std::string("/cumbria/decisions/") + ref).status, 200) << ref;
  }
  auto redacted = site.store().FindDecision("cumbria", "047-2019");
  ASSERT_TRUE(redacted);
  EXPECT_NE(redacted->sections[0].text.find("zqleakredactedspan"), std::string::npos);
  auto api_stub = testing_support::Get(site.port(), "/api/v1/bodies/cumbria/decisions/049-2019");
  EXPECT_NE(api_stub.body.find(R"("state": "withheld")"), std::string::npos) << api_stub.body;
}

}  // namespace
}  // namespace assent::web
