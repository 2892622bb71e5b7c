using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace DataIp.Crypto;

/// <summary>
/// The log's signing keys as PEM files that OpenSSL reads: in a key directory (normally
/// <c>{data directory}/keys</c>), <c>log-ed25519.pem</c> and <c>log-sm2.pem</c> hold the private keys
/// as unencrypted PKCS#8, and <c>log-ed25519.pub.pem</c> and <c>log-sm2.pub.pem</c> the public keys
/// as SubjectPublicKeyInfo. On Unix the directory is created owner-only (0700) and the files 0600,
/// and an existing private key file that its group or others may access is refused. Keys can also
/// come from configuration as PEM text (<see cref="FromPem"/>). Thread-safe; concurrent first
/// starts agree on one key (see <see cref="LoadOrCreate"/>).
/// </summary>
public static class NoteKeyStore
{
    private const string LogFilePrefix = "log";

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The private key file's name: <c>log-ed25519.pem</c> or <c>log-sm2.pem</c>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>The file name.</returns>
    public static string PrivateKeyFileName(NoteKeyAlgorithm algorithm) => $"{LogFilePrefix}-{FileStem(algorithm)}.pem";

    /// <summary>The public key file's name: <c>log-ed25519.pub.pem</c> or <c>log-sm2.pub.pem</c>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>The file name.</returns>
    public static string PublicKeyFileName(NoteKeyAlgorithm algorithm) => $"{LogFilePrefix}-{FileStem(algorithm)}.pub.pem";

    /// <summary>
    /// Loads the key of <paramref name="algorithm"/> from <paramref name="directory"/>, or on first use
    /// generates one and writes it there. The private key file is written to a temporary file and
    /// moved into place without overwriting, so it is either whole or absent, and when two processes
    /// start at once the second one's move fails and it loads the first one's key. The public key file
    /// is derived data: it is (re)written whenever it is missing or does not match the private key.
    /// </summary>
    /// <param name="directory">The key directory; created (owner-only) if missing.</param>
    /// <param name="keyName">The key name, normally the log's origin.</param>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentException">The key name is invalid.</exception>
    /// <exception cref="InvalidOperationException">The key file is accessible to group or others, or cannot be read or written.</exception>
    public static INoteSigner LoadOrCreate(string directory, string keyName, NoteKeyAlgorithm algorithm) =>
        LoadOrCreateWithPrefix(directory, keyName, algorithm, LogFilePrefix);

    /// <summary>
    /// <see cref="LoadOrCreate(string, string, NoteKeyAlgorithm)"/> with files named
    /// <c>&lt;prefix&gt;-ed25519.pem</c> and so on: the witness keeps its key as <c>witness-ed25519.pem</c>.
    /// </summary>
    internal static INoteSigner LoadOrCreateWithPrefix(string directory, string keyName, NoteKeyAlgorithm algorithm, string filePrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        NoteKeyName.ThrowIfInvalid(keyName, nameof(keyName));
        var privatePath = Path.Combine(directory, $"{filePrefix}-{FileStem(algorithm)}.pem");
        try
        {
            CreateOwnerOnlyDirectory(directory);
            var signer = File.Exists(privatePath)
                ? Load(privatePath, keyName, algorithm)
                : CreateOrLoadWinner(privatePath, keyName, algorithm);
            WritePublicKeyIfChanged(Path.Combine(directory, $"{filePrefix}-{FileStem(algorithm)}.pub.pem"), signer.VerifierKey.ToPublicKeyPem());
            return signer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidOperationException($"Couldn't load or create the {algorithm} note signing key {privatePath}: {e.Message}", e);
        }
    }

