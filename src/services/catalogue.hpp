#pragma once
// The data files a deployment runs on: its decision forms (forms/*.toml) and its
// bodies (a bodies file). Loaded once at start; errors name the file and key.

#include <functional>
#include <map>
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

struct Catalogue {
  std::vector<decisions::Form> forms;
  // Each body's scheme of delegation, by slug (from the bodies file).
  std::map<std::string, workflow::DelegationScheme, std::less<>> schemes;
  // The bank-holiday calendar publication due dates count over (calendars/); without it
  // due dates are not shown and not recorded.
  std::optional<publication::Calendar> calendar;
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
