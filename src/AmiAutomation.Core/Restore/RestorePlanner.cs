using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Restore;

/// <summary>
/// Plans a restore from what is observed now, so a second call after a partial one plans only what is left.
/// Pure and synchronous: observations in, plans out.
/// </summary>
public static class RestorePlanner
{
    /// <summary>EC2's limit of user tags per resource (<c>aws:</c> tags do not count).</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>EnableImageDeprecation refuses past times and rounds to the minute: never ask for less than this ahead.</summary>
    public static readonly TimeSpan MinimumDeprecationLead = TimeSpan.FromMinutes(2);

    /// <summary>Snapshots first, then the image (AWS: restore every snapshot and wait for <c>completed</c> first).</summary>
    public static RecoveryPlan PlanRecovery(RestoreCandidate candidate, IReadOnlyList<SnapshotRequirement> snapshots, SnapshotSource source)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (candidate.IsRegistered)
        {
            return new RecoveryPlan { Notes = [$"{candidate.ImageId} is registered already: no snapshot or image restore needed."] };
        }

        var notes = new List<string>();
        if (source == SnapshotSource.Description)
        {
            notes.Add(snapshots.Count == 0
                ? $"No ledger record for {candidate.ImageId} and no snapshot whose description names it: trying the image restore directly."
                : $"No ledger record for {candidate.ImageId}: its {snapshots.Count} snapshot(s) were found by their descriptions, "
                    + "so completeness cannot be checked; EC2 refuses the image restore if one is missing.");
        }

        var byCondition = snapshots.ToLookup(s => s.Condition, s => s.SnapshotId);
        var missing = byCondition[SnapshotCondition.Missing].ToList();
        var failed = byCondition[SnapshotCondition.Failed].ToList();
        if (missing.Count > 0 || failed.Count > 0)
        {
            return new RecoveryPlan { MissingSnapshots = missing, FailedSnapshots = failed, Notes = notes };
        }

