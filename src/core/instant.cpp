#include "core/instant.hpp"

#include <fmt/format.h>

namespace assent {
namespace {

using namespace std::chrono;

// The instant (UTC) of 01:00 on the last Sunday of `month` in `year`.
sys_seconds LastSundayOneAm(int y, month m) {
  sys_days last{year{y} / m / std::chrono::last};
  last -= (weekday{last} - Sunday);
  return sys_seconds{last} + hours{1};
}

}  // namespace

Instant Instant::Now() {
  return Instant{time_point_cast<seconds>(system_clock::now()).time_since_epoch().count()};
}

std::string Instant::ToIso() const {
  sys_seconds t{seconds{unix_seconds}};
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

Date Instant::UtcDate() const {
  return Date(year_month_day{floor<days>(sys_seconds{seconds{unix_seconds}})});
}

Date Instant::UkDate() const {
  sys_seconds t{seconds{unix_seconds}};
  int y = static_cast<int>(year_month_day{floor<days>(t)}.year());
  bool summer = t >= LastSundayOneAm(y, March) && t < LastSundayOneAm(y, October);
  return Date(year_month_day{floor<days>(t + hours{summer ? 1 : 0})});
}

}  // namespace assent
