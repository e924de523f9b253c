-- The caseload's queries over 100,000 generated case views, with EXPLAIN ANALYZE.
--
--   createdb -h 127.0.0.1 -U postgres casebook_caseload_bench
--   psql -h 127.0.0.1 -U postgres -d casebook_caseload_bench -f bench/caseload-query.sql
--   dropdb -h 127.0.0.1 -U postgres casebook_caseload_bench
--
-- The table and its indexes are those of the case-projections migrations (V2026_11_21_11,
-- V2026_11_21_31 and V2026_12_04_30, toast_tuple_target included); the queries are the ones CaseViewQueries builds, for a
-- clinician who works in two clinics holding 70,000 of the 100,000 cases (50,000 and 20,000; two
-- other clinics hold 15,000 each). Each case has one to three injuries drawn from the commonest
-- running regions, sides and conditions; about a third of the cases are closed. Each view and
-- timeline stands in as 1.3 and 1.9 kB of text that does not compress. The figures are in
-- docs/performance.md.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP TABLE IF EXISTS case_view;
CREATE TABLE case_view (
    case_id                UUID PRIMARY KEY,
    clinic_id              UUID        NOT NULL,
    patient_ref            VARCHAR(64) NOT NULL,
    status                 VARCHAR(8)  NOT NULL,
    opened_on              DATE        NOT NULL,
    closed_on              DATE,
    assigned_clinician_id  UUID        NOT NULL,
    primary_injury_id      UUID,
    open_injuries          INTEGER     NOT NULL,
    version                BIGINT      NOT NULL,
    view_json              TEXT        NOT NULL,
    timeline_json          TEXT        NOT NULL,
    primary_condition_code VARCHAR(64),
    condition_codes        VARCHAR(4000) NOT NULL DEFAULT '',
    search_codes           TEXT[] NOT NULL DEFAULT '{}',
    clinician_ids          UUID[] NOT NULL DEFAULT '{}',
    last_activity_at       TIMESTAMP WITH TIME ZONE
);
ALTER TABLE case_view SET (toast_tuple_target = 256);
ALTER TABLE case_view ALTER COLUMN search_codes SET STORAGE MAIN;
ALTER TABLE case_view ALTER COLUMN clinician_ids SET STORAGE MAIN;
CREATE INDEX case_view_clinic ON case_view (clinic_id, status, opened_on);
CREATE INDEX case_view_search_codes ON case_view USING GIN (search_codes);
CREATE INDEX case_view_clinician_ids ON case_view USING GIN (clinician_ids);
CREATE INDEX case_view_patient_ref_prefix ON case_view (LOWER(patient_ref) text_pattern_ops);
CREATE INDEX case_view_last_activity ON case_view (clinic_id, last_activity_at);

SELECT setseed(0.42);

CREATE TEMP TABLE pick (i INT, region TEXT, condition TEXT);
-- Weighted like the demo generator: knee about 28 %, Achilles and calf about 25 %.
INSERT INTO pick VALUES
  (1, 'KNEE', 'PATELLOFEMORAL_PAIN'), (2, 'KNEE', 'ILIOTIBIAL_BAND_SYNDROME'), (3, 'KNEE', NULL),
  (4, 'CALF', 'CALF_STRAIN'), (5, 'CALF', NULL), (6, 'ACHILLES', 'ACHILLES_TENDINOPATHY'),
  (7, 'HEEL', 'PLANTAR_FASCIITIS'), (8, 'HIP', 'HIP_FLEXOR_STRAIN'), (9, 'HIP', 'GLUTEAL_TENDINOPATHY'),
  (10, 'LOW_BACK', 'LOW_BACK_PAIN'), (11, 'SHIN', 'MEDIAL_TIBIAL_STRESS_SYNDROME'),
  (12, 'HAMSTRING', 'HAMSTRING_STRAIN');

CREATE TEMP TABLE generated AS
SELECT n,
       CASE WHEN n <= 50000 THEN 1 WHEN n <= 70000 THEN 2 WHEN n <= 85000 THEN 3 ELSE 4 END AS clinic,
       1 + floor(random() * 3)::int AS injuries,
       floor(random() * 5)::int AS clinician,
       random() < 0.33 AS closed,
       (random() * 400)::int AS opened_days_ago,
       random() AS activity
FROM generate_series(1, 100000) n;

CREATE TEMP TABLE injury AS
SELECT g.n, p.region, p.condition,
       CASE WHEN p.region = 'LOW_BACK' THEN 'NOT_APPLICABLE'
            WHEN s < 0.47 THEN 'LEFT' WHEN s < 0.94 THEN 'RIGHT' ELSE 'BILATERAL' END AS side
FROM (SELECT g.n, k, 1 + floor(random() * 12)::int AS chosen, random() AS s
      FROM generated g, generate_series(1, 3) k WHERE k <= g.injuries) g
JOIN pick p ON p.i = g.chosen;

