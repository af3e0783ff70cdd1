#include "cli/admin_commands.hpp"

#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <climits>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "accounts/user.hpp"
#include "app/app.hpp"
#include "cli/exit_code.hpp"
#include "core/instant.hpp"
#include "services/accounts.hpp"
#include "services/audit_log.hpp"
#include "services/mail_sender.hpp"

namespace assent::cli {
namespace {

const services::AuditActor kCli{0, "cli"};

// One line from standard input, without its line end.
Result<std::string> ReadLine(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) {
    return Fail(ErrorCode::kInvalidInput, "no password on standard input", "password");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Reads a line from the terminal with echo off.
Result<std::string> ReadHidden(const char* prompt) {
  std::fputs(prompt, stderr);
  std::fflush(stderr);
  termios old{};
  bool restore = tcgetattr(STDIN_FILENO, &old) == 0;
  if (restore) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  auto line = ReadLine(std::cin);
  if (restore) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  return line;
}

Result<std::string> ReadPassword(const AdminArgs& args) {
  if (args.password_stdin || !isatty(STDIN_FILENO)) return ReadLine(std::cin);
  auto first = ReadHidden(fmt::format("New password for {}: ", args.username).c_str());
  if (!first) return first.error();
  auto second = ReadHidden("The same password again: ");
  if (!second) return second.error();
  if (*first != *second) {
    return Fail(ErrorCode::kInvalidInput, "the two passwords typed differ; nothing was changed",
                "password");
  }
  return first;
}

Result<std::vector<accounts::RoleGrant>> Roles(const std::string& text) {
  if (text.empty()) return std::vector<accounts::RoleGrant>{};
  auto grants = accounts::ParseRoleGrants(text);
  if (!grants) return Fail(ErrorCode::kInvalidInput, grants.error().message, "--roles");
  return grants;
}

std::string RolesText(const std::vector<accounts::RoleGrant>& roles) {
  return roles.empty() ? std::string("no roles") : accounts::FormatRoleGrants(roles);
}

std::string State(const accounts::User& u, Instant now) {
  std::string state;
  auto add = [&](const std::string& s) { state += (state.empty() ? "" : ", ") + s; };
  if (u.disabled) add("disabled");
  if (u.locked_until > now.unix_seconds) add("locked until " + Instant{u.locked_until}.ToIso());
  if (u.must_change_password) add("must change password");
  return state.empty() ? "active" : state;
}

int UserAdd(const AdminArgs& args, storage::Store& store) {
  auto roles = Roles(args.roles);
  if (!roles) return Report(roles.error());
  // Checked before the password is asked for, so a typo costs no typing.
  if (auto r = accounts::CheckUsername(args.username); !r) {
    return Report(Fail(ErrorCode::kInvalidInput, r.error().message, "username"));
  }
  if (auto existing = store.FindUser(args.username); existing) {
    return Report(Fail(ErrorCode::kConflict, fmt::format("the username '{}' is taken", args.username),
                       "username"));
  }
  auto password = ReadPassword(args);
  if (!password) return Report(password.error());
  services::NewUser nu;
  nu.username = args.username;
  nu.display_name = args.name;
  nu.email = args.email;
  nu.password = std::move(*password);
  nu.roles = std::move(*roles);
  auto added = services::AddUser(store, nu, kCli, Instant::Now());
  if (!added) return Report(added.error());
  std::printf("added user %s (%s) with %s\n", added->username.c_str(), added->display_name.c_str(),
              RolesText(added->roles).c_str());
  return kExitOk;
}

int UserList(const AdminArgs& args, storage::Store& store) {
  auto users = store.ListUsers();
  if (!users) return Report(users.error());
  Instant now = Instant::Now();
  if (args.json) {
    auto out = nlohmann::json::array();
    for (const auto& u : *users) {
      nlohmann::json roles = nlohmann::json::array();
      for (const auto& g : u.roles) roles.push_back(g.body + ":" + g.role);
      out.push_back({{"username", u.username},
                     {"name", u.display_name},
                     {"email", u.email},
                     {"roles", roles},
                     {"disabled", u.disabled},
                     {"locked_until", u.locked_until > now.unix_seconds
                                          ? nlohmann::json(Instant{u.locked_until}.ToIso())
                                          : nlohmann::json(nullptr)},
                     {"failed_sign_ins", u.failed_sign_ins},
                     {"must_change_password", u.must_change_password}});
    }
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  if (users->empty()) {
    std::printf("no users yet: add one with  assent user add USERNAME --name \"Full Name\" --roles BODY:ROLE\n");
    return kExitOk;
  }
  std::vector<std::array<std::string, 5>> rows;
  rows.push_back({"USERNAME", "NAME", "EMAIL", "ROLES", "STATE"});
  for (const auto& u : *users) {
    rows.push_back({u.username, u.display_name, u.email.empty() ? "-" : u.email, RolesText(u.roles),
                    State(u, now)});
  }
  std::array<size_t, 5> width{};
  for (const auto& r : rows) {
    for (size_t i = 0; i < 4; ++i) width[i] = std::max(width[i], r[i].size());
  }
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < 4; ++i) line += r[i] + std::string(width[i] - r[i].size() + 2, ' ');
    line += r[4];
    std::printf("%s\n", line.c_str());
  }
  return kExitOk;
}

int UserSetRoles(const AdminArgs& args, storage::Store& store) {
  auto roles = Roles(args.roles);
  if (!roles) return Report(roles.error());
  auto before = store.FindUser(args.username);
  auto updated = services::SetRoles(store, args.username, *roles, kCli, Instant::Now());
  if (!updated) return Report(updated.error());
  std::printf("roles of %s: %s (were %s)\n", updated->username.c_str(), RolesText(updated->roles).c_str(),
              before ? RolesText(before->roles).c_str() : "unknown");
  return kExitOk;
}

int UserResetPassword(const AdminArgs& args, storage::Store& store) {
  auto user = store.FindUser(args.username);
  if (!user) {
    if (user.error().code == ErrorCode::kNotFound) {
      return Report(Fail(ErrorCode::kNotFound, fmt::format("there is no user '{}'", args.username),
                         "username"));
    }
    return Report(user.error());
  }
  auto password = ReadPassword(args);
  if (!password) return Report(password.error());
  if (auto r = services::ResetPassword(store, args.username, *password, kCli, Instant::Now()); !r) {
    return Report(r.error());
  }
  std::printf("password of %s reset: lock-out cleared, every session ended; they must choose a "
              "new one at next sign-in\n",
              args.username.c_str());
  return kExitOk;
}

int AuditVerify(storage::Store& store) {
  auto report = services::VerifyAudit(store);
  if (!report) return Report(report.error());
  if (!report->ok()) {
    std::fflush(stdout);
    std::fprintf(stderr, "assent: audit log NOT verified: %s (%lld events and %lld decisions checked before it)\n",
                 report->first_problem->c_str(), static_cast<long long>(report->events),
                 static_cast<long long>(report->decisions));
    return kExitBadInput;
  }
  std::printf("audit log verified: %lld events, %lld decisions (%lld stored before the log)\n",
              static_cast<long long>(report->events), static_cast<long long>(report->decisions),
              static_cast<long long>(report->uncovered));
  return kExitOk;
}

int MailSend(const AdminArgs& args, storage::Store& store, const app::Config& config) {
  auto smtp = app::SmtpSettingsOf(config);
  int sent = 0, failed = 0;
  for (;;) {
    auto r = services::SendPendingMail(store, smtp, 50, args.retry_failed ? INT_MAX : services::kMaxMailAttempts);
    if (!r) return Report(r.error());
    sent += r->sent;
    failed += r->failed;
    if (r->failed > 0 || r->sent < 50) break;
  }
  std::printf("mail: %d sent, %d not delivered\n", sent, failed);
  if (failed > 0) {
    std::fflush(stdout);
    std::fprintf(stderr, "assent: %d messages not delivered; see  assent mail list  for the reasons\n", failed);
    return kExitUnavailable;
  }
  return kExitOk;
}

int MailList(storage::Store& store) {
  auto mail = store.PendingMail(INT_MAX, INT_MAX);
  if (!mail) return Report(mail.error());
  if (mail->empty()) {
    std::printf("the outbox is empty\n");
    return kExitOk;
  }
  for (const auto& m : *mail) {
    std::string state = m.attempts == 0 ? "waiting"
                        : m.attempts >= services::kMaxMailAttempts
                            ? fmt::format("given up after {} attempts", m.attempts)
                            : fmt::format("{} failed attempts", m.attempts);
    std::printf("%lld  %s  %s  %s  [%s]%s%s\n", static_cast<long long>(m.id), m.created_at.c_str(),
                m.to.c_str(), m.subject.c_str(), state.c_str(), m.last_error.empty() ? "" : ": ",
                m.last_error.c_str());
  }
  return kExitOk;
}

}  // namespace

void SetupUserCommand(CLI::App& user, AdminArgs& args) {
  user.require_subcommand(1);
  const std::string roles_help =
      "roles as BODY:ROLE,... e.g. cumbria:commissioner,lancashire:governance_officer (* for every body)";
  CLI::App* add = user.add_subcommand("add", "add a staff account");
  add->fallthrough();
  add->add_option("username", args.username, "sign-in name: a-z 0-9 . _ -, starting with a letter")->required();
  add->add_option("--name", args.name, "the person's name as shown beside a signature")->required();
  add->add_option("--email", args.email, "where notifications go");
  add->add_option("--roles", args.roles, roles_help);
  add->add_flag("--password-stdin", args.password_stdin, "read the password as one line from standard input");
  add->callback([&args] { args.action = "user add"; });

  CLI::App* list = user.add_subcommand("list", "list staff accounts, their roles and state");
  list->fallthrough();
  list->add_flag("--json", args.json, "print JSON");
  list->callback([&args] { args.action = "user list"; });

  CLI::App* set = user.add_subcommand("set-roles", "replace an account's roles");
  set->fallthrough();
  set->add_option("username", args.username, "the account")->required();
  set->add_option("--roles", args.roles, roles_help + "; \"\" for none")->required();
  set->callback([&args] { args.action = "user set-roles"; });

  CLI::App* reset = user.add_subcommand(
      "reset-password", "set a new password, clear the lock-out and end every session");
  reset->fallthrough();
  reset->add_option("username", args.username, "the account")->required();
  reset->add_flag("--password-stdin", args.password_stdin, "read the password as one line from standard input");
  reset->callback([&args] { args.action = "user reset-password"; });
}

void SetupAuditCommand(CLI::App& audit, AdminArgs& args) {
  audit.require_subcommand(1);
  CLI::App* verify = audit.add_subcommand(
      "verify", "recompute the audit chain and check every decision against its last event");
  verify->fallthrough();
  verify->callback([&args] { args.action = "audit verify"; });
}

void SetupMailCommand(CLI::App& mail, AdminArgs& args) {
  mail.require_subcommand(1);
  CLI::App* send = mail.add_subcommand("send", "deliver the outbox once (smtp_url, smtp_from)");
  send->fallthrough();
  send->add_flag("--retry-failed", args.retry_failed,
                 "also retry messages given up after " + std::to_string(services::kMaxMailAttempts) + " attempts");
  send->callback([&args] { args.action = "mail send"; });
  CLI::App* list = mail.add_subcommand("list", "show undelivered mail and the last error of each");
  list->fallthrough();
  list->callback([&args] { args.action = "mail list"; });
}

int RunAdminCommand(const AdminArgs& args, const app::Config& config) {
  auto opened = app::OpenApp(config);
  if (!opened) return Report(opened.error());
  storage::Store& store = *(*opened)->store;
  if (args.action == "user add") return UserAdd(args, store);
  if (args.action == "user list") return UserList(args, store);
  if (args.action == "user set-roles") return UserSetRoles(args, store);
  if (args.action == "user reset-password") return UserResetPassword(args, store);
  if (args.action == "audit verify") return AuditVerify(store);
  if (args.action == "mail send") return MailSend(args, store, config);
  if (args.action == "mail list") return MailList(store);
  return Report(Fail(ErrorCode::kInvalidInput, "no such command: " + args.action));
}

}  // namespace assent::cli
