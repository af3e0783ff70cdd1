#include "services/strategy_register.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "decisions/decision.hpp"
#include "services/strategy_progress.hpp"

namespace assent::services {
namespace {

std::string LinkKey(std::string_view body, std::string_view reference) {
  return fmt::format("{}/{}", body, decisions::ReferenceSlug(reference));
}

// Resolves one reference against the public register; kNotFound means "not public".
Result<void> Resolve(storage::Store& store, const decisions::Body& body, std::string_view reference,
                     DecisionLinks& links) {
  if (reference.empty()) return Ok();
  std::string key = LinkKey(body.slug, reference);
  if (links.count(key)) return Ok();
  DecisionLink link;
  link.reference = std::string(reference);
  std::string slug = decisions::ReferenceSlug(reference);
  auto d = store.FindDecision(body.slug, slug);
  if (!d && d.error().code != ErrorCode::kNotFound) return d.error();
  if (d) {
    if (auto pub = publication::MakePublicDecision(*d, body)) {
      link.on_register = true;
      link.url = "/" + body.slug + "/decisions/" + pub->reference_slug;
      link.title = pub->title;
      link.date = pub->decision_date;
      link.reference = pub->reference;
    }
  }
  links.emplace(std::move(key), std::move(link));
  return Ok();
}

// Every reference a strategy cites: its versions' decisions and each statement's source.
Result<void> ResolveAll(storage::Store& store, const decisions::Body& body,
                        const strategy::Strategy& s, DecisionLinks& links) {
  std::vector<std::string_view> refs;
  for (const auto& v : s.versions) refs.push_back(v.decision);
  for (const auto& p : s.replaces_other) refs.push_back(p.source);
  refs.push_back(s.review.source);
  for (const auto& a : s.alignments) refs.push_back(a.source);
  for (const auto& t : s.themes) {
    for (const auto& d : t.deliverables) {
      refs.push_back(d.source);
      for (const auto& e : d.progress) refs.push_back(e.source);
    }
    for (const auto& g : t.targets) refs.push_back(g.source);
  }
  for (auto r : refs) {
    if (auto ok = Resolve(store, body, r, links); !ok) return ok.error();
  }
  return Ok();
}

Result<TimelineLane> Lane(storage::Store& store, const strategy::Catalogue& catalogue,
                          const decisions::Body& body, const Date& as_of, DecisionLinks& links) {
  TimelineLane lane;
  lane.body = publication::MakePublicBody(body);
  for (const strategy::Strategy* file : catalogue.ForBody(body.slug)) {
    auto merged = MergeRecorded(store, *file);
    if (!merged) return merged.error();
    StrategyRow row{merged->get(), catalogue.StatusOn(*file, as_of), std::move(*merged)};
    for (const auto& v : row.strategy->versions) {
      if (auto ok = Resolve(store, body, v.decision, links); !ok) return ok.error();
    }
    lane.strategies.push_back(std::move(row));
  }
  return lane;
}

}  // namespace

const DecisionLink* FindLink(const DecisionLinks& links, std::string_view body,
                             std::string_view reference) {
  auto it = links.find(LinkKey(body, reference));
  return it == links.end() ? nullptr : &it->second;
}

Result<Timeline> GetStrategyTimeline(storage::Store& store, const strategy::Catalogue& catalogue,
                                     const Date& as_of) {
  Timeline t;
  t.catalogue = &catalogue;
  for (const auto& slug : catalogue.Bodies()) {
    auto body = store.FindBody(slug);
    if (!body) {
      if (body.error().code == ErrorCode::kNotFound) continue;  // logged at start
      return body.error();
    }
    auto lane = Lane(store, catalogue, *body, as_of, t.links);
    if (!lane) return lane.error();
    t.lanes.push_back(std::move(*lane));
  }
  return t;
}

Result<StrategyListPage> GetStrategyList(storage::Store& store, const strategy::Catalogue& catalogue,
                                         std::string_view body, const Date& as_of) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  StrategyListPage page;
  page.body = publication::MakePublicBody(*b);
  page.as_of = as_of;
  page.timeline.catalogue = &catalogue;
  auto lane = Lane(store, catalogue, *b, as_of, page.timeline.links);
  if (!lane) return lane.error();
  page.rows = lane->strategies;
  if (!lane->strategies.empty()) page.timeline.lanes.push_back(std::move(*lane));
  return page;
}

