#include "render/strategy_feed.hpp"

#include <fmt/format.h>

#include "decisions/decision.hpp"

namespace assent::render {
namespace {

// Names the strategy, the deliverable and the status the entry sets (if any).
std::string ProgressTitle(const services::RecentProgress& p) {
  std::string what = p.status ? fmt::format("status {}", strategy::StatusLabel(*p.status))
                              : std::string("progress reported");
  return fmt::format("{} – {}: {}", p.strategy_title, p.deliverable_title, what);
}

std::string ProgressSummary(const services::RecentProgress& p) {
  std::string out = p.when.ToText() + ".";
  if (!p.text.empty()) out += " " + p.text;
  if (p.status) out += fmt::format(" Status now: {}.", strategy::StatusLabel(*p.status));
  return out;
}

std::string VersionFragment(const strategy::Version& v) {
  std::string key = v.decision.empty() ? std::string("not-on-register")
                                       : decisions::ReferenceSlug(v.decision);
  return fmt::format("version-{}-{}", v.approved.ToIso(), key);
}

std::string VersionSummary(const services::FeedVersion& fv) {
  const strategy::Version& v = fv.version;
  std::string out;
  if (!v.decision.empty()) {
    out = fmt::format("Approved on {} by decision {}", v.approved.ToLong(), v.decision);
    if (fv.decision.on_register && !fv.decision.title.empty()) out += " (" + fv.decision.title + ")";
    out += ".";
  } else {
    out = fmt::format("Approved on {}. {}", v.approved.ToLong(), v.decision_not_on_register);
  }
  if (!v.changes.empty()) out += " " + v.changes;
  return out;
}

}  // namespace

AtomFeed StrategyFeed(const services::StrategyFeed& feed, std::string_view base) {
  AtomFeed out;
  std::string page = fmt::format("{}/{}/strategies", base, feed.body.slug);
  out.id = page + ".atom";
  out.self = out.id;
  out.alternate = page;
  out.title = "Strategies – " + feed.body.name;
  out.author = feed.body.name;
  for (const auto& p : feed.progress) {
    std::string url = std::string(base) + p.url;
    out.entries.push_back({fmt::format("{}#progress-{}", url, p.id), ProgressTitle(p),
                           Rfc3339(p.recorded_at), url, ProgressSummary(p)});
  }
  for (const auto& fv : feed.versions) {
    const strategy::Strategy& s = *fv.strategy;
    std::string url = fmt::format("{}/{}/strategies/{}", base, s.body, s.id);
    out.entries.push_back({fmt::format("{}#{}", url, VersionFragment(fv.version)),
                           fmt::format("{} – version approved: {}", s.title, fv.version.label),
                           Rfc3339(fv.version.approved.ToIso()), url, VersionSummary(fv)});
  }
  return out;
}

}  // namespace assent::render
