#include "tests/support/web_site.hpp"

#include <gtest/gtest.h>

#include "services/calendar_file.hpp"
#include "services/demo_data.hpp"
#include "storage/open_store.hpp"
#include "tests/support/files.hpp"

namespace assent::testing_support {

WebSite::~WebSite() {
  if (server_) server_->Stop();
}

void WebSite::Open(const std::string& db_name, services::DemoScope scope) {
  auto s = storage::OpenStore("sqlite:" + dir_.File(db_name));
  ASSERT_TRUE(s) << s.error().ToString();
  store_ = std::move(*s);
  auto forms = services::LoadForms(SourceDir() + "/forms");
  ASSERT_TRUE(forms) << forms.error().ToString();
  catalogue_.forms = std::move(*forms);
  auto schemes = services::LoadDelegationSchemes(SourceDir() + "/demo/bodies.toml");
  ASSERT_TRUE(schemes) << schemes.error().ToString();
  catalogue_.schemes = std::move(*schemes);
  // The bundled bank holidays, as `serve` loads them: due dates and the compliance view.
  auto calendar = services::LoadCalendarFile(SourceDir() + "/calendars/bank-holidays.json");
  ASSERT_TRUE(calendar) << calendar.error().ToString();
  catalogue_.calendar = std::move(*calendar);
  auto demo = services::LoadDemoIfEmpty(*store_, catalogue_, SourceDir() + "/demo", Instant::Now(), scope);

  ASSERT_TRUE(demo) << demo.error().ToString();
}

void WebSite::Start(Serving serving) {
  ASSERT_TRUE(store_) << "Open() first";
  auto p = render::HtmlPages::Load(SourceDir() + "/templates");
  ASSERT_TRUE(p) << p.error().ToString();
  pages_.emplace(std::move(*p));
  auto f = web::StaticFiles::Load({{"/assets/app/", SourceDir() + "/static"}});
  ASSERT_TRUE(f) << f.error().ToString();
  files_.emplace(std::move(*f));
  web::Site site{*store_, *pages_, serving.strategies};
  if (serving.staff) site.catalogue = &catalogue_;
  site.base_url = serving.base_url;
  site.cookie_secure = serving.cookie_secure;
  service_ = std::make_unique<web::Service>(site, *files_, cache_);
  serving.server.port = 0;
  server_ = std::make_unique<web::Server>(serving.server, *service_);
  auto bound = server_->Start();
  ASSERT_TRUE(bound) << bound.error().ToString();
  port_ = *bound;
}

}  // namespace assent::testing_support
