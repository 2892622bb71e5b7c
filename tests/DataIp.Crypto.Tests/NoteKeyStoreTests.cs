using System.Runtime.Versioning;

namespace DataIp.Crypto.Tests;

public sealed class NoteKeyStoreTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new();

    public static TheoryData<NoteKeyAlgorithm> Algorithms => NoteSignerTests.Algorithms;

    private string KeyDirectory => _temporary.File("data/keys");

    public void Dispose() => _temporary.Dispose();

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void LoadOrCreate_FirstUse_WritesPrivateAndPublicKeyFiles(NoteKeyAlgorithm algorithm)
    {
        var signer = NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", algorithm);

        var privatePath = Path.Combine(KeyDirectory, NoteKeyStore.PrivateKeyFileName(algorithm));
        var publicPath = Path.Combine(KeyDirectory, NoteKeyStore.PublicKeyFileName(algorithm));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", File.ReadAllText(privatePath));
        Assert.Equal(signer.VerifierKey.ToPublicKeyPem(), File.ReadAllText(publicPath));
        Assert.Equal(algorithm, signer.VerifierKey.Algorithm);
        Assert.Equal("registry.example/log", signer.Name);
        Assert.Equal([NoteKeyStore.PrivateKeyFileName(algorithm), NoteKeyStore.PublicKeyFileName(algorithm)], Directory.GetFiles(KeyDirectory).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(NoteKeyAlgorithm.Ed25519, "log-ed25519.pem", "log-ed25519.pub.pem")]
    [InlineData(NoteKeyAlgorithm.Sm2, "log-sm2.pem", "log-sm2.pub.pem")]
    public void FileNames_AreTheDocumentedOnes(NoteKeyAlgorithm algorithm, string privateName, string publicName)
    {
        Assert.Equal((privateName, publicName), (NoteKeyStore.PrivateKeyFileName(algorithm), NoteKeyStore.PublicKeyFileName(algorithm)));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void LoadOrCreate_SecondUse_LoadsTheSameKey(NoteKeyAlgorithm algorithm)
    {
        var first = NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", algorithm);

        var second = NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", algorithm);

        Assert.Equal(first.VerifierKey, second.VerifierKey);
        Assert.True(first.VerifierKey.CreateVerifier().Verify("m"u8, second.Sign("m"u8)));
    }

    [Fact]
    public void LoadOrCreate_BothAlgorithms_KeepSeparateKeys()
    {
        var ed25519 = NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", NoteKeyAlgorithm.Ed25519);
        var sm2 = NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", NoteKeyAlgorithm.Sm2);

        Assert.Equal(NoteKeyAlgorithm.Ed25519, ed25519.VerifierKey.Algorithm);
        Assert.Equal(NoteKeyAlgorithm.Sm2, sm2.VerifierKey.Algorithm);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void LoadOrCreate_MissingOrStalePublicFile_IsRewritten(NoteKeyAlgorithm algorithm)
    {
        var signer = NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", algorithm);
        var publicPath = Path.Combine(KeyDirectory, NoteKeyStore.PublicKeyFileName(algorithm));

        File.Delete(publicPath);
        NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", algorithm);
        var afterDelete = File.ReadAllText(publicPath);
        File.WriteAllText(publicPath, "stale");
        NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", algorithm);

        Assert.Equal(signer.VerifierKey.ToPublicKeyPem(), afterDelete);
        Assert.Equal(signer.VerifierKey.ToPublicKeyPem(), File.ReadAllText(publicPath));
    }

    [Fact]
    public void LoadOrCreate_ConcurrentFirstStarts_AgreeOnOneKey()
    {
        // The race is narrow (between the existence check and the move), so one round rarely shows
        // it: File.Move(overwrite: false) lost it about once in a full CI run. Fifty rounds of eight
        // lost it within seconds, and with link(2) never.
        for (var round = 0; round < 50; round++)
        {
            var directory = Path.Combine(KeyDirectory, round.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var keys = new NoteVerifierKey[8];
            using var start = new Barrier(keys.Length);

            Parallel.For(0, keys.Length, new ParallelOptions { MaxDegreeOfParallelism = keys.Length }, i =>
            {
                start.SignalAndWait();
                keys[i] = NoteKeyStore.LoadOrCreate(directory, "registry.example/log", NoteKeyAlgorithm.Ed25519).VerifierKey;
            });

            Assert.Single(keys.Distinct());
            Assert.Equal(keys[0].ToPublicKeyPem(), NoteKeyStore.LoadOrCreate(directory, "registry.example/log", NoteKeyAlgorithm.Ed25519).VerifierKey.ToPublicKeyPem());
            Assert.Equal(2, Directory.GetFiles(directory).Length);
        }
    }

    [Fact]
    public void NoReplaceMove_ExistingDestination_IsKeptAndTheSourceStays()
    {
        Directory.CreateDirectory(KeyDirectory);
        var source = Path.Combine(KeyDirectory, "new");
        var destination = Path.Combine(KeyDirectory, "existing");
        File.WriteAllText(source, "new");
        File.WriteAllText(destination, "existing");

        Assert.False(NoReplaceMove.TryMove(source, destination));
        Assert.Equal("existing", File.ReadAllText(destination));
        Assert.Equal("new", File.ReadAllText(source));

        File.Delete(destination);
        Assert.True(NoReplaceMove.TryMove(source, destination));
        Assert.Equal("new", File.ReadAllText(destination));
        Assert.False(File.Exists(source));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_OnUnix_FilesAndDirectoryAreOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");

        NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", NoteKeyAlgorithm.Sm2);

        const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeyDirectory));
        Assert.Equal(ReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(KeyDirectory)!));
        Assert.All(Directory.GetFiles(KeyDirectory), file => Assert.Equal(ReadWrite, File.GetUnixFileMode(file)));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.OtherExecute)]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_KeyFileOpenToGroupOrOthers_IsRefusedWithAClearMessage(UnixFileMode extra)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", NoteKeyAlgorithm.Ed25519);
        var privatePath = Path.Combine(KeyDirectory, "log-ed25519.pem");
        File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var error = Assert.Throws<InvalidOperationException>(() => NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", NoteKeyAlgorithm.Ed25519));

        Assert.Contains(privatePath, error.Message);
        Assert.Contains($"chmod 600 {privatePath}", error.Message);
    }

    [Fact]
    public void LoadOrCreate_FileOfOtherAlgorithm_IsRefused()
    {
        Directory.CreateDirectory(KeyDirectory);
        var privatePath = Path.Combine(KeyDirectory, "log-ed25519.pem");
        File.WriteAllText(privatePath, NoteKeyStore.ToPrivateKeyPem(Sm2NoteSigner.Generate("x")));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var error = Assert.Throws<InvalidOperationException>(() => NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", NoteKeyAlgorithm.Ed25519));

        Assert.Contains("Sm2", error.Message);
    }

    [Fact]
    public void LoadOrCreate_GarbageKeyFile_IsRefusedNamingTheFile()
    {
        Directory.CreateDirectory(KeyDirectory);
        var privatePath = Path.Combine(KeyDirectory, "log-sm2.pem");
        File.WriteAllText(privatePath, "not a key");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var error = Assert.Throws<InvalidOperationException>(() => NoteKeyStore.LoadOrCreate(KeyDirectory, "registry.example/log", NoteKeyAlgorithm.Sm2));

        Assert.Contains(privatePath, error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void FromPem_ExportedKey_GivesTheSameSigner(NoteKeyAlgorithm algorithm)
    {
        var signer = NoteSignerTests.Generate(algorithm, "registry.example/log");

        var loaded = NoteKeyStore.FromPem("registry.example/log", NoteKeyStore.ToPrivateKeyPem(signer));

        Assert.Equal(signer.VerifierKey, loaded.VerifierKey);
    }

    [Fact]
    public void ToPrivateKeyPem_Ed25519_IsPkcs8Version1AsOpenSslWrites()
    {
        // OpenSSL 3.0 cannot read BouncyCastle's default, a version 2 key with the public key in it.
        var pem = NoteKeyStore.ToPrivateKeyPem(GoNoteVectors.PeterSigner);

        var der = Convert.FromBase64String(pem[System.Security.Cryptography.PemEncoding.Find(pem).Base64Data]);

        Assert.Equal([.. Convert.FromHexString("302e020100300506032b657004220420"), .. Convert.FromBase64String(GoNoteVectors.PeterSignerKeyData)[1..]], der);
    }

    [Fact]
    public void FromPem_GoPeterNeumannSeedAsPkcs8_HasGoKey()
    {
        // RFC 8410 §7: PKCS#8 for Ed25519 is this 16-byte prefix followed by the 32-byte seed.
        byte[] der = [.. Convert.FromHexString("302e020100300506032b657004220420"), .. Convert.FromBase64String(GoNoteVectors.PeterSignerKeyData)[1..]];
        var pem = System.Security.Cryptography.PemEncoding.WriteString("PRIVATE KEY", der);

        var signer = NoteKeyStore.FromPem("PeterNeumann", pem);

        Assert.Equal(GoNoteVectors.PeterVerifierKey, signer.VerifierKey.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGlzZBxQ8OExB6DDFvOEqqIF+xWSaqr8sMTiLNbLXRNY=\n-----END PUBLIC KEY-----\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    public void FromPem_NotAPrivateKey_ThrowsFormatException(string pem)
    {
        Assert.Throws<FormatException>(() => NoteKeyStore.FromPem("registry.example/log", pem));
    }

    [Fact]
    public void FromPem_EncryptedKey_SaysHowToConvert()
    {
        var error = Assert.Throws<FormatException>(() => NoteKeyStore.FromPem("log", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"));

        Assert.Contains("openssl pkey", error.Message);
    }

    [Fact]
    public void FromPem_P256Key_IsRefused()
    {
        using var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<FormatException>(() => NoteKeyStore.FromPem("log", p256.ExportPkcs8PrivateKeyPem()));

        Assert.Contains("SM2", error.Message);
    }
}
