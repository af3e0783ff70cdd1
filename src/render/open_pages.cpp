// The open register's pages: search (with highlighted snippets) and the printable notice.
#include <fmt/format.h>

#include "render/html_pages.hpp"
#include "render/mustache_parts.hpp"

namespace assent::render {

using namespace detail;

namespace {

// 1234567 -> "1,234,567", as GOV.UK writes numbers.
std::string WithCommas(int n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
    out += digits[i];
  }
  return out;
}

std::string YesNo(const std::optional<bool>& b) { return !b ? "Not recorded" : *b ? "Yes" : "No"; }
std::string DateOr(const std::optional<Date>& d) { return d ? d->ToLong() : "Not recorded"; }

// The query string with `offset` replaced (paging keeps every other parameter).
std::string WithOffset(std::string_view query, int offset) {
  std::string out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (!pair.empty() && pair.substr(0, pair.find('=')) != "offset") {
      if (!out.empty()) out += '&';
      out += pair;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  if (offset > 0) out += fmt::format("{}offset={}", out.empty() ? "" : "&", offset);
  return out;
}

// What a stub or tombstone says instead of the decision's text.
std::vector<std::string> StateLines(const publication::PublicDecision& p) {
  using publication::PublicState;
  std::vector<std::string> lines;
  switch (p.state) {
    case PublicState::kPublished: break;
    case PublicState::kDeferred:
      if (!p.deferral_reason.empty()) lines.push_back("Reason: " + p.deferral_reason);
      if (p.deferred_until) lines.push_back("To be published on " + p.deferred_until->ToLong() + ".");
      break;
    case PublicState::kWithheld:
      if (!p.withheld_what.empty()) lines.push_back("Withheld: " + p.withheld_what);
      if (!p.withheld_ground_label.empty()) lines.push_back("Ground: " + p.withheld_ground_label);
      if (p.review_date) lines.push_back("Review due " + p.review_date->ToLong() + ".");
      break;
    case PublicState::kWithdrawn:
      if (!p.withdrawal_reason.empty()) lines.push_back("Reason: " + p.withdrawal_reason);
      if (p.withdrawn_on) lines.push_back("Withdrawn on " + p.withdrawn_on->ToLong() + ".");
      break;
  }
  return lines;
}

}  // namespace

std::string HtmlPages::Search(const services::SearchPage& page, std::string_view query) const {
  const auto& f = page.form;
  mu::data d;
  d.set("q", Str(f.text));
  d.set("year", Str(f.year ? std::to_string(*f.year) : ""));
  d.set("decision_maker", Str(f.decision_maker));
  d.set("classification", Str(f.classification));
  d.set("filtered", mu::data(!f.body.empty() || f.year || !f.decision_maker.empty() ||
                             !f.status.empty() || !f.classification.empty()));
  mu::data bodies = List();
  for (const auto& b : page.bodies) {
    mu::data bd;
    bd.set("slug", Str(b.slug));
    bd.set("name", Str(b.name));
    bd.set("selected", mu::data(b.slug == f.body));
    bodies.push_back(bd);
  }
  d.set("bodies", bodies);
  mu::data statuses = List();
  for (auto name : services::PublicStatusNames()) {
    mu::data sd;
    sd.set("value", Str(name));
    auto status = decisions::ParseStatus(name);
    sd.set("label", Str(status ? decisions::StatusLabel(*status) : name));
    sd.set("selected", mu::data(name == f.status));
    statuses.push_back(sd);
  }
  d.set("statuses", statuses);
  bool has_query = !f.text.empty();
  d.set("has_query", mu::data(has_query));
  if (page.total == 0) {
    d.set("count_text", Str("No decisions match your search"));
  } else {
    int first = f.offset + 1;
    int last = f.offset + static_cast<int>(page.hits.size());
    // When capped, only the newest storage::kSearchCandidates matches were ranked.
    const std::string of = page.capped ? fmt::format("more than {}", WithCommas(page.total))
                                       : WithCommas(page.total);
    const char* noun = page.total == 1 && !page.capped ? "decision" : "decisions";
    d.set("count_text", Str(page.hits.empty()
                                ? fmt::format("{} {} found", of, noun)
                                : fmt::format("{} to {} of {} {} found", first, last, of, noun)));
    d.set("first_number", Str(std::to_string(first)));
  }
  mu::data hits = List();
  for (const auto& h : page.hits) {
    const auto& r = h.decision;
    mu::data hd;
    hd.set("href", Str("/" + h.body.slug + "/decisions/" + r.reference_slug));
    hd.set("reference", Str(r.reference));
    hd.set("title", Str(r.title));
    hd.set("body_name", Str(h.body.name));
    hd.set("decision_maker", Str(r.decision_maker_role.value_or("Decision maker not recorded")));
    hd.set("date", Str(r.decision_date ? r.decision_date->ToLong() : "Date not recorded"));
    hd.set("state", Str(publication::PublicStateLabel(r.state)));
    hd.set("state_class", Str(StateTagClass(r.state)));
    mu::data parts = List();
    for (const auto& s : h.snippet) {
      mu::data pd;
      pd.set("text", Str(s.text));
      pd.set("match", mu::data(s.match));
      parts.push_back(pd);
    }
    hd.set("snippet", parts);
    hits.push_back(hd);
  }
  d.set("hits", hits);
  d.set("has_hits", mu::data(!page.hits.empty()));
  bool has_previous = f.offset > 0;
  bool has_next = f.offset + static_cast<int>(page.hits.size()) < page.total &&
                  f.offset + f.limit <= services::kMaxSearchOffset;
  if (has_previous) {
    std::string q = WithOffset(query, std::max(0, f.offset - f.limit));
    d.set("previous_href", Str("/search" + (q.empty() ? "" : "?" + q)));
  }
  if (has_next) d.set("next_href", Str("/search?" + WithOffset(query, f.offset + f.limit)));
  d.set("has_pages", mu::data(has_previous || has_next));
  std::string qs = query.empty() ? "" : "?" + std::string(query);
  std::string atom = "/search.atom" + qs;
  d.set("atom_href", Str(atom));
  d.set("json_href", Str("/api/v1/search" + qs));
  mu::data crumbs = List();
  crumbs.push_back(Crumb("Policing bodies", "/"));
  std::string title = has_query ? "Search: " + f.text : std::string("Search decisions");
  return InLayout(templates_, title, crumbs, RenderWith(templates_, "search", d),
                  has_query ? "/api/v1/search" + qs : std::string(),
                  AtomAlternate{has_query ? std::string_view(atom) : std::string_view(),
                                "Decisions matching this search"});
}

std::string HtmlPages::Notice(const publication::PublicDecision& p) const {
  const std::string page_href = "/" + p.body.slug + "/decisions/" + p.reference_slug;
  const bool published = p.state == publication::PublicState::kPublished;
  mu::data d;
  d.set("body_name", Str(p.body.name));
  d.set("reference", Str(p.reference));
  d.set("title", Str(p.title));
  d.set("outcome", Str(publication::OutcomeLabel(p.outcome)));
  d.set("decision_maker", Str(p.decision_maker_role.value_or("Not recorded")));
  d.set("decision_date", Str(DateOr(p.decision_date)));
  d.set("state", Str(publication::PublicStateLabel(p.state)));
  if (p.published_on) d.set("published_on", Str(p.published_on->ToLong()));
  if (!published) {
    mu::data stub;
    mu::data lines = List();
    for (const auto& l : StateLines(p)) lines.push_back(Str(l));
    stub.set("lines", lines);
    d.set("stub", stub);
  }
  mu::data fields = List();
  for (const auto& f : p.fields) {
    mu::data fd;
    fd.set("label", Str(f.label));
    auto as_date = Date::ParseIso(f.value);
    fd.set("value", Str(as_date ? as_date->ToLong() : f.value));
    fields.push_back(fd);
  }
  d.set("fields", fields);
  d.set("part2", mu::data(p.part2_exists));
  d.set("part2_statement", Str(p.part2_statement));
  // A stub or tombstone shows no section text, whatever the projection holds.
  mu::data sections = List();
  if (published) {
    for (const auto& s : p.sections) {
      mu::data sd;
      sd.set("heading", Str(s.heading));
      sd.set("blocks", Blocks(s.text));
      sections.push_back(sd);
    }
  }
  d.set("sections", sections);
  mu::data redactions = List();
  for (const auto& r : p.redactions) {
    mu::data rd;
    rd.set("where", Str(r.where));
    rd.set("ground", Str(r.ground_label.empty() ? r.ground : r.ground_label));
    redactions.push_back(rd);
  }
  d.set("redactions", redactions);
  d.set("has_redactions", mu::data(!p.redactions.empty()));
  // The media record: the form's media answers, or the older press-release answer alone.
  d.set("press_release",
        Str(YesNo(p.media.press_release_required ? p.media.press_release_required
                                                 : p.press_release_required)));
  d.set("strategy_formulated", Str(YesNo(p.media.strategy_formulated)));
  d.set("strategy_attached", Str(YesNo(p.media.strategy_attached)));
  d.set("proposed_date", Str(DateOr(p.media.proposed_date)));
  mu::data signoffs = List();
  for (const auto& s : p.signoffs) {
    mu::data sd;
    sd.set("role", Str(s.role.empty() ? "Not recorded" : s.role));
    sd.set("name", Str(s.name.empty() ? "Not recorded" : s.name));
    sd.set("date", Str(DateOr(s.date)));
    signoffs.push_back(sd);
  }
  d.set("signoffs", signoffs);
  d.set("has_signoffs", mu::data(!p.signoffs.empty()));
  d.set("canonical", Str(page_href));
  d.set("page_href", Str(page_href));
  mu::data crumbs = List();
  crumbs.push_back(Crumb("Policing bodies", "/"));
  crumbs.push_back(Crumb(p.body.short_name, "/" + p.body.slug + "/decisions"));
  crumbs.push_back(Crumb(p.reference, page_href));
  return InLayout(templates_, "Decision notice " + p.reference + " " + p.title, crumbs,
                  RenderWith(templates_, "notice", d));
}

}  // namespace assent::render