CREATE TEMP TABLE codes AS
SELECT n, array_agg(DISTINCT code ORDER BY code) AS codes
FROM (
  SELECT n, 'region:' || region AS code FROM injury
  UNION ALL SELECT n, 'condition:' || condition FROM injury WHERE condition IS NOT NULL
  UNION ALL SELECT i.n, 'side:' || s FROM injury i, unnest(CASE i.side WHEN 'BILATERAL' THEN ARRAY['LEFT', 'RIGHT', 'BILATERAL']
      WHEN 'NOT_APPLICABLE' THEN ARRAY[]::text[] ELSE ARRAY[i.side] END) s
  UNION ALL SELECT i.n, 'region:' || s || ':' || i.region FROM injury i, unnest(CASE i.side
      WHEN 'BILATERAL' THEN ARRAY['LEFT', 'RIGHT', 'BILATERAL'] WHEN 'NOT_APPLICABLE' THEN ARRAY[]::text[]
      ELSE ARRAY[i.side] END) s
  UNION ALL SELECT i.n, 'condition:' || s || ':' || i.condition FROM injury i, unnest(CASE i.side
      WHEN 'BILATERAL' THEN ARRAY['LEFT', 'RIGHT', 'BILATERAL'] WHEN 'NOT_APPLICABLE' THEN ARRAY[]::text[]
      ELSE ARRAY[i.side] END) s WHERE i.condition IS NOT NULL
) c GROUP BY n;

-- Clinician c of clinic k is md5('clinician-k-c'); the one measured is clinician 0 of clinic 1.
INSERT INTO case_view
SELECT md5('case-' || g.n)::uuid,
       md5('clinic-' || g.clinic)::uuid,
       (ARRAY['N', 'S', 'E', 'W'])[g.clinic] || '-' || lpad(g.n::text, 6, '0'),
       CASE WHEN g.closed THEN 'CLOSED' ELSE 'OPEN' END,
       current_date - g.opened_days_ago,
       CASE WHEN g.closed THEN current_date - g.opened_days_ago / 2 END,
       md5('clinician-' || g.clinic || '-' || g.clinician)::uuid,
       NULL, g.injuries, 10,
       (SELECT string_agg(md5(g.n || '-' || k), '') FROM generate_series(1, 40) k),
       (SELECT string_agg(md5(k || '-' || g.n), '') FROM generate_series(1, 60) k),
       NULL, '', c.codes,
       ARRAY(SELECT DISTINCT md5('clinician-' || g.clinic || '-' || x)::uuid
             FROM unnest(ARRAY[g.clinician, (g.clinician + (g.n % 3)) % 5]) x),
       now() - g.activity * interval '400 days'
FROM generated g JOIN codes c USING (n);
VACUUM ANALYZE case_view;

SELECT count(*) AS cases, count(*) FILTER (WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid))
       AS cases_of_the_clinicians_clinics, pg_size_pretty(pg_relation_size('case_view')) AS rows_size,
       pg_size_pretty(pg_total_relation_size('case_view')) AS with_json_and_indexes
FROM case_view;

\echo '--- 1. The caseload as it opens: newest opened first, page 1 (count, then the page)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
ORDER BY opened_on DESC, case_id LIMIT 20 OFFSET 0;

\echo '--- 2. "knee"'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
  AND search_codes && '{condition:KNEE_OSTEOARTHRITIS,region:KNEE}'::text[];
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
  AND search_codes && '{condition:KNEE_OSTEOARTHRITIS,region:KNEE}'::text[]
ORDER BY opened_on DESC, case_id LIMIT 20 OFFSET 0;

\echo '--- 3. "left calf", open cases'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid) AND status = 'OPEN'
  AND search_codes && '{condition:LEFT:CALF_STRAIN,region:LEFT:CALF}'::text[];
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid) AND status = 'OPEN'
  AND search_codes && '{condition:LEFT:CALF_STRAIN,region:LEFT:CALF}'::text[]
ORDER BY opened_on DESC, case_id LIMIT 20 OFFSET 0;

\echo '--- 4. A reference prefix, "n-0012"'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid) AND LOWER(patient_ref) LIKE 'n-0012%' ESCAPE '\';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid) AND LOWER(patient_ref) LIKE 'n-0012%' ESCAPE '\'
ORDER BY opened_on DESC, case_id LIMIT 20 OFFSET 0;

\echo '--- 5. A reference and words, "n-00 right knee"'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid) AND LOWER(patient_ref) LIKE 'n-00%' ESCAPE '\'
  AND search_codes && '{condition:RIGHT:KNEE_OSTEOARTHRITIS,region:RIGHT:KNEE}'::text[];
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid) AND LOWER(patient_ref) LIKE 'n-00%' ESCAPE '\'
  AND search_codes && '{condition:RIGHT:KNEE_OSTEOARTHRITIS,region:RIGHT:KNEE}'::text[]
ORDER BY opened_on DESC, case_id LIMIT 20 OFFSET 0;

\echo '--- 6. My cases, by last activity, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT COUNT(*) FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
  AND clinician_ids @> ARRAY[md5('clinician-1-0')::uuid];
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
  AND clinician_ids @> ARRAY[md5('clinician-1-0')::uuid]
ORDER BY last_activity_at DESC NULLS LAST, case_id LIMIT 20 OFFSET 0;

\echo '--- 7. Everything by last activity, newest first, page 1'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
ORDER BY last_activity_at DESC NULLS LAST, case_id LIMIT 20 OFFSET 0;

\echo '--- 8. By patient reference, page 101 (OFFSET 2000)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
ORDER BY LOWER(patient_ref) ASC, patient_ref ASC, case_id LIMIT 20 OFFSET 2000;

\echo '--- 9. By status, open first, page 1'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT case_id, clinic_id, patient_ref, status, opened_on, closed_on, primary_injury_id, open_injuries,
       primary_condition_code, last_activity_at FROM case_view
WHERE clinic_id IN (md5('clinic-1')::uuid, md5('clinic-2')::uuid)
ORDER BY CASE status WHEN 'OPEN' THEN 0 ELSE 1 END ASC, case_id LIMIT 20 OFFSET 0;
