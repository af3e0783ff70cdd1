#pragma once
// The private PostgreSQL cluster that ctest starts for the suite (fixture `postgres`,
// scripts/pg-cluster.sh). Each test gets a fresh, empty schema of its own in it.
//
// Where the server is: $ASSENT_TEST_PG_URL, or the URL written to the file named by
// $ASSENT_TEST_PG_URL_FILE. When neither gives a reachable server, PostgreSQL tests fail
// under CI (CI=true) and are skipped with a loud message otherwise.

#include <optional>
#include <string>

namespace assent::testing_support {

// The server's base URL, or nullopt with `why` filled in.
std::optional<std::string> PostgresServerUrl(std::string* why);

// Creates a new empty schema and returns a store URL whose connections use it
// (search_path), or nullopt with `why` filled in.
std::optional<std::string> FreshPostgresSchema(std::string* why);

// True when PostgreSQL tests must not skip (CI=true).
bool PostgresRequired();

}  // namespace assent::testing_support
