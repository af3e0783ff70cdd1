#pragma once
// One contract suite for every Store backend (GoogleTest sample7 style). Each backend
// instantiates StoreContract with a factory that returns a fresh, empty store.

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "storage/store.hpp"

namespace assent::testing_support {

struct StoreFactory {
  std::string name;
  // A fresh, empty store; nullptr with `skip` set when the backend cannot run here and
  // may be skipped (never under CI: the factory fails the test instead).
  std::function<std::unique_ptr<storage::Store>(std::string* skip)> open;
};

// Names the backend in test output instead of dumping the struct's bytes.
inline void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

class StoreContract : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override;
  std::unique_ptr<storage::Store> store_;
};

// A complete decision for tests, with a Part 2 section holding `part2_marker`.
decisions::Decision SampleDecision(const std::string& body, const std::string& reference,
                                   const std::string& part2_marker = "PART2-SECRET-MARKER");
decisions::Body SampleBody(const std::string& slug);
// An account with two role grants (one of them "*"), not yet stored.
accounts::User SampleUser(const std::string& username);
// An audit event by the CLI; `decision_id` or `inserted` (index into insert_decisions, -1: none).
audit::NewEvent SampleEvent(std::string action, std::int64_t decision_id = 0, int inserted = -1);

}  // namespace assent::testing_support
