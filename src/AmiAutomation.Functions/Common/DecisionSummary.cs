namespace AmiAutomation.Functions.Common;

/// <summary>One image's line in a <see cref="RunSummary"/>.</summary>
public sealed record DecisionSummary
{
    public required string ImageId { get; init; }
    public required string Name { get; init; }
    public required string Family { get; init; }

    /// <summary>The <see cref="AmiAutomation.Core.Planning.DecisionAction"/> name; <c>None</c> when skipped.</summary>
    public required string Action { get; init; }

    /// <summary>The primary <see cref="AmiAutomation.Core.Planning.ReasonCode"/> name.</summary>
    public required string Reason { get; init; }

    /// <summary>Every reason as <c>Code: detail</c>.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>See <see cref="OutcomeNames"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The EC2 error code when <see cref="Outcome"/> is <c>failed</c>.</summary>
    public string? ErrorCode { get; init; }

    public string? Detail { get; init; }

    public DateTimeOffset? DeprecateAt { get; init; }

    /// <summary>Deregistrations: snapshots EC2 did not delete (shared with another AMI, in use, no permission).</summary>
    public IReadOnlyList<SnapshotNotDeleted>? SnapshotsNotDeleted { get; init; }
}
