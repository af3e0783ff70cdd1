#include "storage/sqlite/fts_rank.hpp"

#include <vector>

namespace assent::storage::sqlite {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

void AssentRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                sqlite3_value** argv) {
  const int columns = api->xColumnCount(fts);
  const int phrases = api->xPhraseCount(fts);
  // The average row length over the whole index: FTS5 keeps the totals, so this is one
  // read of a stored record per query, kept as auxiliary data between rows.
  auto* average = static_cast<double*>(api->xGetAuxdata(fts, 0));
  if (average == nullptr) {
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    average = static_cast<double*>(sqlite3_malloc(sizeof(double)));
    if (average == nullptr) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    *average = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
    if (*average <= 0) *average = 1.0;
    if (int set = api->xSetAuxdata(fts, average, sqlite3_free); set != SQLITE_OK) {
      sqlite3_result_error_code(ctx, set);
      return;
    }
  }
  // Each phrase's weighted frequency in this row: one column weight per hit.
  std::vector<double> frequency(static_cast<std::size_t>(phrases), 0.0);
  int hits = 0;
  if (int rc = api->xInstCount(fts, &hits); rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  for (int i = 0; i < hits; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (int rc = api->xInst(fts, i, &phrase, &column, &offset); rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    double weight = column < argc ? sqlite3_value_double(argv[column]) : 1.0;
    if (phrase >= 0 && phrase < phrases) frequency[static_cast<std::size_t>(phrase)] += weight;
  }
  int length = 0;
  if (int rc = api->xColumnSize(fts, -1, &length); rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  (void)columns;
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(length) / *average);
  double score = 0;
  for (double f : frequency) score += f * (kK1 + 1) / (f + norm);
  sqlite3_result_double(ctx, score);
}

}  // namespace

int RegisterFtsRank(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  rc = sqlite3_finalize(st);
  if (rc != SQLITE_OK) return rc;
  if (api == nullptr || api->iVersion < 2) return SQLITE_ERROR;
  return api->xCreateFunction(api, "assent_rank", nullptr, &AssentRank, nullptr);
}

}  // namespace assent::storage::sqlite
