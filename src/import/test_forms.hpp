#pragma once
// Test helper: the three shipped form definitions, parsed once.

#include <gtest/gtest.h>

#include <vector>

#include "decisions/form.hpp"
#include "tests/support/files.hpp"

namespace assent::import::testing {

inline const std::vector<decisions::Form>& ShippedForms() {
  static const std::vector<decisions::Form> forms = [] {
    std::vector<decisions::Form> out;
    for (const char* file : {"forms/cumbria-request-for-decision.toml",
                             "forms/lancashire-joint-management-board.toml",
                             "forms/essex-decision-report.toml"}) {
      auto form = decisions::ParseForm(testing_support::ReadSourceFile(file), file);
      EXPECT_TRUE(form) << form.error().ToString();
      if (form) out.push_back(std::move(*form));
    }
    return out;
  }();
  return forms;
}

}  // namespace assent::import::testing
