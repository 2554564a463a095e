using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Families;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// <c>expire</c>: deregisters expired images of the stack's region with their snapshots (scheduled; or manual with a
/// selection). Fail closed: incomplete inventory → nothing; Recycle Bin latch set or rules that would not keep images
/// and snapshots → the run is blocked (<see cref="RecycleBinSafety"/>); no ledger record → no deregistration; image or
/// snapshot not in the Recycle Bin after a deregistration → the latch is set and the run stops. The payload
/// <c>{"clearLatch": {"reason": "…"}}</c> clears the latch and runs no sweep.
/// </summary>
/// <remarks>IAM: ec2:DescribeImages, ec2:DescribeInstances, ec2:DescribeLaunchTemplates, ec2:DescribeLaunchTemplateVersions,
/// ec2:DescribeImageReferences, ec2:DescribeImageAttribute, ec2:DescribeImageUsageReports, ec2:DescribeImageUsageReportEntries,
/// ec2:CreateImageUsageReport, ec2:DescribeSnapshots, ec2:DeregisterImage, ec2:DeleteSnapshot, ec2:DisableImage (disable stage),
/// ec2:ListImagesInRecycleBin, ec2:ListSnapshotsInRecycleBin, ec2:CreateTags (image and snapshots); rbin:ListRules,
/// rbin:GetRule; dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem on the ledger table.</remarks>
public sealed class ExpireFunction : LambdaFunction<ManualSweepInput, RunSummary>
{
    public const string FunctionName = "expire";

    /// <summary>The repository's sample payloads for this function (in <c>events/</c>), named when a payload cannot be read.</summary>
    public static IReadOnlyList<string> SampleEvents { get; } = ["expire-schedule.json", "expire-manual-dry-run.json", "expire-manual-images.json", "expire-clear-latch.json"];

    private readonly FunctionServices _services;
    private readonly ExpireSettings _settings;
    private readonly SweepPipeline _pipeline;
    private readonly TimeSpan? _recycleBinPollInterval;

    /// <param name="recycleBinPollInterval">Pause between Recycle Bin polls; default <see cref="RecycleBinVerifier.DefaultPollInterval"/>.</param>
    /// <exception cref="ConfigurationException">The environment is invalid (every bad variable named).</exception>
    public ExpireFunction(FunctionServices services, Ec2RateLimiterRegistry? rateLimiters = null, TimeSpan? recycleBinPollInterval = null)
        : base(FunctionName, FunctionsJsonContext.Default.ManualSweepInput, FunctionsJsonContext.Default.RunSummary)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _settings = ExpireSettings.Read(services.Environment);
        _pipeline = new SweepPipeline(FunctionName, services, _settings.Common, rateLimiters);
        _recycleBinPollInterval = recycleBinPollInterval;
    }

    public ExpireSettings Settings => _settings;

    protected override IReadOnlyList<string> SamplePayloads => SampleEvents;

    protected override async Task<RunSummary> HandleAsync(ManualSweepInput input, InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (input.ClearLatch is { } clear)
        {
            return await new LatchClearing(_services, FunctionName).ClearAsync(input, clear, context);
        }

        var request = input.Resolve(FunctionName, _settings.Common.DryRun);
        var client = _services.Ec2.ForRegion(_services.Region);
        var verifier = _settings.RequireRecycleBin
            ? new RecycleBinVerifier(client, _services.Time, _settings.RecycleBinCheck, _recycleBinPollInterval)
            : null;
        var safety = new RecycleBinSafety(
            _services.Ledger, () => _services.Apis.RecycleBinRules(_services.Region), client, verifier, _services.Time, _services.Region, context.RequestId);
        var records = new LedgerRecordFactory(client, _services.Time, _settings.ImageRetention);
        var policy = _settings.Policy;
        // The disable stage runs inside this sweep: one inventory, one lease and one cap serve both actions.
        var stage = policy.DisableStageOn
            ? new DisableStageCheck(_services.Ledger, _services.Time, TimeSpan.FromDays(policy.ExpireAfterDisabledDays))
            : null;
        var disabled = policy.DisableStageOn
            ? await new DisableDatesReader(_services.Ledger, client, _services.Time, context.Logger)
                .ReadAsync(_services.Region, request.DryRun, context.CancellationToken)
            : null;
        var guard = new ExpiryGuard(_services.Ledger, records, new RecycleBinTagger(client), safety, _services.Time, context.RequestId, stage);
        var disables = new DisableRecorder(_services.Ledger, _services.Time, context.RequestId);
        return await _pipeline.RunAsync(
            request,
            context,
            (inventory, selection, now) => ExpiryPlanner.Plan(inventory, policy, selection, now, disabled),
            _settings.Common.ToExecutionOptions(request.DryRun, _settings.Policy.ToProtectionOptions(), guard) with
            {
                DisableGuard = disables,
                // Newest K and last-of-family counted again right before each DeregisterImage, on the images that exist then.
                FamilyRecount = new FamilyKeepRule(_settings.Policy.CreateFamilyResolver(), _settings.Policy.KeepNewest),
            },
            new ExpiryCompletion(guard, disables, _settings.SnapshotPricePerGiBMonth),
            new SharingOptions(_settings.Policy.SharedImages, TimeSpan.FromDays(_settings.Policy.UsageReportMaxAgeDays)),
            safety,
            (inventory, selection, now) => ExpiryPlanner.Candidates(inventory, _settings.Policy, selection, now));
    }
}
