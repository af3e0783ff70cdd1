#pragma once
// A body's strategy feed (GET /{body}/strategies.atom), from public data only: the
// progress staff recorded on its strategies' deliverables and every approved version.
// Entry ids are the strategy page's URL with a fragment naming the stored entry or the
// version, so an entry keeps its id across restarts and hosts that share the base URL.

#include <string_view>

#include "render/atom_feed.hpp"
#include "services/strategy_register.hpp"

namespace assent::render {

// `base`: the public address without a trailing slash, "https://decisions.example.org".
AtomFeed StrategyFeed(const services::StrategyFeed& feed, std::string_view base);

}  // namespace assent::render
