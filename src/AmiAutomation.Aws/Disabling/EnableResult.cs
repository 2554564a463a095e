using AmiAutomation.Core.Images;

namespace AmiAutomation.Aws.Disabling;

/// <summary>What <see cref="DisabledImageEnabler"/> did (or, in a dry run, would do) for one image.</summary>
public sealed record EnableResult
{
    public required string ImageId { get; init; }
    public required string Region { get; init; }
    public required EnableOutcome Outcome { get; init; }

    /// <summary>Launch permissions added back (in a dry run: that would be added).</summary>
    public IReadOnlyList<LaunchPermission> LaunchPermissionsReapplied { get; init; } = [];

    /// <summary>Recorded launch permissions not re-applied on purpose (public without RESTORE_ALLOW_PUBLIC).</summary>
    public IReadOnlyList<LaunchPermission> LaunchPermissionsSkipped { get; init; } = [];

    /// <summary>The <c>ami-lifecycle:keep-until</c> written (would be, in a dry run); null when the image was held already.</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>A disable record was found in the ledger.</summary>
    public bool HadDisableRecord { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Steps that failed (each names the call and EC2's or the ledger's error). Re-running enables nothing twice
    /// and re-applies only what is still missing.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Succeeded => (Outcome is EnableOutcome.Enabled or EnableOutcome.AlreadyAvailable or EnableOutcome.DryRun) && Problems.Count == 0;
}
