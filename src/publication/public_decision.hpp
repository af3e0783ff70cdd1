#pragma once
// The public projection of a decision. Every public renderer (HTML, JSON, and later
// Atom, CSV, print, search) takes only these types; there are no Part 2 fields here,
// so the compiler keeps confidential text off public surfaces. The only way to build
// one is MakePublicDecision.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "decisions/body.hpp"
#include "decisions/decision.hpp"

namespace assent::publication {

struct PublicSection {
  std::string heading;
  std::string text;
};

struct PublicField {
  std::string key;
  std::string label;
  std::string value;
};

struct PublicSignOff {
  std::string role;  // empty when the record does not say
  std::string name;  // empty when unsigned or unreadable
  std::optional<Date> date;
};

struct PublicBoard {
  std::string name;
  std::optional<Date> date;
};

struct PublicBody {
  std::string slug;
  std::string name;
  std::string short_name;
  std::string website;
  int publication_working_days = 0;
};

struct PublicDecision {
  PublicBody body;
  std::string reference;
  std::string reference_slug;
  std::string title;
  decisions::Status status = decisions::Status::kPublished;
  decisions::Outcome outcome = decisions::Outcome::kUnknown;
  std::optional<std::string> decision_maker_role;
  std::optional<Date> decision_date;
  std::vector<PublicField> fields;
  std::vector<PublicSection> sections;      // Part 1 only
  std::vector<PublicBoard> boards;
  std::vector<std::string> background_papers;  // Part 1 only
  std::vector<std::string> persons_consulted;
  std::vector<PublicSignOff> signoffs;
  // A confidential Part 2 exists (a Part 2 form, section or paper); its content is never here.
  bool part2_exists = false;
  int part2_papers_withheld = 0;
  std::string part2_statement;  // the record's own public statement of why, if it has one
  std::optional<bool> publication_deferred;
  std::optional<bool> press_release_required;
  bool withdrawn = false;
};

// Builds the public view of a decision that may be published (status published, or
// withdrawn for its tombstone). kNotFound for any other status, so that a draft's
// existence does not leak. Part 2 sections and papers are left out.
Result<PublicDecision> MakePublicDecision(const decisions::Decision& decision,
                                          const decisions::Body& body);

PublicBody MakePublicBody(const decisions::Body& body);

// "Approved", "Not approved", "Not recorded".
std::string OutcomeLabel(decisions::Outcome outcome);

}  // namespace assent::publication
