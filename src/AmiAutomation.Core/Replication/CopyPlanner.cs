using System.Globalization;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Replication;

/// <summary>
/// Plans the copies of one source image: a decision per destination from what already exists there. Pure and
/// synchronous; the caller looks up the destinations (<see cref="CopyTargetResolver"/> says which).
/// </summary>
/// <remarks>
/// Per destination, in order: the source's own origin region (a copy of a copy going back) is skipped; a copy that is
/// available (or disabled) means AlreadyCopied; a pending one CopyPending; an attempts tag saying <c>done</c> with no
/// copy left means the copy was made and later removed — it is not made again; failed copies (or recorded attempts
/// with no copy left) are retried until <see cref="CopyPolicy.MaxAttempts"/>; otherwise a first copy is planned, by the
/// reconciler only for images created within <see cref="CopyPolicy.ReconcileLookback"/>.
/// </remarks>
public static class CopyPlanner
{
    public static SourceCopyPlan Plan(
        AmiImage source,
        string family,
        CopyTargetSelection selection,
        IReadOnlyDictionary<string, IReadOnlyList<AmiImage>> copiesByRegion,
        CopyPlanContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(copiesByRegion);
        ArgumentNullException.ThrowIfNull(context);
        if (selection.IsSkipped)
        {
            return new SourceCopyPlan(source, [Decision.Skip(source, family, [.. selection.SourceSkip])], [], [], selection.InvalidRegions);
        }

        var decisions = new List<Decision>();
        var copies = new List<PlannedCopy>();
        var markDone = new List<string>();
        if (selection.NamedOwnRegion)
        {
            decisions.Add(SkipTo(source, family, context.OwnRegion, new DecisionReason(
                ReasonCode.TargetIsOwnRegion, $"{context.OwnRegion} is where the image already is")));
        }

        foreach (var region in selection.Regions)
        {
            var found = copiesByRegion.TryGetValue(region, out var list) ? list : [];
            var (decision, request, done) = PlanRegion(source, family, region, selection.Origin!, found, context);
            decisions.Add(decision);
            if (request is not null)
            {
                copies.Add(new PlannedCopy(decision, request));
            }

            if (done)
            {
                markDone.Add(region);
            }
        }

        if (decisions.Count == 0)
        {
            decisions.Add(Decision.Skip(source, family, new DecisionReason(
                ReasonCode.NotSelected, $"no valid destination region ({selection.Origin}); not region names: {string.Join(", ", selection.InvalidRegions)}")));
        }

        return new SourceCopyPlan(source, decisions, copies, markDone, selection.InvalidRegions);
    }

    /// <summary>The CopyImage request for one destination and attempt. <paramref name="sourcePermissions"/> (read right
    /// before the copy starts; null = not read) is recorded on the copy with the deprecation time (<see cref="CopyRecord"/>).</summary>
    public static CopyRequest BuildRequest(
        AmiImage source, string destinationRegion, int attempt, CopyPolicy policy, IReadOnlyList<LaunchPermission>? sourcePermissions = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(policy);
        var ours = new Dictionary<string, string>(CopyTags.Lineage(source), StringComparer.Ordinal);
        foreach (var (key, value) in CopyRecord.Tags(source, sourcePermissions))
        {
            ours[key] = value;
        }

        var tags = CopyTags.For(source, ours);
        return new CopyRequest
        {
            SourceImageId = source.ImageId,
            SourceRegion = source.Region,
            DestinationRegion = destinationRegion,
            Name = source.Name,
            Description = CopyNames.Description(source),
            ClientToken = CopyClientToken.For(source.ImageId, destinationRegion, attempt),
            Attempt = attempt,
            KmsKeyId = policy.KmsKeyFor(destinationRegion),
            CopyImageTags = tags.CopyImageTags,
            Tags = tags.Tags,
            DroppedTags = tags.Dropped,
        };
    }

    /// <summary>The same copies with the source's launch permissions recorded (read once, after planning, only for
    /// sources that are copied).</summary>
    public static IReadOnlyList<PlannedCopy> WithPermissions(
        AmiImage source, IReadOnlyList<PlannedCopy> copies, IReadOnlyList<LaunchPermission>? sourcePermissions, CopyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(copies);
        return [.. copies.Select(c => c with
        {
            Request = BuildRequest(source, c.Request.DestinationRegion, c.Request.Attempt, policy, sourcePermissions),
        })];
    }

