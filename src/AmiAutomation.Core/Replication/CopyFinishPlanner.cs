using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// Plans how a copy that became available catches up with its source: launch permissions and deprecation time, which
/// CopyImage never carries over. Pure and synchronous.
/// </summary>
/// <remarks>
/// <para>Permissions are only ever added, never removed. A public source gives a public copy only with
/// <see cref="CopyPolicy.AllowPublic"/>; otherwise the copy stays private and the plan says so.</para>
/// <para>Deprecation follows the source within EC2's limits, worked out again when the call is made
/// (<see cref="CopyDeprecation"/>): never in the past (a past time becomes one minute from now, rounded up to the minute), at most <see cref="MaxDeprecationAhead"/> ahead, and for a copy being made public at
/// most two years after its creation. A copy already deprecated at or before that time is left alone.</para>
/// <para>A source that no longer exists: what the copy recorded when it started (<see cref="CopyRecord"/>) is carried
/// over instead; a copy without a record (made by an older version) gets nothing — never a public permission — and the
/// plan says so (<see cref="CopyFinishPlan.Warning"/>). Either way the copy is marked finished, not retried every hour.</para>
/// <para>The finish always fits EC2's 50 tags: a copy with none free loses its last inherited tags first
/// (<see cref="CopyTags.ToMakeRoom"/>).</para>
/// </remarks>
public static class CopyFinishPlanner
{
    /// <summary>EC2 refuses deprecation times more than 10 years ahead; one day of margin.</summary>
    public static readonly TimeSpan MaxDeprecationAhead = TimeSpan.FromDays((365 * 10) + 2 - 1);

    /// <summary>EC2 deprecates public images at most two years after creation.</summary>
    public static readonly TimeSpan MaxPublicDeprecationAfterCreation = TimeSpan.FromDays(365 * 2);

    /// <summary>True for our copies that are available and not yet finished: the reconciler's work list.</summary>
    public static bool NeedsFinishing(AmiImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return CopyLineage.IsOurCopy(image) && !CopyLineage.IsFinished(image) && image.State == ImageState.Available;
    }

    /// <param name="copy">The copy, in the stack's region.</param>
    /// <param name="family">The copy's family (for reports).</param>
    /// <param name="source">The source as DescribeImages shows it now; null when it no longer exists.</param>
    /// <param name="sourcePermissions">The source's launch permissions (DescribeImageAttribute); null when not read.</param>
    /// <param name="policy">The copy policy.</param>
    /// <param name="now">The time of the run.</param>
    public static CopyFinishPlan Plan(
        AmiImage copy, string family, AmiImage? source, IReadOnlyList<LaunchPermission>? sourcePermissions, CopyPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(policy);
        var sourceId = CopyLineage.SourceImageId(copy) ?? "an unknown image";
        if (!CopyLineage.IsOurCopy(copy))
        {
            return Skip(copy, family, ReasonCode.NotSelected, "not a copy made by ami-automation (no lineage tag)");
        }

        if (CopyLineage.IsFinished(copy))
        {
            return Skip(copy, family, ReasonCode.AlreadyCopied, $"finished at {copy.Tag(TagNames.CopyFinishedAt)}");
        }

        switch (copy.State)
        {
            case ImageState.Pending:
                return Skip(copy, family, ReasonCode.CopyPending, $"copy of {sourceId} is still pending");
            case ImageState.Failed:
                return Skip(copy, family, ReasonCode.CopyFailed, $"copy of {sourceId} failed; the source region's reconciler retries it");
            case ImageState.Available:
                break;
            default:
                return Skip(copy, family, ReasonCode.NotAvailable, $"copy is {copy.State}");
        }

        var room = CopyTags.ToMakeRoom(copy, [TagNames.CopyFinishedAt]);
        var reasons = new List<DecisionReason>();
        if (room.Count > 0)
        {
            reasons.Add(new DecisionReason(
                ReasonCode.CopyNeedsFinishing,
                $"no room for {TagNames.CopyFinishedAt} within EC2's {CopyTags.MaxTagsPerResource} tags: inherited tag(s) {string.Join(", ", room)} removed from the copy"));
        }

        if (source is null)
        {
            return FromRecord(copy, family, sourceId, policy, now, reasons) with { TagsToRemove = room };
        }

        reasons.Insert(0, new DecisionReason(
            ReasonCode.CopyNeedsFinishing,
            $"copy of {source.ImageId} from {source.Region}: {Count(sourcePermissions, policy)} launch permission(s), deprecation {(source.DeprecationTime is { } d ? TagTime.Format(d) : "none")}"));
        return Finish(copy, family, sourcePermissions ?? [], source.IsPublic, source.DeprecationTime, policy, now, reasons) with { TagsToRemove = room };
    }

