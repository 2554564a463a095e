namespace AmiAutomation.Functions.Restore;

/// <summary>
/// What the restore function returns (and logs as its last line). <c>list</c>: <see cref="Images"/>. A restore:
/// <see cref="ImageId"/>, <see cref="Status"/>, <see cref="Steps"/> and <see cref="Notes"/>; a <c>partial</c> status
/// means "call again to resume".
/// </summary>
public sealed record RestoreOutput
{
    public required string Function { get; init; }
    public required string Region { get; init; }
    public required string RequestId { get; init; }

    /// <summary><c>list</c>, <c>restore</c>, <c>enable</c> or <c>on-demand</c> (a failed-launch event).</summary>
    public required string Action { get; init; }

    public required bool DryRun { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>One line for a human: what happened and what to do next.</summary>
    public required string Message { get; init; }

    /// <summary>The request as understood, e.g. <c>name 'web-2024-05-01'</c>.</summary>
    public string? Target { get; init; }

    public string? ImageId { get; init; }
    public string? Name { get; init; }
    public string? Family { get; init; }

    /// <summary>The run's verdict shared by every function (see <see cref="Common.RunStatus"/>): <c>succeeded</c>,
    /// <c>partial</c>, <c>failed</c> or <c>blocked</c>. <see cref="Status"/> keeps restore's own, finer word.</summary>
    public string RunStatus { get; init; } = Common.RunStatus.Succeeded;

    /// <summary>Why a gate refused the run (another destructive run holds the lease).</summary>
    public string? BlockedReason { get; init; }

    /// <summary><c>restored</c>, <c>already-restored</c>, <c>already-available</c>, <c>partial</c>, <c>dry-run</c> or <c>failed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>True when the call stopped part-way (deadline, throttling): call again to resume.</summary>
    public bool? Partial { get; init; }

    /// <summary><c>Ledger</c> or <c>Description</c>: where the snapshot list came from.</summary>
    public string? SnapshotSource { get; init; }

    public int? SnapshotsRestored { get; init; }
    public bool? ImageRestored { get; init; }
    public IReadOnlyList<RestoreStepLine>? Steps { get; init; }
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>The <c>list</c> action: every AMI in the bin, most recently deregistered first.</summary>
    public IReadOnlyList<RecycleBinImageLine>? Images { get; init; }

    public int? Count { get; init; }

    /// <summary>The <c>enable</c> action: one line per image.</summary>
    public IReadOnlyList<EnableLine>? Enabled { get; init; }

    /// <summary>Self-healing (<c>on-demand</c>): who needed the image (caller ARN or Auto Scaling group).</summary>
    public string? NeededBy { get; init; }

    /// <summary>Self-healing: the EventBridge event id.</summary>
    public string? EventId { get; init; }

    /// <summary>Self-healing: each needed image, what was decided and how it went.</summary>
    public IReadOnlyList<OnDemand.OnDemandImageLine>? OnDemand { get; init; }
}
