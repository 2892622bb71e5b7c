namespace DataIp.Web.Features.Certificates;

/// <summary>
/// Signs the credentials of certificates issued before the platform signed them (databases from
/// before issue M4): each is signed from its registration and its own issuance act in the log,
/// exactly as a new one would be, with the time of signing as the proofs' <c>created</c>.
/// </summary>
internal static class CertificateBackfill
{
    /// <summary>Signs every certificate that has no credential; returns how many.</summary>
    public static async Task<int> RunAsync(RegistryDbContext db, CertificateIssuer issuer, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = await db.Certificates.Where(c => c.Credential == null).OrderBy(c => c.IssuedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var certificate in pending)
        {
            var application = await db.Applications.Include(a => a.Body)
                .SingleAsync(a => a.Id == certificate.ApplicationId, cancellationToken).ConfigureAwait(false);
            var acts = await db.Acts.AsNoTracking().Where(a => a.ApplicationId == certificate.ApplicationId && a.Type == "issueCertificate")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var issuance = acts.SingleOrDefault(a => a.Payload.Contains($"\"{certificate.CertificateNumber}\"", StringComparison.Ordinal));
            if (issuance is null)
            {
                logger.LogWarning("Certificate {Certificate} has no issuance act in the log; its credential was not signed.", certificate.CertificateNumber);
                continue;
            }

            var leafHash = await db.LogEntries.AsNoTracking().Where(e => e.Index == issuance.LogIndex).Select(e => e.LeafHash)
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            issuer.Sign(certificate, application, issuance.LogIndex, leafHash);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            logger.LogInformation("Signed the credentials of {Count} certificate(s) issued before credentials were signed.", pending.Count);
        }

        return pending.Count;
    }
}
