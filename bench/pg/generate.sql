-- Synthetic register for the scale benchmark (bench/pg_scale.sh): :bodies bodies with
-- :per_body decisions each, every one published with two Part 1 sections, a Part 2
-- section, a sign-off and its search-index row, in the shape the Store writes.
-- Run after Assent has migrated the schema:  psql URL -v bodies=40 -v per_body=25000 -f generate.sql
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE words (n int, w text);
\copy words (w) from 'bench/pg/words.txt'
UPDATE words SET n = sub.n FROM (SELECT ctid, row_number() OVER () - 1 AS n FROM words) sub WHERE words.ctid = sub.ctid;
CREATE TEMP TABLE vocab AS SELECT array_agg(w ORDER BY n) AS w, count(*)::int AS size FROM words;

INSERT INTO bodies (slug, name, short_name, reference_pattern, publication_working_days, calendar, form, website)
SELECT 'body' || b, 'Police and Crime Commissioner for Area ' || b, 'Area ' || b, 'NNNNN/YYYY', 3,
       'england-and-wales', 'cumbria-request-for-decision', ''
FROM generate_series(1, :bodies) b;

-- Decision i belongs to body (i % bodies) + 1 and is that body's k-th, k = i / bodies.
CREATE TEMP TABLE gen AS
SELECT i, 'body' || (i % :bodies + 1) AS body, i / :bodies AS k, 2011 + (i / :bodies) % 15 AS year
FROM generate_series(0, :bodies * :per_body - 1) i;

INSERT INTO decisions (id, version, body, form, reference, reference_slug, title, status, outcome,
  decision_maker_role, decision_date, pub_part2_exists, pub_deferred, media_press_release_required)
SELECT g.i + 1, 1, g.body, 'cumbria-request-for-decision',
       lpad(g.k::text, 5, '0') || '/' || g.year, lpad(g.k::text, 5, '0') || '-' || g.year,
       initcap(v.w[1 + (g.i * 7) % v.size] || ' ' || v.w[1 + (g.i * 13 + 5) % v.size] || ' ' ||
               v.w[1 + (g.i * 31 + 11) % v.size]),
       'published', CASE WHEN g.i % 17 = 0 THEN 'not_approved' ELSE 'approved' END,
       CASE WHEN g.i % 5 = 0 THEN 'Deputy Police and Crime Commissioner' ELSE 'Police and Crime Commissioner' END,
       make_date(g.year, 1 + g.i % 12, 1 + g.i % 28), true, false, false
FROM gen g, vocab v;
SELECT setval(pg_get_serial_sequence('decisions', 'id'), (SELECT max(id) FROM decisions)) AS ignored \gset

-- Section text: 10,007 distinct pseudo-random texts, dealt out to the records in turn
-- (a subquery per record would take most of the run).
CREATE TEMP TABLE pool AS
SELECT p,
       (SELECT string_agg(v.w[1 + ((p * 2654435761 + j * 40503) % 1000003) % v.size], ' ')
          FROM generate_series(1, 60) j) AS summary,
       (SELECT string_agg(v.w[1 + ((p * 97 + j * 7919) % 1000003) % v.size], ' ')
          FROM generate_series(1, 30) j) AS recommendation
FROM generate_series(0, 10006) p, vocab v;
CREATE TEMP TABLE texts AS
SELECT g.i + 1 AS id, pool.summary, pool.recommendation
FROM gen g JOIN pool ON pool.p = g.i % 10007;

INSERT INTO decision_sections (decision_id, position, key, heading, part, text)
SELECT id, 0, 'executive_summary', 'Executive Summary', 1, summary FROM texts
UNION ALL SELECT id, 1, 'recommendation', 'Recommendation', 1, recommendation FROM texts
UNION ALL SELECT id, 2, 'part2', 'Part 2', 2, 'Confidential commercial detail ' || id FROM texts;

INSERT INTO decision_signoffs (decision_id, position, step, role, name, date, declaration, advice, note)
SELECT d.id, 0, 'originating_officer', 'Originating Officer', 'Officer ' || d.id % 97, d.decision_date,
       'I confirm this report is ready.', '', ''
FROM decisions d;

-- What publication::MakeSearchDocument writes: reference, decision maker, Part 1 text.
INSERT INTO search_index (decision_id, title, text)
SELECT d.id, d.title,
       d.reference || E'\n' || d.decision_maker_role || E'\nExecutive Summary\n' || t.summary ||
       E'\nRecommendation\n' || t.recommendation
FROM decisions d JOIN texts t ON t.id = d.id;

-- The vocabulary, kept for the pgbench reference scripts' random searches.
CREATE TABLE bench_words AS SELECT n + 1 AS n, w FROM words;
UPDATE assent_changes SET token = token + 1;
COMMIT;
ANALYZE;
