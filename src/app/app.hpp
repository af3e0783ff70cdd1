#pragma once
// The composition root: opens the store named by the configuration, loads the forms and
// the strategy catalogue,
// synchronises the configured bodies and (with demo) the demo register. The only place
// besides storage/open_store.cpp that decides which pieces make up a running Assent.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "app/config.hpp"
#include "core/result.hpp"
#include "services/catalogue.hpp"
#include "services/mail_sender.hpp"
#include "services/publication.hpp"
#include "storage/store.hpp"
#include "strategy/catalogue.hpp"

namespace assent::app {

struct SharePaths {
  std::string forms, templates, static_files, frontend_dist, demo, calendars;
};
SharePaths PathsUnder(const std::string& share_dir);

struct App {
  Config config;
  SharePaths paths;
  services::Catalogue catalogue;
  strategy::Catalogue strategies;  // the strategy register's data files
  std::unique_ptr<storage::Store> store;
  // The outbox's sender thread while Serve runs with smtp_url set (null otherwise);
  // handlers may Wake() it after a change that queued mail.
  std::unique_ptr<services::MailSender> mail;
  // Publishes deferred decisions whose date has come, while Serve runs.
  std::unique_ptr<services::PublishDueScheduler> publish_due;
  // The demo register was loaded into this store when it opened (a fresh data
  // directory): `serve` then creates the demo staff accounts.
  bool demo_just_loaded = false;
  // How many stored calendar imports the calendar in force was built with (see
  // services::RefreshCalendar); empty until it was first loaded.
  std::optional<std::size_t> calendar_imports_seen;
};

// The SMTP settings of the configuration (url empty: mail off).
services::SmtpSettings SmtpSettingsOf(const Config& config);

// Creates the data directory if needed. Errors name the file or key at fault.
Result<std::unique_ptr<App>> OpenApp(const Config& config);

// Starts the web service (and the mail sender when smtp_url is set) and blocks until
// SIGINT or SIGTERM.
Result<void> Serve(App& app);

}  // namespace assent::app
