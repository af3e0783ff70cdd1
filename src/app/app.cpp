#include "app/app.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <thread>

#include "render/html_pages.hpp"
#include "services/calendar_file.hpp"
#include "services/demo_data.hpp"
#include "services/demo_staff.hpp"
#include "services/strategy_files.hpp"
#include "storage/open_store.hpp"
#include "web/server.hpp"

namespace assent::app {

SharePaths PathsUnder(const std::string& share_dir) {
  return SharePaths{share_dir + "/forms", share_dir + "/templates", share_dir + "/static",
                    share_dir + "/frontend/dist", share_dir + "/demo",
                    share_dir + "/calendars"};
}

Result<std::unique_ptr<App>> OpenApp(const Config& config) {
  auto app = std::make_unique<App>();
  app->config = config;
  app->paths = PathsUnder(config.share_dir);
  auto forms = services::LoadForms(app->paths.forms);
  if (!forms) return forms.error();
  if (forms->empty()) {
    return Fail(ErrorCode::kInvalidInput, "no forms (*.toml) found; check share_dir", app->paths.forms);
  }
  app->catalogue.forms = std::move(*forms);
  // Each body's scheme of delegation ([body.delegation] in the bodies file).
  std::string bodies_source = config.bodies_file;
  if (bodies_source.empty() && config.demo) bodies_source = app->paths.demo + "/bodies.toml";
  if (!bodies_source.empty()) {
    auto schemes = services::LoadDelegationSchemes(bodies_source);
    if (!schemes) return schemes.error();
    app->catalogue.schemes = std::move(*schemes);
  }

  std::string url = config.EffectiveStoreUrl();
  if (config.store_url.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(config.data_dir, ec);
    if (ec) {
      return Fail(ErrorCode::kUnavailable,
                  fmt::format("cannot create the data directory ({})", ec.message()), config.data_dir);
    }
  }
  storage::StoreOptions options;
  options.connections =
      config.store_connections > 0 ? config.store_connections : std::max(2, config.worker_threads) + 1;
  auto store = storage::OpenStore(url, options);
  if (!store) return store.error();
  app->store = std::move(*store);
  // The bank holidays publication due dates count over: the bundled calendar with the
  // store's imports (assent calendar import) merged in; `serve` takes up later imports as
  // they arrive. Not fatal: due dates then go unshown.
  if (auto loaded = services::RefreshCalendar(*app->store, app->paths.calendars, app->catalogue.calendar,
                                              app->calendar_imports_seen);
      !loaded) {
    spdlog::warn("calendar: {}; publication due dates will not be shown", loaded.error().ToString());
  }

  if (!config.bodies_file.empty()) {
    auto n = services::SyncBodies(*app->store, app->catalogue, config.bodies_file);
    if (!n) return n.error();
    spdlog::info("bodies: {} from {}", *n, config.bodies_file);
  }
  if (config.demo) {
    auto demo = services::LoadDemoIfEmpty(*app->store, app->catalogue, app->paths.demo);
    if (!demo) return demo.error();
    if (demo->loaded) {
      spdlog::info("demo register loaded: {} bodies, {} decisions", demo->bodies, demo->decisions);
      app->demo_just_loaded = true;
    }
  }
  std::string strategies_dir = config.strategies_dir;
  if (strategies_dir.empty() && config.demo) strategies_dir = app->paths.demo + "/strategies";
  if (!strategies_dir.empty()) {
    auto strategies = services::LoadStrategies(strategies_dir);
    if (!strategies) return strategies.error();
    app->strategies = std::move(*strategies);
    spdlog::info("strategies: {} from {}", app->strategies.strategies().size(), strategies_dir);
    // Not fatal: the decisions may be imported after start; pages show them unlinked.
    auto problems = services::CheckStrategiesAgainstRegister(*app->store, app->strategies);
    if (!problems) return problems.error();
    for (const auto& p : *problems) spdlog::warn("strategies: {}", p);
  }
  return app;
}

services::SmtpSettings SmtpSettingsOf(const Config& config) {
  services::SmtpSettings s;
  s.url = config.smtp_url;
  s.from = config.smtp_from;
  s.username = config.smtp_username;
  s.password = config.smtp_password;
  s.starttls = config.smtp_starttls;
  return s;
}

Result<void> Serve(App& app) {
  const Config& c = app.config;
  auto listen = ParseListen(c.listen);
  if (!listen) return Fail(listen.error().code, listen.error().message, "listen");
  if (!c.smtp_url.empty() && c.smtp_from.empty()) {
    return Fail(ErrorCode::kInvalidInput, "set smtp_from (the sender address) as well as smtp_url",
                "smtp_from");
  }
  if (c.demo && app.demo_just_loaded) {
    // Staff accounts to try the workflow with, and the decisions they made in every
    // publication state, only when serving a data directory the demo register was just
    // loaded into (never a store that already held data).
    auto states = services::LoadDemoStates(*app.store, app.catalogue, app.paths.demo, Instant::Now());
    if (!states) return states.error();
    if (states->staff.created) {
      spdlog::info("demo decisions in every publication state: {} from {}/decisions", states->decisions,
                   app.paths.demo);
      spdlog::warn(
          "demo staff accounts created ({}), all with the password {} -- sign in at /staff/sign-in. "
          "Demo only: start a real deployment on a fresh data directory.",
          fmt::join(states->staff.usernames, ", "), states->staff.password);
    }
  }
  auto pages = render::HtmlPages::Load(app.paths.templates);
  if (!pages) return pages.error();
  auto files = web::StaticFiles::Load({{"/assets/app/", app.paths.static_files},
                                       {"/assets/", app.paths.frontend_dist}});
  if (!files) return files.error();

  if (!c.smtp_url.empty()) {
    app.mail = std::make_unique<services::MailSender>(*app.store, SmtpSettingsOf(c),
                                                      std::chrono::seconds(5));
    spdlog::info("mail: through {} as {}", MaskSecrets(c.smtp_url), c.smtp_from);
  } else {
    spdlog::info("mail: off (no smtp_url); notifications wait in the outbox");
  }

  app.publish_due = std::make_unique<services::PublishDueScheduler>(
      *app.store, app.catalogue, c.EffectiveBaseUrl(), std::chrono::minutes(10));

  web::PageCache cache;
  web::Service service(web::Site{*app.store, *pages, &app.strategies, &app.catalogue,
                                 c.EffectiveBaseUrl(), c.cookie_secure},
                       *files, cache);
  // A calendar imported by another process (assent calendar import) moves the change token:
  // the due dates shown from then on count over it, without a restart.
  web::ChangeWatcher watcher(*app.store, cache, std::chrono::milliseconds(1000), [&app] {
    auto refreshed = services::RefreshCalendar(*app.store, app.paths.calendars, app.catalogue.calendar,
                                               app.calendar_imports_seen);
    if (!refreshed) {
      spdlog::warn("calendar: {}; the calendar in use is kept", refreshed.error().ToString());
    } else if (*refreshed) {
      spdlog::info("calendar: an imported bank-holiday file is now in force");
    }
  });
  web::ServerOptions options;
  options.host = listen->first;
  options.port = static_cast<std::uint16_t>(listen->second);
  options.io_threads = c.io_threads > 0 ? c.io_threads
                                        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.worker_threads = c.worker_threads;
  options.max_connections = c.max_connections;
  options.read_timeout = std::chrono::seconds(c.read_timeout_seconds);
  options.idle_timeout = std::chrono::seconds(c.idle_timeout_seconds);
  options.body_limit = static_cast<std::size_t>(c.body_limit_bytes);
  web::Server server(options, service);
  auto port = server.Start();
  if (!port) return port.error();
  // Tests and scripts read this line to learn the port when listening on :0.
  spdlog::info("Assent listening on http://{}:{}/ (store {}, {} assets)", options.host, *port,
               MaskSecrets(c.EffectiveStoreUrl()), files->size());
  server.RunUntilSignal();
  app.publish_due.reset();
  app.mail.reset();  // finishes the message in flight, if any
  spdlog::info("stopped");
  return Ok();
}

}  // namespace assent::app
