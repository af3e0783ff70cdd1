#include "render/strategy_csv.hpp"

#include <fmt/format.h>

#include "render/csv_row.hpp"
#include "strategy/target.hpp"

namespace assent::render {
namespace {

std::string Number(double v) { return fmt::format("{}", v); }

}  // namespace

std::string StrategyReportCsv(const services::StrategyPage& page) {
  const auto& r = page.report;
  const strategy::Strategy& s = *page.strategy;
  std::string out;
  AppendCsvRow(out, {"as_of", "strategy", "theme", "kind", "item", "status", "due", "overdue", "last_progress",
            "baseline", "target", "achieved", "attainment_percent", "met"});
  std::string as_of = r.as_of.ToIso();
  for (const auto& tr : r.themes) {
    for (const auto& d : tr.theme->deliverables) {
      auto last = strategy::LastProgress(d);
      AppendCsvRow(out, {as_of, s.title, tr.theme->title, "deliverable", d.title, strategy::StatusName(d.status),
                d.due ? d.due->ToIso() : "", strategy::IsOverdue(d, r.as_of) ? "yes" : "no",
                last ? last->ToIso() : "", "", "", "", "", ""});
    }
    for (const auto& line : tr.targets) {
      const auto& t = *line.target;
      AppendCsvRow(out, {as_of, s.title, tr.theme->title, "target", t.name, "", t.target_by ? t.target_by->ToIso() : "",
                "", "", Number(t.baseline), Number(t.target), t.achieved ? Number(*t.achieved) : "",
                line.attainment_percent ? fmt::format("{:.1f}", *line.attainment_percent) : "",
                !line.met ? "" : *line.met ? "yes" : "no"});
    }
  }
  return out;
}

}  // namespace assent::render
