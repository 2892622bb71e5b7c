namespace DataIp.Web.Infrastructure;

/// <summary>
/// Settings of one platform node, bound from the <c>DataIp</c> configuration section
/// (appsettings, environment <c>DataIp__DataDirectory</c>, or <c>--DataIp:DataDirectory=…</c>).
/// </summary>
public sealed class PlatformOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DataIp";

    /// <summary>
    /// Where the SQLite file, keys and attachments live. Made absolute at start (see
    /// <c>Startup.ResolveDataDirectory</c>): relative to the working directory, or to the repository
    /// root when run from the source tree.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite (default) or Postgres.</summary>
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (ignored for SQLite unless set).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether to seed the demo data (set by <c>--demo</c>).</summary>
    public bool Demo { get; set; }

    /// <summary>How often the lifecycle job looks for ended notices and lapsed corrections.</summary>
    public TimeSpan LifecycleSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the lifecycle job runs in the background (tests drive it by hand).</summary>
    public bool RunLifecycleJob { get; set; } = true;

    /// <summary>
    /// E-mail of the first national administrator, created at start when no administrator exists
    /// (with <see cref="BootstrapAdministratorPassword"/>). How a fresh installation gets its first
    /// account; leave unset afterwards.
    /// </summary>
    public string? BootstrapAdministratorEmail { get; set; }

    /// <summary>Password of the bootstrap administrator.</summary>
    public string? BootstrapAdministratorPassword { get; set; }

    /// <summary>
    /// The log's origin: the first line of every checkpoint and the name of the log's keys. One per
    /// node; never change it once checkpoints are published.
    /// </summary>
    public string LogOrigin { get; set; } = "dataip.localhost/log";

    private string? _issuerDid;

    /// <summary>
    /// The DID that issues certificate credentials and controls their keys (docs/credential.md):
    /// by default <c>did:web:</c> and the host of <see cref="LogOrigin"/> (a port written
    /// <c>%3A</c>), which resolves to <c>https://&lt;host&gt;/.well-known/did.json</c>.
    /// </summary>
    public string IssuerDid
    {
        get => _issuerDid ?? "did:web:" + LogOrigin.Split('/')[0].Replace(":", "%3A", StringComparison.Ordinal);
        set => _issuerDid = value;
    }

    /// <summary>
    /// Where the public reaches this node: the certificate's QR code opens
    /// <c>{PublicBaseUrl}verify/{certificate number}</c>, and the credential's URLs start here.
    /// Unset (the default): the first address the node listens on (<see cref="PublicAddress"/>),
    /// printed at start as "Public base URL". Set it before the first registration when the public
    /// reaches the node elsewhere (a proxy, a domain name); certificates already issued keep the
    /// URLs they were signed with.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How often the certificate status index reads the acts appended since (by any node sharing
    /// the database): the longest a status change made on another node takes to show in
    /// <c>GET /api/v1/certificates/{n}/status</c> here. Acts of this node show at once.
    /// </summary>
    public TimeSpan CertificateStatusRefreshInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Certificates: font and seals (docs/certificate.md).</summary>
    public CertificateOptions Certificates { get; set; } = new();

    /// <summary>How often the sequencer integrates new entries and signs a checkpoint.</summary>
    public TimeSpan LogPublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether this node runs the sequencer (tests drive it by hand).</summary>
    public bool RunLogSequencer { get; set; } = true;

    /// <summary>Witnessing: the logs this node cosigns and the witnesses its own log asks (docs/transparency-log.md).</summary>
    public WitnessOptions Witness { get; set; } = new();

    /// <summary>Evidence: when examiners and earlier holders are told of overlapping datasets.</summary>
    public EvidenceOptions Evidence { get; set; } = new();

    /// <summary>Webhooks: how the dispatcher sends and retries (docs/notifications.md).</summary>
    public WebhookOptions Webhooks { get; set; } = new();

    /// <summary>How the data-protection key ring is kept at rest (docs/operations.md, "Keys at rest").</summary>
    public KeyRingOptions DataProtection { get; set; } = new();

    /// <summary>Accounts: token lifetimes, the password policy and sign-in rate limits.</summary>
    public AccountOptions Accounts { get; set; } = new();

    /// <summary>Open data: the publisher and the licence for reuse (docs/open-data.md).</summary>
    public Features.OpenData.OpenDataOptions OpenData { get; set; } = new();

    /// <summary>The absolute data directory.</summary>
    public string DataDirectoryPath => Path.GetFullPath(DataDirectory);

    /// <summary>The database to use.</summary>
    public DatabaseOptions Database => DatabaseProvider switch
    {
        DatabaseProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) => DatabaseOptions.SqliteIn(DataDirectoryPath),
        DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(ConnectionString) =>
            throw new InvalidOperationException("DataIp:DatabaseProvider is Postgres but DataIp:ConnectionString is empty; set it to a PostgreSQL connection string."),
        _ => new DatabaseOptions(DatabaseProvider, ConnectionString!),
    };
}

