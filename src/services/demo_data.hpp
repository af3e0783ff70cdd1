#pragma once
// The demo register: the three seed bodies and their five published decision records,
// loaded into a store that has no bodies yet (a fresh data directory).

#include <string>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "services/catalogue.hpp"
#include "storage/store.hpp"

namespace assent::services {

struct DemoLoad {
  bool loaded = false;  // false: the store already had bodies, nothing was done
  int bodies = 0;
  int decisions = 0;
};

// Reads `demo_dir`/bodies.toml and `demo_dir`/seeds/*.txt. Each seed is queued for
// review and confirmed at once by "system" (import.queue, import.confirm at `now`), so
// the original files are kept like any import's.
Result<DemoLoad> LoadDemoIfEmpty(storage::Store& store, const Catalogue& catalogue,
                                 const std::string& demo_dir, Instant now = Instant::Now());

// Puts the bodies of a bodies file into the store (insert or update by slug).
Result<int> SyncBodies(storage::Store& store, const Catalogue& catalogue,
                       const std::string& bodies_file);

}  // namespace assent::services
