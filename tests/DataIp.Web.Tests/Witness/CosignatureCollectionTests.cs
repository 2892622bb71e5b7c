using DataIp.Crypto;
using DataIp.Data;
using DataIp.Testing;
using DataIp.Web.Features.Witness;
using DataIp.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataIp.Web.Tests.Witness;

/// <summary>
/// Node A's log asks node B, its witness, to cosign every checkpoint; B's cosignature ends up on
/// A's served checkpoint. B runs in memory: A's witness HTTP client is given B's test handler.
/// </summary>
public sealed class CosignatureCollectionTests
{
    private const string Origin = "a.test/log";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Collector_AfterEachCheckpoint_CheckpointCarriesTheWitnessCosignature(DatabaseProvider provider)
    {
        await using var pair = await WitnessedPairAsync(provider);
        var (log, witness) = (pair.Log, pair.Witness);
        var witnessKey = CosignatureV1VerifierKey.Parse((await witness.CreateClient().GetStringAsync("/log/witness-key")).TrimEnd('\n'));

        // 1. Published by the sequencer, collected in the background (the sequencer's hook).
        await log.ApplicantAsync();
        var first = await log.PublishLogAsync();
        var firstNote = await WaitForCosignatureAsync(log, witnessKey);
        AssertSignedByLogAndWitness(firstNote, pair.LogKeys, witnessKey, first.TreeSize);
        Assert.Equal(first.TreeSize, (await StateAsync(witness)).Size);

        // 2. The next checkpoint: B gets a consistency proof from the size it accepted.
        await log.ApplicantAsync();
        var second = await log.PublishLogAsync();
        await CollectAsync(log);
        AssertSignedByLogAndWitness(await log.CreateClient().GetStringAsync("/log/checkpoint"), pair.LogKeys, witnessKey, second.TreeSize);
        Assert.Equal(second.TreeSize, (await StateAsync(witness)).Size);

        // 3. B's record differs from what A remembers (as after a restore): B answers 409 with its
        //    size, and A asks once more from that size.
        await SetStateAsync(witness, first.TreeSize, first.RootHash);
        await log.ApplicantAsync();
        var third = await log.PublishLogAsync();
        await CollectAsync(log);
        AssertSignedByLogAndWitness(await log.CreateClient().GetStringAsync("/log/checkpoint"), pair.LogKeys, witnessKey, third.TreeSize);
        Assert.Equal(third.TreeSize, (await StateAsync(witness)).Size);
    }

    [Fact]
    public async Task Collector_CosignatureNotByTheConfiguredKey_NotStoredAndLogGoesOn()
    {
        await using var pair = await WitnessedPairAsync(DatabaseProvider.Sqlite, CosignatureV1Signer.Generate("dataip.localhost/witness").VerifierKey);
        await pair.Log.ApplicantAsync();
        var first = await pair.Log.PublishLogAsync();

        var added = await CollectAsync(pair.Log);
        await pair.Log.ApplicantAsync();
        var second = await pair.Log.PublishLogAsync();

        Assert.Equal(0, added);
        Assert.True(second.TreeSize > first.TreeSize);
        var opened = SignedNote.Open(await pair.Log.CreateClient().GetStringAsync("/log/checkpoint"), [.. pair.LogKeys.Select(k => k.CreateVerifier())]);
        Assert.True(opened.IsVerified);
        Assert.Equal(2, opened.Note.VerifiedSignatures.Count);
        Assert.Empty(opened.Note.UnverifiedSignatures);
    }

