using AmiAutomation.Aws.Disabling;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;

namespace AmiAutomation.Functions.Restore;

/// <summary>
/// <c>restore</c> (invoked by hand, or by failed-launch events when AUTO_ENABLE_ON_DEMAND is on: see
/// <see cref="OnDemand.OnDemandRestore"/>): lists the AMIs in the Recycle Bin, or restores one (by id, or the most recently
/// deregistered match of a name or family) snapshots first, as the ledger recorded it, held for RESTORE_HOLD_DAYS; or
/// enables disabled images (<c>{"enable": [...]}</c>, <see cref="DisabledImageEnabler"/>), same hold and public rule.
/// </summary>
/// <remarks>IAM: ec2:ListImagesInRecycleBin, ec2:ListSnapshotsInRecycleBin, ec2:DescribeImages, ec2:DescribeSnapshots,
/// ec2:RestoreSnapshotFromRecycleBin, ec2:RestoreImageFromRecycleBin, ec2:CreateTags, ec2:DeleteTags (the Recycle Bin mark only), ec2:ModifyImageAttribute,
/// ec2:EnableImageDeprecation, ec2:DisableImageDeprecation, ec2:EnableImage, ec2:DescribeImageAttribute (enable); the ledger's GetItem, PutItem, Query and UpdateItem; the run lease's
/// PutItem, GetItem and DeleteItem (live restores take the lease: one destructive run at a time). Self-healing adds
/// ec2:DescribeLaunchTemplateVersions (ssm:GetParameters for aliases), autoscaling:DescribeAutoScalingGroups and
/// autoscaling:DescribeLaunchConfigurations.</remarks>
public sealed class RestoreFunction : LambdaFunction<RestoreInput, RestoreOutput>
{
    public const string FunctionName = "restore";

    /// <summary>The repository's sample payloads for this function (in <c>events/</c>), named when a payload cannot be read.</summary>
    public static IReadOnlyList<string> SampleEvents { get; } =
    [
        "restore-list.json", "restore-image.json", "restore-dry-run.json", "restore-by-name.json", "restore-by-family.json", "restore-enable.json",
        "restore-on-demand-runinstances-failed.json", "restore-on-demand-asg-runinstances-failed.json",
        "restore-on-demand-createfleet-failed.json", "restore-on-demand-asg-launch-unsuccessful.json",
    ];

    private readonly FunctionServices _services;
    private readonly RestoreSettings _settings;
    private readonly Ec2RateLimiterRegistry _rateLimiters;

