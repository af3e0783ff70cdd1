#pragma once
// The compliance view as CSV (RFC 4180 through render/csv_row, spreadsheet-safe): one row
// per late publication, due or overdue decision, open deferral, review and problem, for
// the office's and the Police and Crime Panel's spreadsheets.

#include <string>

#include "services/compliance.hpp"

namespace assent::render {

// Columns: section (late|due|overdue|deferred|review|problem), reference, title,
// decision_date, due_date, published_on, working_days (late: days late; due: days left,
// negative when overdue), until_or_review, reason_or_ground, note. Dates as ISO.
std::string ComplianceCsv(const services::StaffCompliance& compliance);

}  // namespace assent::render
