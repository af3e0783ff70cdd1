#include "decisions/decision.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace assent::decisions {
namespace {

constexpr std::array<std::pair<Outcome, std::string_view>, 3> kOutcomes = {{
    {Outcome::kUnknown, "unknown"},
    {Outcome::kApproved, "approved"},
    {Outcome::kNotApproved, "not_approved"},
}};

struct StatusRow {
  Status status;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<StatusRow, 5> kStatuses = {{
    {Status::kDraft, "draft", "Draft"},
    {Status::kSubmitted, "submitted", "Awaiting sign-off"},
    {Status::kDecided, "decided", "Decided, not yet published"},
    {Status::kPublished, "published", "Published"},
    {Status::kWithdrawn, "withdrawn", "Withdrawn"},
}};

}  // namespace

std::string_view OutcomeName(Outcome outcome) {
  for (const auto& [o, name] : kOutcomes) {
    if (o == outcome) return name;
  }
  return "unknown";
}

std::optional<Outcome> ParseOutcome(std::string_view name) {
  for (const auto& [o, n] : kOutcomes) {
    if (n == name) return o;
  }
  return std::nullopt;
}

std::string_view StatusName(Status status) {
  for (const auto& row : kStatuses) {
    if (row.status == status) return row.name;
  }
  return "draft";
}

std::string_view StatusLabel(Status status) {
  for (const auto& row : kStatuses) {
    if (row.status == status) return row.label;
  }
  return "Draft";
}

std::optional<Status> ParseStatus(std::string_view name) {
  for (const auto& row : kStatuses) {
    if (row.name == name) return row.status;
  }
  return std::nullopt;
}

std::string_view Decision::Field(std::string_view key) const {
  for (const auto& f : fields) {
    if (f.key == key) return f.value;
  }
  return {};
}

std::string ReferenceSlug(std::string_view reference) {
  std::string slug;
  for (char c : Trim(reference)) {
    if (c == '/' || c == ' ' || c == '\\') {
      if (slug.empty() || slug.back() != '-') slug.push_back('-');
    } else {
      slug.push_back(c);
    }
  }
  return slug;
}

Result<void> Validate(const Decision& decision) {
  if (Trim(decision.body).empty()) {
    return Fail(ErrorCode::kInvalidInput, "a decision must belong to a body", "field body");
  }
  if (Trim(decision.title).empty()) {
    return Fail(ErrorCode::kInvalidInput, "the title is empty", "field title");
  }
  // A reference is assigned on submission; a draft withdrawn before it was ever
  // submitted never had one.
  if (decision.status != Status::kDraft && decision.status != Status::kWithdrawn &&
      Trim(decision.reference).empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "only a draft, or a draft withdrawn before submission, may be without a reference",
                "field reference");
  }
  for (char c : decision.reference) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return Fail(ErrorCode::kInvalidInput, "the reference holds a control character",
                  "field reference");
    }
  }
  if (!IsValidUtf8(decision.title) || !IsValidUtf8(decision.reference) ||
      decision.title.find('\0') != std::string::npos) {
    return Fail(ErrorCode::kInvalidInput, "text is not valid UTF-8", "field title");
  }
  for (const auto& s : decision.sections) {
    if (!IsValidUtf8(s.text) || !IsValidUtf8(s.heading)) {
      return Fail(ErrorCode::kInvalidInput, "text is not valid UTF-8", "section " + s.key);
    }
    // PostgreSQL cannot store a NUL character; refuse it on every backend alike.
    if (s.text.find('\0') != std::string::npos) {
      return Fail(ErrorCode::kInvalidInput, "text holds a NUL character", "section " + s.key);
    }
  }
  for (const auto& f : decision.fields) {
    if (!IsValidUtf8(f.value) || f.value.find('\0') != std::string::npos) {
      return Fail(ErrorCode::kInvalidInput, "text is not valid UTF-8 without NUL characters",
                  "field " + f.key);
    }
  }
  return Ok();
}

namespace {

constexpr std::array<std::pair<PlanKind, std::string_view>, 4> kPlanKinds = {{
    {PlanKind::kNone, ""},
    {PlanKind::kPublish, "publish"},
    {PlanKind::kDefer, "defer"},
    {PlanKind::kWithhold, "withhold"},
}};

constexpr std::array<std::pair<RedactionTarget, std::string_view>, 3> kTargets = {{
    {RedactionTarget::kSection, "section"},
    {RedactionTarget::kAttachment, "attachment"},
    {RedactionTarget::kSpan, "span"},
}};

}  // namespace

std::string_view PlanKindName(PlanKind kind) {
  for (const auto& [k, name] : kPlanKinds) {
    if (k == kind) return name;
  }
  return "";
}

std::optional<PlanKind> ParsePlanKind(std::string_view name) {
  for (const auto& [k, n] : kPlanKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string_view RedactionTargetName(RedactionTarget target) {
  for (const auto& [t, name] : kTargets) {
    if (t == target) return name;
  }
  return "section";
}

std::optional<RedactionTarget> ParseRedactionTarget(std::string_view name) {
  for (const auto& [t, n] : kTargets) {
    if (n == name) return t;
  }
  return std::nullopt;
}

}  // namespace assent::decisions
