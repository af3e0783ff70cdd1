#include "render/html_pages.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/mustache_parts.hpp"
#include "services/catalogue.hpp"

namespace assent::render {

using namespace detail;

namespace {

std::string DateText(const std::optional<Date>& d) { return d ? d->ToLong() : std::string(); }

constexpr const char* kTemplateNames[] = {"layout",   "home",           "register",   "decision",
                                          "error",    "strategies_all", "strategies", "strategy",
                                          "strategy_report", "timeline", "search", "notice",
                                          // the staff side (staff_pages.cpp)
                                          "staff_errors", "staff_content", "staff_sign_in",
                                          "staff_password", "staff_home", "staff_users", "staff_new",
                                          "staff_decision", "staff_edit", "staff_sign", "staff_decide",
                                          "staff_signed", "staff_error", "staff_question",
                                          // the strategy register's staff side (staff_strategy_pages.cpp)
                                          "staff_strategies", "staff_strategy", "staff_deliverable",
                                          "staff_version",
                                          // the import review queue (import_pages.cpp)
                                          "staff_imports", "staff_import",
                                          // compliance and the forward plan (compliance_pages.cpp)
                                          "staff_compliance", "staff_forward_plan", "forward_plan",
                                          "staff_publication"};

std::string_view VersionKindLabel(std::string_view kind) {
  if (kind == "published") return "Published";
  if (kind == "corrected") return "Corrected";
  if (kind == "withdrawn") return "Withdrawn";
  return kind;
}

}  // namespace

std::vector<TextBlock> SplitBlocks(std::string_view text) {
  std::vector<TextBlock> blocks;
  std::string paragraph;
  const auto flush = [&] {
    if (!paragraph.empty()) blocks.push_back({false, {paragraph}});
    paragraph.clear();
  };
  for (auto raw : SplitLines(text)) {
    std::string_view line = Trim(raw);
    if (line.empty()) {
      flush();
      continue;
    }
    bool item = line.substr(0, 2) == "- " || line.substr(0, 4) == "\xE2\x80\xA2 ";
    if (item) {
      flush();
      line.remove_prefix(line[0] == '-' ? 2 : 4);
      if (blocks.empty() || !blocks.back().list) blocks.push_back({true, {}});
      blocks.back().lines.push_back(std::string(Trim(line)));
      continue;
    }
    if (!blocks.empty() && blocks.back().list && paragraph.empty() && raw.size() > 0 &&
        (raw[0] == ' ' || raw[0] == '\t')) {
      // An indented continuation of the last list item.
      blocks.back().lines.back() += " " + std::string(line);
      continue;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  flush();
  return blocks;
}

Result<HtmlPages> HtmlPages::Load(const std::string& dir) {
  HtmlPages pages;
  for (const char* name : kTemplateNames) {
    std::string path = fmt::format("{}/{}.mustache", dir, name);
    auto text = services::ReadWholeFile(path);
    if (!text) return text.error();
    mu::mustache parsed(*text);
    if (!parsed.is_valid()) {
      return Fail(ErrorCode::kInvalidInput, "template error: " + parsed.error_message(), path);
    }
    pages.templates_.emplace(name, std::move(*text));
  }
  return pages;
}


std::string HtmlPages::Home(const std::vector<services::BodyListing>& bodies) const {
  mu::data list(mu::data::type::list);
  for (const auto& b : bodies) {
    mu::data item;
    item.set("name", Str(b.body.name));
    item.set("short_name", Str(b.body.short_name));
    item.set("href", Str("/" + b.body.slug + "/decisions"));
    item.set("count", Str(fmt::format("{} {}", b.decisions, b.decisions == 1 ? "decision" : "decisions")));
    list.push_back(item);
  }
  mu::data d;
  d.set("bodies", list);
  d.set("has_bodies", mu::data(!bodies.empty()));
  return InLayout(templates_, "Policing bodies", mu::data(mu::data::type::list),
                  RenderWith(templates_, "home", d));
}

std::string HtmlPages::Register(const services::RegisterPage& page) const {
  const std::string base = "/" + page.body.slug + "/decisions";
  mu::data rows(mu::data::type::list);
  for (const auto& r : page.rows) {
    mu::data row;
    row.set("reference", Str(r.reference));
    row.set("href", Str(base + "/" + r.reference_slug));
    row.set("title", Str(r.title));
    row.set("decision_maker", Str(r.decision_maker_role.value_or("Not recorded")));
    row.set("date", Str(r.decision_date ? r.decision_date->ToLong() : "Not recorded"));
    row.set("date_iso", Str(r.decision_date ? r.decision_date->ToIso() : ""));
    row.set("status", Str(publication::PublicStateLabel(r.state)));
    row.set("status_class", Str(StateTagClass(r.state)));
    row.set("state_note", r.state_note.empty() ? mu::data(false) : Str(r.state_note));
    rows.push_back(row);
  }
  mu::data years(mu::data::type::list);
  for (int y : page.years) {
    mu::data opt;
    opt.set("year", Str(std::to_string(y)));
    opt.set("selected", mu::data(page.year && *page.year == y));
    years.push_back(opt);
  }
  mu::data d;
  d.set("body_name", Str(page.body.name));
  d.set("rows", rows);
  d.set("has_rows", mu::data(!page.rows.empty()));
  d.set("years", years);
  d.set("has_years", mu::data(!page.years.empty()));
  d.set("all_selected", mu::data(!page.year.has_value()));
  d.set("action", Str(base));
  d.set("strategies_href", Str("/" + page.body.slug + "/strategies"));
  d.set("json_href", Str(base + ".json" + (page.year ? "?year=" + std::to_string(*page.year) : "")));
  d.set("csv_href", Str(base + ".csv" + (page.year ? "?year=" + std::to_string(*page.year) : "")));
  d.set("atom_href", Str(base + ".atom"));
  d.set("strategies_atom_href", Str("/" + page.body.slug + "/strategies.atom"));
  d.set("body_slug", Str(page.body.slug));
  d.set("year_caption", Str(page.year ? fmt::format("Decisions taken in {}", *page.year)
                                      : std::string("All decisions")));
  if (page.body.publication_working_days > 0) {
    d.set("publication_rule",
          Str(fmt::format("Part 1 of each decision is published within {} working days of approval.",
                          page.body.publication_working_days)));
  }
  mu::data crumbs(mu::data::type::list);
  crumbs.push_back(Crumb("Policing bodies", "/"));
  return InLayout(templates_, "Decisions – " + page.body.name, crumbs,
                  RenderWith(templates_, "register", d), base + ".json",
                  AtomAlternate{base + ".atom", "Latest decisions – " + page.body.name});
}

std::string HtmlPages::Decision(const publication::PublicDecision& p,
                                const std::vector<strategy::ApprovedVersion>& approves) const {
  const std::string base = "/" + p.body.slug + "/decisions";
  mu::data d;
  d.set("body_name", Str(p.body.name));
  d.set("title", Str(p.title));
  d.set("reference", Str(p.reference));
  d.set("withdrawn", mu::data(p.withdrawn));
  d.set("status", Str(publication::PublicStateLabel(p.state)));
  d.set("status_class", Str(StateTagClass(p.state)));
  bool stub = p.state == publication::PublicState::kDeferred || p.state == publication::PublicState::kWithheld;
  d.set("full_record", mu::data(p.state == publication::PublicState::kPublished));
  d.set("deferred", mu::data(p.state == publication::PublicState::kDeferred));
  d.set("withheld", mu::data(p.state == publication::PublicState::kWithheld));
  d.set("stub", mu::data(stub));
  d.set("deferral_reason", Str(p.deferral_reason));
  d.set("deferred_until", Str(p.deferred_until ? p.deferred_until->ToLong() : "a date not yet set"));
  d.set("withheld_what", Str(p.withheld_what));
  d.set("withheld_ground", Str(p.withheld_ground_label));
  d.set("review_date", Str(p.review_date ? p.review_date->ToLong() : "not set"));
  d.set("withdrawal_reason", Str(p.withdrawal_reason));
  d.set("withdrawn_on", Str(p.withdrawn_on ? " on " + p.withdrawn_on->ToLong() : ""));
  d.set("published_on", p.published_on ? Str(p.published_on->ToLong()) : mu::data(false));
  d.set("due_date", p.due_date ? Str(p.due_date->ToLong()) : mu::data(false));
  mu::data redactions(mu::data::type::list);
  for (const auto& r : p.redactions) {
    mu::data rd;
    rd.set("where", Str(r.where));
    rd.set("ground", Str(r.ground_label));
    redactions.push_back(rd);
  }
  d.set("redactions", redactions);
  d.set("has_redactions", mu::data(!p.redactions.empty()));
  mu::data versions(mu::data::type::list);
  for (const auto& v : p.versions) {
    mu::data vd;
    vd.set("number", Str(std::to_string(v.number)));
    vd.set("kind", Str(VersionKindLabel(v.kind)));
    vd.set("at", Str(v.published_at.substr(0, 10)));
    vd.set("note", v.change_note.empty() ? mu::data(false) : Str(v.change_note));
    versions.push_back(vd);
  }
  d.set("versions", versions);
  d.set("has_versions", p.versions.size() > 1 ? mu::data(true) : mu::data(false));
  d.set("decision_maker", Str(p.decision_maker_role.value_or("Not recorded")));
  d.set("outcome", Str(publication::OutcomeLabel(p.outcome)));
  d.set("decision_date", Str(p.decision_date ? p.decision_date->ToLong() : "Not recorded"));
  mu::data fields(mu::data::type::list);
  for (const auto& f : p.fields) {
    mu::data fd;
    fd.set("label", Str(f.label));
    auto as_date = Date::ParseIso(f.value);
    fd.set("value", Str(as_date ? as_date->ToLong() : f.value));
    fields.push_back(fd);
  }
  d.set("fields", fields);
  mu::data sections(mu::data::type::list);
  for (const auto& s : p.sections) {
    mu::data sd;
    sd.set("heading", Str(s.heading));
    sd.set("blocks", Blocks(s.text));
    sections.push_back(sd);
  }
  d.set("sections", sections);
  d.set("part2", mu::data(p.part2_exists));
  d.set("part2_statement", Str(p.part2_statement));
  if (p.part2_papers_withheld > 0) {
    d.set("part2_papers", Str(fmt::format("{} confidential background {} not published.",
                                          p.part2_papers_withheld,
                                          p.part2_papers_withheld == 1 ? "paper is" : "papers are")));
  }
  mu::data papers(mu::data::type::list);
  for (const auto& t : p.background_papers) papers.push_back(Str(t));
  d.set("papers", papers);
  d.set("has_papers", mu::data(!p.background_papers.empty()));
  mu::data boards(mu::data::type::list);
  for (const auto& b : p.boards) {
    mu::data bd;
    bd.set("name", Str(b.name));
    bd.set("date", Str(DateText(b.date)));
    boards.push_back(bd);
  }
  d.set("boards", boards);
  d.set("has_boards", mu::data(!p.boards.empty()));
  mu::data people(mu::data::type::list);
  for (const auto& c : p.persons_consulted) people.push_back(Str(c));
  d.set("consulted", people);
  d.set("has_consulted", mu::data(!p.persons_consulted.empty()));
  mu::data signoffs(mu::data::type::list);
  for (const auto& s : p.signoffs) {
    mu::data sd;
    sd.set("role", Str(s.role.empty() ? "Not recorded" : s.role));
    sd.set("name", Str(s.name.empty() ? "Not recorded" : s.name));
    sd.set("date", Str(s.date ? s.date->ToLong() : "Not recorded"));
    signoffs.push_back(sd);
  }
  d.set("signoffs", signoffs);
  d.set("has_signoffs", mu::data(!p.signoffs.empty()));
  if (p.press_release_required) {
    d.set("press_release", Str(*p.press_release_required ? "Yes" : "No"));
  }
  mu::data approved(mu::data::type::list);
  for (const auto& a : approves) {
    mu::data ad;
    ad.set("strategy", Str(a.strategy->title));
    ad.set("version", Str(a.version->label));
    ad.set("href", Str("/" + a.strategy->body + "/strategies/" + a.strategy->id));
    approved.push_back(ad);
  }
  d.set("approves", approved);
  d.set("has_approves", mu::data(!approves.empty()));
  d.set("json_href", Str(base + "/" + p.reference_slug + ".json"));
  d.set("print_href", Str(base + "/" + p.reference_slug + "/print"));
  mu::data crumbs(mu::data::type::list);
  crumbs.push_back(Crumb("Policing bodies", "/"));
  crumbs.push_back(Crumb(p.body.short_name, base));
  return InLayout(templates_, p.reference + " " + p.title, crumbs,
                  RenderWith(templates_, "decision", d), base + "/" + p.reference_slug + ".json");
}

std::string HtmlPages::Error(int status, std::string_view title, std::string_view message) const {
  mu::data d;
  d.set("status", Str(std::to_string(status)));
  d.set("title", Str(title));
  d.set("message", Str(message));
  return InLayout(templates_, title, mu::data(mu::data::type::list), RenderWith(templates_, "error", d));
}

}  // namespace assent::render
