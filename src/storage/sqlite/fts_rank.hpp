#pragma once
// assent_rank(search_index, w_title, w_text): the search ranking function, registered
// with FTS5 on every connection (and by the scale benchmark on its own).
//
// FTS5's bm25() computes each word's inverse document frequency by counting every row
// that matches it, on every query: for a common word in a register of a million that
// is a pass over a million index entries, whatever LIMIT the query has, which made
// bounded ranking pointless. assent_rank is BM25 (k1 = 1.2, b = 0.75, the columns
// weighted as given) without that IDF factor: it reads only the row it ranks (its hits
// and length) and the index's stored averages. With one word the order is the same as
// bm25's (IDF is a constant factor); with several, every hit must contain every word
// (the query ANDs them), and each word counts equally instead of rarer words counting
// more. Higher is better.

#include <sqlite3.h>

namespace assent::storage::sqlite {

// SQLITE_OK, or the error code when FTS5 is missing.
int RegisterFtsRank(sqlite3* db);

}  // namespace assent::storage::sqlite
