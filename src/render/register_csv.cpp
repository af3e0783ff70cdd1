#include "render/register_csv.hpp"

#include <csv.h>

#include <initializer_list>

namespace assent::render {
namespace {

// One CSV field, guarded, then quoted (and its quotes doubled) by libcsv.
std::string Field(std::string_view raw) {
  std::string value = SpreadsheetSafe(raw);
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

}  // namespace

std::string SpreadsheetSafe(std::string_view cell) {
  if (!cell.empty()) {
    switch (cell.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return "'" + std::string(cell);
      default: break;
    }
  }
  return std::string(cell);
}

std::string RegisterCsv(const services::RegisterPage& page, std::string_view base) {
  std::string out;
  Row(out, {"body", "reference", "url", "title", "decision_maker_role", "decision_date", "status",
            "state", "outcome"});
  for (const auto& r : page.rows) {
    std::string url = std::string(base) + "/" + page.body.slug + "/decisions/" + r.reference_slug;
    Row(out, {page.body.slug, r.reference, url, r.title, r.decision_maker_role.value_or(""),
              r.decision_date ? r.decision_date->ToIso() : "", decisions::StatusName(r.status),
              publication::PublicStateName(r.state),
              r.outcome == decisions::Outcome::kUnknown ? "" : decisions::OutcomeName(r.outcome)});
  }
  return out;
}

}  // namespace assent::render