Result<DecisionApprovals> VersionsApprovedBy(storage::Store& store, const strategy::Catalogue* catalogue,
                                             std::string_view body, std::string_view reference) {
  DecisionApprovals out;
  if (!catalogue || reference.empty()) return out;
  out.versions = catalogue->ApprovedBy(body, reference);
  auto proposals = store.ListStrategyProposals(body, "");
  if (!proposals) return proposals.error();
  const std::string slug = decisions::ReferenceSlug(reference);
  for (const auto& p : *proposals) {
    const strategy::Strategy* s = catalogue->Find(body, p.strategy);
    if (!s) continue;
    auto d = store.FindDecisionById(p.decision_id);
    if (!d) {
      if (d.error().code == ErrorCode::kNotFound) continue;
      return d.error();
    }
    if (decisions::ReferenceSlug(d->reference) != slug) continue;
    strategy::DecisionState state{d->status, d->outcome, d->decision_date, d->reference};
    auto v = strategy::VersionThroughDecision(p, state);
    if (!v) continue;
    out.owned.push_back(std::move(*v));
    out.versions.push_back({s, &out.owned.back()});
  }
  return out;
}

Result<StrategyFeed> GetStrategyFeed(storage::Store& store, const strategy::Catalogue& catalogue,
                                     std::string_view body, int limit) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  StrategyFeed feed;
  feed.body = publication::MakePublicBody(*b);
  auto progress = ListRecentProgress(store, catalogue, b->slug, limit);
  if (!progress) return progress.error();
  feed.progress = std::move(*progress);
  DecisionLinks links;
  for (const strategy::Strategy* file : catalogue.ForBody(b->slug)) {
    auto merged = MergeRecorded(store, *file);
    if (!merged) return merged.error();
    feed.strategies.push_back(std::move(*merged));
    const strategy::Strategy* s = feed.strategies.back().get();
    for (const auto& v : s->versions) {
      FeedVersion fv{s, v, {}};
      if (!v.decision.empty()) {
        if (auto ok = Resolve(store, *b, v.decision, links); !ok) return ok.error();
        if (const auto* link = FindLink(links, b->slug, v.decision)) fv.decision = *link;
      }
      feed.versions.push_back(std::move(fv));
    }
  }
  std::stable_sort(feed.versions.begin(), feed.versions.end(),
                   [](const FeedVersion& x, const FeedVersion& y) { return y.version.approved < x.version.approved; });
  return feed;
}

Result<StrategyPage> GetStrategyPage(storage::Store& store, const strategy::Catalogue& catalogue,
                                     std::string_view body, std::string_view id, const Date& as_of) {
  auto b = store.FindBody(body);
  if (!b) return b.error();
  const strategy::Strategy* file = catalogue.Find(body, id);
  if (!file) return Fail(ErrorCode::kNotFound, "no such strategy");
  StrategyPage page;
  page.body = publication::MakePublicBody(*b);
  auto merged = MergeRecorded(store, *file);
  if (!merged) return merged.error();
  page.merged = std::move(*merged);
  const strategy::Strategy* s = page.merged.get();
  page.strategy = s;
  page.status = catalogue.StatusOn(*file, as_of);
  page.replaces = catalogue.Replaces(*file);
  page.replaced_by = catalogue.ReplacedBy(*file);
  page.report = strategy::BuildDeliveryReport(*s, as_of);
  page.catalogue = &catalogue;
  page.as_of = as_of;
  if (auto ok = ResolveAll(store, *b, *s, page.links); !ok) return ok.error();
  for (const auto* other : page.replaces) {
    if (auto ok = Resolve(store, *b, other->Latest().decision, page.links); !ok) return ok.error();
  }
  return page;
}

}  // namespace assent::services
