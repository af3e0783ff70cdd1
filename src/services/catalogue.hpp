#pragma once
// The data files a deployment runs on: its decision forms (forms/*.toml) and its
// bodies (a bodies file). Loaded once at start; errors name the file and key.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "decisions/body.hpp"
#include "decisions/form.hpp"
#include "publication/calendar_data.hpp"
#include "workflow/delegation.hpp"

namespace assent::services {

// The calendar in force, shared by every request thread. It is replaced whole when a
// calendar import arrives while the server runs (services::RefreshCalendar); a reader
// keeps the calendar it was given for as long as it holds it.
class CalendarInForce {
 public:
  CalendarInForce() = default;
  CalendarInForce(const CalendarInForce& other) : calendar_(other.Get()) {}
  CalendarInForce& operator=(const CalendarInForce& other) {
    Set(other.Get());
    return *this;
  }
  CalendarInForce& operator=(publication::Calendar calendar) {
    Set(std::make_shared<const publication::Calendar>(std::move(calendar)));
    return *this;
  }
  std::shared_ptr<const publication::Calendar> Get() const {
    std::lock_guard lock(mu_);
    return calendar_;
  }
  void Set(std::shared_ptr<const publication::Calendar> calendar) {
    std::lock_guard lock(mu_);
    calendar_ = std::move(calendar);
  }
  explicit operator bool() const { return Get() != nullptr; }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const publication::Calendar> calendar_;
};

struct Catalogue {
  std::vector<decisions::Form> forms;
  // Each body's scheme of delegation, by slug (from the bodies file).
  std::map<std::string, workflow::DelegationScheme, std::less<>> schemes;
  // The bank-holiday calendar publication due dates count over (calendars/); without it
  // due dates are not shown and not recorded.
  CalendarInForce calendar;
  const decisions::Form* FindForm(std::string_view id) const;
  // The body's scheme, or workflow::DefaultScheme() when its file has none.
  const workflow::DelegationScheme& SchemeFor(std::string_view body) const;
};

// Every *.toml in `dir`, in name order. An unreadable or invalid form fails the load.
Result<std::vector<decisions::Form>> LoadForms(const std::string& dir);
Result<std::vector<decisions::Body>> LoadBodiesFile(const std::string& path);
// The [body.delegation] table of each body in the bodies file, by slug.
Result<std::map<std::string, workflow::DelegationScheme, std::less<>>> LoadDelegationSchemes(
    const std::string& path);
// Checks that each body names a form the catalogue has.
Result<void> CheckBodiesHaveForms(const std::vector<decisions::Body>& bodies,
                                  const Catalogue& catalogue, std::string_view where);

// Reads a whole file; errors say "PATH: cannot read file (reason)".
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace assent::services
