#include "app/config.hpp"

#include <fmt/format.h>

#include <charconv>
#include <toml++/toml.h>

#include "core/text.hpp"
#include "core/toml_text.hpp"
#include "services/catalogue.hpp"

namespace assent::app {
namespace {

using Setter = Result<void> (*)(Config&, const std::string&);

Result<int> ParseInt(const std::string& text, int min, int max) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < min || v > max) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not a whole number from {} to {}", text, min, max));
  }
  return v;
}

Result<bool> ParseBool(const std::string& text) {
  std::string t = ToLowerAscii(text);
  if (t == "1" || t == "true" || t == "yes" || t == "on") return true;
  if (t == "0" || t == "false" || t == "no" || t == "off" || t.empty()) return false;
  return Fail(ErrorCode::kInvalidInput, fmt::format("'{}' is not true or false (or 1 or 0)", text));
}

template <int Config::*Field, int Min, int Max>
Result<void> SetInt(Config& c, const std::string& v) {
  auto n = ParseInt(v, Min, Max);
  if (!n) return n.error();
  c.*Field = *n;
  return Ok();
}

template <std::string Config::*Field>
Result<void> SetString(Config& c, const std::string& v) {
  if (Trim(v).empty()) return Fail(ErrorCode::kInvalidInput, "must not be empty");
  c.*Field = v;
  return Ok();
}

Result<void> SetOptionalString(std::string& field, const std::string& v) {
  field = v;
  return Ok();
}

Result<void> SetBool(bool& field, const std::string& v) {
  auto b = ParseBool(v);
  if (!b) return b.error();
  field = *b;
  return Ok();
}

bool HasControl(const std::string& v) {
  for (unsigned char c : v) {
    if (c < ' ' || c == 0x7f) return true;
  }
  return false;
}

Result<void> SetSmtpUrl(Config& c, const std::string& v) {
  if (!v.empty() && v.rfind("smtp://", 0) != 0 && v.rfind("smtps://", 0) != 0) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:25", MaskSecrets(v)));
  }
  if (HasControl(v)) return Fail(ErrorCode::kInvalidInput, "must not contain control characters");
  c.smtp_url = v;
  return Ok();
}

Result<void> SetSmtpFrom(Config& c, const std::string& v) {
  if (!v.empty() && (v.find('@') == std::string::npos || HasControl(v))) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not an e-mail address, e.g. decisions@example.org", v));
  }
  c.smtp_from = v;
  return Ok();
}

Result<void> SetBaseUrl(Config& c, const std::string& v) {
  std::string url = v;
  while (!url.empty() && url.back() == '/') url.pop_back();
  bool http = url.rfind("http://", 0) == 0 && url.size() > 7;
  bool https = url.rfind("https://", 0) == 0 && url.size() > 8;
  if (!v.empty() && (!(http || https) || HasControl(url) || url.find(' ') != std::string::npos)) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not an http:// or https:// address, e.g. "
                            "https://decisions.example.org",
                            v));
  }
  c.base_url = url;
  return Ok();
}

struct KeyRow {
  ConfigKey key;
  bool is_int;
  bool is_bool;
  Setter set;
  std::function<std::string(const Config&)> get;
};

