#pragma once
// RAII wrappers over one libpq connection, its results and its prepared statements.
// The only header that names libpq types; included by storage/postgres/*.cpp only.

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace assent::storage::postgres {

// Parameters in text format, $1 first. NULL is std::nullopt.
class Params {
 public:
  Params& Add(std::int64_t value);
  Params& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
  Params& Add(std::string_view value);
  Params& Add(const std::string& value) { return Add(std::string_view(value)); }
  Params& Add(const char* value) { return Add(std::string_view(value)); }
  Params& Add(std::optional<bool> value);
  Params& Add(const std::optional<Date>& value);
  Params& Add(const std::optional<std::string>& value);
  Params& Add(const std::optional<std::int64_t>& value);
  Params& AddNull();
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// A query's rows; columns are 0-based.
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}
  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  // Rows an INSERT / UPDATE / DELETE touched.
  std::int64_t affected() const;
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::int64_t Int(int row, int column) const;
  double Double(int row, int column) const;
  std::string Text(int row, int column) const;
  std::optional<std::string> OptText(int row, int column) const;
  std::optional<std::int64_t> OptInt(int row, int column) const;
  std::optional<bool> OptBool(int row, int column) const;
  std::optional<Date> OptDate(int row, int column) const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class Connection {
 public:
  // `url` is a libpq connection URI (postgresql://user@host:port/db?options=...).
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL text with no parameters; several statements allowed (migrations).
  Result<void> Exec(std::string_view sql);
  // Prepares once per connection, cached by the SQL text's address: pass the named
  // constants at the top of the backend file.
  Result<Rows> Query(const char* sql, const Params& params = {});
  // Re-establishes a broken connection (the server restarted, a failover happened).
  // Returns true when the connection is usable.
  bool EnsureHealthy();

 private:
  explicit Connection(PGconn* conn) : conn_(conn) {}
  Error ResultError(PGresult* result, std::string_view doing);
  PGconn* conn_;
  std::map<const char*, std::string> prepared_;  // SQL address -> statement name
};

// BEGIN ... COMMIT; rolls back unless Commit() is called.
class Transaction {
 public:
  static Result<Transaction> Begin(Connection& conn);
  Transaction(Transaction&& other) noexcept : conn_(other.conn_) { other.conn_ = nullptr; }
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Result<void> Commit();

 private:
  explicit Transaction(Connection* conn) : conn_(conn) {}
  Connection* conn_;
};

// SQLSTATEs Assent maps to its own error codes.
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlockDetected = "40P01";

}  // namespace assent::storage::postgres
