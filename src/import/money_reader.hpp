#pragma once
// Sums of money as records print them: "£250,000", "£1.2m", "£3.5 million", "£15k",
// "£2bn". Pure.

#include <string>
#include <vector>

#include "import/text_normaliser.hpp"

namespace assent::import {

struct MoneyAmount {
  std::string text;   // as printed: "£1.2m"
  double pounds = 0;  // 1200000
  int line = 0;       // 1-based source line
};

// Every amount in the document, in line order.
std::vector<MoneyAmount> FindMoneyAmounts(const Document& doc);

// The amounts in one piece of text (line numbers left 0).
std::vector<MoneyAmount> FindMoneyInText(std::string_view text);

}  // namespace assent::import