/// <summary>
/// The <c>DataIp:Witness</c> settings. As a witness (c2sp.org/tlog-witness) the node cosigns the
/// checkpoints of the <see cref="Logs"/>; as a log it asks the witnesses at <see cref="CosignerUrls"/>
/// to cosign its own checkpoints and keeps the cosignatures that verify with <see cref="CosignerKeys"/>.
/// </summary>
public sealed class WitnessOptions
{
    /// <summary>
    /// The witness's name, written in its cosignature lines (a schema-less URL). Default: the log
    /// origin with a last path segment <c>log</c> replaced by <c>witness</c>
    /// (<c>dataip.localhost/witness</c>), otherwise the origin followed by <c>/witness</c>.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// The verifier keys (signed-note format) of the logs this node witnesses; each log's origin is
    /// its keys' name. A log with two keys (Ed25519 and SM2) may list both.
    /// </summary>
    public List<string> Logs { get; set; } = [];

    /// <summary>The witnesses this node's log asks for cosignatures: their submission prefix (<c>…/add-checkpoint</c> is appended).</summary>
    public List<string> CosignerUrls { get; set; } = [];

    /// <summary>Their cosignature verifier keys (type 0x04), one per URL, in the same order.</summary>
    public List<string> CosignerKeys { get; set; } = [];

    /// <summary>How long one request to a witness may take.</summary>
    public TimeSpan CosignerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The configured name, or the default derived from <paramref name="logOrigin"/>.</summary>
    public string NameFor(string logOrigin)
    {
        ArgumentNullException.ThrowIfNull(logOrigin);
        return !string.IsNullOrWhiteSpace(Name) ? Name
            : logOrigin.EndsWith("/log", StringComparison.Ordinal) ? logOrigin[..^"log".Length] + "witness"
            : logOrigin + "/witness";
    }
}

/// <summary>The <c>DataIp:Certificates</c> settings (docs/certificate.md).</summary>
public sealed class CertificateOptions
{
    /// <summary>
    /// A TrueType font with Chinese glyphs (.ttf, .otf or .ttc). Unset: Debian's
    /// fonts-wqy-microhei or fonts-wqy-zenhei. The platform refuses to start without one.
    /// </summary>
    public string? FontPath { get; set; }

    /// <summary>
    /// Each registration body's seal: body code → path of a PNG or JPEG (transparent
    /// background advised), e.g. <c>DataIp:Certificates:Seals:4400=/srv/dataip/seals/4400.png</c>.
    /// </summary>
    public Dictionary<string, string> Seals { get; set; } = [];

    /// <summary>
    /// Whether a body without a configured seal gets the generated placeholder marked
    /// "DEMO 样章" (always so with <c>--demo</c>). Off by default: a production certificate PDF is
    /// refused (503) rather than issued without its body's seal.
    /// </summary>
    public bool PlaceholderSeal { get; set; }
}

/// <summary>The <c>DataIp:Evidence</c> settings (docs/examiner.md, "Overlapping datasets").</summary>
public sealed class EvidenceOptions
{
    /// <summary>
    /// The estimated similarity (Jaccard, 0–1) from which a registered dataset counts as
    /// overlapping a new application's; default 0.4. Examiners see every overlap at or above
    /// it, and earlier holders are notified when the new application goes to public notice.
    /// An estimate from 128 values has a standard deviation of about 0.044 at 0.5, so 0.4 reports
    /// datasets whose true similarity is 0.5 or more about 98% of the time.
    /// </summary>
    public double OverlapThreshold { get; set; } = 0.4;

    /// <summary>At most this many overlaps are reported for one application; default 20.</summary>
    public int OverlapLimit { get; set; } = 20;
}

/// <summary>The <c>DataIp:Webhooks</c> settings (docs/notifications.md, "Webhooks").</summary>
public sealed class WebhookOptions
{
    /// <summary>The retry delays when none are configured: 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, 24 h.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24),
    ];

    /// <summary>Whether this node runs the dispatcher (tests drive it by hand).</summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>How often the dispatcher looks for deliveries due; default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one POST to a receiver may take; default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a dispatcher holds a delivery it claimed; default 1 min. Longer than
    /// <see cref="Timeout"/>, so that no other node sends it while the attempt is under way.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The delay before each retry after a failed attempt, e.g. <c>DataIp:Webhooks:RetryDelays:0=00:00:05</c>;
    /// a delivery fails for good after one more attempt than there are delays. Unset: <see cref="DefaultRetryDelays"/>.
    /// </summary>
    public List<TimeSpan>? RetryDelays { get; set; }

    /// <summary>How many receivers are sent to at the same time; default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Networks that may receive webhooks although they are not on the public internet (private,
    /// loopback, link-local, …), in CIDR notation or as single addresses, e.g.
    /// <c>DataIp:Webhooks:AllowedPrivateNetworks:0=10.20.0.0/16</c>. Empty by default: receivers
    /// must resolve to global addresses only (docs/notifications.md, "Which receivers").
    /// </summary>
    public List<string> AllowedPrivateNetworks { get; set; } = [];

    /// <summary>
    /// Whether receivers may be plain <c>http</c> URLs; default false, so only <c>https</c> outside
    /// the Development environment (where plain http is always allowed).
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>The retry delays in force.</summary>
    public IReadOnlyList<TimeSpan> Delays => RetryDelays is { Count: > 0 } delays ? delays : DefaultRetryDelays;
}
