#pragma once
// The strategy register's staff pages (templates/staff_strateg*.mustache, staff_deliverable,
// staff_version): the strategies a person may edit, one strategy's deliverables with their
// status and last progress, a deliverable's forms (record progress, change the status),
// and "start a new version". Escaped by Mustache; every form carries the CSRF token.

#include <string>
#include <vector>

#include "render/html_pages.hpp"
#include "render/staff_pages.hpp"
#include "services/strategy_progress.hpp"

namespace assent::render {

struct StaffStrategiesView {
  std::vector<services::StaffStrategyRow> rows;
};

struct StaffStrategyView {
  const services::StaffStrategy& staff;
  std::string notice;
};

// A deliverable's two forms, as typed (kept after a refusal). `form` names the form the
// errors belong to: "progress" or "status".
struct DeliverableForms {
  std::string form;
  std::string when, text, status;                     // record progress
  std::string status_when, status_text, status_new;   // change the status
};

struct StaffDeliverableView {
  const services::StaffStrategy& staff;
  const services::StaffDeliverable* item = nullptr;
  DeliverableForms values;
  std::vector<FieldError> errors;
  std::string today;  // ISO, the forms' default date
};

struct NewVersionView {
  const services::StaffStrategy& staff;
  std::string label, changes;
  std::vector<FieldError> errors;
};

class StaffStrategyPages {
 public:
  explicit StaffStrategyPages(const HtmlPages& html) : html_(html) {}
  std::string List(const StaffChrome& chrome, const StaffStrategiesView& view) const;
  std::string Strategy(const StaffChrome& chrome, const StaffStrategyView& view) const;
  std::string Deliverable(const StaffChrome& chrome, const StaffDeliverableView& view) const;
  std::string NewVersion(const StaffChrome& chrome, const NewVersionView& view) const;

 private:
  const HtmlPages& html_;
};

// "/staff/strategies/cumbria/ict-2015-2019"
std::string StaffStrategyUrl(std::string_view body, std::string_view id);

}  // namespace assent::render
