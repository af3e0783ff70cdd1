#pragma once
// Atom feeds of the public register, from public types only: a body's latest decisions
// and any search. Entry ids are the decisions' canonical URLs, so an entry keeps its id
// across feeds, searches and restarts.

#include <string>
#include <string_view>

#include "render/atom_feed.hpp"
#include "services/search.hpp"

namespace assent::render {

// `base`: the public address without a trailing slash, "https://decisions.example.org".
AtomFeed RegisterFeed(const services::RegisterDecisions& reg, std::string_view base);
// `query`: the search's own query string (without '?'), for the feed's links.
AtomFeed SearchFeed(const services::SearchPage& page, std::string_view base, std::string_view query);

// The one-paragraph public summary of a decision for a feed entry: its state, decision
// maker, outcome and date, and for a published record the start of its first Part 1
// section. A deferred or withheld stub and a tombstone say only why.
std::string DecisionSummaryText(const publication::PublicDecision& d);

}  // namespace assent::render
