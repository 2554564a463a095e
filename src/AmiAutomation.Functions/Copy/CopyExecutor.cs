using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using Amazon.Runtime;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// Plans and carries out the copies of one source and the finishing of one copy: looks up what exists, asks the
/// core planners, runs the EC2 calls, records every decision and outcome in the <see cref="CopyRun"/>.
/// </summary>
internal sealed class CopyExecutor(
    string region,
    CopyPolicy policy,
    FamilyResolver families,
    Ec2CopyFinder finder,
    Ec2CopyStarter starter,
    Ec2CopyFinisher finisher)
{
    /// <summary>Reasons the reconciler only counts (nothing to do, and said every hour it would only be noise).</summary>
    private static readonly HashSet<ReasonCode> SettledReasons =
    [
        ReasonCode.NotSelected, ReasonCode.NotOwned, ReasonCode.NotAvailable, ReasonCode.IsOwnCopy, ReasonCode.TargetIsOwnRegion,
        ReasonCode.ManagedByAwsBackup, ReasonCode.ManagedByDataLifecycleManager, ReasonCode.ManagedByImageBuilder,
    ];

    public string Region => region;

    public string FamilyOf(AmiImage image) => families.Resolve(image);

    public CopyPlanContext Context(CopyTrigger trigger, CopyRun run, IReadOnlyList<string>? requested = null) =>
        new(policy with { AccountId = run.AccountId }, region, trigger, run.Now, KnownRegions.IsKnown) { RequestedRegions = requested };

    /// <summary>Copies one source. <paramref name="known"/> holds the copies already listed per destination (reconcile);
    /// destinations missing from it are looked up here. <paramref name="failedLookups"/> are destinations whose listing
    /// failed: nothing is copied there (an existing copy could not be ruled out).</summary>
    public async Task CopySourceAsync(
        AmiImage source,
        CopyTargetSelection selection,
        CopyPlanContext context,
        IReadOnlyDictionary<string, IReadOnlyList<AmiImage>>? known,
        IReadOnlyDictionary<string, string>? failedLookups,
        CopyRun run)
    {
        var family = FamilyOf(source);
        var copies = new Dictionary<string, IReadOnlyList<AmiImage>>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(failedLookups ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var destination in selection.Regions)
        {
            if (known is not null && known.TryGetValue(destination, out var listed))
            {
                copies[destination] = [.. listed.Where(c => CopyLineage.IsCopyOf(c, source.ImageId))];
            }
            else if (!failed.ContainsKey(destination))
            {
                try
                {
                    copies[destination] = await finder.FindCopiesAsync(destination, source.ImageId, run.CancellationToken);
                }
                catch (AmazonServiceException ex)
                {
                    failed[destination] = Ec2ErrorCodes.Describe(ex);
                }
            }
        }

        var plan = CopyPlanner.Plan(source, family, selection, copies, context);
        run.AddInvalidTargets(source.ImageId, plan.InvalidRegions);
        var reconcile = context.Trigger == CopyTrigger.Reconcile;
        foreach (var decision in plan.Decisions)
        {
            if (reconcile && !decision.Acts && IsSettled(decision, plan))
            {
                run.Settle(decision.PrimaryReason);
            }
            else
            {
                run.Plan(decision);
            }
        }

        var sourceTags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var planned in await RecordSourceAsync(source, plan.Copies, run))
        {
            var outcome = await StartAsync(planned, failed, run);
            if (outcome is null)
            {
                break;
            }

            run.Record(outcome);
            if (outcome.Status is OutcomeStatus.Succeeded or OutcomeStatus.DryRun)
            {
                run.TagsNotCopied(source.ImageId, planned.Request.DestinationRegion, planned.Request.DroppedTags);
            }

            if (outcome.Status == OutcomeStatus.Succeeded)
            {
                sourceTags[CopyAttempts.KeyFor(planned.Request.DestinationRegion)] = CopyAttempts.Value(planned.Request.Attempt);
            }
        }

        foreach (var destination in plan.MarkDone)
        {
            sourceTags[CopyAttempts.KeyFor(destination)] = CopyAttempts.DoneValue;
        }

        await TagSourceAsync(source, sourceTags, run);
    }

    /// <summary>Writes attempts tags on the source, those that fit: a source with all 50 tags used cannot carry them,
    /// which is reported once as a warning rather than failing every run.</summary>
    private async Task TagSourceAsync(AmiImage source, Dictionary<string, string> tags, CopyRun run)
    {
        if (run.DryRun || tags.Count == 0)
        {
            return;
        }

        var (fit, left) = CopyAttempts.FitOn(source, tags);
        if (left.Count > 0)
        {
            run.Warn($"{source.ImageId} has all {CopyTags.MaxTagsPerResource} tags in use: {string.Join(", ", left)} not recorded on it, "
                + "so a copy deleted later could be made again; free a tag on the source to record copy attempts");
        }

        if (fit.Count > 0 && await starter.TagSourceAsync(source, fit, false, run.CancellationToken) is { } error)
        {
            run.Error($"could not record copy attempts on {source.ImageId} ({string.Join(", ", fit.Select(t => $"{t.Key}={t.Value}"))}): {error}");
        }
    }

    /// <summary>The copies to start, each recording what it must carry (<see cref="CopyRecord"/>): the source's launch
    /// permissions are read once, right before starting. Unreadable permissions are recorded as unknown.</summary>
    private async Task<IReadOnlyList<PlannedCopy>> RecordSourceAsync(AmiImage source, IReadOnlyList<PlannedCopy> copies, CopyRun run)
    {
        if (copies.Count == 0)
        {
            return copies;
        }

        IReadOnlyList<LaunchPermission>? permissions = null;
        try
        {
            permissions = await finder.GetLaunchPermissionsAsync(source.Region, source.ImageId, run.CancellationToken);
        }
        catch (AmazonServiceException ex)
        {
            run.Warn($"could not read the launch permissions of {source.ImageId} ({Ec2ErrorCodes.Describe(ex)}): its copies record them as unknown "
                + "and get none if the source is gone before they are finished");
        }

        return CopyPlanner.WithPermissions(source, copies, permissions, policy);
    }

    /// <summary>Finishes one of our copies in this region: reads its source, plans, carries it out.</summary>
    public async Task FinishAsync(AmiImage copy, CopyRun run)
    {
        var family = FamilyOf(copy);
        if (!CopyFinishPlanner.NeedsFinishing(copy))
        {
            run.Plan(CopyFinishPlanner.Plan(copy, family, null, null, policy, run.Now).Decision);
            return;
        }

        var sourceId = CopyLineage.SourceImageId(copy)!;
        var sourceRegion = CopyLineage.SourceRegion(copy);
        AmiImage? source;
        IReadOnlyList<LaunchPermission>? permissions = null;
        try
        {
            if (!RegionName.IsValid(sourceRegion))
            {
                throw new InvalidRegionException(sourceRegion);
            }

            source = await finder.DescribeImageAsync(sourceRegion!, sourceId, run.CancellationToken);
            if (source is not null)
            {
                permissions = await finder.GetLaunchPermissionsAsync(sourceRegion!, sourceId, run.CancellationToken);
            }
        }
        catch (Exception ex) when (ex is AmazonServiceException or InvalidRegionException)
        {
            var decision = new Decision
            {
                Image = copy,
                Family = family,
                Action = DecisionAction.FinishCopy,
                Reasons = [new DecisionReason(ReasonCode.CopyNeedsFinishing, $"copy of {sourceId} from {sourceRegion ?? "an unknown region"}")],
            };
            run.Plan(decision);
            var detail = ex is AmazonServiceException aws ? Ec2ErrorCodes.Describe(aws) : ex.Message;
            run.Record(new ActionOutcome(decision, OutcomeStatus.Failed, ex is AmazonServiceException a ? Ec2ErrorCodes.CodeOf(a) : "InvalidRegion",
                $"could not read source {sourceId} in {sourceRegion}: {detail}; the reconciler finishes the copy later"));
            return;
        }

        var plan = CopyFinishPlanner.Plan(copy, family, source, permissions, policy, run.Now);
        run.Plan(plan.Decision);
        if (!plan.Acts)
        {
            return;
        }

        var outcome = await finisher.FinishAsync(plan, run.DryRun, run.CancellationToken);
        run.Record(outcome);
        if (outcome.Status is OutcomeStatus.Succeeded or OutcomeStatus.DryRun)
        {
            run.TagsNotCopied(copy.ImageId, null, plan.TagsToRemove);
            if (plan.Warning is { } warning)
            {
                run.Warn($"copy {copy.ImageId}: {warning}");
            }
        }

        // The copy was seen available: record that on the source at once, so a copy deleted on purpose before the
        // source region's next reconcile is not taken for a lost one and made again. A tag on the source (per
        // destination) is the record the source's planner already reads: written with the copy, it survives restarts.
        if (outcome.Status == OutcomeStatus.Succeeded && source is not null && !CopyAttempts.Read(source, region).Done)
        {
            await TagSourceAsync(source, new Dictionary<string, string>(StringComparer.Ordinal) { [CopyAttempts.KeyFor(region)] = CopyAttempts.DoneValue }, run);
        }
    }

    /// <summary>Starts one copy; null when the deadline stopped the run (the rest is not started).</summary>
    private async Task<ActionOutcome?> StartAsync(PlannedCopy planned, Dictionary<string, string> failedLookups, CopyRun run)
    {
        var destination = planned.Request.DestinationRegion;
        if (failedLookups.TryGetValue(destination, out var lookupError))
        {
            return new ActionOutcome(planned.Decision, OutcomeStatus.Failed, "CopyLookupFailed",
                $"could not check {destination} for an existing copy ({lookupError}); not copying, so no second copy can appear");
        }

        if (run.CancellationToken.IsCancellationRequested)
        {
            run.StopEarly();
            return null;
        }

        if (run.Started >= policy.MaxStartsPerRun)
        {
            return new ActionOutcome(planned.Decision, OutcomeStatus.Deferred, "RunCapReached",
                $"{policy.MaxStartsPerRun} copies already started in this run (COPY_MAX_STARTS_PER_RUN); the reconciler starts this one later");
        }

        return await starter.StartAsync(planned, run.DryRun, run.CancellationToken);
    }

    private static bool IsSettled(Decision decision, SourceCopyPlan plan) =>
        SettledReasons.Contains(decision.PrimaryReason)
        || (decision.PrimaryReason == ReasonCode.AlreadyCopied && !plan.MarkDone.Contains(decision.TargetRegion ?? string.Empty, StringComparer.Ordinal));
}
