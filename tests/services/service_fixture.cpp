#include "tests/services/service_fixture.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include "services/accounts.hpp"
#include "services/demo_data.hpp"
#include "storage/open_store.hpp"
#include "tests/support/files.hpp"
#include "tests/support/postgres.hpp"

namespace assent::testing_support {

void ServiceTest::SetUp() {
  if (GetParam().name == "postgres") {
    std::string why;
    auto url = FreshPostgresSchema(&why);
    if (!url) {
      if (PostgresRequired()) FAIL() << why;
      GTEST_SKIP() << "PostgreSQL NOT TESTED: " << why;
    }
    url_ = *url;
  } else {
    url_ = "sqlite:" + dir_.File("assent.db");
  }
  auto store = storage::OpenStore(url_, {.connections = 4});
  ASSERT_TRUE(store) << store.error().ToString();
  store_ = std::move(*store);
  auto forms = services::LoadForms(SourceDir() + "/forms");
  ASSERT_TRUE(forms) << forms.error().ToString();
  catalogue_.forms = std::move(*forms);
  std::string bodies = SourceDir() + "/demo/bodies.toml";
  auto schemes = services::LoadDelegationSchemes(bodies);
  ASSERT_TRUE(schemes) << schemes.error().ToString();
  catalogue_.schemes = std::move(*schemes);
  auto synced = services::SyncBodies(*store_, catalogue_, bodies);
  ASSERT_TRUE(synced) << synced.error().ToString();
}

std::unique_ptr<storage::Store> ServiceTest::OpenAgain(int connections) const {
  auto store = storage::OpenStore(url_, {.connections = connections});
  if (!store) {
    ADD_FAILURE() << store.error().ToString();
    return nullptr;
  }
  return std::move(*store);
}

void ServiceTest::RawSql(const std::string& sql) const {
  if (url_.rfind("sqlite:", 0) == 0) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(url_.substr(7).c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    int changed = sqlite3_changes(db);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << sql << ": " << message;
    ASSERT_GT(changed, 0) << sql << ": changed no row";
    return;
  }
  PGconn* conn = PQconnectdb(url_.c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  PGresult* r = PQexec(conn, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string rows = PQcmdTuples(r);
  std::string message = PQerrorMessage(conn);
  PQclear(r);
  PQfinish(conn);
  ASSERT_TRUE(ok) << sql << ": " << message;
  ASSERT_NE(rows, "0") << sql << ": changed no row";
}

accounts::User ServiceTest::AddUser(const std::string& username, const std::string& roles,
                                    const std::string& email) {
  auto grants = accounts::ParseRoleGrants(roles);
  EXPECT_TRUE(grants) << grants.error().ToString();
  services::NewUser nu;
  nu.username = username;
  nu.display_name = "Test " + username;
  nu.email = email;
  nu.password = kPassword;
  nu.roles = grants ? *grants : std::vector<accounts::RoleGrant>{};
  auto added = services::AddUser(*store_, nu, {}, now_);
  EXPECT_TRUE(added) << added.error().ToString();
  return added ? *added : accounts::User{};
}

workflow::Actor ServiceTest::ActorOf(const accounts::User& user) const { return services::ActorFor(user); }

std::int64_t ServiceTest::CumbriaDraft(const workflow::Actor& author, const std::string& title) {
  auto id = services::CreateDraft(*store_, Wf(), "cumbria", title, author, now_);
  EXPECT_TRUE(id) << id.error().ToString();
  if (!id) return 0;
  decisions::Decision d = Load(*id);
  workflow::DraftEdit e;
  e.title = d.title;
  e.category = "estates";
  e.amount_pence = 4'500'000'00;  // £4.5m: beyond the chief executive's delegation
  e.sections = {{"executive_summary", "", decisions::Part::kPart1, "Refurbish the custody suite."},
                {"recommendation", "", decisions::Part::kPart1, "Approve the capital spend."},
                {"part2", "", decisions::Part::kPart2, std::string("Tender prices: ") + kPart2Marker}};
  auto edited = services::EditDraft(*store_, Wf(), *id, d.version, e, author, now_);
  EXPECT_TRUE(edited) << edited.error().ToString();
  return *id;
}

decisions::Decision ServiceTest::Load(std::int64_t id) const {
  auto d = store_->FindDecisionById(id);
  EXPECT_TRUE(d) << d.error().ToString();
  return d ? *d : decisions::Decision{};
}

std::string ServiceTest::ContentHashOf(std::int64_t id) const { return workflow::ContentHash(Load(id)); }

workflow::SignInput ServiceTest::SignAs(std::int64_t id, const std::string& step,
                                        const std::string& capacity) const {
  workflow::SignInput in;
  in.step = step;
  in.capacity = capacity;
  in.declaration_confirmed = true;
  in.content_hash = ContentHashOf(id);
  return in;
}

workflow::DecideInput ServiceTest::DecideAs(std::int64_t id, const std::string& step,
                                            const std::string& capacity, decisions::Outcome outcome) const {
  workflow::DecideInput in;
  in.step = step;
  in.capacity = capacity;
  in.outcome = outcome;
  in.reasons = "Value for money and needed for detainee safety.";
  in.no_interests = true;
  in.declaration_confirmed = true;
  in.content_hash = ContentHashOf(id);
  return in;
}

::testing::internal::ParamGenerator<ServiceBackend> ServiceBackends() {
  return ::testing::Values(ServiceBackend{"sqlite"}, ServiceBackend{"postgres"});
}

std::string BackendName(const ::testing::TestParamInfo<ServiceBackend>& info) { return info.param.name; }

}  // namespace assent::testing_support
