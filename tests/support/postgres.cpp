#include "tests/support/postgres.hpp"

#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

namespace assent::testing_support {

std::optional<std::string> PostgresServerUrl(std::string* why) {
  if (const char* url = std::getenv("ASSENT_TEST_PG_URL"); url && *url) return std::string(url);
  const char* file = std::getenv("ASSENT_TEST_PG_URL_FILE");
  if (!file || !*file) {
    *why = "no PostgreSQL test server: set ASSENT_TEST_PG_URL or run the tests through ctest";
    return std::nullopt;
  }
  std::ifstream in(file);
  std::string url;
  if (!std::getline(in, url) || url.empty()) {
    *why = std::string("no PostgreSQL test server: ") + file +
           " is missing or empty (did the postgres.start fixture fail?)";
    return std::nullopt;
  }
  return url;
}

std::optional<std::string> FreshPostgresSchema(std::string* why) {
  auto base = PostgresServerUrl(why);
  if (!base) return std::nullopt;
  static std::atomic<int> counter{0};
  std::string schema = "t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  std::unique_ptr<PGconn, void (*)(PGconn*)> conn(PQconnectdb(base->c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    *why = "cannot connect to the PostgreSQL test server " + *base + ": " +
           PQerrorMessage(conn.get());
    return std::nullopt;
  }
  std::string sql = "CREATE SCHEMA " + schema;
  PGresult* r = PQexec(conn.get(), sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok) {
    *why = "cannot create a test schema: " + std::string(PQerrorMessage(conn.get()));
    return std::nullopt;
  }
  std::string sep = base->find('?') == std::string::npos ? "?" : "&";
  return *base + sep + "options=-csearch_path%3D" + schema;
}

bool PostgresRequired() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

}  // namespace assent::testing_support