const std::vector<KeyRow>& Rows() {
  static const std::vector<KeyRow> kRows = {
      {{"store_url", "ASSENT_STORE_URL", "store-url", "store URL: sqlite:PATH or postgresql://..."}, false, false,
       [](Config& c, const std::string& v) -> Result<void> {
         return SetOptionalString(c.store_url, v);
       },
       [](const Config& c) { return c.EffectiveStoreUrl(); }},
      {{"listen", "ASSENT_LISTEN", "listen", "address to listen on, host:port"}, false, false,
       [](Config& c, const std::string& v) -> Result<void> {
         auto p = ParseListen(v);
         if (!p) return p.error();
         c.listen = v;
         return Ok();
       },
       [](const Config& c) { return c.listen; }},
      {{"data_dir", "ASSENT_DATA_DIR", "data-dir", "directory for the database and state"}, false,
       false, &SetString<&Config::data_dir>, [](const Config& c) { return c.data_dir; }},
      {{"demo", "ASSENT_DEMO", "demo", "load the demo register into an empty store"}, false, true,
       [](Config& c, const std::string& v) -> Result<void> {
         auto b = ParseBool(v);
         if (!b) return b.error();
         c.demo = *b;
         return Ok();
       },
       [](const Config& c) { return std::string(c.demo ? "true" : "false"); }},
      {{"share_dir", "ASSENT_SHARE_DIR", "share-dir", "where forms, templates and assets are"},
       false, false, &SetString<&Config::share_dir>, [](const Config& c) { return c.share_dir; }},
      {{"bodies_file", "ASSENT_BODIES_FILE", "bodies-file", "bodies file to load at start"}, false,
       false,
       [](Config& c, const std::string& v) -> Result<void> {
         return SetOptionalString(c.bodies_file, v);
       },
       [](const Config& c) { return c.bodies_file; }},
      {{"strategies_dir", "ASSENT_STRATEGIES_DIR", "strategies-dir",
        "directory of strategy data files to load at start"},
       false, false,
       [](Config& c, const std::string& v) -> Result<void> {
         return SetOptionalString(c.strategies_dir, v);
       },
       [](const Config& c) { return c.strategies_dir; }},
      {{"io_threads", "ASSENT_IO_THREADS", "io-threads", "I/O threads (0: one per core)"}, true,
       false, &SetInt<&Config::io_threads, 0, 256>,
       [](const Config& c) { return std::to_string(c.io_threads); }},
      {{"worker_threads", "ASSENT_WORKER_THREADS", "worker-threads", "worker threads"}, true, false,
       &SetInt<&Config::worker_threads, 1, 256>,
       [](const Config& c) { return std::to_string(c.worker_threads); }},
      {{"store_connections", "ASSENT_STORE_CONNECTIONS", "store-connections",
        "database connections (SQLite readers, PostgreSQL pool); 0: max(2, worker threads) + 1"},
       true, false, &SetInt<&Config::store_connections, 0, 1000>,
       [](const Config& c) { return std::to_string(c.store_connections); }},
      {{"max_connections", "ASSENT_MAX_CONNECTIONS", "max-connections", "connection limit"}, true,
       false, &SetInt<&Config::max_connections, 1, 1000000>,
       [](const Config& c) { return std::to_string(c.max_connections); }},
      {{"read_timeout_seconds", "ASSENT_READ_TIMEOUT_SECONDS", "read-timeout",
        "seconds to read a request"},
       true, false, &SetInt<&Config::read_timeout_seconds, 1, 3600>,
       [](const Config& c) { return std::to_string(c.read_timeout_seconds); }},
      {{"idle_timeout_seconds", "ASSENT_IDLE_TIMEOUT_SECONDS", "idle-timeout",
        "seconds an idle keep-alive connection is kept"},
       true, false, &SetInt<&Config::idle_timeout_seconds, 1, 3600>,
       [](const Config& c) { return std::to_string(c.idle_timeout_seconds); }},
      {{"body_limit_bytes", "ASSENT_BODY_LIMIT_BYTES", "body-limit", "largest request body"}, true,
       false, &SetInt<&Config::body_limit_bytes, 1024, 1 << 30>,
       [](const Config& c) { return std::to_string(c.body_limit_bytes); }},
      {{"log_level", "ASSENT_LOG_LEVEL", "log-level", "trace, debug, info, warn or error"}, false,
       false,
       [](Config& c, const std::string& v) -> Result<void> {
         for (const char* l : {"trace", "debug", "info", "warn", "error"}) {
           if (v == l) {
             c.log_level = v;
             return Ok();
           }
         }
         return Fail(ErrorCode::kInvalidInput,
                     fmt::format("'{}' is not one of trace, debug, info, warn, error", v));
       },
       [](const Config& c) { return c.log_level; }},
      {{"smtp_url", "ASSENT_SMTP_URL", "smtp-url",
        "SMTP server for notifications: smtp://host:25 or smtps://host:465 (empty: mail off)"},
       false, false, &SetSmtpUrl, [](const Config& c) { return MaskSecrets(c.smtp_url); }},
      {{"smtp_from", "ASSENT_SMTP_FROM", "smtp-from", "sender address of notifications"}, false,
       false, &SetSmtpFrom, [](const Config& c) { return c.smtp_from; }},
      {{"smtp_username", "ASSENT_SMTP_USERNAME", "smtp-username", "SMTP user name, if needed"},
       false, false,
       [](Config& c, const std::string& v) -> Result<void> {
         return SetOptionalString(c.smtp_username, v);
       },
       [](const Config& c) { return c.smtp_username; }},
      {{"smtp_password", "ASSENT_SMTP_PASSWORD", "smtp-password",
        "SMTP password, if needed (prefer the environment or the file to a flag)"},
       false, false,
       [](Config& c, const std::string& v) -> Result<void> {
         return SetOptionalString(c.smtp_password, v);
       },
       [](const Config& c) { return std::string(c.smtp_password.empty() ? "" : "***"); }},
      {{"smtp_starttls", "ASSENT_SMTP_STARTTLS", "smtp-starttls",
        "require STARTTLS on an smtp:// server"},
       false, true,
       [](Config& c, const std::string& v) -> Result<void> { return SetBool(c.smtp_starttls, v); },
       [](const Config& c) { return std::string(c.smtp_starttls ? "true" : "false"); }},
      {{"base_url", "ASSENT_BASE_URL", "base-url",
        "public address for links in e-mails (empty: http://<listen>)"},
       false, false, &SetBaseUrl, [](const Config& c) { return c.base_url; }},
      {{"cookie_secure", "ASSENT_COOKIE_SECURE", "cookie-secure",
        "send session cookies over HTTPS only"},
       false, true,
       [](Config& c, const std::string& v) -> Result<void> { return SetBool(c.cookie_secure, v); },
       [](const Config& c) { return std::string(c.cookie_secure ? "true" : "false"); }},
  };
  return kRows;
}

}  // namespace

