using DataIp.Data.Numbering;
using DataIp.Data.Pilots;
using DataIp.Data.Rights;
using DataIp.Domain.Numbering;
using DataIp.Web.Features.Certificates;
using DataIp.Web.Features.Rights;

namespace DataIp.Web.Features.PilotImports;

/// <summary>A row done: imported now, or found imported by another run in the meantime.</summary>
public sealed record RowDone(bool Imported, ImportedRow Row);

/// <summary>
/// One pilot-era certificate brought onto the register, in its own transaction, in this order:
/// <list type="number">
/// <item>the log's append lock and the act's time (<see cref="ActTransaction"/>);</item>
/// <item>the body's alias for the pilot-era number, if another run made it meanwhile: then nothing;</item>
/// <item>the registration as the pilot recorded it (state Registered, the pilot's dates), a new
/// unified registration number, its holders (each linked to the verified account with its
/// identifier, if there is one) and the alias;</item>
/// <item>the <c>importRegistration</c> act, then the first unified certificate through
/// <see cref="CertificateIssuance"/> (its <c>issueCertificate</c> act and credential), as a
/// registration's certificate is always issued;</item>
/// <item>commit, then the status check learns the certificate.</item>
/// </list>
/// </summary>
public sealed class PilotRegistration(RegistryDbContext db, TimeProvider clock, ActPipeline pipeline, CertificateStatusIndex statuses)
{
    /// <summary>Imports one checked row.</summary>
    public async Task<RowDone> ImportAsync(int bodyId, PilotCertificate row, string batch, ActingParty party, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(party);
        db.ChangeTracker.Clear();
        Guid applicationId;
        ImportedRow done;
        await using (var transaction = await ActTransaction.BeginAsync(db, clock, ct).ConfigureAwait(false))
        {
            var existing = await db.PilotAliases.Where(a => a.BodyId == bodyId && a.PilotNumber == row.PilotNumber)
                .Join(db.Applications, a => a.ApplicationId, a => a.Id, (_, app) => new { app.RegistrationNumber, app.CertificateNumber })
                .FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (existing is not null)
            {
                return new RowDone(false, new ImportedRow(row.Line, row.PilotNumber, existing.RegistrationNumber, existing.CertificateNumber));
            }

            var body = await db.Bodies.SingleAsync(b => b.Id == bodyId, ct).ConfigureAwait(false);
            var now = transaction.Now;
            var app = await RegistrationAsync(body, row, party, now, ct).ConfigureAwait(false);
            var holders = await HoldersAsync(app, row, ct).ConfigureAwait(false);
            var alias = new PilotAlias
            {
                Id = Guid.CreateVersion7(),
                BodyId = bodyId,
                PilotNumber = row.PilotNumber,
                PilotRegistrationNumber = row.PilotRegistrationNumber,
                ApplicationId = app.Id,
                ImportedAt = now,
            };
            db.PilotAliases.Add(alias);

            var context = new ActContext(pipeline, party, app, now, null, new CaseParties(app.ApplicantId, bodyId, []), 0);
            await CertificateIssuance.IssueAsync(context, Holders.Names(holders), row.PilotNumber, ct).ConfigureAwait(false);
            var recorded = new List<RecordedAct>
            {
                await ActWriter.AppendAsync(db, party.Actor, Act(app, row, batch, holders), app.Id, now, null, noticeStarted: true, ct).ConfigureAwait(false),
            };
            foreach (var following in context.FollowingActs)
            {
                recorded.Add(await ActWriter.AppendAsync(db, party.Actor, following, app.Id, now, null, noticeStarted: true, ct).ConfigureAwait(false));
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            alias.ImportLogIndex = recorded[0].Act.LogIndex;
            await context.AfterSave!(recorded, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await ActPipeline.KeepCopiesAsync(db, app, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            applicationId = app.Id;
            done = new ImportedRow(row.Line, row.PilotNumber, app.RegistrationNumber, app.CertificateNumber);
        }

        await statuses.ApplyAsync(db, applicationId, CancellationToken.None).ConfigureAwait(false);
        return new RowDone(true, done);
    }

    // The registration as the pilot recorded it, under a new unified registration number of its registration year.
    private async Task<ApplicationRecord> RegistrationAsync(Data.Bodies.RegistrationBody body, PilotCertificate row, ActingParty party, DateTimeOffset now, CancellationToken ct)
    {
        var (first, type) = row.Holders[0];
        var sequence = await SerialNumbers.NextAsync(db, $"registration:{row.RegistrationDate.Year}", ct).ConfigureAwait(false);
        var content = new ApplicationContent
        {
            Applicant = new ApplicantParticulars
            {
                Name = first.Name,
                RegistrantType = type,
                CreditCode = type == RegistrantType.NaturalPerson ? null : first.Identifier,
                IdNumber = type == RegistrantType.NaturalPerson ? first.Identifier : null,
                CoApplicants = [.. row.Holders.Skip(1).Select(h => new CoApplicant
                {
                    Name = h.Holder.Name,
                    RegistrantType = h.Type,
                    CreditCode = h.Type == RegistrantType.NaturalPerson ? null : h.Holder.Identifier,
                    IdNumber = h.Type == RegistrantType.NaturalPerson ? h.Holder.Identifier : null,
                })],
            },
            DataObject = new DataObjectParticulars
            {
                DataName = row.DataName,
                IndustryCode = row.IndustryCode,
                ApplicationScenarios = row.Scenarios,
                DataSourceType = row.SourceType,
                ProductSummary = row.Summary,
            },
            RightsClaimed = [.. row.Rights.Select(r => new RightClaim { Right = r })],
        };
        var app = new ApplicationRecord
        {
            Id = Guid.NewGuid(),
            BodyId = body.Id,
            Body = body,
            ApplicantId = await FirstHolderAccountAsync(first.Identifier, ct).ConfigureAwait(false) ?? party.AccountId!.Value,
            State = ApplicationState.Registered,
            CreatedAt = now,
            DecidedAt = now,
            RegistrationNumber = RegistrationNumber.Create(row.RegistrationDate.Year, row.SourceType, type, sequence).Value,
            RegistrationDate = row.RegistrationDate,
            ValidUntil = row.ValidUntil,
        };
        app.SetContent(content);
        db.Applications.Add(app);
        return app;
    }

    // The holders in the file's order and shares, each with the verified applicant account of its identifier, if any.
    private async Task<List<RightHolder>> HoldersAsync(ApplicationRecord app, PilotCertificate row, CancellationToken ct)
    {
        var codes = row.Holders.Select(h => h.Holder.Identifier).OfType<string>().ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.Identifier != null && codes.Contains(u.Identifier) && u.Role == AccountRole.Applicant && u.IdentityVerification == IdentityVerification.Verified)
            .Select(u => new { u.Id, u.Identifier }).ToListAsync(ct).ConfigureAwait(false);
        var shares = Holdings.FirstShares(row.Holders.Count);
        var holders = row.Holders.Select((h, i) => new RightHolder
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = app.Id,
            AccountId = accounts.FirstOrDefault(a => a.Identifier == h.Holder.Identifier)?.Id,
            Name = h.Holder.Name,
            Identifier = h.Holder.Identifier,
            Share = shares[i],
            Position = i,
        }).ToList();
        db.RightHolders.AddRange(holders);
        return holders;
    }

    private async Task<Guid?> FirstHolderAccountAsync(string? identifier, CancellationToken ct) =>
        identifier is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Identifier == identifier && u.Role == AccountRole.Applicant && u.IdentityVerification == IdentityVerification.Verified)
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);

    private static ImportRegistrationAct Act(ApplicationRecord app, PilotCertificate row, string batch, List<RightHolder> holders) => new()
    {
        BodyCode = app.Body.Code,
        DataName = app.DataName,
        FromState = ApplicationState.Registered,
        ToState = ApplicationState.Registered,
        RegistrationNumber = app.RegistrationNumber!,
        CertificateNumber = app.CertificateNumber,
        PilotCertificateNumber = row.PilotNumber,
        PilotRegistrationNumber = row.PilotRegistrationNumber,
        RegistrationDate = row.RegistrationDate,
        ValidUntil = row.ValidUntil,
        Holders = Holders.Shares(holders),
        PilotHolders = [.. row.Holders.Select(h => h.Holder)],
        Rights = row.Rights,
        IndustryCode = row.IndustryCode,
        Scenarios = row.Scenarios.Count > 0 ? row.Scenarios : null,
        Summary = row.Summary,
        Batch = batch,
        Line = row.Line,
    };
}
