#pragma once
// The use-case services against a real store on both backends: a SQLite file and a fresh
// PostgreSQL schema of the ctest cluster (skipped loudly when there is none, failed under
// CI). Each test gets the real forms (forms/) and the demo bodies with their schemes of
// delegation (demo/bodies.toml); no decisions and no users.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "accounts/user.hpp"
#include "core/instant.hpp"
#include "services/catalogue.hpp"
#include "services/workflow.hpp"
#include "storage/store.hpp"
#include "tests/support/temp_dir.hpp"
#include "workflow/chain.hpp"

namespace assent::testing_support {

struct ServiceBackend {
  std::string name;  // "sqlite" or "postgres"
};
inline void PrintTo(const ServiceBackend& b, std::ostream* os) { *os << b.name; }

class ServiceTest : public ::testing::TestWithParam<ServiceBackend> {
 protected:
  void SetUp() override;

  // Another Store on the same database (a second server's connections).
  std::unique_ptr<storage::Store> OpenAgain(int connections = 2) const;
  // Runs SQL on the database behind the store, outside Assent (tampering).
  void RawSql(const std::string& sql) const;

  services::WorkflowSetup Wf() const { return {catalogue_, "https://decisions.example.org"}; }
  // Adds an account through the service (password kPassword).
  accounts::User AddUser(const std::string& username, const std::string& roles,
                         const std::string& email = "");
  workflow::Actor ActorOf(const accounts::User& user) const;
  // A Cumbria draft by `author` with the required sections written (Part 2 text holds
  // kPart2Marker), ready to submit.
  std::int64_t CumbriaDraft(const workflow::Actor& author, const std::string& title = "Custody suite refurbishment");
  decisions::Decision Load(std::int64_t id) const;
  // The current content hash, as a signatory is shown it.
  std::string ContentHashOf(std::int64_t id) const;
  workflow::SignInput SignAs(std::int64_t id, const std::string& step, const std::string& capacity = "") const;
  workflow::DecideInput DecideAs(std::int64_t id, const std::string& step, const std::string& capacity,
                                 decisions::Outcome outcome = decisions::Outcome::kApproved) const;

  static constexpr const char* kPassword = "correct horse battery staple";
  static constexpr const char* kPart2Marker = "PART2-CONFIDENTIAL-ZEBRA";

  TempDir dir_;
  std::string url_;
  std::unique_ptr<storage::Store> store_;
  services::Catalogue catalogue_;
  Instant now_{1795250100};  // Sat 21 November 2026 08:35 UTC
};

// INSTANTIATE_TEST_SUITE_P(..., ServiceTest-derived, ServiceBackends(), BackendName)
::testing::internal::ParamGenerator<ServiceBackend> ServiceBackends();
std::string BackendName(const ::testing::TestParamInfo<ServiceBackend>& info);

}  // namespace assent::testing_support
