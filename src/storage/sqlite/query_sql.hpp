#pragma once
// The SQLite store's search and register queries. In a header of their own so that the
// scale benchmark (bench/search_scale_bench.cpp) runs exactly this SQL directly through
// the sqlite3 C API beside the same call through the Store.

namespace assent::storage::sqlite {

// The optional search filters: ?2 body, ?3 year ("YYYY"), ?4 decision maker, ?7 a
// comma-wrapped status list, ?8 classification; each NULL for no filter.
#define ASSENT_SQLITE_SEARCH_FILTERS                                                     \
  "  AND (?2 IS NULL OR d.body = ?2)\n"                                                  \
  "  AND (?3 IS NULL OR substr(d.decision_date, 1, 4) = ?3)\n"                           \
  "  AND (?4 IS NULL OR d.decision_maker_role = ?4)\n"                                   \
  "  AND (?7 IS NULL OR instr(?7, ',' || d.status || ',') > 0)\n"                        \
  "  AND (?8 IS NULL OR EXISTS (SELECT 1 FROM decision_fields f WHERE f.decision_id = d.id\n" \
  "                             AND f.key = 'classification' AND lower(f.value) = lower(?8)))\n"

// Bounded ranking. `candidates`: the newest ?9 + 1 matches that pass the filters, by
// descending rowid (= decision id), which FTS5 answers by walking the match's doclist
// backwards and stopping there, without ranking anything. `ranked`: only the newest ?9 of
// those (rowid >= the smallest of them, a range FTS5 seeks to) are ranked, with
// assent_rank (fts_rank.hpp: BM25 without bm25()'s count of every match; the title counts
// four times the text), and the page ?5/?6 of them is kept. Then snippets are made for that
// page only (one rowid lookup each). The last column is the number of candidates: ?9 + 1
// means "more than ?9".
constexpr const char* kSearch =
    "WITH candidates AS MATERIALIZED (\n"
    "  SELECT search_index.rowid AS id\n"
    "  FROM search_index JOIN decisions d ON d.id = search_index.rowid\n"
    "  WHERE search_index MATCH ?1\n" ASSENT_SQLITE_SEARCH_FILTERS
    "  ORDER BY search_index.rowid DESC\n"
    "  LIMIT ?9 + 1),\n"
    "ranked AS MATERIALIZED (\n"
    "  SELECT search_index.rowid AS id, assent_rank(search_index, 4.0, 1.0) AS rank\n"
    "  FROM search_index JOIN decisions d ON d.id = search_index.rowid\n"
    "  WHERE search_index MATCH ?1\n"
    "    AND search_index.rowid >= (SELECT min(id) FROM (SELECT id FROM candidates\n"
    "                                                    ORDER BY id DESC LIMIT ?9))\n"
    ASSENT_SQLITE_SEARCH_FILTERS
    "  ORDER BY rank DESC, search_index.rowid DESC\n"
    "  LIMIT ?5 OFFSET ?6)\n"
    "SELECT d.id, d.body, d.reference, d.title, d.decision_maker_role, d.decision_date,\n"
    "       d.status, d.outcome, ranked.rank,\n"
    "       snippet(search_index, -1, char(2), char(3), '…', 24),\n"
    "       (SELECT count(*) FROM candidates)\n"
    "FROM ranked JOIN search_index ON search_index.rowid = ranked.id\n"
    "  JOIN decisions d ON d.id = ranked.id\n"
    "WHERE search_index MATCH ?1\n"
    "ORDER BY ranked.rank DESC, ranked.id DESC";

// The number of candidates on its own (a page past the last hit has no row to carry it).
constexpr const char* kSearchCount =
    "SELECT count(*) FROM (\n"
    "  SELECT 1 FROM search_index JOIN decisions d ON d.id = search_index.rowid\n"
    "  WHERE search_index MATCH ?1\n" ASSENT_SQLITE_SEARCH_FILTERS
    "  ORDER BY search_index.rowid DESC\n"
    "  LIMIT ?9 + 1)";

#undef ASSENT_SQLITE_SEARCH_FILTERS

// Register order (store.hpp ListDecisions): decision date descending (SQLite puts NULL
// last in a descending order), reference bytewise descending, id descending. The index
// decisions_register_order (migration 8) is exactly this order after `body`, so no query
// here sorts. ?4 a comma-wrapped status list or NULL; ?6 1 for only what the public
// register shows; ?5 the limit.
#define ASSENT_SQLITE_REGISTER_FILTERS                                \
  "  AND (?4 IS NULL OR instr(?4, ',' || status || ',') > 0)\n"       \
  "  AND (?6 = 0 OR public_state <> '')\n"
#define ASSENT_SQLITE_REGISTER_COLUMNS                                                  \
  "SELECT id, body, reference, title, decision_maker_role, decision_date, status, outcome,\n" \
  "       public_state\n"                                                               \
  "FROM decisions\n"
#define ASSENT_SQLITE_REGISTER_ORDER \
  "ORDER BY decision_date DESC, reference DESC, id DESC\n"

// Offset paging. ?2/?3 the year's bounds ("2017", "2018") or NULL for any year; ?7 offset.
constexpr const char* kListDecisions =
    ASSENT_SQLITE_REGISTER_COLUMNS
    "WHERE body = ?1\n"
    "  AND (?2 IS NULL OR (decision_date >= ?2 AND decision_date < ?3))\n"
    ASSENT_SQLITE_REGISTER_FILTERS ASSENT_SQLITE_REGISTER_ORDER
    "LIMIT ?5 OFFSET ?7";

// Keyset paging, dated rows after (?8, ?9, ?10) = (date, reference, id): an index seek.
// ?2 is the year's lower bound ("2017"), or "" for any year (which still leaves out the
// undated rows); the caller never passes a cursor past the year's upper bound.
constexpr const char* kListDatedAfter =
    ASSENT_SQLITE_REGISTER_COLUMNS
    "WHERE body = ?1\n"
    "  AND decision_date >= ?2\n"
    "  AND (decision_date, reference, id) < (?8, ?9, ?10)\n"
    ASSENT_SQLITE_REGISTER_FILTERS ASSENT_SQLITE_REGISTER_ORDER
    "LIMIT ?5";

// Keyset paging, undated rows after (?9, ?10) = (reference, id), or from the first when ?9 is
// NULL; they follow every dated one.
constexpr const char* kListUndatedAfter =
    ASSENT_SQLITE_REGISTER_COLUMNS
    "WHERE body = ?1 AND decision_date IS NULL\n"
    "  AND (?9 IS NULL OR (reference, id) < (?9, ?10))\n"
    ASSENT_SQLITE_REGISTER_FILTERS ASSENT_SQLITE_REGISTER_ORDER
    "LIMIT ?5";

#undef ASSENT_SQLITE_REGISTER_FILTERS
#undef ASSENT_SQLITE_REGISTER_COLUMNS
#undef ASSENT_SQLITE_REGISTER_ORDER

}  // namespace assent::storage::sqlite
