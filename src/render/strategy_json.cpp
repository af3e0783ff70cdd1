#include "render/strategy_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "strategy/target.hpp"

namespace assent::render {
namespace {

using json = nlohmann::ordered_json;

std::string Dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json OptText(std::string_view s) { return s.empty() ? json(nullptr) : json(std::string(s)); }
json OptPartial(const std::optional<strategy::PartialDate>& d) {
  return d ? json(d->ToIso()) : json(nullptr);
}
json OptInt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

std::string StrategyUrl(const strategy::Strategy& s) { return "/" + s.body + "/strategies/" + s.id; }

// {reference, on_register, url, title, date} or null when no reference is cited.
json Decision(const services::DecisionLinks& links, std::string_view body, std::string_view reference) {
  if (reference.empty()) return nullptr;
  const auto* link = services::FindLink(links, body, reference);
  bool on = link && link->on_register;
  return {{"reference", std::string(reference)},
          {"on_register", on},
          {"url", on ? json(link->url) : json(nullptr)},
          {"title", on ? json(link->title) : json(nullptr)},
          {"date", on && link->date ? json(link->date->ToIso()) : json(nullptr)}};
}

json Ids(const std::vector<const strategy::Strategy*>& list) {
  json out = json::array();
  for (const auto* s : list) out.push_back({{"id", s->id}, {"title", s->title}, {"url", StrategyUrl(*s)}});
  return out;
}

json Summary(const strategy::Catalogue* catalogue, const services::StrategyRow& row,
             const services::DecisionLinks& links) {
  const strategy::Strategy& s = *row.strategy;
  const auto& v = s.Latest();
  json replaces = json::array(), replaced_by = json::array();
  if (catalogue) {
    replaces = Ids(catalogue->Replaces(s));
    replaced_by = Ids(catalogue->ReplacedBy(s));
  }
  return {{"id", s.id},
          {"url", StrategyUrl(s)},
          {"title", s.title},
          {"start_year", s.start_year},
          {"end_year", s.end_year},
          {"owner", s.owner},
          {"status", strategy::StatusName(row.status)},
          {"latest_version", {{"label", v.label},
                              {"approved", v.approved.ToIso()},
                              {"decision", Decision(links, s.body, v.decision)}}},
          {"replaces", replaces},
          {"replaced_by", replaced_by}};
}

json BodyJson(const publication::PublicBody& b) {
  return {{"slug", b.slug},
          {"name", b.name},
          {"short_name", b.short_name},
          {"strategies_url", "/" + b.slug + "/strategies"}};
}

json TargetJson(const strategy::TargetLine& line, const services::DecisionLinks& links,
                std::string_view body) {
  const auto& t = *line.target;
  return {{"id", t.id},
          {"name", t.name},
          {"unit", strategy::UnitName(t.unit)},
          {"baseline", t.baseline},
          {"baseline_label", OptText(t.baseline_label)},
          {"target", t.target},
          {"target_by", OptPartial(t.target_by)},
          {"achieved", t.achieved ? json(*t.achieved) : json(nullptr)},
          {"achieved_on", OptPartial(t.achieved_on)},
          {"attainment_percent", line.attainment_percent
                                     ? json(std::round(*line.attainment_percent * 10) / 10)
                                     : json(nullptr)},
          {"met", line.met ? json(*line.met) : json(nullptr)},
          {"note", OptText(t.note)},
          {"source", Decision(links, body, t.source)}};
}

}  // namespace

std::string StrategyTimelineJson(const services::Timeline& timeline, const Date& as_of) {
  json bodies = json::array();
  for (const auto& lane : timeline.lanes) {
    json list = json::array();
    for (const auto& row : lane.strategies) list.push_back(Summary(timeline.catalogue, row, timeline.links));
    json b = BodyJson(lane.body);
    b["strategies"] = std::move(list);
    bodies.push_back(std::move(b));
  }
  json national = json::array();
  if (timeline.catalogue) {
    for (const auto& n : timeline.catalogue->national()) {
      national.push_back({{"id", n.id},
                          {"title", n.title},
                          {"by", OptText(n.by)},
                          {"start_year", OptInt(n.start_year)},
                          {"end_year", OptInt(n.end_year)}});
    }
  }
  return Dump({{"as_of", as_of.ToIso()}, {"bodies", bodies}, {"national_strategies", national}});
}

std::string StrategyListJson(const services::StrategyListPage& page) {
  json list = json::array();
  for (const auto& row : page.rows) list.push_back(Summary(page.timeline.catalogue, row, page.timeline.links));
  return Dump({{"body", BodyJson(page.body)}, {"as_of", page.as_of.ToIso()}, {"strategies", list}});
}

std::string StrategyJson(const services::StrategyPage& page) {
  const strategy::Strategy& s = *page.strategy;
  const auto& links = page.links;
  json versions = json::array();
  for (const auto& v : s.versions) {
    versions.push_back({{"label", v.label},
                        {"approved", v.approved.ToIso()},
                        {"decision", Decision(links, s.body, v.decision)},
                        {"decision_not_on_register", OptText(v.decision_not_on_register)},
                        {"changes", OptText(v.changes)}});
  }
  json others = json::array();
  for (const auto& p : s.replaces_other) {
    others.push_back({{"title", p.title},
                      {"start_year", OptInt(p.start_year)},
                      {"end_year", OptInt(p.end_year)},
                      {"note", OptText(p.note)},
                      {"source", Decision(links, s.body, p.source)}});
  }
  json themes = json::array();
  for (const auto& tr : page.report.themes) {
    json deliverables = json::array();
    for (const auto& d : tr.theme->deliverables) {
      json progress = json::array();
      for (const auto& e : d.progress) {
        json entry = {{"when", e.when.ToIso()}, {"text", e.text}, {"source", Decision(links, s.body, e.source)}};
        // Stored entries (staff or a CSV import) say so, and the status they set.
        entry["recorded"] = e.recorded.empty() ? json(nullptr) : json(e.recorded);
        entry["status_change"] =
            e.status_change ? json(strategy::StatusName(*e.status_change)) : json(nullptr);
        progress.push_back(std::move(entry));
      }
      deliverables.push_back({{"id", d.id},
                              {"title", d.title},
                              {"description", OptText(d.description)},
                              {"status", strategy::StatusName(d.status)},
                              {"due", OptPartial(d.due)},
                              {"overdue", strategy::IsOverdue(d, page.as_of)},
                              {"progress", progress},
                              {"source", Decision(links, s.body, d.source)}});
    }
    json targets = json::array();
    for (const auto& line : tr.targets) targets.push_back(TargetJson(line, links, s.body));
    json counts = json::object();
    for (const auto& c : tr.by_status) counts[std::string(strategy::StatusName(c.status))] = c.count;
    themes.push_back({{"id", tr.theme->id},
                      {"title", tr.theme->title},
                      {"summary", OptText(tr.theme->summary)},
                      {"deliverables_by_status", counts},
                      {"overdue", tr.overdue.size()},
                      {"deliverables", deliverables},
                      {"targets", targets}});
  }
  json alignments = json::array();
  for (const auto& a : s.alignments) {
    json name = OptText(a.name);
    if (a.kind == strategy::AlignmentKind::kNational && page.catalogue) {
      if (const auto* n = page.catalogue->FindNational(a.national)) name = n->title;
    }
    alignments.push_back({{"kind", strategy::AlignmentKindName(a.kind)},
                          {"name", name},
                          {"national", OptText(a.national)},
                          {"priorities", a.priorities},
                          {"stated_priority_count", OptInt(a.stated_priority_count)},
                          {"text", OptText(a.text)},
                          {"source", Decision(links, s.body, a.source)}});
  }
  json influences = json::array();
  for (const auto& i : s.influences) influences.push_back({{"title", i.title}, {"text", OptText(i.text)}});
  const auto& r = page.report;
  return Dump(
      {{"body", BodyJson(page.body)},
       {"id", s.id},
       {"url", StrategyUrl(s)},
       {"title", s.title},
       {"start_year", s.start_year},
       {"end_year", s.end_year},
       {"period_note", OptText(s.period_note)},
       {"owner", s.owner},
       {"summary", OptText(s.summary)},
       {"as_of", page.as_of.ToIso()},
       {"status", strategy::StatusName(page.status)},
       {"versions", versions},
       {"replaces", Ids(page.replaces)},
       {"replaces_other", others},
       {"replaced_by", Ids(page.replaced_by)},
       {"review", {{"annual_update", s.review.annual_update},
                   {"refresh_years", s.review.refresh_years > 0 ? json(s.review.refresh_years) : json(nullptr)},
                   {"live_document", s.review.live_document},
                   {"note", OptText(s.review.note)},
                   {"next_review", r.next_review ? json(r.next_review->date.ToIso()) : json(nullptr)},
                   {"next_review_reason", r.next_review ? json(r.next_review->reason) : json(nullptr)},
                   {"overdue", r.review_overdue}}},
       {"stated_theme_count", OptInt(s.stated_theme_count)},
       {"themes", themes},
       {"deliverables", r.deliverables},
       {"overdue", r.overdue},
       {"principles", s.principles},
       {"stated_principle_count", OptInt(s.stated_principle_count)},
       {"alignments", alignments},
       {"external_influences", influences},
       {"report_url", StrategyUrl(s) + "/report"},
       {"report_csv_url", StrategyUrl(s) + "/report.csv"}});
}

}  // namespace assent::render
