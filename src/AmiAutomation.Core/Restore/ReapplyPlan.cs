using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Restore;

/// <summary>
/// The second half of a restore, once the image is registered again: what EC2 does not bring back by itself,
/// the hold, and the ledger update. Steps are in execution order: tags first, so the hold is in place as early
/// as possible.
/// </summary>
public sealed record ReapplyPlan
{
    /// <summary>Tags to write (CreateTags overwrites): the ledger's user tags, the hold and the restore marks.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Tag keys to remove: the Recycle Bin mark (<c>ami-lifecycle:recycle-bin</c>) the image still carries.</summary>
    public IReadOnlyList<string> TagsToRemove { get; init; } = [];

    /// <summary>Launch permissions to add (never group <c>all</c> unless the policy allows public images).</summary>
    public IReadOnlyList<LaunchPermission> LaunchPermissionsToAdd { get; init; } = [];

    /// <summary>The image is public and the policy forbids it: remove group <c>all</c>.</summary>
    public bool RemovePublicAccess { get; init; }

    public DeprecationChange Deprecation { get; init; } = DeprecationChange.None;

    public bool MarkLedgerRestored { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool IsEmpty => Tags.Count == 0 && TagsToRemove.Count == 0 && LaunchPermissionsToAdd.Count == 0 && !RemovePublicAccess
        && Deprecation.Kind == DeprecationChangeKind.None && !MarkLedgerRestored;
}
