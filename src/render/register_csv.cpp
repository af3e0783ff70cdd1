#include "render/register_csv.hpp"

#include "render/csv_row.hpp"

namespace assent::render {

std::string RegisterCsv(const services::RegisterPage& page, std::string_view base) {
  constexpr bool kSafe = true;  // every cell guarded against formulas
  std::string out;
  AppendCsvRow(out, {"body", "reference", "url", "title", "decision_maker_role", "decision_date",
                     "status", "state", "outcome"},
               kSafe);
  for (const auto& r : page.rows) {
    std::string url = std::string(base) + "/" + page.body.slug + "/decisions/" + r.reference_slug;
    AppendCsvRow(out,
                 {page.body.slug, r.reference, url, r.title, r.decision_maker_role.value_or(""),
                  r.decision_date ? r.decision_date->ToIso() : "", decisions::StatusName(r.status),
                  publication::PublicStateName(r.state),
                  r.outcome == decisions::Outcome::kUnknown ? "" : decisions::OutcomeName(r.outcome)},
                 kSafe);
  }
  return out;
}

}  // namespace assent::render
