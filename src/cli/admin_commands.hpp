#pragma once
// Commands an administrator runs on the configured store:
//   assent user add USERNAME --name NAME [--email E] [--roles R] [--password-stdin]
//   assent user list [--json]
//   assent user set-roles USERNAME --roles R
//   assent user reset-password USERNAME [--password-stdin]
//   assent audit verify
//   assent mail send [--retry-failed]
//   assent mail list
// Without --password-stdin the password is read from the terminal twice without echo,
// or as one line from standard input when it is not a terminal.

#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace assent::cli {

struct AdminArgs {
  std::string action;  // "user add", "user list", ..., set by the chosen subcommand
  std::string username;
  std::string name;
  std::string email;
  std::string roles;
  bool password_stdin = false;
  bool json = false;
  bool retry_failed = false;
};

void SetupUserCommand(CLI::App& user, AdminArgs& args);
void SetupAuditCommand(CLI::App& audit, AdminArgs& args);
void SetupMailCommand(CLI::App& mail, AdminArgs& args);

// Prints to stdout; errors go to stderr as one line; returns the exit code. On an
// error the store is unchanged.
int RunAdminCommand(const AdminArgs& args, const app::Config& config);

}  // namespace assent::cli
