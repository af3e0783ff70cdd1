#pragma once
// Use cases of the public register: the bodies, a body's register, one decision.
// They read only what may be public and return public types.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "publication/public_decision.hpp"
#include "storage/store.hpp"

namespace assent::services {

struct BodyListing {
  publication::PublicBody body;
  int decisions = 0;  // public decisions on its register
};

struct RegisterRow {
  std::string reference;
  std::string reference_slug;
  std::string title;
  std::optional<std::string> decision_maker_role;
  std::optional<Date> decision_date;
  decisions::Status status = decisions::Status::kPublished;
  decisions::Outcome outcome = decisions::Outcome::kUnknown;
  // Published, or a deferred / withheld stub, or a withdrawn tombstone (issue 5).
  publication::PublicState state = publication::PublicState::kPublished;
  // For a stub or tombstone: "Deferred until 1 June 2026: reason", "Withheld under
  // Section 43: commercial interests (review due 4 January 2027)", "Withdrawn on ...".
  std::string state_note;
};

struct RegisterPage {
  publication::PublicBody body;
  std::vector<RegisterRow> rows;
  std::vector<int> years;    // years with public decisions, newest first
  std::optional<int> year;   // the year filter applied, if any
};

Result<std::vector<BodyListing>> ListPublicBodies(storage::Store& store);
// kNotFound for an unknown body.
Result<RegisterPage> GetRegister(storage::Store& store, std::string_view body,
                                 std::optional<int> year);
// kNotFound for an unknown body or reference, and for decisions not yet public. A
// decision published in Assent is served from its latest stored version (the bytes
// rendered when it was published, corrected or withdrawn) with its version history;
// imported records and deferred / withheld stubs are built live.
Result<publication::PublicDecision> GetPublicDecision(storage::Store& store,
                                                      std::string_view body,
                                                      std::string_view reference_slug);

}  // namespace assent::services
