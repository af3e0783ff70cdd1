#pragma once
// Assent's configuration: one struct with documented defaults, loaded in the order
// defaults < TOML file (--config) < ASSENT_* environment < command-line flags.
// Every key has one row in kConfigKeys (config.cpp): its TOML key, variable and flag.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace assent::app {

struct Config {
  // Where records live: "sqlite:PATH" or a PostgreSQL URI "postgresql://user@host/db".
  // Empty means sqlite:<data_dir>/assent.db.
  std::string store_url;
  // Address the web service listens on, host:port. Put a reverse proxy in front for TLS.
  std::string listen = "127.0.0.1:8080";
  // Directory for the embedded database and other state; created if missing.
  std::string data_dir = "data";
  // Load the demo register (three bodies, five seed decisions) into an empty store.
  bool demo = false;
  // Where forms/, templates/, static/, frontend/dist/ and demo/ are found.
  std::string share_dir = ASSENT_DEFAULT_SHARE_DIR;
  // A bodies file (TOML, [[body]] tables) synchronised into the store at start.
  // Empty: none (with demo, <share_dir>/demo/bodies.toml is loaded into an empty store).
  std::string bodies_file;
  // Directory of strategy data files (*.toml, see docs/strategies.md) loaded at start.
  // Empty: none (with demo, <share_dir>/demo/strategies).
  std::string strategies_dir;
  // I/O threads, one io_context each. 0: one per core.
  int io_threads = 0;
  // Threads for store and rendering work.
  int worker_threads = 4;
  // Database connections: SQLite reader connections, or the PostgreSQL pool size.
  // 0: max(2, worker_threads) (plus one for writes on PostgreSQL).
  int store_connections = 0;
  // Connections beyond this are closed at once.
  int max_connections = 2000;
  // Seconds allowed to read one request.
  int read_timeout_seconds = 15;
  // Seconds a keep-alive connection may wait for its next request.
  int idle_timeout_seconds = 30;
  // Largest request body accepted, in bytes.
  int body_limit_bytes = 1 << 20;
  // trace, debug, info, warn, error.
  std::string log_level = "info";

  // Notifications by e-mail. The SMTP server: "smtp://mail.example.org:25" (plain or
  // STARTTLS) or "smtps://mail.example.org:465" (TLS). Empty: mail waits in the outbox
  // (`assent mail send` delivers it once one is configured).
  std::string smtp_url;
  // The sender: "decisions@example.org" or "Assent <decisions@example.org>".
  std::string smtp_from;
  // Credentials for the SMTP server, if it asks for them.
  std::string smtp_username;
  std::string smtp_password;
  // Require STARTTLS on an smtp:// URL (refuse to send in clear).
  bool smtp_starttls = false;
  // The public address of this service, for links in e-mails
  // ("https://decisions.example.org"). Empty: http://<listen>.
  std::string base_url;
  // Mark session cookies Secure (sent over HTTPS only). Turn off only for plain-HTTP
  // development on loopback.
  bool cookie_secure = true;

  // The store URL in effect (store_url, or the default under data_dir).
  std::string EffectiveStoreUrl() const;
  // base_url, or http://<listen>; never with a trailing slash.
  std::string EffectiveBaseUrl() const;
};

// A URL fit to print (store or SMTP): any password in it replaced by ***.
std::string MaskSecrets(const std::string& url);

struct ConfigSources {
  std::optional<std::string> file;  // --config FILE
  std::function<std::optional<std::string>(const std::string&)> getenv;
  std::map<std::string, std::string> flags;  // flag name without dashes -> value
};

// Where each effective value came from: "default", "assent.toml", "env ASSENT_LISTEN", "flag --listen".
using ConfigOrigins = std::map<std::string, std::string>;

// Errors name the source and key: "assent.toml: key listen: ...",
// "environment ASSENT_LISTEN: ...", "flag --listen: ...".
Result<Config> LoadConfig(const ConfigSources& sources, ConfigOrigins* origins = nullptr);

// The effective configuration as TOML, each line commented with its origin; secrets masked.
std::string DescribeConfig(const Config& config, const ConfigOrigins& origins);

struct ConfigKey {
  std::string toml;  // "listen"
  std::string env;   // "ASSENT_LISTEN"
  std::string flag;  // "listen" (as --listen)
  std::string help;
};
const std::vector<ConfigKey>& ConfigKeys();

// "host:port" -> parts; errors say what is wrong.
Result<std::pair<std::string, int>> ParseListen(const std::string& text);

}  // namespace assent::app
