#include "publication/public_decision.hpp"

#include <array>
#include <utility>

#include "publication/grounds.hpp"
#include "publication/publication_plan.hpp"
#include "publication/redaction.hpp"

namespace assent::publication {
namespace {

using decisions::Part;

// Header fields that are public on every form, with the register's own labels.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kPublicFields = {{
    {"classification", "Classification"},
    {"meeting_date", "Meeting date"},
    {"report_by", "Report by"},
    {"report_date", "Date of report"},
    {"enquiries_to", "Enquiries to"},
    {"area_affected", "Area or stakeholders affected"},
}};

}  // namespace

std::string_view PublicFieldLabel(std::string_view key) {
  for (const auto& [k, label] : kPublicFields) {
    if (k == key) return label;
  }
  return key;
}

PublicBody MakePublicBody(const decisions::Body& body) {
  return PublicBody{body.slug, body.name, body.short_name, body.website,
                    body.publication_working_days};
}

std::string_view PublicStateName(PublicState s) {
  switch (s) {
    case PublicState::kPublished: return "published";
    case PublicState::kDeferred: return "deferred";
    case PublicState::kWithheld: return "withheld";
    case PublicState::kWithdrawn: return "withdrawn";
  }
  return "published";
}

PublicState PublicStateOfName(std::string_view name) {
  for (auto s : {PublicState::kDeferred, PublicState::kWithheld, PublicState::kWithdrawn}) {
    if (PublicStateName(s) == name) return s;
  }
  return PublicState::kPublished;
}

std::string_view PublicStateLabel(PublicState s) {
  switch (s) {
    case PublicState::kPublished: return "Published";
    case PublicState::kDeferred: return "Publication deferred";
    case PublicState::kWithheld: return "Withheld";
    case PublicState::kWithdrawn: return "Withdrawn";
  }
  return "Published";
}

std::string OutcomeLabel(decisions::Outcome outcome) {
  switch (outcome) {
    case decisions::Outcome::kApproved: return "Approved";
    case decisions::Outcome::kNotApproved: return "Not approved";
    case decisions::Outcome::kUnknown: return "Not recorded";
  }
  return "Not recorded";
}

Result<PublicDecision> MakePublicDecision(const decisions::Decision& d,
                                          const decisions::Body& body) {
  auto state = PublicStateOf(d);
  if (!state || d.body != body.slug) {
    return Fail(ErrorCode::kNotFound, "no such decision");
  }
  PublicDecision p;
  p.body = MakePublicBody(body);
  p.reference = d.reference;
  p.reference_slug = decisions::ReferenceSlug(d.reference);
  p.title = d.title;
  p.status = d.status;
  p.state = *state;
  p.withdrawn = p.state == PublicState::kWithdrawn;
  p.decision_maker_role = d.decision_maker_role;
  p.decision_date = d.decision_date;
  p.published_on = d.published_on;
  switch (p.state) {
    case PublicState::kPublished:
      break;
    case PublicState::kDeferred:
      // A stub: the decision exists, why it waits and until when; nothing of its text.
      p.deferral_reason = d.plan.reason;
      p.deferred_until = d.plan.until;
      p.publication_deferred = true;
      return p;
    case PublicState::kWithheld: {
      p.withheld_what = d.plan.withheld_what;
      p.withheld_ground = d.plan.ground;
      auto g = FindGround(d.plan.ground);
      p.withheld_ground_label = g ? std::string(g->label) : d.plan.ground;
      p.review_date = d.plan.review_date;
      return p;
    }
    case PublicState::kWithdrawn:
      // A tombstone: what was withdrawn, when and why; the withdrawn text is not repeated.
      p.withdrawal_reason = d.status_reason;
      p.withdrawn_on = d.withdrawn_on;
      return p;
  }
  p.outcome = d.outcome;
  for (const auto& [key, label] : kPublicFields) {
    std::string_view value = d.Field(key);
    if (!value.empty()) p.fields.push_back({std::string(key), std::string(label), std::string(value)});
  }
  bool part2 = d.publication.part2_exists.value_or(false);
  for (const auto& s : d.sections) {
    if (s.part == Part::kPart2) {
      part2 = true;
      continue;
    }
    auto text = RedactedSectionText(s, d.redactions);  // nullopt: the whole section redacted
    if (text && !text->empty()) p.sections.push_back({s.heading, std::move(*text)});
  }
  for (const auto& paper : d.background_papers) {
    if (paper.part == Part::kPart2) {
      part2 = true;
      ++p.part2_papers_withheld;
      continue;
    }
    p.background_papers.push_back(paper.title);
  }
  for (const auto& b : d.boards) p.boards.push_back({b.name, b.date});
  p.persons_consulted = d.persons_consulted;
  for (const auto& s : d.signoffs) {
    if (!s.stands()) continue;  // a voided signature approved content that was changed
    p.signoffs.push_back({s.role.value_or(""), s.name.value_or(""), s.date});
  }
  p.part2_exists = part2;
  p.part2_statement = part2 ? d.publication.part2_reason : std::string();
  p.publication_deferred = d.publication.deferred;
  p.press_release_required = d.media.press_release_required;
  p.media = {d.media.press_release_required, d.media.strategy_formulated,
             d.media.strategy_attached, d.media.press_release_date};
  p.redactions = RedactionNotices(d);
  return p;
}

}  // namespace assent::publication
