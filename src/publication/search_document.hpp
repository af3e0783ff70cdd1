#pragma once
// What the public search index holds for a decision: public text only, built from the
// public projection (MakePublicDecision), so Part 2 and anything the projection leaves
// out can never be found by a search. Stores call this for every decision they write.

#include <optional>
#include <string>

#include "decisions/decision.hpp"

namespace assent::publication {

struct SearchDocument {
  std::string title;
  std::string text;  // reference, decision maker, Part 1 headings and text, public papers
  friend bool operator==(const SearchDocument&, const SearchDocument&) = default;
};

// nullopt for a decision that is not on the public register (drafts, withdrawn records).
std::optional<SearchDocument> MakeSearchDocument(const decisions::Decision& decision);

}  // namespace assent::publication