        var toRestore = byCondition[SnapshotCondition.InRecycleBin].ToList();
        return new RecoveryPlan
        {
            SnapshotsToRestore = toRestore,
            SnapshotsToAwait = [.. toRestore, .. byCondition[SnapshotCondition.Restoring]],
            SnapshotsReady = [.. byCondition[SnapshotCondition.Ready]],
            RestoreImage = true,
            Notes = notes,
        };
    }

    /// <summary>
    /// What to put back on the registered image. <paramref name="current"/> is the image as DescribeImages shows it
    /// now; null when unknown (a dry run, before the image is back): then every step is planned.
    /// </summary>
    public static ReapplyPlan PlanReapply(LedgerRecord? ledger, AmiImage? current, RestorePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var notes = new List<string>();
        if (ledger is null)
        {
            notes.Add("No ledger record: no tags, launch permissions or deprecation to re-apply beyond the hold.");
        }

        var tags = PlanTags(ledger, current, policy, now, notes);
        // The Recycle Bin mark means "expire retired this image" (the retention rules match it); a restored image is
        // live again, and its copies would inherit the mark. Expire sets it again right before any deregistration.
        IReadOnlyList<string> remove = current is null || current.HasTag(TagNames.RecycleBin) ? [TagNames.RecycleBin] : [];
        var permissions = PlanLaunchPermissions(ledger, current, policy, notes);
        var removePublic = !policy.AllowPublic && current is { IsPublic: true };
        if (removePublic)
        {
            notes.Add("The restored image is public and RESTORE_ALLOW_PUBLIC is not true: its public launch permission is removed.");
        }

        return new ReapplyPlan
        {
            Tags = tags,
            TagsToRemove = remove,
            LaunchPermissionsToAdd = permissions,
            RemovePublicAccess = removePublic,
            Deprecation = PlanDeprecation(ledger, current, policy.Deprecation, now, notes),
            MarkLedgerRestored = ledger is not null && ledger.Status != LedgerStatus.Restored,
            Notes = notes,
        };
    }

    /// <summary>The ledger's tags without <c>aws:</c> keys (EC2 refuses them) and without the Recycle Bin mark, plus the
    /// hold and the restore marks.</summary>
    public static IReadOnlyDictionary<string, string> DesiredTags(LedgerRecord? ledger, RestorePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var desired = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ledger?.Tags ?? new Dictionary<string, string>())
        {
            if (!IsAwsTag(key) && key != TagNames.RecycleBin)
            {
                desired[key] = value;
            }
        }

        desired[TagNames.RestoredAt] = TagTime.Format(now);
        desired[TagNames.KeepUntil] = TagTime.Format(now + policy.Hold);
        desired[TagNames.ManagedBy] = TagNames.ManagedByValue;
        return desired;
    }

    /// <summary>
    /// When the image was restored: the <see cref="TagNames.RestoredAt"/> an earlier, partial call of this restore
    /// wrote (not older than the ledger record), so resuming keeps the original time and hold; else <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset RestoreTime(LedgerRecord? ledger, AmiImage? current, DateTimeOffset now) =>
        TagTime.TryParse(current?.Tag(TagNames.RestoredAt), out var earlier)
            && earlier <= now
            && (ledger is null || earlier >= ledger.RecordedAt)
            ? earlier
            : now;

    public static bool IsAwsTag(string key) => key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> PlanTags(LedgerRecord? ledger, AmiImage? current, RestorePolicy policy, DateTimeOffset now, List<string> notes)
    {
        var existing = current?.Tags ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = DesiredTags(ledger, policy, RestoreTime(ledger, current, now))
            .Where(t => !existing.TryGetValue(t.Key, out var value) || !string.Equals(value, t.Value, StringComparison.Ordinal))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

        var userKeys = existing.Keys.Where(k => !IsAwsTag(k)).ToHashSet(StringComparer.Ordinal);
        var room = MaxTagsPerResource - userKeys.Count;
        var newKeys = changes.Keys.Where(k => !userKeys.Contains(k)).ToList();
        if (newKeys.Count <= room)
        {
            return changes;
        }

        // Ours first (the hold protects the image), then the ledger's in key order; the rest does not fit.
        var ours = new[] { TagNames.KeepUntil, TagNames.RestoredAt, TagNames.ManagedBy };
        var keep = newKeys.OrderBy(k => Array.IndexOf(ours, k) is var i && i >= 0 ? i : ours.Length)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Take(Math.Max(0, room))
            .ToHashSet(StringComparer.Ordinal);
        var dropped = newKeys.Where(k => !keep.Contains(k)).ToList();
        notes.Add($"EC2 allows {MaxTagsPerResource} tags per image: not re-applied: {string.Join(", ", dropped)}.");
        return changes.Where(t => userKeys.Contains(t.Key) || keep.Contains(t.Key))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }

    private static List<LaunchPermission> PlanLaunchPermissions(LedgerRecord? ledger, AmiImage? current, RestorePolicy policy, List<string> notes)
    {
        var recorded = (ledger?.LaunchPermissions ?? []).Distinct().ToList();
        if (!policy.AllowPublic && recorded.RemoveAll(p => p.Kind == LaunchPermissionKind.Public) > 0)
        {
            notes.Add("The ledger recorded a public launch permission: not re-applied (set RESTORE_ALLOW_PUBLIC=true to allow it).");
        }

        var present = current?.LaunchPermissions ?? [];
        return [.. recorded.Where(p => !present.Contains(p) && !(p.Kind == LaunchPermissionKind.Public && current is { IsPublic: true }))];
    }

    private static DeprecationChange PlanDeprecation(
        LedgerRecord? ledger, AmiImage? current, RestoreDeprecationMode mode, DateTimeOffset now, List<string> notes)
    {
        var currently = current?.DeprecationTime;
        switch (mode)
        {
            case RestoreDeprecationMode.Keep:
                return DeprecationChange.None;
            case RestoreDeprecationMode.Clear:
                return current is null || currently is not null ? DeprecationChange.Clear : DeprecationChange.None;
            case RestoreDeprecationMode.Ledger when ledger is null:
                notes.Add("RESTORE_DEPRECATION=ledger without a ledger record: the deprecation is left as EC2 restored it.");
                return DeprecationChange.None;
            case RestoreDeprecationMode.Ledger when ledger.DeprecationTime is null:
                return current is null || currently is not null ? DeprecationChange.Clear : DeprecationChange.None;
            default:
                var recorded = ledger!.DeprecationTime!.Value;
                var earliest = now + MinimumDeprecationLead;
                if (recorded > earliest)
                {
                    return currently is { } at && Math.Abs((at - recorded).TotalMinutes) < 1 ? DeprecationChange.None : DeprecationChange.SetAt(recorded);
                }

                if (currently is { } past && past <= earliest)
                {
                    return DeprecationChange.None;
                }

                var soon = TruncateToMinute(earliest);
                notes.Add($"The ledger's deprecation time {TagTime.Format(recorded)} has passed: the image is deprecated again from {TagTime.Format(soon)}.");
                return DeprecationChange.SetAt(soon);
        }
    }

    private static DateTimeOffset TruncateToMinute(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), time.Offset);
}
