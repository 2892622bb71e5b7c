-- The values of bench/pages/pages.txt's placeholders and the accounts the bench signs in as, read
-- from the seeded register; one "name<TAB>value" line each (psql -qAt -F '<TAB>').
-- Accounts are the demo's (one password, DataIp-Demo-2025).
-- tests/DataIp.Web.Tests/Pages/QueryCountTests.cs resolves the same names on the demo.
WITH busiest AS (
  SELECT "BodyId" AS id FROM "Applications" WHERE "State" <> 'Draft'
  GROUP BY "BodyId" ORDER BY count(*) DESC, "BodyId" LIMIT 1
), registered AS (
  SELECT a."Id", a."RegistrationNumber", a."CertificateNumber"
  FROM "Applications" a JOIN "Acts" x ON x."ApplicationId" = a."Id"
  WHERE a."State" = 'Registered' AND a."BodyId" = (SELECT id FROM busiest)
  GROUP BY a."Id" ORDER BY count(*) DESC, a."ApplicationNumber" DESC LIMIT 1
), encumbered AS (
  SELECT a."CertificateNumber"
  FROM "Applications" a JOIN "Acts" x ON x."ApplicationId" = a."Id"
  WHERE a."State" = 'Registered' AND a."BodyId" = (SELECT id FROM busiest)
  GROUP BY a."Id" ORDER BY count(*) FILTER (WHERE x."Type" IN ('recordLicence', 'filePledge')) DESC, count(*) DESC, a."ApplicationNumber" DESC LIMIT 1
)
SELECT 'examiner', (SELECT "Email" FROM "AspNetUsers" WHERE "Email" LIKE '%@demo.dataip.cn' AND "Role" = 'Examiner' AND "BodyId" = (SELECT id FROM busiest) ORDER BY "CreatedAt" LIMIT 1)
UNION ALL
SELECT 'applicant', (SELECT u."Email" FROM "AspNetUsers" u JOIN "Applications" a ON a."ApplicantId" = u."Id"
                     WHERE u."Email" LIKE '%@demo.dataip.cn'
                     GROUP BY u."Id", u."Email" ORDER BY count(*) DESC, u."Email" LIMIT 1)
UNION ALL
SELECT 'administrator', (SELECT "Email" FROM "AspNetUsers" WHERE "Email" LIKE '%@demo.dataip.cn' AND "Role" = 'Administrator' AND "BodyId" IS NULL ORDER BY "CreatedAt" LIMIT 1)
UNION ALL
SELECT 'bank', (SELECT "Email" FROM "AspNetUsers" WHERE "Email" LIKE '%@demo.dataip.cn' AND "Role" = 'Pledgee' ORDER BY "CreatedAt" LIMIT 1)
UNION ALL
SELECT 'notice', (SELECT "ApplicationNumber" FROM "Applications" WHERE "State" = 'PublicNotice' ORDER BY "ApplicationNumber" DESC LIMIT 1)
UNION ALL
SELECT 'registered', (SELECT "Id"::text FROM registered)
UNION ALL
SELECT 'registered-act', (SELECT "Id"::text FROM "Acts" WHERE "ApplicationId" = (SELECT "Id" FROM registered) ORDER BY "Sequence" DESC LIMIT 1)
UNION ALL
SELECT 'registration', (SELECT "RegistrationNumber" FROM registered)
UNION ALL
SELECT 'certificate', (SELECT "CertificateNumber" FROM encumbered);
