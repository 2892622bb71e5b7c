using System.Text;
using DataIp.Cli.Log;
using DataIp.Crypto;
using DataIp.Domain.TransparencyLog;

namespace DataIp.Cli.Tests.Log;

// LogVerifier over the ILogReader seam, reading a FakeLog directly. The HTTP path is in LogVerifyCommandTests.
public sealed class LogVerifierTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(600)]
    public async Task Verify_HonestLog_VerifiesEveryEntry(int size)
    {
        var log = new FakeLog(size);

        var (result, progress) = await Verify(log);

        Assert.Empty(result.Findings);
        Assert.Null(result.ReadFailure);
        Assert.True(result.IsVerified);
        Assert.Equal((ulong)size, result.EntriesChecked);
        Assert.Equal(size, result.Checkpoint!.TreeSize);
        Assert.Equal(log.RootHash(), Hash.FromBytes(result.Checkpoint.RootHash));
        Assert.Contains($"size {size}, root {log.RootHash()}", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WitnessCosignature_IsIgnored()
    {
        var log = new FakeLog(3);
        var witness = Ed25519NoteSigner.Generate("witness.example/w1");
        log.Publish(log.Ed25519, log.Sm2, witness);

        var (result, progress) = await Verify(log);

        Assert.True(result.IsVerified);
        Assert.Contains("verified; 1 by unknown keys ignored", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AlteredLevelZeroTile_NamesTheTileAndTheLevelAbove()
    {
        var log = new FakeLog(600) { Tamper = FlipByte("tile/0/001", 40) }; // hash 1 of tile 1: entry 257

        var (result, _) = await Verify(log);

        Assert.False(result.IsVerified);
        Assert.Equal(["checkpoint", "entry 257", "tile/1/000.p/2"], result.Findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
        Assert.Contains("but tile/0/001 holds", Single(result, "entry 257"), StringComparison.Ordinal);
        Assert.StartsWith("the level-0 hashes of the 600 entries give the root", Single(result, "checkpoint"), StringComparison.Ordinal);
        Assert.StartsWith("hash 1 is ", Single(result, "tile/1/000.p/2"), StringComparison.Ordinal);
        Assert.Contains("but the 256 hashes of tile/0/001 give", Single(result, "tile/1/000.p/2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AlteredPartialLevelZeroTile_IsFoundByTheEntryAndTheRoot()
    {
        var log = new FakeLog(600) { Tamper = FlipByte("tile/0/002.p/88", 0) };

        var (result, _) = await Verify(log);

        Assert.Equal(["checkpoint", "entry 512"], result.Findings.Select(f => f.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Verify_AlteredLevelOneTile_NamesOnlyThatTile()
    {
        var log = new FakeLog(600) { Tamper = FlipByte("tile/1/000.p/2", 63) };

        var (result, _) = await Verify(log);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("tile/1/000.p/2", finding.Subject);
        Assert.Contains("hash 1 is", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AlteredEntry_NamesTheEntryAndItsBundle()
    {
        var log = new FakeLog(600)
        {
            Tamper = (path, body) => path == "tile/entries/001" ? ReplaceEntry(body, 44, entry => Swap(entry, "Applicant 300", "Applicant 301")) : body,
        };

        var (result, _) = await Verify(log);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("entry 300", finding.Subject);
        Assert.StartsWith("in tile/entries/001 hashes to ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("but tile/0/001 holds", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tile/0/000", 8191, "tile/0/000: has 8191 bytes; a tile of 256 hashes has 8192")]
    [InlineData("tile/0/001.p/4", 160, "tile/0/001.p/4: has 160 bytes; a tile of 4 hashes has 128")]
    [InlineData("tile/1/000.p/1", 0, "tile/1/000.p/1: has 0 bytes; a tile of 1 hashes has 32")]
    public async Task Verify_TileOfWrongLength_IsAFinding(string path, int length, string message)
    {
        var log = new FakeLog(260) { Tamper = (p, body) => p == path ? Resize(body, length) : body };

        var (result, _) = await Verify(log);

        Assert.Contains(message, result.Findings.Select(f => f.ToString()));
    }

    // The last of the 4 entries cut short (or followed by more), after the extra bytes are added.
    [Theory]
    [InlineData(true, new byte[] { 0 }, "ends inside the length of entry 3 (at byte ")]
    [InlineData(true, new byte[] { 0, 9, 1 }, "ends inside entry 3, whose length is 9 but only 1 bytes follow")]
    [InlineData(false, new byte[] { 0, 0 }, "holds more than the 4 entries its width calls for (2 bytes after entry 3)")]
    public async Task Verify_MalformedBundle_IsAFinding(bool dropLast, byte[] extra, string message)
    {
        var log = new FakeLog(4) { Tamper = (path, body) => path == "tile/entries/000.p/4" ? [.. EntryBundle.Prefix(body, dropLast ? 3 : 4), .. extra] : body };

        var (result, _) = await Verify(log);

        var finding = Assert.Single(result.Findings);
        Assert.StartsWith("tile/entries/000.p/4: " + message, finding.ToString(), StringComparison.Ordinal);
        Assert.Equal(0UL, result.EntriesChecked);
    }

    [Fact]
    public async Task Verify_BundleWithTooFewEntries_IsAFinding()
    {
        var log = new FakeLog(4) { Tamper = (path, body) => path == "tile/entries/000.p/4" ? EntryBundle.Prefix(body, 3) : body };

        var (result, _) = await Verify(log);

        Assert.Equal("tile/entries/000.p/4: holds 3 entries; its width calls for 4", Assert.Single(result.Findings).ToString());
    }

    [Fact]
    public async Task Verify_CheckpointWithWrongRoot_IsFoundByRecomputingTheRoot()
    {
        var log = new FakeLog(300);
        log.Checkpoint = log.Sign(Rfc9162.HashLeaf("not the tree"u8));

        var (result, _) = await Verify(log);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("checkpoint", finding.Subject);
        Assert.Equal($"the level-0 hashes of the 300 entries give the root {log.RootHash()}, but the checkpoint says {Rfc9162.HashLeaf("not the tree"u8)}", finding.Message);
    }

    [Fact]
    public async Task Verify_CheckpointByUnknownKeys_IsRefused()
    {
        var log = new FakeLog(3);
        log.Publish(Ed25519NoteSigner.Generate(FakeLog.Origin), Sm2NoteSigner.Generate(FakeLog.Origin));

        var (result, _) = await Verify(log);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("checkpoint", finding.Subject);
        Assert.StartsWith("refused: No signature on the note is by a known key; it carries signatures by registry.example/log+", finding.Message, StringComparison.Ordinal);
        Assert.Null(result.Checkpoint);
        Assert.Equal(0UL, result.EntriesChecked);
    }

    [Theory]
    [InlineData(NoteKeyAlgorithm.Ed25519, "SM2")]
    [InlineData(NoteKeyAlgorithm.Sm2, "Ed25519")]
    public async Task Verify_CheckpointWithOneOfTheTwoSignatures_IsRefused(NoteKeyAlgorithm only, string missing)
    {
        var log = new FakeLog(3);
        log.Publish(only == NoteKeyAlgorithm.Ed25519 ? log.Ed25519 : log.Sm2);

        var (result, _) = await Verify(log);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("checkpoint", finding.Subject);
        Assert.StartsWith($"no signature by the log's {missing} key verified, only by registry.example/log+", finding.Message, StringComparison.Ordinal);
        Assert.Null(result.Checkpoint);
    }

    [Fact]
    public async Task Verify_OneSignatureAltered_IsRefused()
    {
        var log = new FakeLog(3);
        var note = Encoding.UTF8.GetString(log.Checkpoint);
        var last = note.LastIndexOf(' ');
        log.Checkpoint = Encoding.UTF8.GetBytes(note[..(last + 10)] + (note[last + 10] == 'A' ? 'B' : 'A') + note[(last + 11)..]);

        var (result, _) = await Verify(log);

        Assert.StartsWith("checkpoint: refused: The signature by registry.example/log+", Assert.Single(result.Findings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_OriginOtherThanTheKeyName_IsRefused()
    {
        var log = new FakeLog(3) { Ed25519 = Ed25519NoteSigner.Generate("other.example/log"), Sm2 = Sm2NoteSigner.Generate("other.example/log") };
        log.Publish();

        var (result, _) = await Verify(log);

        Assert.Equal(
            "checkpoint: the origin \"registry.example/log\" is not the name of the log's keys, \"other.example/log\"",
            Assert.Single(result.Findings).ToString());
    }

    [Theory]
    [InlineData("", "keys: the keys the log publishes are refused: there are no keys")]
    [InlineData("registry.example/log+00000000+AQ==\n", "keys: the keys the log publishes are refused: line 1 is not a verifier key: ")]
    public async Task Verify_BadPublishedKeys_AreRefused(string keys, string message)
    {
        var log = new FakeLog(3) { Keys = keys };

        var (result, _) = await Verify(log);

        Assert.StartsWith(message, Assert.Single(result.Findings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PublishedKeysOfOneAlgorithm_AreRefused()
    {
        var log = new FakeLog(3);
        log.Keys = $"{log.Ed25519.VerifierKey}\n";

        var (result, _) = await Verify(log);

        Assert.Equal("keys: the keys the log publishes are refused: there is no SM2 key; a log signs with Ed25519 and SM2", Assert.Single(result.Findings).ToString());
    }

    // Two Ed25519 keys of the log's name whose key IDs collide (a 32-bit birthday collision found
    // by generating keys; see DataIp.Crypto.Tests.LogVerifierKeysTests): a server publishing them
    // must get a finding, not an ArgumentException from SignedNote.Open.
    [Fact]
    public async Task Verify_PublishedKeysWithClashingKeyIds_AreRefused()
    {
        var log = new FakeLog(3);
        log.Keys = $"{log.Ed25519.VerifierKey}\n{log.Sm2.VerifierKey}\n"
            + "registry.example/log+66ac9110+AabuvLRQLLU1wPYWmVG1EOy08TgfF83jpveSnQTuD69+\n"
            + "registry.example/log+66ac9110+AQDxTBfEhcSjGkF0Bm7e+y88520X31egXFDN83fRksJU\n";

        var (result, _) = await Verify(log);

        Assert.StartsWith("keys: the keys the log publishes are refused: two different keys are both registry.example/log+66ac9110",
            Assert.Single(result.Findings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnreadableLog_ReportsTheReadFailureWithoutFindings()
    {
        var log = new FakeLog(300) { DeleteSupersededPartials = true };
        log.Append(300); // the partial tiles of size 300 are superseded and deleted; the fake has no fallback

        var (result, _) = await Verify(log);

        Assert.Empty(result.Findings);
        Assert.Equal("couldn't fetch tile/0/001.p/44: 404 Not Found", result.ReadFailure);
        Assert.False(result.IsVerified);
    }

    internal static async Task<(LogVerification Result, string Progress)> Verify(ILogReader log, LogVerifierKeys? pinned = null, SavedLogState? previous = null)
    {
        using var progress = new StringWriter();
        var result = await new LogVerifier(log, progress).VerifyAsync(pinned, previous, TestContext.Current.CancellationToken);
        return (result, progress.ToString());
    }

    internal static Func<string, byte[], byte[]> FlipByte(string path, int offset) =>
        (served, body) =>
        {
            if (served != path)
            {
                return body;
            }

            var copy = body.ToArray();
            copy[offset] ^= 0x01;
            return copy;
        };

    internal static byte[] ReplaceEntry(byte[] bundle, int position, Func<byte[], byte[]> change)
    {
        var entries = new List<byte[]>();
        for (var offset = 0; offset < bundle.Length;)
        {
            var length = (bundle[offset] << 8) | bundle[offset + 1];
            entries.Add(bundle[(offset + 2)..(offset + 2 + length)]);
            offset += 2 + length;
        }

        entries[position] = change(entries[position]);
        return EntryBundle.Join(entries);
    }

    internal static byte[] Swap(byte[] entry, string from, string to)
    {
        var text = Encoding.UTF8.GetString(entry);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    private static byte[] Resize(byte[] bytes, int length)
    {
        var resized = new byte[length];
        bytes.AsSpan(0, Math.Min(length, bytes.Length)).CopyTo(resized);
        return resized;
    }

    private static string Single(LogVerification result, string subject) =>
        Assert.Single(result.Findings, finding => finding.Subject == subject).Message;
}
