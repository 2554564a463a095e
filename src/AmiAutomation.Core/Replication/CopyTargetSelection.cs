using AmiAutomation.Core.Planning;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// Where one source goes and why, before looking at the destinations. <see cref="SourceSkip"/> non-empty means the
/// image is not copied at all (nothing to look up).
/// </summary>
public sealed record CopyTargetSelection
{
    /// <summary>Valid destinations other than the stack's own region, in order, without duplicates.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Where the destinations came from (CopyToTag, CopyPolicy, CopyRequested); null when skipped.</summary>
    public DecisionReason? Origin { get; init; }

    /// <summary>Why the whole image is skipped (loop guard, not owned, not available, not selected …).</summary>
    public IReadOnlyList<DecisionReason> SourceSkip { get; init; } = [];

    /// <summary>Destination names that are not AWS region names (from the tag): reported, never used.</summary>
    public IReadOnlyList<string> InvalidRegions { get; init; } = [];

    /// <summary>The stack's own region was named as a destination (skipped as TargetIsOwnRegion).</summary>
    public bool NamedOwnRegion { get; init; }

    public bool IsSkipped => SourceSkip.Count > 0;
}
