#include "render/decision_feeds.hpp"

#include <fmt/format.h>

namespace assent::render {
namespace {

constexpr std::size_t kSummaryChars = 400;

std::string DecisionUrl(std::string_view base, std::string_view body, std::string_view slug) {
  return fmt::format("{}/{}/decisions/{}", base, body, slug);
}

// Cuts at a space before `max` bytes (never inside a UTF-8 sequence) and adds "…".
std::string Shorten(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = text.rfind(' ', max);
  if (cut == std::string_view::npos || cut < max / 2) {
    cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string DateOr(const std::optional<Date>& d, std::string_view none) {
  return d ? d->ToLong() : std::string(none);
}

// When the public record last changed: its last published version, else the day it was
// first published, else the decision date.
std::string Updated(const publication::PublicDecision& d) {
  if (!d.versions.empty() && !d.versions.back().published_at.empty()) {
    return Rfc3339(d.versions.back().published_at);
  }
  if (d.withdrawn_on) return Rfc3339(d.withdrawn_on->ToIso());
  if (d.published_on) return Rfc3339(d.published_on->ToIso());
  if (d.decision_date) return Rfc3339(d.decision_date->ToIso());
  return {};
}

}  // namespace

std::string DecisionSummaryText(const publication::PublicDecision& d) {
  using publication::PublicState;
  std::string out = fmt::format("{}. Decision maker: {}. Outcome: {}. Date of decision: {}.",
                                publication::PublicStateLabel(d.state),
                                d.decision_maker_role.value_or("Not recorded"),
                                publication::OutcomeLabel(d.outcome),
                                DateOr(d.decision_date, "Not recorded"));
  switch (d.state) {
    case PublicState::kPublished:
      if (!d.sections.empty()) out += " " + OneLine(d.sections.front().text);
      break;
    case PublicState::kDeferred:
      if (!d.deferral_reason.empty()) out += " Deferred: " + d.deferral_reason + ".";
      if (d.deferred_until) out += " Until " + d.deferred_until->ToLong() + ".";
      break;
    case PublicState::kWithheld:
      if (!d.withheld_ground_label.empty()) out += " Withheld under " + d.withheld_ground_label + ".";
      if (d.review_date) out += " Review due " + d.review_date->ToLong() + ".";
      break;
    case PublicState::kWithdrawn:
      if (!d.withdrawal_reason.empty()) out += " Withdrawn: " + d.withdrawal_reason + ".";
      break;
  }
  return Shorten(out, kSummaryChars);
}

AtomFeed RegisterFeed(const services::RegisterDecisions& reg, std::string_view base) {
  AtomFeed feed;
  std::string page = fmt::format("{}/{}/decisions", base, reg.body.slug);
  feed.id = page + ".atom";
  feed.self = feed.id;
  feed.alternate = page;
  feed.title = "Decisions – " + reg.body.name;
  feed.author = reg.body.name;
  for (const auto& d : reg.decisions) {
    std::string url = DecisionUrl(base, d.body.slug, d.reference_slug);
    feed.entries.push_back({url, d.reference + ": " + d.title, Updated(d), url,
                            DecisionSummaryText(d)});
  }
  return feed;
}

AtomFeed SearchFeed(const services::SearchPage& page, std::string_view base, std::string_view query) {
  AtomFeed feed;
  std::string q = query.empty() ? std::string() : "?" + std::string(query);
  feed.id = fmt::format("{}/search.atom{}", base, q);
  feed.self = feed.id;
  feed.alternate = fmt::format("{}/search{}", base, q);
  feed.title = page.form.text.empty() ? std::string("Search the decision register")
                                      : "Decisions matching “" + page.form.text + "”";
  feed.author = "Policing decision register";
  for (const auto& hit : page.hits) {
    const auto& r = hit.decision;
    std::string url = DecisionUrl(base, hit.body.slug, r.reference_slug);
    std::string snippet;
    for (const auto& part : hit.snippet) snippet += part.text;
    std::string summary = fmt::format("{}. Decision maker: {}. Date of decision: {}. {}",
                                      hit.body.name, r.decision_maker_role.value_or("Not recorded"),
                                      DateOr(r.decision_date, "Not recorded"), OneLine(snippet));
    feed.entries.push_back({url, r.reference + ": " + r.title,
                            r.decision_date ? Rfc3339(r.decision_date->ToIso()) : std::string(),
                            url, Shorten(summary, kSummaryChars)});
  }
  return feed;
}

}  // namespace assent::render
