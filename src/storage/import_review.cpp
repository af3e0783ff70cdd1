#include "storage/import_review.hpp"

namespace assent::storage {

std::string_view ReviewStateName(ReviewState state) {
  switch (state) {
    case ReviewState::kAwaiting: return "awaiting";
    case ReviewState::kConfirmed: return "confirmed";
    case ReviewState::kRejected: return "rejected";
  }
  return "awaiting";
}

std::string_view ReviewStateLabel(ReviewState state) {
  switch (state) {
    case ReviewState::kAwaiting: return "Awaiting review";
    case ReviewState::kConfirmed: return "Confirmed";
    case ReviewState::kRejected: return "Rejected";
  }
  return "Awaiting review";
}

std::optional<ReviewState> ParseReviewState(std::string_view name) {
  for (auto s : {ReviewState::kAwaiting, ReviewState::kConfirmed, ReviewState::kRejected}) {
    if (ReviewStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::string PageLinesText(const std::vector<int>& lines) {
  std::string out;
  for (int line : lines) out += (out.empty() ? "" : ",") + std::to_string(line);
  return out;
}

std::vector<int> ParsePageLines(std::string_view text) {
  std::vector<int> out;
  int value = 0;
  bool digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      digits = true;
    } else if (c == ',' && digits) {
      out.push_back(value);
      value = 0;
      digits = false;
    } else {
      return {1};
    }
  }
  if (digits) out.push_back(value);
  if (out.empty()) return {1};
  return out;
}

}  // namespace assent::storage
