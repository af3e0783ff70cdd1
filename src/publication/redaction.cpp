#include "publication/redaction.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.hpp"
#include "publication/grounds.hpp"

namespace assent::publication {
namespace {

using decisions::Decision;
using decisions::Redaction;
using decisions::RedactionTarget;

const decisions::Section* FindSection(const Decision& d, std::string_view key) {
  for (const auto& s : d.sections) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const decisions::Attachment* FindAttachment(const Decision& d, std::string_view sha256) {
  for (const auto& a : d.attachments) {
    if (a.sha256 == sha256) return &a;
  }
  return nullptr;
}

}  // namespace

Result<Redaction> ProposeRedaction(const Decision& d, const RedactionProposal& p,
                                   const workflow::Actor& actor, std::string now) {
  Redaction r;
  r.target = p.target;
  if (p.target == RedactionTarget::kAttachment) {
    const auto* a = FindAttachment(d, Trim(p.attachment_sha256));
    if (!a) return Fail(ErrorCode::kInvalidInput, "choose one of the decision's attachments", "attachment");
    r.attachment_sha256 = a->sha256;
  } else {
    const auto* s = FindSection(d, Trim(p.section_key));
    if (!s || s->part != decisions::Part::kPart1) {
      return Fail(ErrorCode::kInvalidInput, "choose a Part 1 section of this decision", "section");
    }
    r.section_key = s->key;
    if (p.target == RedactionTarget::kSpan) {
      if (p.text.empty()) {
        return Fail(ErrorCode::kInvalidInput, "copy the exact text to redact from the section", "text");
      }
      if (s->text.find(p.text) == std::string::npos) {
        return Fail(ErrorCode::kInvalidInput,
                    fmt::format("that text does not occur in the section '{}' as written", s->heading),
                    "text");
      }
      r.text = p.text;
    }
  }
  r.reason = std::string(Trim(p.reason));
  if (r.reason.empty()) return Fail(ErrorCode::kInvalidInput, "say why this is redacted", "reason");
  auto ground = FindGround(Trim(p.ground), "ground");
  if (!ground) return ground.error();
  r.ground = std::string(ground->code);
  r.proposed_by = actor.id;
  r.proposed_by_name = actor.name.empty() ? actor.username : actor.name;
  r.proposed_at = std::move(now);
  return r;
}

Result<Redaction> SignOffRedaction(const Decision& d, int number, const workflow::Actor& actor,
                                   std::string now) {
  if (number < 1 || number > static_cast<int>(d.redactions.size())) {
    return Fail(ErrorCode::kNotFound, fmt::format("there is no redaction {}", number));
  }
  Redaction r = d.redactions[static_cast<size_t>(number - 1)];
  if (r.cancelled()) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("redaction {} was cancelled by {}", number, r.cancelled_by_name));
  }
  if (r.signed_off()) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("redaction {} was signed off by {} already", number, r.signed_off_by_name));
  }
  std::string role;
  if (actor.Has(d.body, "chief_executive")) {
    role = "chief_executive";
  } else if (actor.Has(d.body, "chief_finance_officer")) {
    role = "chief_finance_officer";
  } else {
    return Fail(ErrorCode::kForbidden,
                "a redaction is signed off by the Chief Executive or the Chief Finance Officer "
                "(Treasurer) of the body");
  }
  if (r.proposed_by != 0 && r.proposed_by == actor.id) {
    return Fail(ErrorCode::kForbidden,
                "you proposed this redaction: another Chief Executive or Chief Finance Officer "
                "signs it off");
  }
  r.signed_off_by = actor.id;
  r.signed_off_by_name = actor.name.empty() ? actor.username : actor.name;
  r.signed_off_role = role;
  r.signed_off_at = std::move(now);
  return r;
}