    private static (Decision Decision, CopyRequest? Request, bool MarkDone) PlanRegion(
        AmiImage source, string family, string region, DecisionReason origin, IReadOnlyList<AmiImage> found, CopyPlanContext context)
    {
        var policy = context.Policy;
        if (string.Equals(CopyLineage.SourceRegion(source), region, StringComparison.Ordinal))
        {
            return (SkipTo(source, family, region, new DecisionReason(
                ReasonCode.IsOwnCopy, $"{region} is where this copy came from ({CopyLineage.SourceImageId(source)})")), null, false);
        }

        var ours = found.Where(c => CopyLineage.IsCopyOf(c, source.ImageId)).ToList();
        var attempts = CopyAttempts.Read(source, region);
        if (ours.FirstOrDefault(c => c.State is ImageState.Available or ImageState.Disabled) is { } usable)
        {
            return (SkipTo(source, family, region, new DecisionReason(
                ReasonCode.AlreadyCopied, $"copy {usable.ImageId} is {usable.State} in {region}")), null, !attempts.Done && CopyAttempts.FitOn(source, DoneTag(region)).Left.Count == 0);
        }

        if (ours.FirstOrDefault(c => c.State == ImageState.Pending) is { } pending)
        {
            return (SkipTo(source, family, region, new DecisionReason(
                ReasonCode.CopyPending, $"copy {pending.ImageId} in {region} is pending since {TagTime.Format(pending.CreationDate)}")), null, false);
        }

        if (attempts.Done)
        {
            return (SkipTo(source, family, region, new DecisionReason(
                ReasonCode.AlreadyCopied,
                $"copied to {region} earlier and that copy is gone; not copying again (remove tag {CopyAttempts.KeyFor(region)} to copy again)")), null, false);
        }

        var failed = ours.Where(c => c.State == ImageState.Failed).ToList();
        var used = Math.Max(attempts.Count, failed.Count);
        if (used > 0)
        {
            var last = failed.Count > 0 ? $"copy {failed[^1].ImageId} failed" : "the earlier copy is gone";
            if (used >= policy.MaxAttempts)
            {
                return (SkipTo(source, family, region, new DecisionReason(
                    ReasonCode.CopyFailed,
                    string.Create(CultureInfo.InvariantCulture, $"{last}; {used} of {policy.MaxAttempts} attempts used (COPY_MAX_ATTEMPTS), giving up"))), null, false);
            }

            var retry = new DecisionReason(
                ReasonCode.CopyFailed,
                string.Create(CultureInfo.InvariantCulture, $"{last}; retry {used + 1} of {policy.MaxAttempts}"));
            return Copy(source, family, region, used + 1, policy, retry, origin);
        }

        if (context.Trigger == CopyTrigger.Reconcile
            && policy.ReconcileLookback is { } lookback
            && source.CreationDate < context.Now - lookback)
        {
            return (SkipTo(source, family, region, new DecisionReason(
                ReasonCode.NotSelected,
                string.Create(CultureInfo.InvariantCulture, $"created {TagTime.Format(source.CreationDate)}, before the reconcile look-back of {lookback.TotalDays:0.##} days (COPY_RECONCILE_LOOKBACK_DAYS); copy it by hand"))), null, false);
        }

        return Copy(source, family, region, 1, policy, origin);
    }

    private static (Decision, CopyRequest?, bool) Copy(
        AmiImage source, string family, string region, int attempt, CopyPolicy policy, params DecisionReason[] reasons)
    {
        var decision = new Decision
        {
            Image = source,
            Family = family,
            Action = DecisionAction.Copy,
            Reasons = reasons,
            TargetRegion = region,
        };
        return (decision, BuildRequest(source, region, attempt, policy), false);
    }

    private static Dictionary<string, string> DoneTag(string region) =>
        new(StringComparer.Ordinal) { [CopyAttempts.KeyFor(region)] = CopyAttempts.DoneValue };

    private static Decision SkipTo(AmiImage source, string family, string region, DecisionReason reason) =>
        Decision.Skip(source, family, reason) with { TargetRegion = region };
}
