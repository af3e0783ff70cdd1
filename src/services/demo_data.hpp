#pragma once
// The demo register: the three seed bodies and their five published decision records,
// loaded into a store that has no bodies yet (a fresh data directory); in full, also the
// demo staff accounts and the decisions of demo/decisions/ that show every publication
// state (Part 2, a signed-off redaction, deferred, withheld, withdrawn, corrected).

#include <string>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "services/catalogue.hpp"
#include "services/demo_staff.hpp"
#include "storage/store.hpp"

namespace assent::services {

// The demo's people and the decisions they made: demo/staff.toml's accounts when the store
// has none yet, and then demo/decisions/*.toml run through the workflow and publication use
// cases by those accounts (services/demo_decisions.hpp). When the store already had
// accounts nothing is done (the files name people who may not exist).
struct DemoStates {
  DemoStaff staff;
  int decisions = 0;
};

struct DemoLoad {
  bool loaded = false;  // false: the store already had bodies, nothing was done
  int bodies = 0;
  int decisions = 0;         // the seeds
  DemoStates states;         // kFull only
};

// kSeeds: bodies and seeds only (what `--demo` gives every command). kFull: also
// LoadDemoStates, as `serve --demo` does on the start that loaded the demo.
enum class DemoScope { kSeeds, kFull };

Result<DemoStates> LoadDemoStates(storage::Store& store, const Catalogue& catalogue,
                                  const std::string& demo_dir, Instant now);

// Reads `demo_dir`/bodies.toml and `demo_dir`/seeds/*.txt. Each seed is queued for
// review and confirmed at once by "system" (import.queue, import.confirm at `now`), so
// the original files are kept like any import's. A bad demo decision file fails the load
// with its name and key.
Result<DemoLoad> LoadDemoIfEmpty(storage::Store& store, const Catalogue& catalogue,
                                 const std::string& demo_dir, Instant now = Instant::Now(),
                                 DemoScope scope = DemoScope::kSeeds);

// Puts the bodies of a bodies file into the store (insert or update by slug).
Result<int> SyncBodies(storage::Store& store, const Catalogue& catalogue,
                       const std::string& bodies_file);

}  // namespace assent::services
