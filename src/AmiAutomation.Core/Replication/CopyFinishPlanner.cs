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
/// <para>Deprecation follows the source within EC2's limits: never in the past (a past time becomes one minute from
/// now, rounded up to the minute), at most <see cref="MaxDeprecationAhead"/> ahead, and for a copy being made public at
/// most two years after its creation. A copy already deprecated at or before that time is left alone.</para>
/// <para>A source that no longer exists leaves nothing to carry over: the copy is marked finished so it is not
/// retried every hour.</para>
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

        if (source is null)
        {
            return new CopyFinishPlan(Act(copy, family, null, new DecisionReason(
                ReasonCode.CopyNeedsFinishing, $"source {sourceId} no longer exists: nothing to carry over, marking the copy finished")));
        }

        var reasons = new List<DecisionReason>();
        var permissions = new List<LaunchPermission>();
        var withheld = false;
        foreach (var permission in (sourcePermissions ?? []).Distinct())
        {
            if (permission.Kind == LaunchPermissionKind.Public && !policy.AllowPublic)
            {
                withheld = true;
                continue;
            }

            permissions.Add(permission);
        }

        if (source.IsPublic && !policy.AllowPublic)
        {
            withheld = true;
        }

        var makesPublic = permissions.Exists(p => p.Kind == LaunchPermissionKind.Public);
        reasons.Add(new DecisionReason(
            ReasonCode.CopyNeedsFinishing,
            $"copy of {source.ImageId} from {source.Region}: {permissions.Count} launch permission(s), deprecation {(source.DeprecationTime is { } d ? TagTime.Format(d) : "none")}"));
        if (withheld)
        {
            reasons.Add(new DecisionReason(ReasonCode.PublicImage, "the source is public; the copy stays private (COPY_ALLOW_PUBLIC=false)"));
        }

        var deprecateAt = DeprecationFor(copy, source, makesPublic, now, reasons);
        return new CopyFinishPlan(Act(copy, family, deprecateAt, [.. reasons])) { PermissionsToAdd = permissions, PublicWithheld = withheld };
    }

    private static DateTimeOffset? DeprecationFor(AmiImage copy, AmiImage source, bool makesPublic, DateTimeOffset now, List<DecisionReason> reasons)
    {
        if (source.DeprecationTime is not { } wanted)
        {
            return null;
        }

        var earliest = CeilingToMinute(now + TimeSpan.FromMinutes(1));
        var latest = now + MaxDeprecationAhead;
        if (makesPublic)
        {
            var publicLimit = copy.CreationDate + MaxPublicDeprecationAfterCreation;
            latest = publicLimit < latest ? publicLimit : latest;
        }

        var at = wanted;
        if (at < earliest)
        {
            at = earliest;
            reasons.Add(new DecisionReason(ReasonCode.DeprecationClamped, $"source deprecated at {TagTime.Format(wanted)}, in the past; the copy is deprecated at {TagTime.Format(at)}"));
        }
        else if (at > latest)
        {
            at = latest;
            reasons.Add(new DecisionReason(ReasonCode.DeprecationClamped, $"source deprecation {TagTime.Format(wanted)} is beyond EC2's limit; the copy is deprecated at {TagTime.Format(at)}"));
        }

        if (copy.DeprecationTime is { } existing && existing <= at)
        {
            reasons.Add(new DecisionReason(ReasonCode.AlreadyDeprecatedEarlier, $"the copy is already deprecated at {TagTime.Format(existing)}"));
            return null;
        }

        return at;
    }

    private static DateTimeOffset CeilingToMinute(DateTimeOffset time)
    {
        var ticks = TimeSpan.TicksPerMinute;
        var remainder = time.UtcTicks % ticks;
        return remainder == 0 ? time.ToUniversalTime() : new DateTimeOffset(time.UtcTicks - remainder + ticks, TimeSpan.Zero);
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
