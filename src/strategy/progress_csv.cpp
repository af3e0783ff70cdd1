#include "strategy/progress_csv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/text.hpp"
#include "strategy/csv_table.hpp"

namespace assent::strategy {
namespace {

constexpr int kColumns = static_cast<int>(std::size(kProgressCsvColumns));
enum Column { kBody, kStrategy, kDeliverable, kDate, kStatus, kText };

std::string Lower(std::string_view s) { return ToLowerAscii(Trim(s)); }

std::string StatusNames() {
  std::vector<std::string_view> names;
  for (auto s : kDeliverableStatuses) names.push_back(StatusName(s));
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

ProgressCsv CheckProgressCsv(std::string_view file_name, std::string_view text,
                             const Catalogue& catalogue, std::string_view recorded_by,
                             std::string_view recorded_at) {
  ProgressCsv out;
  auto at = [&](int line, int column) {
    return fmt::format("{}: line {}, column {} ({})", file_name, line, column + 1,
                       kProgressCsvColumns[column]);
  };
  auto records = ReadCsv(text);
  if (!records) {
    out.problems.push_back(fmt::format("{}: {}: {}", file_name, records.error().where,
                                       records.error().message));
    return out;
  }
  std::string header = fmt::format("{}", fmt::join(kProgressCsvColumns, ","));
  if (records->empty()) {
    out.problems.push_back(
        fmt::format("{}: line 1: the file is empty; its first line must be the header {}", file_name, header));
    return out;
  }
  const CsvRecord& first = records->front();
  bool header_ok = static_cast<int>(first.fields.size()) == kColumns;
  for (int c = 0; header_ok && c < kColumns; ++c) {
    header_ok = Lower(first.fields[c]) == kProgressCsvColumns[c];
  }
  if (!header_ok) {
    out.problems.push_back(
        fmt::format("{}: line {}: the first line must be the header {}", file_name, first.line, header));
    return out;
  }
  if (records->size() == 1) {
    out.problems.push_back(fmt::format("{}: no rows after the header", file_name));
    return out;
  }
  for (auto it = records->begin() + 1; it != records->end(); ++it) {
    const CsvRecord& r = *it;
    if (static_cast<int>(r.fields.size()) != kColumns) {
      out.problems.push_back(fmt::format("{}: line {}: {} columns, expected {} ({})", file_name,
                                         r.line, r.fields.size(), kColumns, header));
      continue;
    }
    auto field = [&](Column c) { return std::string(Trim(r.fields[c])); };
    size_t before = out.problems.size();
    RecordedProgress e;
    e.body = field(kBody);
    e.strategy = field(kStrategy);
    e.deliverable = field(kDeliverable);
    e.text = field(kText);
    e.recorded_by = std::string(recorded_by);
    e.recorded_at = std::string(recorded_at);
    e.source = std::string(file_name);
    const Strategy* s = nullptr;
    auto bodies = catalogue.Bodies();
    if (std::find(bodies.begin(), bodies.end(), e.body) == bodies.end()) {
      out.problems.push_back(fmt::format("{}: no body '{}' has strategies", at(r.line, kBody), e.body));
    } else if (!(s = catalogue.Find(e.body, e.strategy))) {
      out.problems.push_back(
          fmt::format("{}: {} has no strategy '{}'", at(r.line, kStrategy), e.body, e.strategy));
    } else if (!FindDeliverable(*s, e.deliverable)) {
      out.problems.push_back(fmt::format("{}: {} has no deliverable '{}'", at(r.line, kDeliverable),
                                         s->Key(), e.deliverable));
    }
    if (auto when = PartialDate::Parse(field(kDate))) {
      e.when = *when;
    } else {
      out.problems.push_back(fmt::format("{}: '{}' is not a date: write 2026, 2026-03 or 2026-03-14",
                                         at(r.line, kDate), field(kDate)));
    }
    std::string status = field(kStatus);
    if (!status.empty()) {
      e.status = ParseDeliverableStatus(status);
      if (!e.status) {
        out.problems.push_back(fmt::format("{}: '{}' is not a status: leave it empty or write one of {}",
                                           at(r.line, kStatus), status, StatusNames()));
      }
    }
    if (e.text.empty() && status.empty()) {
      out.problems.push_back(
          fmt::format("{}: empty: say what happened (it may be empty only when the row sets a status)",
                      at(r.line, kText)));
    }
    if (out.problems.size() == before) out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace assent::strategy
