#include "services/calendar_file.hpp"

#include "services/catalogue.hpp"

namespace assent::services {

std::string BundledCalendarPath(const std::string& calendars_dir) {
  return calendars_dir + "/bank-holidays.json";
}

Result<publication::Calendar> LoadCalendarFile(const std::string& path) {
  auto text = ReadWholeFile(path);
  if (!text) return text.error();
  return publication::ParseGovUkCalendar(*text, path);
}

}  // namespace assent::services