    /// <summary>Makes a signer from a PKCS#8 private key in PEM ("PRIVATE KEY"), e.g. from configuration or <c>openssl genpkey</c>.</summary>
    /// <param name="keyName">The key name, normally the log's origin.</param>
    /// <param name="privateKeyPem">PEM text holding an Ed25519 or SM2 private key.</param>
    /// <returns>An <see cref="Ed25519NoteSigner"/> or an <see cref="Sm2NoteSigner"/>, by the key's type.</returns>
    /// <exception cref="ArgumentException">The key name is invalid.</exception>
    /// <exception cref="FormatException">The PEM holds no Ed25519 or SM2 private key.</exception>
    public static INoteSigner FromPem(string keyName, string privateKeyPem)
    {
        NoteKeyName.ThrowIfInvalid(keyName, nameof(keyName));
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        return KeyPem.ReadPrivateKey(privateKeyPem) switch
        {
            Ed25519PrivateKeyParameters ed25519 => new Ed25519NoteSigner(keyName, ed25519),
            ECPrivateKeyParameters ec when Sm2.IsSm2Curve(ec.Parameters) && Sm2.IsValidPrivateKey(ec.D) => new Sm2NoteSigner(keyName, ec),
            ECPrivateKeyParameters => throw new FormatException("The EC private key is not a valid key of the SM2 curve sm2p256v1."),
            var other => throw new FormatException($"The private key is neither Ed25519 nor SM2 ({other.GetType().Name})."),
        };
    }

    /// <summary>The private key of a signer made here, as PKCS#8 PEM: what <see cref="LoadOrCreate"/> writes.</summary>
    /// <param name="signer">An <see cref="Ed25519NoteSigner"/> or <see cref="Sm2NoteSigner"/>.</param>
    /// <returns>The PEM text, ending in a newline.</returns>
    /// <exception cref="ArgumentException">The signer is of another type.</exception>
    public static string ToPrivateKeyPem(INoteSigner signer) => KeyPem.WritePrivateKey(PrivateKeyOf(signer));

    private static INoteSigner Load(string path, string keyName, NoteKeyAlgorithm algorithm)
    {
        ThrowIfGroupOrOtherMayAccess(path);
        var signer = FromPem(keyName, File.ReadAllText(path));
        if (signer.VerifierKey.Algorithm != algorithm)
        {
            throw new FormatException($"The file holds an {signer.VerifierKey.Algorithm} key, not an {algorithm} key.");
        }

        return signer;
    }

    private static INoteSigner CreateOrLoadWinner(string privatePath, string keyName, NoteKeyAlgorithm algorithm)
    {
        INoteSigner signer = algorithm switch
        {
            NoteKeyAlgorithm.Ed25519 => Ed25519NoteSigner.Generate(keyName),
            NoteKeyAlgorithm.Sm2 => Sm2NoteSigner.Generate(keyName),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a note key algorithm."),
        };
        var temporary = WriteTemporary(privatePath, ToPrivateKeyPem(signer));
        try
        {
            // Another process may have created the key between our check and our move: its key wins.
            return NoReplaceMove.TryMove(temporary, privatePath) ? signer : Load(privatePath, keyName, algorithm);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WritePublicKeyIfChanged(string path, string pem)
    {
        if (File.Exists(path) && File.ReadAllText(path) == pem)
        {
            return;
        }

        var temporary = WriteTemporary(path, pem);
        File.Move(temporary, path, overwrite: true);
    }

    // A new file beside the target, owner-only from its creation (never briefly world-readable), flushed to disk.
    private static string WriteTemporary(string path, string contents)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        return temporary;
    }

    private static void ThrowIfGroupOrOtherMayAccess(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            throw new InvalidOperationException(
                $"The key file {path} may be accessed by its group or others (mode {Convert.ToString((int)mode, 8)}); " +
                $"a private key must be readable by its owner only. Fix it with: chmod 600 {path}");
        }
    }

    private static void CreateOwnerOnlyDirectory(string directory)
    {
        // Parents first: CreateDirectory applies the mode only to what it creates. An existing
        // directory keeps its mode; the files in it are owner-only in any case.
        var missing = new Stack<string>();
        for (var current = Path.GetFullPath(directory); !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, OwnerOnlyDirectory);
            }
        }
    }

    private static AsymmetricKeyParameter PrivateKeyOf(INoteSigner signer) => signer switch
    {
        Ed25519NoteSigner ed25519 => ed25519.PrivateKey,
        Sm2NoteSigner sm2 => sm2.PrivateKey,
        null => throw new ArgumentNullException(nameof(signer)),
        _ => throw new ArgumentException($"Only this library's signers can be exported, not {signer.GetType().Name}.", nameof(signer)),
    };

    private static string FileStem(NoteKeyAlgorithm algorithm) => algorithm switch
    {
        NoteKeyAlgorithm.Ed25519 => "ed25519",
        NoteKeyAlgorithm.Sm2 => "sm2",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a note key algorithm."),
    };
}
