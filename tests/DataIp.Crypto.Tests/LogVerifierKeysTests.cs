namespace DataIp.Crypto.Tests;

/// <summary>The one reader of a log's key set: lines, names, duplicates, clashes, required algorithms.</summary>
public sealed class LogVerifierKeysTests
{
    private const string Origin = "registry.example/log";

    // Two Ed25519 keys whose key IDs collide, a 32-bit birthday collision found by a throwaway
    // program: `var seen = new Dictionary<uint, NoteVerifierKey>();` then, in a loop,
    // `var key = Ed25519NoteSigner.Generate("registry.example/log").VerifierKey;` until
    // `seen.TryGetValue(key.KeyId, out var other)` (after 63,648 keys), printing other and key.
    private const string ClashA = "registry.example/log+66ac9110+AabuvLRQLLU1wPYWmVG1EOy08TgfF83jpveSnQTuD69+";
    private const string ClashB = "registry.example/log+66ac9110+AQDxTBfEhcSjGkF0Bm7e+y88520X31egXFDN83fRksJU";

    private static readonly Ed25519NoteSigner Ed25519 = Ed25519NoteSigner.Generate(Origin);
    private static readonly Sm2NoteSigner Sm2 = Sm2NoteSigner.Generate(Origin);

    [Fact]
    public void TryParse_PublishedKeysWithCommentsAndBlankLines_ReadsThemInOrder()
    {
        var text = $"# the registry's keys\n\n  {Ed25519.VerifierKey}\t\r\n{Sm2.VerifierKey}\n";

        Assert.True(LogVerifierKeys.TryParse(text, LogVerifierKeys.DataIpAlgorithms, out var keys, out var error), error);

        Assert.Equal(Origin, keys.Origin);
        Assert.Equal([Ed25519.VerifierKey, Sm2.VerifierKey], keys.Keys);
        Assert.Equal($"{Ed25519.VerifierKey}\n{Sm2.VerifierKey}\n", keys.ToString());
    }

    [Fact]
    public void TryParse_SameKeyTwice_CountsOnce()
    {
        var text = $"{Ed25519.VerifierKey}\n{Sm2.VerifierKey}\n{Ed25519.VerifierKey}\n";

        Assert.True(LogVerifierKeys.TryParse(text, LogVerifierKeys.DataIpAlgorithms, out var keys, out var error), error);

        Assert.Equal(2, keys.Keys.Count);
    }

    [Theory]
    [InlineData("", "there are no keys")]
    [InlineData("# only a comment\n\n", "there are no keys")]
    [InlineData("{ed}\nregistry.example/log+00000000+AQ==\n", "line 2 is not a verifier key: ")]
    [InlineData("{sm2}\n{other}", "the keys have different names (registry.example/log, other.example/log)")]
    [InlineData("{ed}", "there is no SM2 key; a log signs with Ed25519 and SM2")]
    [InlineData("{sm2}", "there is no Ed25519 key; a log signs with Ed25519 and SM2")]
    [InlineData("{ed}\n{sm2}\n{clash}", "two different keys are both registry.example/log+66ac9110")]
    public void TryParse_NotALogsKeySet_IsRefusedSayingWhy(string template, string expected)
    {
        // Braces are not base64: no placeholder can appear inside a key put in before it.
        var text = template.Replace("{other}", Ed25519NoteSigner.Generate("other.example/log").VerifierKey.ToString(), StringComparison.Ordinal)
            .Replace("{clash}", $"{ClashA}\n{ClashB}", StringComparison.Ordinal)
            .Replace("{ed}", Ed25519.VerifierKey.ToString(), StringComparison.Ordinal)
            .Replace("{sm2}", Sm2.VerifierKey.ToString(), StringComparison.Ordinal);

        Assert.False(LogVerifierKeys.TryParse(text, LogVerifierKeys.DataIpAlgorithms, out _, out var error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    // Without the check, SignedNote.Open throws on two verifiers of one name and key ID.
    [Fact]
    public void TryParse_ClashingKeyIds_RefusedBeforeAnyNoteIsOpened()
    {
        Assert.Equal(NoteVerifierKey.Parse(ClashA).KeyId, NoteVerifierKey.Parse(ClashB).KeyId);
        Assert.Throws<ArgumentException>(() => SignedNote.Open("x\n\n— a AAAAAAA=\n", [NoteVerifierKey.Parse(ClashA).CreateVerifier(), NoteVerifierKey.Parse(ClashB).CreateVerifier()]));

        Assert.False(LogVerifierKeys.TryParse($"{ClashA}\n{ClashB}\n", [], out _, out var error));

        Assert.Contains("a verifier could not tell their signatures apart", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_PositionGiven_ErrorNamesIt()
    {
        Assert.False(LogVerifierKeys.TryParse([Ed25519.VerifierKey.ToString(), "nonsense"], [], i => $"DataIp:Witness:Logs:{i}", out _, out var error));

        Assert.StartsWith("DataIp:Witness:Logs:1 is not a verifier key: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseByOrigin_KeysOfSeveralLogs_OneSetPerOrigin()
    {
        var other = Ed25519NoteSigner.Generate("other.example/log").VerifierKey;
        string[] lines = [Ed25519.VerifierKey.ToString(), other.ToString(), Sm2.VerifierKey.ToString(), other.ToString()];

        Assert.True(LogVerifierKeys.TryParseByOrigin(lines, null, out var logs, out var error), error);

        Assert.Equal([Ed25519.VerifierKey, Sm2.VerifierKey], logs[Origin].Keys);
        Assert.Equal([other], logs["other.example/log"].Keys);
    }

    [Fact]
    public void SameKeys_AnyOrder_True()
    {
        Assert.True(LogVerifierKeys.TryParse($"{Ed25519.VerifierKey}\n{Sm2.VerifierKey}", [], out var one, out _));
        Assert.True(LogVerifierKeys.TryParse($"{Sm2.VerifierKey}\n{Ed25519.VerifierKey}", [], out var two, out _));
        Assert.True(LogVerifierKeys.TryParse($"{Sm2.VerifierKey}", [], out var three, out _));

        Assert.True(one.SameKeys(two));
        Assert.False(one.SameKeys(three));
        Assert.Equal(Sm2.VerifierKey, one.Find(Origin, Sm2.VerifierKey.KeyId));
        Assert.Null(one.Find("other.example/log", Sm2.VerifierKey.KeyId));
    }
}
