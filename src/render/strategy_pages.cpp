// The strategy register's HTML pages: HtmlPages members declared in html_pages.hpp.
#include <fmt/format.h>

#include <cmath>

#include "core/text.hpp"
#include "render/html_pages.hpp"
#include "strategy/recorded.hpp"
#include "render/mustache_parts.hpp"
#include "render/timeline_layout.hpp"
#include "strategy/target.hpp"

namespace assent::render {

using namespace detail;

namespace {

std::string StrategyUrl(const strategy::Strategy& s) { return "/" + s.body + "/strategies/" + s.id; }

std::string TagClass(strategy::StrategyStatus s) {
  switch (s) {
    case strategy::StrategyStatus::kCurrent: return "govuk-tag--green";
    case strategy::StrategyStatus::kNotStarted: return "govuk-tag--blue";
    case strategy::StrategyStatus::kEnded:
    case strategy::StrategyStatus::kSuperseded: return "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

std::string TagClass(strategy::DeliverableStatus s) {
  switch (s) {
    case strategy::DeliverableStatus::kDelivered: return "govuk-tag--green";
    case strategy::DeliverableStatus::kInProgress: return "govuk-tag--blue";
    case strategy::DeliverableStatus::kPlanned: return "govuk-tag--light-blue";
    case strategy::DeliverableStatus::kOngoing: return "govuk-tag--turquoise";
    case strategy::DeliverableStatus::kNotStated: return "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

std::string Period(const strategy::Strategy& s) {
  return s.start_year == s.end_year ? std::to_string(s.start_year)
                                    : fmt::format("{} to {}", s.start_year, s.end_year);
}

// A value for a {{#section}}: false when empty (kainjow treats "" as true).
mu::data Opt(std::string_view s) { return s.empty() ? mu::data(false) : Str(s); }

std::string Percent(double p) { return fmt::format("{:.0f}%", std::round(p)); }

// {reference, href (empty when not on the register), title}
mu::data SourceData(const services::DecisionLinks& links, std::string_view body,
                    std::string_view reference) {
  mu::data d;
  d.set("reference", Str(reference));
  const auto* link = services::FindLink(links, body, reference);
  bool linked = link && link->on_register;
  d.set("href", Opt(linked ? link->url : ""));
  d.set("decision_title", Opt(linked ? link->title : ""));
  return d;
}

mu::data SourceOrFalse(const services::DecisionLinks& links, std::string_view body,
                       std::string_view reference) {
  if (reference.empty()) return mu::data(false);
  return SourceData(links, body, reference);
}

mu::data StrategyLinks(const std::vector<const strategy::Strategy*>& list) {
  mu::data out = List();
  for (const auto* s : list) {
    mu::data d;
    d.set("title", Str(s->title));
    d.set("href", Str(StrategyUrl(*s)));
    out.push_back(d);
  }
  return out;
}

std::string Fmt(double v) { return fmt::format("{:.1f}", v); }

// The timeline picture and its table, for {{>timeline_partial}} inside {{#tl}}.
mu::data TimelineData(const services::Timeline& t, bool all_bodies) {
  TimelineLayout l = LayOutTimeline(t);
  mu::data d;
  d.set("width", Str(Fmt(l.width)));
  d.set("height", Str(Fmt(l.height)));
  d.set("title", Str(all_bodies ? "Timeline of strategies by policing body"
                                : "Timeline of this body's strategies"));
  d.set("desc", Str(fmt::format(
                    "Years {} to {}. Each bar spans a strategy's years; a circle on a bar marks the "
                    "date of a decision that approved a version; an arrow leads from a strategy to "
                    "the one that replaced it; a dashed bar is a strategy named as replaced but not "
                    "on this register. The table that follows gives the same information.",
                    l.first_year, l.last_year)));
  mu::data ticks = List();
  for (const auto& tick : l.ticks) {
    mu::data td;
    td.set("x", Str(Fmt(tick.x)));
    td.set("label_x", Str(Fmt(tick.label_x)));
    td.set("year", Str(std::to_string(tick.year)));
    td.set("top", Str(Fmt(l.axis_top)));
    td.set("bottom", Str(Fmt(l.axis_bottom)));
    ticks.push_back(td);
  }
  d.set("ticks", ticks);
  d.set("right_x", Str(Fmt(l.width - 10)));
  d.set("top", Str(Fmt(l.axis_top)));
  d.set("bottom", Str(Fmt(l.axis_bottom)));
  mu::data lanes = List();
  for (const auto& lane : l.lanes) {
    mu::data ld;
    ld.set("name", Str(lane.name));
    ld.set("y", Str(Fmt(lane.y)));
    lanes.push_back(ld);
  }
  d.set("lanes", lanes);
  mu::data bars = List();
  for (const auto& b : l.bars) {
    mu::data bd;
    bd.set("label", Str(b.label));
    bd.set("label_x", Str(Fmt(b.label_x)));
    bd.set("label_y", Str(Fmt(b.label_y)));
    bd.set("anchor", Str(b.label_at_end ? "end" : "start"));
    bd.set("x", Str(Fmt(b.x)));
    bd.set("y", Str(Fmt(b.y)));
    bd.set("w", Str(Fmt(b.w)));
    bd.set("h", Str(Fmt(b.h)));
    bool current = b.status == strategy::StrategyStatus::kCurrent ||
                   b.status == strategy::StrategyStatus::kNotStarted;
    bd.set("fill", Str(!b.on_register ? "#ffffff" : current ? "#1d70b8" : "#b1b4b6"));
    bd.set("stroke", Str(current && b.on_register ? "#1d70b8" : "#505a5f"));
    bd.set("dashed", mu::data(!b.on_register));
    mu::data markers = List();
    for (const auto& m : b.markers) {
      mu::data md;
      md.set("cx", Str(Fmt(m.cx)));
      md.set("cy", Str(Fmt(m.cy)));
      md.set("label", Str(m.label));
      markers.push_back(md);
    }
    bd.set("markers", markers);
    bars.push_back(bd);
  }
  d.set("bars", bars);
  mu::data arrows = List();
  for (const auto& a : l.arrows) {
    mu::data ad;
    ad.set("d", Str(a.path));
    arrows.push_back(ad);
  }
  d.set("arrows", arrows);

  // The table alternative: one row per strategy, with what the picture shows.
  mu::data rows = List();
  for (const auto& lane : t.lanes) {
    for (const auto& sr : lane.strategies) {
      const strategy::Strategy& s = *sr.strategy;
      mu::data r;
      r.set("body", Str(lane.body.short_name.empty() ? lane.body.name : lane.body.short_name));
      r.set("title", Str(s.title));
      r.set("href", Str(StrategyUrl(s)));
      r.set("period", Str(Period(s)));
      r.set("status", Str(strategy::StatusLabel(sr.status)));
      mu::data versions = List();
      for (const auto& v : s.versions) {
        mu::data vd;
        vd.set("date", Str(v.approved.ToLong()));
        vd.set("date_iso", Str(v.approved.ToIso()));
        vd.set("label", Str(v.label));
        vd.set("source", SourceOrFalse(t.links, s.body, v.decision));
        versions.push_back(vd);
      }
      r.set("versions", versions);
      mu::data replaces = List();
      if (t.catalogue) {
        for (const auto* p : t.catalogue->Replaces(s)) replaces.push_back(Str(p->title));
      }
      for (const auto& p : s.replaces_other) replaces.push_back(Str(p.title + " (not on this register)"));
      r.set("replaces", replaces);
      r.set("has_replaces", mu::data(!replaces.is_empty_list()));
      mu::data replaced_by = List();
      if (t.catalogue) {
        for (const auto* n : t.catalogue->ReplacedBy(s)) replaced_by.push_back(Str(n->title));
      }
      r.set("replaced_by", replaced_by);
      r.set("has_replaced_by", mu::data(!replaced_by.is_empty_list()));
      rows.push_back(r);
    }
  }
  d.set("rows", rows);
  d.set("all_bodies", mu::data(all_bodies));
  return d;
}

mu::data ThemeCountNote(const strategy::Strategy& s) {
  if (!s.stated_theme_count || *s.stated_theme_count == static_cast<int>(s.themes.size())) {
    return mu::data(false);
  }
  return Str(fmt::format("The strategy has {} priority themes; the decision records on this register "
                         "name {} of them.",
                         *s.stated_theme_count, s.themes.size()));
}

mu::data TargetRows(const std::vector<strategy::TargetLine>& lines,
                    const services::DecisionLinks& links, std::string_view body) {
  mu::data out = List();
  for (const auto& line : lines) {
    const strategy::Target& t = *line.target;
    mu::data td;
    td.set("name", Str(t.name));
    td.set("baseline", Str(strategy::FormatValue(t.unit, t.baseline)));
    td.set("baseline_label", Opt(t.baseline_label));
    td.set("target", Str(strategy::FormatValue(t.unit, t.target)));
    td.set("target_by", Opt(t.target_by ? "by " + t.target_by->ToText() : ""));
    td.set("achieved", Str(t.achieved ? strategy::FormatValue(t.unit, *t.achieved) : "Not reported"));
    td.set("achieved_on", Opt(t.achieved_on ? t.achieved_on->ToText() : ""));
    td.set("attainment", Str(line.attainment_percent ? Percent(*line.attainment_percent) : "Not known"));
    td.set("met", Str(!line.met ? "Not known" : *line.met ? "Met" : "Not met"));
    td.set("met_class", Str(!line.met ? "govuk-tag--grey" : *line.met ? "govuk-tag--green" : "govuk-tag--yellow"));
    td.set("note", Opt(t.note));
    td.set("source", SourceOrFalse(links, body, t.source));
    out.push_back(td);
  }
  return out;
}

mu::data StatusCounts(const std::vector<strategy::StatusCount>& counts) {
  mu::data out = List();
  for (const auto& c : counts) {
    mu::data cd;
    cd.set("status", Str(strategy::StatusLabel(c.status)));
    cd.set("status_class", Str(TagClass(c.status)));
    cd.set("count", Str(std::to_string(c.count)));
    out.push_back(cd);
  }
  return out;
}

// The header facts shared by the strategy page and its report.
void StrategyHeader(mu::data& d, const services::StrategyPage& page) {
  const strategy::Strategy& s = *page.strategy;
  d.set("body_name", Str(page.body.name));
  d.set("title", Str(s.title));
  d.set("status", Str(strategy::StatusLabel(page.status)));
  d.set("status_class", Str(TagClass(page.status)));
  d.set("as_of", Str(page.as_of.ToLong()));
  d.set("as_of_iso", Str(page.as_of.ToIso()));
  d.set("href", Str(StrategyUrl(s)));
  d.set("report_href", Str(StrategyUrl(s) + "/report"));
  d.set("csv_href", Str(StrategyUrl(s) + "/report.csv"));
  d.set("json_href", Str(StrategyUrl(s) + ".json"));
  const auto& r = page.report;
  if (r.next_review) {
    d.set("next_review", Str(fmt::format("{} ({})", r.next_review->date.ToLong(), r.next_review->reason)));
    d.set("review_overdue", mu::data(r.review_overdue));
  } else {
    d.set("next_review", mu::data(false));
  }
}

mu::data Crumbs(const publication::PublicBody& body, bool with_list) {
  mu::data crumbs = List();
  crumbs.push_back(Crumb("Policing bodies", "/"));
  crumbs.push_back(Crumb("Strategies", "/strategies"));
  if (with_list) crumbs.push_back(Crumb(body.short_name.empty() ? body.name : body.short_name,
                                        "/" + body.slug + "/strategies"));
  return crumbs;
}

}  // namespace

std::string HtmlPages::StrategyTimeline(const services::Timeline& timeline) const {
  mu::data d;
  mu::data bodies = List();
  for (const auto& lane : timeline.lanes) {
    mu::data b;
    b.set("name", Str(lane.body.name));
    b.set("href", Str("/" + lane.body.slug + "/strategies"));
    b.set("count", Str(fmt::format("{} {}", lane.strategies.size(),
                                   lane.strategies.size() == 1 ? "strategy" : "strategies")));
    bodies.push_back(b);
  }
  d.set("bodies", bodies);
  d.set("has_lanes", mu::data(!timeline.lanes.empty()));
  d.set("tl", TimelineData(timeline, true));
  d.set("timeline_partial", Partial(templates_, "timeline"));
  mu::data crumbs = List();
  crumbs.push_back(Crumb("Policing bodies", "/"));
  return InLayout(templates_, "Strategies", crumbs, RenderWith(templates_, "strategies_all", d),
                  "/strategies.json");
}

std::string HtmlPages::StrategyList(const services::StrategyListPage& page) const {
  mu::data d;
  d.set("body_name", Str(page.body.name));
  mu::data rows = List();
  for (const auto& row : page.rows) {
    const strategy::Strategy& s = *row.strategy;
    mu::data r;
    r.set("title", Str(s.title));
    r.set("href", Str(StrategyUrl(s)));
    r.set("report_href", Str(StrategyUrl(s) + "/report"));
    r.set("period", Str(Period(s)));
    r.set("owner", Str(s.owner));
    r.set("latest", Str(s.Latest().label));
    r.set("latest_date", Str(s.Latest().approved.ToLong()));
    r.set("status", Str(strategy::StatusLabel(row.status)));
    r.set("status_class", Str(TagClass(row.status)));
    rows.push_back(r);
  }
  d.set("rows", rows);
  d.set("has_rows", mu::data(!page.rows.empty()));
  d.set("as_of", Str(page.as_of.ToLong()));
  d.set("register_href", Str("/" + page.body.slug + "/decisions"));
  d.set("json_href", Str("/" + page.body.slug + "/strategies.json"));
  d.set("atom_href", Str("/" + page.body.slug + "/strategies.atom"));
  d.set("tl", TimelineData(page.timeline, false));
  d.set("timeline_partial", Partial(templates_, "timeline"));
  const std::string feed = "/" + page.body.slug + "/strategies.atom";
  const std::string feed_title = "Strategy progress and versions – " + page.body.name;
  return InLayout(templates_, "Strategies – " + page.body.name, Crumbs(page.body, false),
                  RenderWith(templates_, "strategies", d), "/" + page.body.slug + "/strategies.json",
                  AtomAlternate{feed, feed_title});
}

std::string HtmlPages::Strategy(const services::StrategyPage& page) const {
  const strategy::Strategy& s = *page.strategy;
  const auto& links = page.links;
  mu::data d;
  StrategyHeader(d, page);
  d.set("atom_href", Str("/" + page.body.slug + "/strategies.atom"));
  d.set("summary", Blocks(s.summary));
  d.set("period", Str(Period(s)));
  d.set("period_note", Opt(s.period_note));
  d.set("owner", Str(s.owner));
  d.set("replaces", StrategyLinks(page.replaces));
  mu::data others = List();
  for (const auto& p : s.replaces_other) {
    mu::data od;
    od.set("title", Str(p.title));
    od.set("note", Opt(p.note));
    od.set("source", SourceOrFalse(links, s.body, p.source));
    others.push_back(od);
  }
  d.set("replaces_other", others);
  d.set("has_replaces", mu::data(!page.replaces.empty() || !s.replaces_other.empty()));
  d.set("replaced_by", StrategyLinks(page.replaced_by));
  d.set("has_replaced_by", mu::data(!page.replaced_by.empty()));
  std::string schedule;
  if (s.review.annual_update) schedule += "Annual update. ";
  if (s.review.refresh_years > 0) schedule += fmt::format("Refreshed every {} years. ", s.review.refresh_years);
  if (s.review.live_document) schedule += "A live document, continually updated. ";
  if (schedule.empty()) schedule = "Not stated. ";
  d.set("review_schedule", Str(std::string(Trim(schedule))));
  d.set("review_note", Opt(s.review.note));
  d.set("review_source", SourceOrFalse(links, s.body, s.review.source));

  mu::data versions = List();
  for (const auto& v : s.versions) {
    mu::data vd;
    vd.set("label", Str(v.label));
    vd.set("date", Str(v.approved.ToLong()));
    vd.set("date_iso", Str(v.approved.ToIso()));
    vd.set("changes", Str(v.changes.empty() ? "Not stated" : v.changes));
    vd.set("source", SourceOrFalse(links, s.body, v.decision));
    vd.set("not_on_register", Opt(v.decision_not_on_register));
    versions.push_back(vd);
  }
  d.set("versions", versions);

  d.set("theme_count_note", ThemeCountNote(s));
  d.set("has_themes", mu::data(!s.themes.empty()));
  mu::data themes = List();
  for (const auto& tr : page.report.themes) {
    const strategy::Theme& th = *tr.theme;
    mu::data td;
    td.set("id", Str(th.id));
    td.set("title", Str(th.title));
    td.set("summary", Opt(th.summary));
    mu::data deliverables = List();
    for (const auto& dl : th.deliverables) {
      mu::data dd;
      dd.set("title", Str(dl.title));
      dd.set("description", Opt(dl.description));
      dd.set("status", Str(strategy::StatusLabel(dl.status)));
      dd.set("status_class", Str(TagClass(dl.status)));
      dd.set("overdue", mu::data(strategy::IsOverdue(dl, page.as_of)));
      dd.set("due", Str(dl.due ? dl.due->ToText() : "Not stated"));
      mu::data progress = List();
      for (const auto& e : dl.progress) {
        mu::data ed;
        ed.set("when", Str(e.when.ToText()));
        ed.set("when_iso", Str(e.when.ToIso()));
        ed.set("text", Str(e.text));
        ed.set("source", SourceOrFalse(links, s.body, e.source));
        ed.set("status_change", Opt(e.status_change ? strategy::StatusLabel(*e.status_change) : ""));
        ed.set("recorded", Opt(e.recorded.empty() ? ""
                               : e.recorded == strategy::kStaffSource ? "recorded by staff"
                                                                      : "imported from " + e.recorded));
        progress.push_back(ed);
      }
      dd.set("progress", progress);
      dd.set("has_progress", mu::data(!dl.progress.empty()));
      dd.set("source", SourceOrFalse(links, s.body, dl.source));
      deliverables.push_back(dd);
    }
    td.set("deliverables", deliverables);
    td.set("has_deliverables", mu::data(!th.deliverables.empty()));
    td.set("targets", TargetRows(tr.targets, links, s.body));
    td.set("has_targets", mu::data(!tr.targets.empty()));
    themes.push_back(td);
  }
  d.set("themes", themes);

  mu::data principles = List();
  for (const auto& p : s.principles) principles.push_back(Str(p));
  d.set("principles", principles);
  bool principles_short = s.stated_principle_count &&
                          *s.stated_principle_count != static_cast<int>(s.principles.size());
  if (principles_short) {
    d.set("principles_note", Str(fmt::format(
                                 "The strategy has {} core principles; the decision records on this "
                                 "register name {} of them.",
                                 *s.stated_principle_count, s.principles.size())));
  }
  d.set("has_principles", mu::data(!s.principles.empty() || principles_short));

  mu::data alignments = List();
  for (const auto& a : s.alignments) {
    mu::data ad;
    ad.set("kind", Str(strategy::AlignmentKindLabel(a.kind)));
    std::string name = a.name;
    if (a.kind == strategy::AlignmentKind::kNational && page.catalogue) {
      if (const auto* n = page.catalogue->FindNational(a.national)) {
        name = n->title + (n->by.empty() ? "" : " (" + n->by + ")");
      }
    }
    ad.set("name", Str(name));
    mu::data priorities = List();
    for (const auto& p : a.priorities) priorities.push_back(Str(p));
    ad.set("priorities", priorities);
    ad.set("has_priorities", mu::data(!a.priorities.empty()));
    if (a.stated_priority_count && a.priorities.empty()) {
      ad.set("priority_count", Str(fmt::format("All {} priorities (not named in the record).",
                                               *a.stated_priority_count)));
    }
    ad.set("text", Opt(a.text));
    ad.set("source", SourceOrFalse(links, s.body, a.source));
    alignments.push_back(ad);
  }
  d.set("alignments", alignments);
  d.set("has_alignments", mu::data(!s.alignments.empty()));

  mu::data influences = List();
  for (const auto& i : s.influences) {
    mu::data id;
    id.set("title", Str(i.title));
    id.set("text", Opt(i.text));
    influences.push_back(id);
  }
  d.set("influences", influences);
  d.set("has_influences", mu::data(!s.influences.empty()));

  const std::string feed = "/" + page.body.slug + "/strategies.atom";
  const std::string feed_title = "Strategy progress and versions – " + page.body.name;
  return InLayout(templates_, s.title, Crumbs(page.body, true), RenderWith(templates_, "strategy", d),
                  StrategyUrl(s) + ".json", AtomAlternate{feed, feed_title});
}

std::string HtmlPages::StrategyReport(const services::StrategyPage& page) const {
  const strategy::Strategy& s = *page.strategy;
  const auto& r = page.report;
  mu::data d;
  StrategyHeader(d, page);
  d.set("deliverables", Str(std::to_string(r.deliverables)));
  d.set("overdue_count", Str(std::to_string(r.overdue)));
  d.set("by_status", StatusCounts(r.by_status));
  d.set("theme_count_note", ThemeCountNote(s));
  mu::data themes = List();
  for (const auto& tr : r.themes) {
    mu::data td;
    td.set("title", Str(tr.theme->title));
    td.set("by_status", StatusCounts(tr.by_status));
    td.set("has_deliverables", mu::data(!tr.theme->deliverables.empty()));
    mu::data overdue = List();
    for (const auto* dl : tr.overdue) {
      mu::data od;
      od.set("title", Str(dl->title));
      od.set("due", Str(dl->due->ToText()));
      od.set("status", Str(strategy::StatusLabel(dl->status)));
      auto last = strategy::LastProgress(*dl);
      od.set("last", Str(last ? last->ToText() : "No progress recorded"));
      overdue.push_back(od);
    }
    td.set("overdue", overdue);
    td.set("has_overdue", mu::data(!tr.overdue.empty()));
    td.set("targets", TargetRows(tr.targets, page.links, s.body));
    td.set("has_targets", mu::data(!tr.targets.empty()));
    themes.push_back(td);
  }
  d.set("themes", themes);
  d.set("has_themes", mu::data(!r.themes.empty()));
  return InLayout(templates_, "Delivery report – " + s.title, Crumbs(page.body, true),
                  RenderWith(templates_, "strategy_report", d));
}

}  // namespace assent::render
