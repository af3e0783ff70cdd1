#include "strategy/partial_date.hpp"

#include <fmt/format.h>

#include <charconv>

namespace assent::strategy {
namespace {

bool ParseNumber(std::string_view s, size_t digits, int& out) {
  if (s.size() != digits) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

Result<PartialDate> PartialDate::Parse(std::string_view text) {
  const auto bad = [&] {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not a date such as 2015, 2015-11 or 2015-11-30", text));
  };
  if (text.size() == 10) {
    auto d = Date::ParseIso(text);
    if (!d) return bad();
    return Of(*d);
  }
  int year = 0, month = 0;
  if (!ParseNumber(text.substr(0, 4), 4, year) || year < 1900 || year > 2999) return bad();
  if (text.size() == 4) return PartialDate(year, 0, 0);
  if (text.size() != 7 || text[4] != '-' || !ParseNumber(text.substr(5), 2, month) || month < 1 ||
      month > 12) {
    return bad();
  }
  return PartialDate(year, static_cast<unsigned>(month), 0);
}

std::string PartialDate::ToIso() const {
  if (month_ == 0) return fmt::format("{:04}", year_);
  if (day_ == 0) return fmt::format("{:04}-{:02}", year_, month_);
  return fmt::format("{:04}-{:02}-{:02}", year_, month_, day_);
}

std::string PartialDate::ToText() const {
  if (month_ == 0) return std::to_string(year_);
  if (day_ == 0) return fmt::format("{} {}", MonthName(month_), year_);
  return fmt::format("{} {} {}", day_, MonthName(month_), year_);
}

Date PartialDate::First() const {
  return Date(std::chrono::year_month_day{std::chrono::year{year_},
                                          std::chrono::month{month_ == 0 ? 1u : month_},
                                          std::chrono::day{day_ == 0 ? 1u : day_}});
}

Date PartialDate::Last() const {
  namespace c = std::chrono;
  if (day_ != 0) return First();
  if (month_ == 0) return Date(c::year_month_day{c::year{year_}, c::December, c::day{31}});
  c::year_month_day_last last{c::year{year_}, c::month_day_last{c::month{month_}}};
  return Date(c::year_month_day{last});
}

}  // namespace assent::strategy
