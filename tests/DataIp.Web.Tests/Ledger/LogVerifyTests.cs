using DataIp.Cli.Commands;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Tests.Infrastructure;
using DataIp.Web.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Ledger;

/// <summary>`dataip log verify` against the real server: passes on an honest log, fails on each kind of tampering.</summary>
public sealed class LogVerifyTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Verify_HonestThenTampered_PassesThenFailsWithReason(DatabaseProvider provider)
    {
        await using var platform = await RegistryFactory.StartAsync(provider);
        var applicant = await platform.ApplicantAsync();
        await LifecycleWalkTests.SubmitAsync(applicant, "4400");
        await platform.PublishLogAsync();
        var state = Path.Combine(Path.GetTempPath(), $"dataip-state-{Guid.NewGuid():N}.json");
        try
        {
            var (ok, _) = await VerifyAsync(platform, state);
            Assert.Equal(0, ok);

            // More acts: the new checkpoint is consistent with the saved one.
            await LifecycleWalkTests.SubmitAsync(applicant, "1100");
            await platform.PublishLogAsync();
            Assert.Equal(0, (await VerifyAsync(platform, state)).Exit);

            // A past entry edited in the database (its leaf hash left alone): the tile no longer matches.
            await SqlAsync(platform, "UPDATE \"LogEntries\" SET \"Entry\" = {0} WHERE \"Index\" = 1", """{"tampered":true}"""u8.ToArray());
            var (edited, editedErrors) = await VerifyAsync(platform, state);
            Assert.Equal(1, edited);
            Assert.Contains("entr", editedErrors, StringComparison.OrdinalIgnoreCase);

            // The history rewritten and re-signed from scratch: inconsistent with the saved checkpoint.
            await SqlAsync(platform, "UPDATE \"LogEntries\" SET \"LeafHash\" = {0} WHERE \"Index\" = 1",
                DataIp.Domain.TransparencyLog.Rfc9162.HashLeaf("""{"tampered":true}"""u8).ToArray());
            await SqlAsync(platform, "DELETE FROM \"LogCheckpoints\"");
            await SqlAsync(platform, "DELETE FROM \"LogNodes\"");
            await SqlAsync(platform, "DELETE FROM \"LogStates\"");
            await platform.PublishLogAsync();
            var (rewritten, rewrittenErrors) = await VerifyAsync(platform, state);
            Assert.Equal(1, rewritten);
            Assert.Contains("consisten", rewrittenErrors, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(state);
        }
    }

    private static async Task<(int Exit, string Errors)> VerifyAsync(RegistryFactory platform, string state)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LogVerifyCommand.RunAsync(
            new LogVerifyOptions("http://localhost", state, null, TimeSpan.FromSeconds(30)), platform.Server.CreateHandler(), TimeProvider.System, output, error, CancellationToken.None);
        return (exit, error.ToString());
    }

    private static async Task SqlAsync(RegistryFactory platform, string sql, params object[] parameters)
    {
        await using var scope = platform.Scope();
        await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Database.ExecuteSqlRawAsync(sql, parameters);
    }
}
