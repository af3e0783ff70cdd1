#pragma once
// The bulk progress update: a CSV file with a header row and one progress entry per
// row, checked as a whole against the catalogue before anything is stored.
//
//   body,strategy,deliverable,date,status,text
//   cumbria,ict-2015-2019,wan-replacement,2026-03,delivered,"New WAN live at all sites"
//
// date: "2026", "2026-03" or "2026-03-14". status: empty (no change) or one of planned,
// in_progress, delivered, ongoing, not_stated. text: what happened; may be empty only
// when the row sets a status.

#include <string>
#include <string_view>
#include <vector>

#include "strategy/catalogue.hpp"
#include "strategy/recorded.hpp"

namespace assent::strategy {

inline constexpr std::string_view kProgressCsvColumns[] = {"body", "strategy", "deliverable",
                                                           "date", "status",   "text"};

struct ProgressCsv {
  std::vector<RecordedProgress> entries;  // in file order; complete only when no problems
  // One line per problem, naming the file, line and column:
  // "progress.csv: line 3, column 3 (deliverable): cumbria/ict-2015-2019 has no deliverable 'wan'"
  std::vector<std::string> problems;
};

// `file_name` names the file in problems and is each entry's source; `recorded_by` and
// `recorded_at` are copied into every entry.
ProgressCsv CheckProgressCsv(std::string_view file_name, std::string_view text,
                             const Catalogue& catalogue, std::string_view recorded_by,
                             std::string_view recorded_at);

}  // namespace assent::strategy
