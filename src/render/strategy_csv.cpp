#include "render/strategy_csv.hpp"

#include <fmt/format.h>

#include <csv.h>

#include <initializer_list>

#include "strategy/target.hpp"

namespace assent::render {
namespace {

// One CSV field, quoted (and its quotes doubled) by libcsv.
std::string Field(std::string_view value) {
  std::string out(csv_write(nullptr, 0, value.data(), value.size()), '\0');
  csv_write(out.data(), out.size(), value.data(), value.size());
  return out;
}

void Row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (auto f : fields) {
    if (!first) out += ',';
    out += Field(f);
    first = false;
  }
  out += "\r\n";
}

std::string Number(double v) { return fmt::format("{}", v); }

}  // namespace

std::string StrategyReportCsv(const services::StrategyPage& page) {
  const auto& r = page.report;
  const strategy::Strategy& s = *page.strategy;
  std::string out;
  Row(out, {"as_of", "strategy", "theme", "kind", "item", "status", "due", "overdue", "last_progress",
            "baseline", "target", "achieved", "attainment_percent", "met"});
  std::string as_of = r.as_of.ToIso();
  for (const auto& tr : r.themes) {
    for (const auto& d : tr.theme->deliverables) {
      auto last = strategy::LastProgress(d);
      Row(out, {as_of, s.title, tr.theme->title, "deliverable", d.title, strategy::StatusName(d.status),
                d.due ? d.due->ToIso() : "", strategy::IsOverdue(d, r.as_of) ? "yes" : "no",
                last ? last->ToIso() : "", "", "", "", "", ""});
    }
    for (const auto& line : tr.targets) {
      const auto& t = *line.target;
      Row(out, {as_of, s.title, tr.theme->title, "target", t.name, "", t.target_by ? t.target_by->ToIso() : "",
                "", "", Number(t.baseline), Number(t.target), t.achieved ? Number(*t.achieved) : "",
                line.attainment_percent ? fmt::format("{:.1f}", *line.attainment_percent) : "",
                !line.met ? "" : *line.met ? "yes" : "no"});
    }
  }
  return out;
}

}  // namespace assent::render
