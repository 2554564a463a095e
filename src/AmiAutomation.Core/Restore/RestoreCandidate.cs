using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Core.Restore;

/// <summary>
/// Everything known about one image a restore might mean: its Recycle Bin entry, its ledger record and, when
/// it is registered (already restored, or never gone), what DescribeImages says.
/// </summary>
public sealed record RestoreCandidate
{
    public required string ImageId { get; init; }
    public BinnedImage? Bin { get; init; }
    public LedgerRecord? Ledger { get; init; }
    public AmiImage? Registered { get; init; }

    public bool InRecycleBin => Bin is not null;

    /// <summary>Registered in EC2 (DescribeImages lists deregistered images for a while: those do not count).</summary>
    public bool IsRegistered => Registered is { State: not ImageState.Deregistered };

    /// <summary>Restorable now (in the bin) or already back (registered).</summary>
    public bool IsAvailableToRestore => InRecycleBin || IsRegistered;

    public string Name => Bin?.Name ?? Ledger?.Name ?? Registered?.Name ?? string.Empty;

    /// <summary>When it was deregistered: the bin's enter time, else the ledger's record time (written just before).</summary>
    public DateTimeOffset? DeregisteredAt => Bin?.EnteredAt ?? Ledger?.RecordedAt;

    /// <summary>The ledger's family; without a record, the family derived from the name by <paramref name="families"/>.</summary>
    public string FamilyUsing(FamilyResolver families)
    {
        ArgumentNullException.ThrowIfNull(families);
        if (Ledger is { Family.Length: > 0 })
        {
            return Ledger.Family;
        }

        return Registered is not null ? families.Resolve(Registered) : families.FromName(Name);
    }

    /// <summary>Newest deregistration first; unknown times last; then the ledger time; then image id (descending).</summary>
    public static int CompareNewestFirst(RestoreCandidate? a, RestoreCandidate? b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byTime = CompareDescending(a.DeregisteredAt, b.DeregisteredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byLedger = CompareDescending(a.Ledger?.RecordedAt, b.Ledger?.RecordedAt);
        return byLedger != 0 ? byLedger : string.CompareOrdinal(b.ImageId, a.ImageId);
    }

    private static int CompareDescending(DateTimeOffset? a, DateTimeOffset? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => b.Value.CompareTo(a.Value),
    };
}