Result<Redaction> CancelRedaction(const Decision& d, int number, std::string_view reason,
                                  const workflow::Actor& actor, std::string now) {
  if (number < 1 || number > static_cast<int>(d.redactions.size())) {
    return Fail(ErrorCode::kNotFound, fmt::format("there is no redaction {}", number));
  }
  Redaction r = d.redactions[static_cast<size_t>(number - 1)];
  if (r.cancelled()) {
    return Fail(ErrorCode::kIllegalTransition,
                fmt::format("redaction {} was cancelled by {} already", number, r.cancelled_by_name));
  }
  bool officer = actor.Has(d.body, "chief_executive") || actor.Has(d.body, "chief_finance_officer");
  if (r.signed_off()) {
    if (d.status == decisions::Status::kPublished) {
      return Fail(ErrorCode::kIllegalTransition,
                  fmt::format("redaction {} was signed off and applies on the public register; a "
                              "correction of the published decision is the way to change it",
                              number));
    }
    if (!officer) {
      return Fail(ErrorCode::kForbidden,
                  "a signed-off redaction is cancelled by the Chief Executive or the Chief Finance "
                  "Officer (Treasurer) of the body; " + workflow::HeldRoles(actor, d.body));
    }
  } else if (!officer && !(r.proposed_by != 0 && r.proposed_by == actor.id)) {
    return Fail(ErrorCode::kForbidden,
                "a proposed redaction is cancelled by the person who proposed it, the Chief Executive "
                "or the Chief Finance Officer (Treasurer) of the body; " + workflow::HeldRoles(actor, d.body));
  }
  std::string why(Trim(reason));
  if (why.empty()) return Fail(ErrorCode::kInvalidInput, "say why the redaction is cancelled", "reason");
  r.cancelled_by = actor.id;
  r.cancelled_by_name = actor.name.empty() ? actor.username : actor.name;
  r.cancelled_at = std::move(now);
  r.cancel_reason = std::move(why);
  return r;
}

bool Applies(const Redaction& r) { return r.signed_off() && !r.cancelled(); }

bool HasUnsignedRedaction(const Decision& d) {
  return std::any_of(d.redactions.begin(), d.redactions.end(),
                     [](const Redaction& r) { return !r.signed_off() && !r.cancelled(); });
}

std::optional<std::string> RedactedSectionText(const decisions::Section& section,
                                               const std::vector<Redaction>& redactions) {
  std::string text = section.text;
  for (const auto& r : redactions) {
    if (!Applies(r) || r.section_key != section.key) continue;
    if (r.target == RedactionTarget::kSection) return std::nullopt;
    if (r.target != RedactionTarget::kSpan) continue;
    if (r.text.empty()) return std::nullopt;
    size_t at = text.find(r.text);
    if (at == std::string::npos) return std::nullopt;  // changed since: leave it all out
    for (; at != std::string::npos; at = text.find(r.text, at + kRedactedMark.size())) {
      text.replace(at, r.text.size(), kRedactedMark);
    }
  }
  return text;
}

bool AttachmentRedacted(const Decision& d, std::string_view sha256) {
  return std::any_of(d.redactions.begin(), d.redactions.end(), [&](const Redaction& r) {
    return Applies(r) && r.target == RedactionTarget::kAttachment && r.attachment_sha256 == sha256;
  });
}

std::string RedactionWhere(const Decision& d, const Redaction& r) {
  switch (r.target) {
    case RedactionTarget::kAttachment: {
      const auto* a = FindAttachment(d, r.attachment_sha256);
      return fmt::format("Attachment '{}'", a ? a->name : std::string("(removed)"));
    }
    case RedactionTarget::kSection:
    case RedactionTarget::kSpan: {
      const auto* s = FindSection(d, r.section_key);
      std::string heading = s ? s->heading : r.section_key;
      return r.target == RedactionTarget::kSection ? fmt::format("Section '{}'", heading)
                                                   : fmt::format("Part of section '{}'", heading);
    }
  }
  return "";
}

std::vector<PublicRedaction> RedactionNotices(const Decision& d) {
  std::vector<PublicRedaction> out;
  for (const auto& r : d.redactions) {
    if (!Applies(r)) continue;
    auto g = FindGround(r.ground);
    out.push_back({RedactionWhere(d, r), r.ground, g ? std::string(g->label) : r.ground});
  }
  return out;
}

}  // namespace assent::publication
