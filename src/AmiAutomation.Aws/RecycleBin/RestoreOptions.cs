using AmiAutomation.Core.Families;
using AmiAutomation.Core.Restore;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>How <see cref="RecycleBinRestorer"/> works in one region.</summary>
public sealed record RestoreOptions
{
    public required string Region { get; init; }

    /// <summary>This account; when known, a registered image owned by another account is refused.</summary>
    public string? AccountId { get; init; }

    public RestorePolicy Policy { get; init; } = new();

    /// <summary>Derives families from names for binned images without a ledger record.</summary>
    public FamilyResolver Families { get; init; } = FamilyResolver.Default;

    /// <summary>Delay between DescribeSnapshots polls while snapshots restore.</summary>
    public TimeSpan PollInterval { get; init; } = SnapshotWaiter.DefaultInterval;
}
