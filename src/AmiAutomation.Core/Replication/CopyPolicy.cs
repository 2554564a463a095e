namespace AmiAutomation.Core.Replication;

/// <summary>
/// What the copy function copies where, and how. Built once from the environment (CopySettings); the planners
/// only read it.
/// </summary>
public sealed record CopyPolicy
{
    public const int DefaultMaxAttempts = 3;
    public static readonly TimeSpan DefaultStuckAfter = TimeSpan.FromMinutes(120);
    public static readonly TimeSpan DefaultReconcileLookback = TimeSpan.FromDays(14);
    public const int DefaultMaxStartsPerRun = 20;

    /// <summary>Regions every selected image is copied to when it has no <c>copy-to</c> tag. Empty: tag-driven only.</summary>
    public IReadOnlyList<string> TargetRegions { get; init; } = [];

    /// <summary>When non-empty, only these families are copied by policy (the <c>copy-to</c> tag always counts).</summary>
    public IReadOnlySet<string> Families { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>When set, only images carrying this tag are copied by policy.</summary>
    public CopyTagSelector? TagSelector { get; init; }

    /// <summary>Destination region → KMS key (ARN, id or alias in that region); a copy there is encrypted with it.</summary>
    public IReadOnlyDictionary<string, string> KmsKeys { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Copy images that are themselves copies (lineage tag or SourceImageId). Off: the loop guard.</summary>
    public bool AllowCopiesOfCopies { get; init; }

    /// <summary>Carry a public launch permission (group <c>all</c>) over to copies. Off: copies stay private.</summary>
    public bool AllowPublic { get; init; }

    /// <summary>CopyImage attempts per source and destination before giving up (first try included).</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>A copy still <c>pending</c> after this long is reported as stuck.</summary>
    public TimeSpan StuckAfter { get; init; } = DefaultStuckAfter;

    /// <summary>The reconciler starts first copies only for images created within this window; null = no limit.
    /// Events and manual requests ignore it.</summary>
    public TimeSpan? ReconcileLookback { get; init; } = DefaultReconcileLookback;

    /// <summary>At most this many CopyImage calls per run; the rest is deferred to the next run.</summary>
    public int MaxStartsPerRun { get; init; } = DefaultMaxStartsPerRun;

    /// <summary>Copy images managed by Data Lifecycle Manager by policy too (INCLUDE_MANAGED_BY=dlm); without it only a
    /// <c>copy-to</c> tag or a manual request copies them.</summary>
    public bool IncludeDataLifecycleManager { get; init; }

    /// <summary>Copy images built by EC2 Image Builder by policy too (INCLUDE_MANAGED_BY=imagebuilder).</summary>
    public bool IncludeImageBuilder { get; init; }

    /// <summary>When set, images owned by another account are never copied.</summary>
    public string? AccountId { get; init; }

    public string? KmsKeyFor(string region) => KmsKeys.TryGetValue(region, out var key) ? key : null;
}
