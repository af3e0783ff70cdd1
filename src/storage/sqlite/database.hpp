#pragma once
// RAII wrappers over one SQLite connection and its prepared statements. The only
// header that names sqlite3 types; it is included by storage/sqlite/*.cpp only.

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace assent::storage::sqlite {

// A prepared statement borrowed from its connection's cache; reset when it goes out of scope.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) { other.stmt_ = nullptr; }
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& Bind(int index, std::optional<bool> value);
  Statement& Bind(int index, const std::optional<Date>& value);
  Statement& Bind(int index, const std::optional<std::string>& value);
  Statement& Bind(int index, const std::optional<std::int64_t>& value);
  // Bytes as a BLOB (Bind of a string binds TEXT).
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);

  // True when a row is ready, false when done; errors carry SQLite's message.
  Result<bool> Step();
  // Runs to completion, for statements that return no rows.
  Result<void> Run();

  std::int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  std::string Blob(int column) const;
  bool IsNull(int column) const;
  std::optional<std::string> OptText(int column) const;
  std::optional<std::int64_t> OptInt(int column) const;
  std::optional<bool> OptBool(int column) const;
  std::optional<Date> OptDate(int column) const;

 private:
  sqlite3_stmt* stmt_;
  sqlite3* db_;
};

class Database {
 public:
  // Opens (creating if needed) with WAL, foreign keys and a busy timeout.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs SQL text with no parameters (migrations, pragmas).
  Result<void> Exec(const char* sql);
  // Prepares once per connection and caches by the SQL text's address: pass the
  // named constants at the top of the backend file.
  Result<Statement> Prepare(const char* sql);
  std::int64_t LastInsertId() const;
  // Rows changed by the last INSERT / UPDATE / DELETE on this connection.
  int Changes();
  sqlite3* raw() { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<const char*, sqlite3_stmt*> cache_;
};

// Begins a transaction that rolls back unless Commit() is called.
class Transaction {
 public:
  static Result<Transaction> Begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Result<void> Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

// Maps a SQLite result code to an Error; the SQL detail stays in the message for the log,
// and callers that show errors to users replace it with their own words.
Error SqliteError(sqlite3* db, int rc, std::string_view doing);

}  // namespace assent::storage::sqlite
