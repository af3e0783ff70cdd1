#pragma once
// The strategy delivery report as CSV (RFC 4180, every field quoted by libcsv): one row
// per deliverable and per target, for the Police and Crime Panel's spreadsheets.

#include <string>

#include "services/strategy_register.hpp"

namespace assent::render {

// Columns: as_of, strategy, theme, kind (deliverable|target), item, status, due, overdue,
// last_progress, baseline, target, achieved, attainment_percent, met.
std::string StrategyReportCsv(const services::StrategyPage& page);

}  // namespace assent::render
