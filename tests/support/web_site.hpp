#pragma once
// The real web service in process, for the HTTP tests (register, strategies, staff):
// a SQLite store in a temporary directory with the forms, the demo bodies (and their
// schemes of delegation) and the demo register; the templates and static assets of the
// source tree; the Beast server on a free loopback port. Failures are gtest failures.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "render/html_pages.hpp"
#include "services/catalogue.hpp"
#include "services/demo_data.hpp"
#include "storage/store.hpp"
#include "strategy/catalogue.hpp"
#include "tests/support/temp_dir.hpp"
#include "web/server.hpp"

namespace assent::testing_support {

class WebSite {
 public:
  WebSite() = default;
  ~WebSite();
  WebSite(const WebSite&) = delete;
  WebSite& operator=(const WebSite&) = delete;

  // Opens `db_name` in a fresh temporary directory and loads the demo register (kFull:
  // with the demo staff and the decisions in every publication state, as serve --demo).
  void Open(const std::string& db_name, services::DemoScope scope = services::DemoScope::kSeeds);

  struct Serving {
    const strategy::Catalogue* strategies = nullptr;
    bool staff = true;           // the staff side (the catalogue in the Site)
    bool cookie_secure = true;
    std::string base_url;
    web::ServerOptions server;   // port is forced to 0 (a free one)
  };
  // Starts the server over the store. Call after Open (and after inserting test records).
  void Start(Serving serving);

  storage::Store& store() { return *store_; }
  const services::Catalogue& catalogue() const { return catalogue_; }
  web::PageCache& cache() { return cache_; }
  std::uint16_t port() const { return port_; }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::unique_ptr<storage::Store> store_;
  services::Catalogue catalogue_;
  std::optional<render::HtmlPages> pages_;
  std::optional<web::StaticFiles> files_;
  web::PageCache cache_;
  std::unique_ptr<web::Service> service_;
  std::unique_ptr<web::Server> server_;
  std::uint16_t port_ = 0;
};

}  // namespace assent::testing_support