    /// <summary>
    /// Starts B (witnessing A's keys, which the test puts in A's data directory first) and then A
    /// (asking B, with B's published key unless <paramref name="cosignerKey"/> is given).
    /// </summary>
    private static async Task<Pair> WitnessedPairAsync(DatabaseProvider provider, CosignatureV1VerifierKey? cosignerKey = null)
    {
        RegistryFactory? witness = null;
        CosignatureV1VerifierKey? witnessKey = cosignerKey;
        var log = RegistryFactory.Create(provider, configure: b =>
        {
            b.UseSetting("DataIp:LogOrigin", Origin);
            b.UseSetting("DataIp:Witness:CosignerUrls:0", "http://witness.test/log/");
            b.UseSetting("DataIp:Witness:CosignerKeys:0", witnessKey!.ToString());
            b.ConfigureServices(s => s.AddHttpClient(CosignatureCollector.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => witness!.Server.CreateHandler()));
        });
        try
        {
            var keyDirectory = Path.Combine(log.DataDirectory, "keys", "log");
            NoteVerifierKey[] logKeys = [.. new[] { NoteKeyAlgorithm.Ed25519, NoteKeyAlgorithm.Sm2 }.Select(a => NoteKeyStore.LoadOrCreate(keyDirectory, Origin, a).VerifierKey)];
            witness = await RegistryFactory.StartAsync(provider, configure: b =>
            {
                b.UseSetting("DataIp:Witness:Logs:0", logKeys[0].ToString());
                b.UseSetting("DataIp:Witness:Logs:1", logKeys[1].ToString());
            });
            witnessKey ??= CosignatureV1VerifierKey.Parse((await witness.CreateClient().GetStringAsync("/log/witness-key")).TrimEnd('\n'));
            await log.StartAsync();
            return new Pair(log, witness, logKeys);
        }
        catch
        {
            await log.DisposeAsync();
            if (witness is not null)
            {
                await witness.DisposeAsync();
            }

            throw;
        }
    }

    private static Task<int> CollectAsync(RegistryFactory log) =>
        log.Services.GetRequiredService<CosignatureCollector>().CollectAsync(CancellationToken.None);

    // The background round runs on its own; wait for it (a generous limit, not a speed goal).
    private static async Task<string> WaitForCosignatureAsync(RegistryFactory log, CosignatureV1VerifierKey witnessKey)
    {
        var client = log.CreateClient();
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(50))
        {
            var note = await client.GetStringAsync("/log/checkpoint");
            if (SignedNote.Open(note, [witnessKey.CreateVerifier()]).IsVerified)
            {
                return note;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Fail("The checkpoint was not cosigned in the background within 30 s.");
        return "";
    }

    private static void AssertSignedByLogAndWitness(string note, IReadOnlyList<NoteVerifierKey> logKeys, CosignatureV1VerifierKey witnessKey, long size)
    {
        var opened = SignedNote.Open(note, [.. logKeys.Select(k => k.CreateVerifier()), witnessKey.CreateVerifier()]);
        Assert.True(opened.IsVerified, opened.Failure?.Message);
        Assert.Equal(size, Checkpoint.Parse(opened.Note.Text).TreeSize);
        Assert.Equal([Origin, Origin, witnessKey.Name], opened.Note.VerifiedSignatures.Select(s => s.Name));
        Assert.Equal(witnessKey.KeyId, opened.Note.VerifiedSignatures[2].KeyId);
        Assert.Empty(opened.Note.UnverifiedSignatures);
    }

    private static async Task<(long Size, byte[] Root)> StateAsync(RegistryFactory witness)
    {
        await using var scope = witness.Scope();
        var state = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().WitnessStates.AsNoTracking().SingleAsync(s => s.Origin == Origin);
        return (state.TreeSize, state.RootHash);
    }

    private static async Task SetStateAsync(RegistryFactory witness, long size, byte[] root)
    {
        await using var scope = witness.Scope();
        await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().WitnessStates.Where(s => s.Origin == Origin)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.TreeSize, size).SetProperty(s => s.RootHash, root));
    }

    private sealed record Pair(RegistryFactory Log, RegistryFactory Witness, IReadOnlyList<NoteVerifierKey> LogKeys) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Log.DisposeAsync();
            await Witness.DisposeAsync();
        }
    }
}
