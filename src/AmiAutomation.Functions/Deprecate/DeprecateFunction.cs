using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Functions.Deprecate;

/// <summary>
/// <c>deprecate</c>: sets EC2 deprecation times on stale images of the stack's region (scheduled; or manual with a
/// selection). Not destructive: deprecated images still launch by id, from launch templates and Auto Scaling groups.
/// </summary>
/// <remarks>IAM: ec2:DescribeImages, ec2:DescribeInstances, ec2:DescribeLaunchTemplates,
/// ec2:DescribeLaunchTemplateVersions, ec2:DescribeImageReferences, ec2:EnableImageDeprecation.</remarks>
public sealed class DeprecateFunction : LambdaFunction<ManualSweepInput, RunSummary>
{
    public const string FunctionName = "deprecate";

    /// <summary>The repository's sample payloads for this function (in <c>events/</c>), named when a payload cannot be read.</summary>
    public static IReadOnlyList<string> SampleEvents { get; } = ["deprecate-schedule.json", "deprecate-manual-dry-run.json", "deprecate-manual-family.json"];

    private readonly DeprecateSettings _settings;
    private readonly SweepPipeline _pipeline;

    /// <exception cref="ConfigurationException">The environment is invalid (every bad variable named).</exception>
    public DeprecateFunction(FunctionServices services, Ec2RateLimiterRegistry? rateLimiters = null)
        : base(FunctionName, FunctionsJsonContext.Default.ManualSweepInput, FunctionsJsonContext.Default.RunSummary)
    {
        ArgumentNullException.ThrowIfNull(services);
        _settings = DeprecateSettings.Read(services.Environment);
        _pipeline = new SweepPipeline(FunctionName, services, _settings.Common, rateLimiters);
    }

    public DeprecateSettings Settings => _settings;

    protected override IReadOnlyList<string> SamplePayloads => SampleEvents;

    protected override Task<RunSummary> HandleAsync(ManualSweepInput input, InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Resolve(FunctionName, _settings.Common.DryRun);
        var execution = _settings.Common.ToExecutionOptions(request.DryRun, _settings.Policy.ToProtectionOptions());
        return _pipeline.RunAsync(
            request,
            context,
            (inventory, selection, now) => DeprecationPlanner.Plan(inventory, _settings.Policy, selection, now),
            execution,
            candidates: (inventory, selection, now) => DeprecationPlanner.Candidates(inventory, _settings.Policy, selection, now));
    }
}
