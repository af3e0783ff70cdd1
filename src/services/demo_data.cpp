#include "services/demo_data.hpp"

#include <algorithm>
#include <filesystem>

#include "services/demo_decisions.hpp"
#include "services/import_records.hpp"

namespace assent::services {

Result<int> SyncBodies(storage::Store& store, const Catalogue& catalogue,
                       const std::string& bodies_file) {
  auto bodies = LoadBodiesFile(bodies_file);
  if (!bodies) return bodies.error();
  if (auto r = CheckBodiesHaveForms(*bodies, catalogue, bodies_file); !r) return r.error();
  storage::ChangeSet cs;
  cs.put_bodies = *bodies;
  if (auto r = store.Apply(cs); !r) return r.error();
  return static_cast<int>(bodies->size());
}

Result<DemoLoad> LoadDemoIfEmpty(storage::Store& store, const Catalogue& catalogue,
                                 const std::string& demo_dir, Instant now, DemoScope scope) {
  auto existing = store.ListBodies();
  if (!existing) return existing.error();
  if (!existing->empty()) return DemoLoad{};
  auto synced = SyncBodies(store, catalogue, demo_dir + "/bodies.toml");
  if (!synced) return synced.error();
  std::vector<std::string> seeds;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(demo_dir + "/seeds", ec)) {
    if (entry.path().extension() == ".txt") seeds.push_back(entry.path().string());
  }
  if (ec) return Fail(ErrorCode::kUnavailable, "cannot list demo seeds: " + ec.message(), demo_dir);
  std::sort(seeds.begin(), seeds.end());
  // The seeds are hand-checked: each is queued and confirmed at once by "system".
  ImportOptions options;
  options.confirm = AutoConfirm::kAll;
  options.audit_actor = "system";
  options.now = now;
  auto imported = ImportFiles(&store, catalogue.forms, seeds, options);
  if (!imported) return imported.error();
  for (const auto& o : *imported) {
    if (o.status != ImportStatus::kConfirmed) {
      return Fail(ErrorCode::kInternal, "demo seed not confirmed: " + o.file + ": " + o.message);
    }
  }
  DemoLoad out{true, *synced, Summarise(*imported).confirmed, {}};
  if (scope == DemoScope::kSeeds) return out;
  auto states = LoadDemoStates(store, catalogue, demo_dir, now);
  if (!states) return states.error();
  out.states = std::move(*states);
  return out;
}

Result<DemoStates> LoadDemoStates(storage::Store& store, const Catalogue& catalogue,
                                  const std::string& demo_dir, Instant now) {
  DemoStates out;
  auto staff = CreateDemoStaffIfNone(store, demo_dir + "/staff.toml", now);
  if (!staff) return staff.error();
  out.staff = std::move(*staff);
  if (!out.staff.created) return out;
  auto decisions = LoadDemoDecisions(store, catalogue, demo_dir + "/decisions", now);
  if (!decisions) return decisions.error();
  out.decisions = *decisions;
  return out;
}

}  // namespace assent::services
