-- Seeds the register for bench/run-page-bench.sh from the applications the platform made itself
-- (the demo: `--demo` runs real acts through the real lifecycle). Clones of them, with everything
-- the pages read:
--   :n registrations: copies of the demo's registered applications (in turn), each with its own
--     application, registration and certificate numbers, its certificate (the template's signed
--     credential with the two numbers replaced: its signature no longer verifies, which the pages
--     report and still render), its history (the template's acts, new ids and log indices, in
--     order) and its rights holders;
--   :n / 20 applications in progress (5%): copies of the demo's applications in every state
--     before a decision (drafts, submitted, under examination, correction requested, under public
--     notice, under objection review), with their history.
-- Half of the copies go to one body (4403, the busiest: its examiner's work list is the longest),
-- the other half round the bodies in turn; each copy keeps its template's applicant.
--
-- Numbers are valid and collide with nothing the demo holds:
--   certificate  <template's year, month, body code> || serial 1,000,001 … (17 digits)
--   registration <template's year, source, type> || sequence 100,000,001 … || ISO 7064 MOD 11-2 check
--   application  SQ || body code || year 2015, 2014, … || serial (16 characters)
-- Run with: psql -v ON_ERROR_STOP=1 -v n=100000 -f seed.sql
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

-- The templates: registered applications with their current certificate, and applications in
-- progress; numbered 0 … count - 1 so that copy i takes template i % count.
CREATE TEMP TABLE registered ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY a."ApplicationNumber") - 1)::int AS k, a."Id" AS id,
       c."CertificateNumber" AS certificate, c."RegistrationNumber" AS registration,
       to_jsonb(a) AS application_row, to_jsonb(c) AS certificate_row
FROM "Applications" a
JOIN "Certificates" c ON c."ApplicationId" = a."Id" AND NOT c."Superseded" AND c."Credential" IS NOT NULL
WHERE a."State" = 'Registered';

CREATE TEMP TABLE in_progress ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY a."CreatedAt") - 1)::int AS k, a."Id" AS id, to_jsonb(a) AS application_row
FROM "Applications" a
WHERE a."State" IN ('Draft', 'Submitted', 'FormalExamination', 'CorrectionRequested', 'SubstantiveExamination', 'PublicNotice', 'ObjectionReview');

SELECT (SELECT count(*) FROM registered) > 0 AND (SELECT count(*) FROM in_progress) > 0 AS has_templates \gset
\if :has_templates
\else
  \echo 'no registered application or none in progress to copy: was the host run once with --demo?'
  \quit 3
\endif

CREATE TEMP TABLE bodies ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY "Code") - 1)::int AS k, "Id" AS id, "Code" AS code FROM "Bodies";
SELECT (SELECT id FROM bodies WHERE code = '4403') AS busiest, (SELECT count(*) FROM bodies) AS body_count,
       (SELECT count(*) FROM registered) AS registered_count, (SELECT count(*) FROM in_progress) AS progress_count \gset

-- The copies: i = 1 … n registered, then n + 1 … n + n / 20 in progress.
CREATE TEMP TABLE copies ON COMMIT DROP AS
SELECT i, i <= :n AS registered,
       CASE WHEN i <= :n THEN (i - 1) % :registered_count ELSE (i - 1) % :progress_count END AS template,
       CASE WHEN i % 2 = 0 THEN :busiest ELSE (SELECT id FROM bodies WHERE k = (i / 2) % :body_count) END AS body,
       md5('dataip-page-bench-' || i)::uuid AS id
FROM generate_series(1, :n + :n / 20) AS i;
ALTER TABLE copies ADD COLUMN body_code text, ADD COLUMN application_number text,
  ADD COLUMN registration text, ADD COLUMN certificate text, ADD COLUMN template_id uuid;
UPDATE copies c SET body_code = b.code,
  application_number = 'SQ' || b.code || (2015 - (c.i - 1) / 999999)::text || lpad((1 + (c.i - 1) % 999999)::text, 6, '0')
FROM bodies b WHERE b.id = c.body;
UPDATE copies c SET template_id = r.id,
  certificate = left(r.certificate, 10) || lpad((1000000 + c.i)::text, 7, '0'),
  registration = left(r.registration, 6) || lpad((100000000 + c.i)::text, 9, '0')
