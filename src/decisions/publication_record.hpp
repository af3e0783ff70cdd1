#pragma once
// What the office decided about publishing a decided decision, and the redactions it
// applies: plain values kept on the decision record (staff-only, like Part 2). The
// rules (validation, who may do what, how redactions apply) are in publication/.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace assent::decisions {

// One plan per decision: publish Part 1 by the due date; defer with a reason and an
// until-date (it publishes itself then); or withhold under a ground, recorded even when
// nothing is published. kNone until the chief executive / monitoring officer sets it.
enum class PlanKind { kNone, kPublish, kDefer, kWithhold };
std::string_view PlanKindName(PlanKind kind);  // "", "publish", "defer", "withhold"
std::optional<PlanKind> ParsePlanKind(std::string_view name);

struct PublicationPlan {
  PlanKind kind = PlanKind::kNone;
  std::string reason;                // kDefer: why publication waits
  std::optional<Date> until;         // kDefer: the date it publishes itself
  std::string ground;                // kWithhold: ground code, publication/grounds ("s43")
  std::string withheld_what;         // kWithhold: "The whole decision", "Appendix A"
  std::optional<Date> review_date;   // kWithhold: when withholding is reviewed
  std::int64_t set_by = 0;           // the account that set it
  std::string set_by_name;           // its display name, as shown to staff
  std::string set_at;                // UTC instant
  friend bool operator==(const PublicationPlan&, const PublicationPlan&) = default;
};

// What a redaction removes from the public view.
enum class RedactionTarget { kSection, kAttachment, kSpan };
std::string_view RedactionTargetName(RedactionTarget target);  // "section", "attachment", "span"
std::optional<RedactionTarget> ParseRedactionTarget(std::string_view name);

// A redaction record: applied when the public view is built (never by painting over the
// text), and only once signed off by the chief executive or the treasurer, who is not
// the proposer. Records are never deleted; their number is their position (1-based).
struct Redaction {
  RedactionTarget target = RedactionTarget::kSection;
  std::string section_key;        // kSection, kSpan: the Part 1 section's key
  std::string attachment_sha256;  // kAttachment
  std::string text;               // kSpan: the exact text removed (staff-only)
  std::string reason;             // why, for staff
  std::string ground;             // ground code, publication/grounds
  std::int64_t proposed_by = 0;
  std::string proposed_by_name;
  std::string proposed_at;        // UTC instant
  std::int64_t signed_off_by = 0;  // 0 while proposed
  std::string signed_off_by_name;
  std::string signed_off_role;     // "chief_executive", "chief_finance_officer"
  std::string signed_off_at;
  // A proposed redaction cancelled before its sign-off (by its proposer, the Chief
  // Executive or the Chief Finance Officer), with the reason; it never applies.
  std::int64_t cancelled_by = 0;
  std::string cancelled_by_name;
  std::string cancelled_at;
  std::string cancel_reason;
  bool signed_off() const { return signed_off_by != 0; }
  bool cancelled() const { return cancelled_by != 0; }
  friend bool operator==(const Redaction&, const Redaction&) = default;
};

}  // namespace assent::decisions