    /// <exception cref="ConfigurationException">The environment is invalid (every bad variable named).</exception>
    public RestoreFunction(FunctionServices services, Ec2RateLimiterRegistry? rateLimiters = null)
        : base(FunctionName, RestoreJsonContext.Default.RestoreInput, RestoreJsonContext.Default.RestoreOutput)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _settings = RestoreSettings.Read(services.Environment);
        _rateLimiters = rateLimiters ?? new Ec2RateLimiterRegistry(services.Time);
    }

    public RestoreSettings Settings => _settings;

    protected override IReadOnlyList<string> SamplePayloads => SampleEvents;

    protected override async Task<RestoreOutput> HandleAsync(RestoreInput input, InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (input.HasEnvelope)
        {
            return await new OnDemand.OnDemandRestore(_services, _settings, _rateLimiters, Options(context)).HandleAsync(input, context);
        }

        var request = input.Resolve(FunctionName, _settings.Common.DryRun);
        var startedAt = _services.Time.GetUtcNow();
        var action = request.EnableImageIds is not null ? RestoreInput.EnableAction : request.IsList ? RestoreInput.ListAction : RestoreInput.RestoreAction;
        RestoreLog.Started(context.Logger, action, _services.Region, request.Target?.ToString() ?? (request.EnableImageIds is { } ids ? string.Join(", ", ids) : null), request.DryRun);
        if (request.EnableImageIds is not null)
        {
            return await EnableAsync(request, context, startedAt);
        }

        var restorer = CreateRestorer(context);
        if (request.IsList)
        {
            var entries = await restorer.ListAsync(context.CancellationToken);
            RestoreLog.Listed(context.Logger, _services.Region, entries.Count);
            return RestoreOutputMapper.ForList(entries, _services.Region, context.RequestId, request.DryRun, startedAt, _services.Time.GetUtcNow());
        }

        RunLeaseGate? gate = null;
        RunLeaseHolder? lease = null;
        if (!request.DryRun)
        {
            gate = new RunLeaseGate(_services.RunLease, FunctionName, _services.Region, _services.Time, _settings.Common.RunLeaseWait);
            (lease, var blocked) = await gate.AcquireAsync(context);
            if (blocked is not null)
            {
                context.Metrics.Add(MetricNames.RunsBlocked, 1);
                context.Metrics.Add(MetricNames.RunsCompleted, 1);
                return RestoreOutputMapper.ForBlocked(request.Target!, _services.Region, context.RequestId, blocked, startedAt, _services.Time.GetUtcNow());
            }
        }

        RestoreResult result;
        try
        {
            result = await restorer.RestoreAsync(request.Target!, request.DryRun, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RestoreLog.Failed(context.Logger, request.Target!.ToString(), ex.GetType().Name, ex.Message);
            context.Metrics.Add(RestoreMetricNames.RestoreFailures, 1);
            context.Metrics.Add(MetricNames.ActionsFailed, 1);
            throw;
        }
        finally
        {
            if (gate is not null && lease is not null)
            {
                await gate.ReleaseAsync(lease, context);
            }
        }

        Record(result, context.Metrics);
        var output = RestoreOutputMapper.ForRestore(result, request.Target!, context.RequestId, startedAt, _services.Time.GetUtcNow());
        RestoreLog.Finished(context.Logger, output.ImageId, output.Status!, result.SnapshotsRestored, result.ImageRestored, output.Message);
        return result.Status == RestoreStatus.Failed ? throw new RestoreStepFailedException(result) : output;
    }

    /// <summary>The enable payload; a live one takes the run lease like a restore (one destructive run at a time).</summary>
    private async Task<RestoreOutput> EnableAsync(RestoreRequest request, InvocationContext context, DateTimeOffset startedAt)
    {
        var enabler = new DisabledImageEnabler(
            _services.Ec2.ForRegion(_services.Region),
            _services.Ledger,
            new EnableOptions
            {
                Region = _services.Region,
                AccountId = InvocationAccount.Resolve(_settings.Common.AccountId, context.InvokedFunctionArn),
                Policy = _settings.Policy,
            },
            _services.Time,
            _rateLimiters.ForRegion(_services.Region));
        if (request.DryRun)
        {
            return await EnableRunner.RunAsync(enabler, request, _services.Region, context, startedAt, _services.Time);
        }

        var gate = new RunLeaseGate(_services.RunLease, FunctionName, _services.Region, _services.Time, _settings.Common.RunLeaseWait);
        var (lease, blocked) = await gate.AcquireAsync(context);
        if (blocked is not null)
        {
            context.Metrics.Add(MetricNames.RunsBlocked, 1);
            context.Metrics.Add(MetricNames.RunsCompleted, 1);
            return new RestoreOutput
            {
                Function = FunctionName, Region = _services.Region, RequestId = context.RequestId, Action = RestoreInput.EnableAction,
                DryRun = false, StartedAt = startedAt, FinishedAt = _services.Time.GetUtcNow(), RunStatus = RunStatus.Blocked,
                BlockedReason = blocked, Message = $"Not enabled: {blocked}",
            };
        }

        try
        {
            return await EnableRunner.RunAsync(enabler, request, _services.Region, context, startedAt, _services.Time);
        }
        finally
        {
            if (lease is not null)
            {
                await gate.ReleaseAsync(lease, context);
            }
        }
    }

    private RecycleBinRestorer CreateRestorer(InvocationContext context) =>
        new(_services.Ec2.ForRegion(_services.Region), _services.Ledger, Options(context), _services.Time, context.Logger, _rateLimiters.ForRegion(_services.Region));

    private RestoreOptions Options(InvocationContext context) => new()
    {
        Region = _services.Region,
        AccountId = InvocationAccount.Resolve(_settings.Common.AccountId, context.InvokedFunctionArn),
        Policy = _settings.Policy,
        Families = _settings.Families,
        PollInterval = _settings.PollInterval,
    };

    private static void Record(RestoreResult result, MetricsRecorder metrics)
    {
        if (result.ImageRestored)
        {
            metrics.Add(RestoreMetricNames.ImagesRestored, 1);
        }

        if (result.SnapshotsRestored > 0)
        {
            metrics.Add(RestoreMetricNames.SnapshotsRestored, result.SnapshotsRestored);
        }

        if (result.Status == RestoreStatus.Failed)
        {
            metrics.Add(RestoreMetricNames.RestoreFailures, 1);
            metrics.Add(MetricNames.ActionsFailed, 1);
        }

        metrics.Add(MetricNames.RunsCompleted, 1);
    }

    /// <summary>The account from <c>arn:aws:lambda:region:ACCOUNT:function:name</c>; null when absent or not an ARN.</summary>
    public static string? AccountIdFromArn(string? functionArn) => InvocationAccount.FromArn(functionArn);
}