    /// <summary>The source is gone: what the copy recorded when it started, or (an older copy) nothing at all.</summary>
    private static CopyFinishPlan FromRecord(AmiImage copy, string family, string sourceId, CopyPolicy policy, DateTimeOffset now, List<DecisionReason> reasons)
    {
        if (CopyRecord.Read(copy) is not { } record)
        {
            var warning = $"source {sourceId} no longer exists and nothing was recorded when the copy started (a copy made by an older version): "
                + "no launch permissions or deprecation carried over, the copy stays private; share it by hand if it should be shared";
            reasons.Insert(0, new DecisionReason(ReasonCode.CopyNeedsFinishing, warning));
            return new CopyFinishPlan(Act(copy, family, null, [.. reasons])) { Warning = warning };
        }

        var shares = record.Shares ?? [];
        reasons.Insert(0, new DecisionReason(
            ReasonCode.CopyNeedsFinishing,
            $"source {sourceId} no longer exists: carrying what was recorded when the copy started: {Count(shares, policy)} launch permission(s), deprecation {(record.DeprecationTime is { } d ? TagTime.Format(d) : "none")}"));
        string? incomplete = null;
        if (!record.IsComplete)
        {
            incomplete = record.ShareCount is { } total
                ? $"the start record lists {shares.Count} of the source's {total} launch permission(s): the rest are not carried over; share them by hand"
                : "the source's launch permissions could not be read when the copy started: none are carried over; share the copy by hand if it should be shared";
            reasons.Add(new DecisionReason(ReasonCode.CopyNeedsFinishing, incomplete));
        }

        var plan = Finish(copy, family, shares, shares.Contains(LaunchPermission.Public), record.DeprecationTime, policy, now, reasons);
        return plan with { Warning = incomplete };
    }

    private static CopyFinishPlan Finish(
        AmiImage copy, string family, IEnumerable<LaunchPermission> shares, bool sourcePublic, DateTimeOffset? wanted, CopyPolicy policy, DateTimeOffset now, List<DecisionReason> reasons)
    {
        var permissions = new List<LaunchPermission>();
        var withheld = sourcePublic && !policy.AllowPublic;
        foreach (var permission in shares.Distinct())
        {
            if (permission.Kind == LaunchPermissionKind.Public && !policy.AllowPublic)
            {
                withheld = true;
                continue;
            }

            permissions.Add(permission);
        }

        if (withheld)
        {
            reasons.Add(new DecisionReason(ReasonCode.PublicImage, "the source is public; the copy stays private (COPY_ALLOW_PUBLIC=false)"));
        }

        var makesPublic = permissions.Exists(p => p.Kind == LaunchPermissionKind.Public);
        var deprecation = wanted is { } w
            ? new CopyDeprecation(w, makesPublic ? copy.CreationDate + MaxPublicDeprecationAfterCreation : null, copy.DeprecationTime)
            : null;
        var deprecateAt = DeprecationFor(deprecation, now, reasons);
        return new CopyFinishPlan(Act(copy, family, deprecateAt, [.. reasons]))
        {
            PermissionsToAdd = permissions,
            PublicWithheld = withheld,
            Deprecation = deprecation,
        };
    }

    private static int Count(IReadOnlyList<LaunchPermission>? shares, CopyPolicy policy) =>
        (shares ?? []).Distinct().Count(p => policy.AllowPublic || p.Kind != LaunchPermissionKind.Public);

    /// <summary>The time as it would be set now (for the plan's report); the finisher works it out again at the call.</summary>
    private static DateTimeOffset? DeprecationFor(CopyDeprecation? deprecation, DateTimeOffset now, List<DecisionReason> reasons)
    {
        if (deprecation is null)
        {
            return null;
        }

        var wanted = deprecation.Wanted;
        var at = deprecation.At(now);
        if (at is null)
        {
            reasons.Add(new DecisionReason(ReasonCode.AlreadyDeprecatedEarlier, $"the copy is already deprecated at {TagTime.Format(deprecation.Existing!.Value)}"));
            return null;
        }

        if (at > wanted)
        {
            reasons.Add(new DecisionReason(ReasonCode.DeprecationClamped, $"source deprecated at {TagTime.Format(wanted)}, in the past; the copy is deprecated at {TagTime.Format(at.Value)} (worked out again when the call is made)"));
        }
        else if (at < wanted)
        {
            reasons.Add(new DecisionReason(ReasonCode.DeprecationClamped, $"source deprecation {TagTime.Format(wanted)} is beyond EC2's limit; the copy is deprecated at {TagTime.Format(at.Value)}"));
        }

        return at;
    }

    private static Decision Act(AmiImage copy, string family, DateTimeOffset? deprecateAt, params DecisionReason[] reasons) => new()
    {
        Image = copy,
        Family = family,
        Action = DecisionAction.FinishCopy,
        Reasons = reasons,
        DeprecateAt = deprecateAt,
    };

    private static CopyFinishPlan Skip(AmiImage copy, string family, ReasonCode code, string detail) =>
        new(Decision.Skip(copy, family, new DecisionReason(code, detail)));
}
