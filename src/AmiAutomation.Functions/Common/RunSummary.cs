namespace AmiAutomation.Functions.Common;

/// <summary>
/// The JSON every sweep function returns (and logs as its last line): what was planned, what happened, and why.
/// Exactly one of <see cref="Completed"/> and <see cref="StoppedEarly"/> is true.
/// </summary>
public sealed record RunSummary
{
    /// <summary>How many decisions <see cref="Decisions"/> lists at most; counts always cover all of them.</summary>
    public const int MaxListedDecisions = 100;

    public required string Function { get; init; }
    public required string Region { get; init; }
    public required string RunId { get; init; }
    public string Source { get; init; } = "manual";
    public required bool DryRun { get; init; }

    /// <summary><c>succeeded</c>, <c>partial</c>, <c>failed</c> or <c>blocked</c> (see <see cref="RunStatus"/>).</summary>
    public string Status { get; init; } = RunStatus.Succeeded;

    /// <summary>Every planned action was attempted (or the run was aborted on purpose, see <see cref="DestructiveRunAborted"/>).</summary>
    public bool Completed { get; init; }

    /// <summary>The deadline stopped the run; the rest is <c>not-started</c> and the next run picks it up.</summary>
    public bool StoppedEarly { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Action → primary reason → number of images, e.g. <c>{"Deprecate":{"OlderThanMaxAge":3},"None":{"InUse":2}}</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, int>>();

    /// <summary>Outcome (see <see cref="OutcomeNames"/>) → number of images.</summary>
    public IReadOnlyDictionary<string, int> Outcomes { get; init; } = new Dictionary<string, int>();

    public int TotalDecisions { get; init; }

    /// <summary>The first <see cref="MaxListedDecisions"/> decisions, actions first.</summary>
    public IReadOnlyList<DecisionSummary> Decisions { get; init; } = [];

    public bool DecisionsTruncated { get; init; }

    /// <summary>Inventory sources that failed or looked truncated; non-empty means nothing destructive ran.</summary>
    public IReadOnlyList<SourceFailure> FailedSources { get; init; } = [];

    /// <summary>
    /// Candidates first: which images the per-image references (DescribeImageReferences) were read for, e.g. "read for
    /// 37 of 1204 images …"; the other images are kept whatever those references say, so their reasons may be partial
    /// (no in-use reason from that source). Null when every image was read or the source is switched off.
    /// </summary>
    public string? ReferenceCoverage { get; init; }

    /// <summary>A safety check stopped every further destructive action (e.g. the Recycle Bin did not keep the image).</summary>
    public bool DestructiveRunAborted { get; init; }

    public string? AbortReason { get; init; }

    /// <summary>A safety gate refused the run before anything destructive (Recycle Bin latch or preflight, run lease).</summary>
    public string? BlockedReason { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Image ids a manual run named that are not among this account's images in the region: they do not
    /// exist here (NotFound) or another account owns them (NotOwned); nothing was done to them.</summary>
    public IReadOnlyList<string> UnmatchedImageIds { get; init; } = [];

    /// <summary>How the run was configured, where it weakens a safety check: e.g. <see cref="CommonSettings.NoInUseCheckWarning"/>.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Expire only: the Recycle Bin latch as the run left it ("set …" blocks every later run; "cleared …").</summary>
    public string? Latch { get; init; }

    /// <summary>Expire only: what the deregistrations released.</summary>
    public DeregistrationTotals? Deregistration { get; init; }
}
