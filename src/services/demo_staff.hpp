#pragma once
// Demo staff accounts (demo/staff.toml), so a newcomer can run a decision through its
// chain: created on a demo data directory when the store has no accounts yet, all with
// one fresh random password that the caller prints once.

#include <string>
#include <vector>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "storage/store.hpp"

namespace assent::services {

struct DemoStaff {
  bool created = false;  // false: the store already had accounts, nothing was done
  std::vector<std::string> usernames;
  std::string password;  // the shared password, only when created
};

Result<DemoStaff> CreateDemoStaffIfNone(storage::Store& store, const std::string& staff_file,
                                        Instant now);

}  // namespace assent::services
