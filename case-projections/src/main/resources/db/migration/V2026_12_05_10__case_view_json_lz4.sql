-- Each case's view and timeline JSON is compressed with LZ4 rather than PostgreSQL's default pglz
-- (ADR 0025): on the views and timelines of the demo cases, 21,000 rows took 1.1-1.3 s to write
-- instead of 2.8-3.3 s, for the same size on disk, and read back faster. Every projection write
-- rewrites a case's two documents, and a rebuild writes them all. Rows keep the compression they
-- were written with until the projection writes them again. A server built without LZ4 keeps pglz.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE case_view ALTER COLUMN view_json SET COMPRESSION lz4,
                          ALTER COLUMN timeline_json SET COMPRESSION lz4;
  END IF;
END $$;
