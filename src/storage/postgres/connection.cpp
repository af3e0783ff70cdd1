#include "storage/postgres/connection.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace assent::storage::postgres {
namespace {

// The primary message only: DETAIL lines can quote row values, and an error message may
// reach a log or a person, so it must never carry record text.
std::string PrimaryMessage(const PGresult* result, PGconn* conn) {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  if (primary && *primary) return primary;
  std::string msg = conn ? PQerrorMessage(conn) : "no connection";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  return msg;
}

// Dates as ISO text and UTC timestamps, whatever the server's defaults; run on every
// (re)connection.
constexpr const char* kSessionSetup = "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'";

}  // namespace

Params& Params::Add(std::int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

Params& Params::Add(std::string_view value) {
  values_.emplace_back(std::string(value));
  return *this;
}

Params& Params::Add(std::optional<bool> value) {
  if (!value) return AddNull();
  values_.emplace_back(*value ? "true" : "false");
  return *this;
}

Params& Params::Add(const std::optional<Date>& value) {
  if (!value) return AddNull();
  values_.emplace_back(value->ToIso());
  return *this;
}

Params& Params::Add(const std::optional<std::string>& value) {
  if (!value) return AddNull();
  values_.emplace_back(*value);
  return *this;
}

Params& Params::Add(const std::optional<std::int64_t>& value) {
  if (!value) return AddNull();
  return Add(*value);
}

Params& Params::AddNull() {
  values_.emplace_back(std::nullopt);
  return *this;
}

std::int64_t Rows::affected() const {
  const char* n = PQcmdTuples(result_.get());
  return (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
}

std::int64_t Rows::Int(int row, int column) const {
  const char* v = PQgetvalue(result_.get(), row, column);
  std::int64_t out = 0;
  std::from_chars(v, v + PQgetlength(result_.get(), row, column), out);
  return out;
}

double Rows::Double(int row, int column) const {
  return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

std::string Rows::Text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::optional<std::string> Rows::OptText(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Text(row, column);
}

std::optional<std::int64_t> Rows::OptInt(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int(row, column);
}

std::optional<bool> Rows::OptBool(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return PQgetvalue(result_.get(), row, column)[0] == 't';
}

std::optional<Date> Rows::OptDate(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  auto d = Date::ParseIso(Text(row, column));
  if (!d) return std::nullopt;
  return *d;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn) return Fail(ErrorCode::kUnavailable, "out of memory opening a PostgreSQL connection");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PrimaryMessage(nullptr, conn);
    PQfinish(conn);
    return Fail(ErrorCode::kUnavailable, fmt::format("cannot connect to PostgreSQL: {}", msg));
  }
  // Server notices (e.g. "text-search query doesn't contain lexemes") are not errors and
  // must not reach stderr, where they would mix with the command line's own output.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  std::unique_ptr<Connection> c(new Connection(conn));
  if (auto r = c->Exec(kSessionSetup); !r) return r.error();
  return c;
}

Connection::~Connection() { PQfinish(conn_); }

Error Connection::ResultError(PGresult* result, std::string_view doing) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string_view sqlstate = state ? state : "";
  ErrorCode code = ErrorCode::kInternal;
  if (PQstatus(conn_) != CONNECTION_OK || sqlstate.substr(0, 2) == "08" ||
      sqlstate.substr(0, 2) == "53" || sqlstate.substr(0, 2) == "57") {
    code = ErrorCode::kUnavailable;  // connection, resources, operator intervention
  } else if (sqlstate == kUniqueViolation || sqlstate == kSerializationFailure ||
             sqlstate == kDeadlockDetected) {
    code = ErrorCode::kConflict;
  }
  std::string message = PrimaryMessage(result, conn_);
  if (!sqlstate.empty()) message = fmt::format("{} (SQLSTATE {})", message, sqlstate);
  return Fail(code, fmt::format("database error while {}: {}", doing, message));
}

Result<void> Connection::Exec(std::string_view sql) {
  std::string text(sql);
  PGresult* r = PQexec(conn_, text.c_str());
  Rows rows(r);
  auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return ResultError(r, "running SQL");
  }
  return Ok();
}

Result<Rows> Connection::Query(const char* sql, const Params& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = fmt::format("s{}", prepared_.size() + 1);
    PGresult* r = PQprepare(conn_, name.c_str(), sql, 0, nullptr);
    Rows rows(r);
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) return ResultError(r, "preparing a query");
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  const auto& values = params.values();
  std::vector<const char*> ptrs;
  ptrs.reserve(values.size());
  for (const auto& v : values) ptrs.push_back(v ? v->c_str() : nullptr);
  PGresult* r = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(ptrs.size()),
                               ptrs.data(), nullptr, nullptr, 0);
  Rows rows(r);
  auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return ResultError(r, "running a query");
  }
  return rows;
}

bool Connection::EnsureHealthy() {
  if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE) return true;
  if (PQstatus(conn_) == CONNECTION_OK) {
    // A transaction left open by an error path: roll it back before reuse.
    PQclear(PQexec(conn_, "ROLLBACK"));
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return true;
  }
  PQreset(conn_);
  prepared_.clear();  // prepared statements die with the server session
  if (PQstatus(conn_) != CONNECTION_OK) return false;
  PQclear(PQexec(conn_, kSessionSetup));
  return true;
}

Result<Transaction> Transaction::Begin(Connection& conn) {
  if (auto r = conn.Exec("BEGIN"); !r) return r.error();
  return Transaction(&conn);
}

Transaction::~Transaction() {
  if (conn_) (void)conn_->Exec("ROLLBACK");
}

Result<void> Transaction::Commit() {
  Connection* c = conn_;
  conn_ = nullptr;
  return c->Exec("COMMIT");
}

}  // namespace assent::storage::postgres
