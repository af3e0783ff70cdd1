#pragma once
// The composition root: opens the store named by the configuration, loads the forms and
// the strategy catalogue,
// synchronises the configured bodies and (with demo) the demo register. The only place
// besides storage/open_store.cpp that decides which pieces make up a running Assent.

#include <memory>
#include <string>

#include "app/config.hpp"
#include "core/result.hpp"
#include "services/catalogue.hpp"
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
};

// Creates the data directory if needed. Errors name the file or key at fault.
Result<std::unique_ptr<App>> OpenApp(const Config& config);

// Starts the web service and blocks until SIGINT or SIGTERM.
Result<void> Serve(App& app);

}  // namespace assent::app
