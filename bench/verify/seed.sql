-- Seeds :n certificates for bench/run-verify-bench.sh from ONE certificate the platform issued
-- itself (the demo's first registered, not superseded certificate: signed credential, application,
-- registration body). Each copy gets its own application row (new id, application number,
-- registration number and certificate number; everything else copied) and its own certificate row
-- whose credential is the template's JSON with the two numbers replaced. The copies' signatures do
-- not verify; the status endpoint reads the credential without verifying it, so it does the same
-- work for a copy as for the original.
--
-- Numbers are valid, so the endpoint accepts them and nothing collides with the demo's:
--   certificate  <template's year, month, body code> || serial 1,000,001 … 1,000,000 + n (17 digits)
--   registration <template's year, source, type> || sequence 100,000,001 … || ISO 7064 MOD 11-2 check
--   application  SQ || body code || year 2015, 2014, … || serial 1 … 999,999 (16 characters)
-- Run with: psql -v ON_ERROR_STOP=1 -v n=1000000 -f seed.sql
\set ON_ERROR_STOP on

CREATE FUNCTION pg_temp.mod11_2(digits text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE p int := 0; c int;
BEGIN
  FOR i IN 1 .. length(digits) LOOP
    p := (p + ascii(substr(digits, i, 1)) - 48) * 2 % 11;
  END LOOP;
  c := (12 - p) % 11;
  RETURN CASE WHEN c = 10 THEN 'X' ELSE c::text END;
END $$;

BEGIN;

-- The template: the certificate and application rows as jsonb, one row, so that the inserts below
-- join the numbers with a one-row table (never with the growing tables themselves).
CREATE TEMP TABLE template ON COMMIT DROP AS
SELECT c."CertificateNumber" AS certificate, c."RegistrationNumber" AS registration, b."Code" AS body,
       to_jsonb(a) AS application_row, to_jsonb(c) AS certificate_row
FROM "Certificates" c
JOIN "Applications" a ON a."Id" = c."ApplicationId"
JOIN "Bodies" b ON b."Id" = a."BodyId"
WHERE a."State" = 'Registered' AND NOT c."Superseded" AND c."Credential" IS NOT NULL
ORDER BY c."CertificateNumber"
LIMIT 1;

SELECT count(*) = 1 AS has_template FROM template \gset
\if :has_template
\else
  \echo 'no registered certificate to copy: was the host run once with --demo?'
  \quit 3
\endif
SELECT left(certificate, 10) AS prefix FROM template \gset

CREATE TEMP TABLE numbers ON COMMIT DROP AS
SELECT md5('dataip-verify-bench-' || i)::uuid AS application,
       left(t.certificate, 10) || lpad((1000000 + i)::text, 7, '0') AS certificate,
       left(t.registration, 6) || lpad((100000000 + i)::text, 9, '0') AS registration,
       'SQ' || t.body || (2015 - (i - 1) / 999999)::text || lpad((1 + (i - 1) % 999999)::text, 6, '0') AS application_number
FROM template t, generate_series(1, :n) AS i;
UPDATE numbers SET registration = registration || pg_temp.mod11_2(registration);

-- jsonb_populate_record copies every column of the template rows, so columns added by later
-- migrations are carried over without changing this file. It is called in FROM (LATERAL): as
-- (f(…)).* in the select list PostgreSQL would call it once per column.
INSERT INTO "Applications"
SELECT r.*
FROM numbers n CROSS JOIN template t
CROSS JOIN LATERAL jsonb_populate_record(NULL::"Applications", t.application_row || jsonb_build_object(
         'Id', n.application,
         'ApplicationNumber', n.application_number,
         'RegistrationNumber', n.registration,
         'CertificateNumber', n.certificate)) AS r;

INSERT INTO "Certificates"
SELECT r.*
FROM numbers n CROSS JOIN template t
CROSS JOIN LATERAL jsonb_populate_record(NULL::"Certificates", t.certificate_row || jsonb_build_object(
         'CertificateNumber', n.certificate,
         'ApplicationId', n.application,
         'RegistrationNumber', n.registration,
         'Credential', replace(replace(t.certificate_row ->> 'Credential', t.certificate, n.certificate), t.registration, n.registration))) AS r;

COMMIT;

ANALYZE;

\echo PREFIX :prefix
SELECT count(*) AS certificates FROM "Certificates";