FROM registered r WHERE c.registered AND r.k = c.template;
UPDATE copies SET registration = registration || pg_temp.mod11_2(registration) WHERE registered;
UPDATE copies c SET template_id = p.id FROM in_progress p WHERE NOT c.registered AND p.k = c.template;

-- jsonb_populate_record copies every column of the template rows, so columns added by later
-- migrations are carried over without changing this file (in FROM, LATERAL: in the select list
-- PostgreSQL would call it once per column).
INSERT INTO "Applications"
SELECT r.*
FROM copies c JOIN registered t ON c.registered AND t.k = c.template
CROSS JOIN LATERAL jsonb_populate_record(NULL::"Applications", t.application_row || jsonb_build_object(
         'Id', c.id, 'BodyId', c.body, 'ApplicationNumber', c.application_number,
         'RegistrationNumber', c.registration, 'CertificateNumber', c.certificate)) AS r;

INSERT INTO "Applications"
SELECT r.*
FROM copies c JOIN in_progress t ON NOT c.registered AND t.k = c.template
CROSS JOIN LATERAL jsonb_populate_record(NULL::"Applications", t.application_row || jsonb_build_object(
         'Id', c.id, 'BodyId', c.body,
         'ApplicationNumber', CASE WHEN t.application_row ->> 'ApplicationNumber' IS NULL THEN NULL ELSE c.application_number END)) AS r;

INSERT INTO "Certificates"
SELECT r.*
FROM copies c JOIN registered t ON c.registered AND t.k = c.template
CROSS JOIN LATERAL jsonb_populate_record(NULL::"Certificates", t.certificate_row || jsonb_build_object(
         'CertificateNumber', c.certificate, 'ApplicationId', c.id, 'RegistrationNumber', c.registration,
         'Credential', replace(replace(t.certificate_row ->> 'Credential', t.certificate, c.certificate), t.registration, c.registration))) AS r;

-- The history: each template's acts, in their order, after every act the demo wrote.
SELECT coalesce(max("Sequence"), 0) AS last_sequence, coalesce(max("LogIndex"), 0) AS last_index FROM "Acts" \gset
CREATE TEMP TABLE template_acts ON COMMIT DROP AS
SELECT "ApplicationId" AS template_id, row_number() OVER (PARTITION BY "ApplicationId" ORDER BY "Sequence") AS position,
       count(*) OVER (PARTITION BY "ApplicationId") AS acts, to_jsonb(a) AS act_row
FROM "Acts" a WHERE "ApplicationId" IN (SELECT id FROM registered UNION SELECT id FROM in_progress);
-- The largest history, so that each copy's acts fit in a block of that many sequence numbers.
SELECT coalesce(max(acts), 1) AS block FROM template_acts \gset
INSERT INTO "Acts"
SELECT r.*
FROM copies c JOIN template_acts t ON t.template_id = c.template_id
CROSS JOIN LATERAL jsonb_populate_record(NULL::"Acts", t.act_row || jsonb_build_object(
         'Sequence', :last_sequence + (c.i - 1) * :block + t.position,
         'LogIndex', :last_index + (c.i - 1) * :block + t.position,
         'Id', md5('dataip-page-bench-act-' || c.i || '-' || t.position)::uuid,
         'ApplicationId', c.id)) AS r;
SELECT setval(pg_get_serial_sequence('"Acts"', 'Sequence'), (SELECT max("Sequence") FROM "Acts"));

-- Who holds each registration (with the template's copy of its validity, RightHolder.ValidUntil and
-- Ended, which equal the copy's: the application row is the template's but for its ids and numbers).
INSERT INTO "RightHolders"
SELECT r.*
FROM copies c JOIN "RightHolders" h ON c.registered AND h."ApplicationId" = c.template_id
CROSS JOIN LATERAL jsonb_populate_record(NULL::"RightHolders", to_jsonb(h) || jsonb_build_object(
         'Id', md5('dataip-page-bench-holder-' || c.i || '-' || h."Id")::uuid,
         'ApplicationId', c.id)) AS r;

COMMIT;

ANALYZE;

SELECT count(*) FILTER (WHERE "State" = 'Registered') AS registered,
       count(*) FILTER (WHERE "State" NOT IN ('Registered', 'Rejected', 'Withdrawn', 'Revoked')) AS in_progress,
       (SELECT count(*) FROM "Acts") AS acts, (SELECT count(*) FROM "Certificates") AS certificates
FROM "Applications";