std::string MaskSecrets(const std::string& url) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  std::string out = url;
  size_t scheme = out.find("://");
  size_t at = out.find('@');
  if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
    size_t colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out = out.substr(0, colon + 1) + "***" + out.substr(at);
  }
  // ...?password=secret&sslmode=require -> ...?password=***&sslmode=require
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    size_t start = p + 9;
    size_t end = out.find('&', start);
    out.replace(start, (end == std::string::npos ? out.size() : end) - start, "***");
  }
  return out;
}

std::string Config::EffectiveStoreUrl() const {
  if (!store_url.empty()) return store_url;
  return "sqlite:" + data_dir + "/assent.db";
}

std::string Config::EffectiveBaseUrl() const {
  if (!base_url.empty()) return base_url;
  return "http://" + listen;
}

const std::vector<ConfigKey>& ConfigKeys() {
  static const std::vector<ConfigKey> keys = [] {
    std::vector<ConfigKey> out;
    for (const auto& r : Rows()) out.push_back(r.key);
    return out;
  }();
  return keys;
}

Result<std::pair<std::string, int>> ParseListen(const std::string& text) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' is not host:port, e.g. 127.0.0.1:8080", text));
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  auto port = ParseInt(text.substr(colon + 1), 0, 65535);
  if (!port) {
    return Fail(ErrorCode::kInvalidInput,
                fmt::format("'{}' has no valid port (0 to 65535) after the colon", text));
  }
  return std::make_pair(host, *port);
}

Result<Config> LoadConfig(const ConfigSources& sources, ConfigOrigins* origins) {
  Config config;
  ConfigOrigins local;
  ConfigOrigins& from = origins ? *origins : local;
  for (const auto& r : Rows()) from[r.key.toml] = "default";

  if (sources.file) {
    const std::string& path = *sources.file;
    auto text = services::ReadWholeFile(path);
    if (!text) return text.error();
    auto parsed = ParseToml(*text, path);
    if (!parsed) return parsed.error();
    toml::table& root = *parsed;
    for (auto&& [k, node] : root) {
      std::string key(k.str());
      const KeyRow* row = nullptr;
      for (const auto& r : Rows()) {
        if (r.key.toml == key) row = &r;
      }
      if (!row) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("key {}: unknown key", key), path);
      }
      std::string value;
      if (row->is_int) {
        auto v = node.value<int64_t>();
        if (!v || !node.is_integer()) {
          return Fail(ErrorCode::kInvalidInput, fmt::format("key {}: must be a whole number", key), path);
        }
        value = std::to_string(*v);
      } else if (row->is_bool) {
        auto v = node.value<bool>();
        if (!v) return Fail(ErrorCode::kInvalidInput, fmt::format("key {}: must be true or false", key), path);
        value = *v ? "true" : "false";
      } else {
        auto v = node.value<std::string>();
        if (!v) return Fail(ErrorCode::kInvalidInput, fmt::format("key {}: must be a string", key), path);
        value = *v;
      }
      if (auto s = row->set(config, value); !s) {
        return Fail(ErrorCode::kInvalidInput, fmt::format("key {}: {}", key, s.error().message), path);
      }
      from[key] = path;
    }
  }
  if (sources.getenv) {
    for (const auto& r : Rows()) {
      auto v = sources.getenv(r.key.env);
      if (!v) continue;
      if (auto s = r.set(config, *v); !s) {
        return Fail(ErrorCode::kInvalidInput, s.error().message, "environment " + r.key.env);
      }
      from[r.key.toml] = "env " + r.key.env;
    }
  }
  for (const auto& [flag, value] : sources.flags) {
    const KeyRow* row = nullptr;
    for (const auto& r : Rows()) {
      if (r.key.flag == flag) row = &r;
    }
    if (!row) return Fail(ErrorCode::kInvalidInput, "unknown option", "flag --" + flag);
    if (auto s = row->set(config, value); !s) {
      return Fail(ErrorCode::kInvalidInput, s.error().message, "flag --" + flag);
    }
    from[row->key.toml] = "flag --" + flag;
  }
  return config;
}

std::string DescribeConfig(const Config& config, const ConfigOrigins& origins) {
  std::string out = "# Effective Assent configuration (defaults < file < environment < flags)\n";
  for (const auto& r : Rows()) {
    std::string value = r.get(config);  // getters of secrets mask them
    if (r.key.toml == "store_url") value = MaskSecrets(value);
    auto it = origins.find(r.key.toml);
    std::string origin = it == origins.end() ? "default" : it->second;
    std::string rendered = (r.is_int || r.is_bool) ? value : fmt::format("\"{}\"", ReplaceAll(ReplaceAll(value, "\\", "\\\\"), "\"", "\\\""));
    out += fmt::format("{} = {}  # {}; from {}\n", r.key.toml, rendered, r.key.help, origin);
  }
  return out;
}

}  // namespace assent::app
