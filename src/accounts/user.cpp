#include "accounts/user.hpp"

namespace assent::accounts {

bool User::HasRole(std::string_view body, std::string_view role) const {
  for (const auto& g : roles) {
    if ((g.body == body || g.body == "*") && g.role == role) return true;
  }
  return false;
}

bool User::InBody(std::string_view body) const {
  for (const auto& g : roles) {
    if (g.body == body || g.body == "*") return true;
  }
  return false;
}

bool User::IsAdministrator() const {
  for (const auto& g : roles) {
    if (g.role == "administrator") return true;
  }
  return false;
}

}  // namespace assent::accounts
