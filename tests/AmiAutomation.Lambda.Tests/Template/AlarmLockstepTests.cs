using System.Net;
using System.Text.Json;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.TestKit.Logging;
using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>
/// Every alarm on our own metrics watches a metric the code emits, with the exact namespace and dimensions, and each
/// one is emitted in its failing case — written as EMF the way the host writes it and passed through Lambda's level
/// filter at the function's ApplicationLogLevel, with the stack's LogLevel at ERROR.
/// </summary>
public sealed class AlarmLockstepTests
{
    private static readonly SamTemplate Template = SamTemplate.Load();

    /// <summary>Per-run metrics the code emits with the service dimension only (alarmable as such).</summary>
    private static readonly string[] AlarmableMetrics =
    [
        MetricNames.RunsCompleted, MetricNames.RunsBlocked, MetricNames.RunsFailed, MetricNames.InventorySourcesFailed,
        MetricNames.ActionsFailed, MetricNames.DestructiveRunAborted,
    ];

    public static TheoryData<string> OwnAlarms() => new(OwnAlarmIds());

    private static IEnumerable<string> OwnAlarmIds() => Template.ResourcesOfType("AWS::CloudWatch::Alarm")
        .Where(a => SamTemplate.Scalar(SamTemplate.Properties(a.Resource), "Namespace") == "AmiAutomation")
        .Select(a => a.LogicalId);

    private static (string Metric, string Service, YamlMappingNode Properties) AlarmOf(string logicalId)
    {
        var properties = SamTemplate.Properties(Template.ResourcesOfType("AWS::CloudWatch::Alarm").Single(a => a.LogicalId == logicalId).Resource);
        var dimensions = ((YamlSequenceNode)SamTemplate.Child(properties, "Dimensions")!).Children.OfType<YamlMappingNode>().ToList();
        var only = Assert.Single(dimensions);
        Assert.Equal("service", SamTemplate.Scalar(only, "Name"));
        return (SamTemplate.Scalar(properties, "MetricName")!, SamTemplate.Scalar(only, "Value")!, properties);
    }

    [Fact]
    public void Template_AlarmsOnEveryRunOutcome()
    {
        var watched = OwnAlarmIds().Select(AlarmOf).Select(a => (a.Metric, a.Service)).ToHashSet();

        foreach (var service in new[] { "deprecate", "expire" })
        {
            Assert.Contains((MetricNames.InventorySourcesFailed, service), watched);
        }

        foreach (var service in new[] { "deprecate", "expire", "copy", "restore" })
        {
            Assert.Contains((MetricNames.ActionsFailed, service), watched);
        }

        foreach (var service in new[] { "deprecate", "expire", "restore" })
        {
            Assert.Contains((MetricNames.RunsBlocked, service), watched);
        }

        Assert.Contains((MetricNames.DestructiveRunAborted, "expire"), watched);
        Assert.Contains((MetricNames.RunsCompleted, "expire"), watched);
    }

    [Theory]
    [MemberData(nameof(OwnAlarms))]
    public void Alarm_WatchesAMetricTheCodeEmitsForAFunctionOfTheStack(string logicalId)
    {
        var (metric, service, _) = AlarmOf(logicalId);

        Assert.Contains(metric, AlarmableMetrics);
        var handler = Assert.Single(Template.Functions(), f => f.Handler == service).Handler;
        Assert.Equal(service, TemplateEnvironment.For(handler)["POWERTOOLS_SERVICE_NAME"]);
        Assert.Equal("AmiAutomation", TemplateEnvironment.For(handler)["POWERTOOLS_METRICS_NAMESPACE"]);
    }

    [Fact]
    public void HeartbeatAlarm_BreachesWhenNoExpireRunCompletedForTheParameterisedWindow()
    {
        var (_, _, properties) = AlarmOf("ExpireHeartbeatAlarm");

        Assert.Equal("breaching", SamTemplate.Scalar(properties, "TreatMissingData"));
        Assert.Equal("LessThanThreshold", SamTemplate.Scalar(properties, "ComparisonOperator"));
        Assert.Equal("3600", SamTemplate.Scalar(properties, "Period"));
        Assert.Equal("ExpireHeartbeatHours", SamTemplate.Scalar(properties, "EvaluationPeriods"));
        var parameter = (YamlMappingNode)SamTemplate.Child(Template.Root, "Parameters", "ExpireHeartbeatHours")!;
        Assert.Equal("168", SamTemplate.Scalar(parameter, "MaxValue")); // CloudWatch: Period x EvaluationPeriods <= 7 days
    }

    [Theory]
    [MemberData(nameof(OwnAlarms))]
    public async Task Alarm_FailingCase_MetricEmittedAndKeptByLambdaAtLogLevelError(string logicalId)
    {
        var (metric, service, _) = AlarmOf(logicalId);
        var stack = new SimulatedStack();

        var recorded = await FailingCaseAsync(stack, metric, service);

        var data = recorded.Data.Where(d => d.Name == metric).ToList();
        Assert.True(data.Count > 0, $"{logicalId}: the {service} failing case did not record {metric}");
        Assert.All(data, d => Assert.Empty(d.Dimensions));
        var environment = TemplateEnvironment.For(service);
        environment["AMI_AUTOMATION_LOG_LEVEL"] = "ERROR";
        using var output = new StringWriter();
        new EmfMetricsWriter(environment["POWERTOOLS_METRICS_NAMESPACE"], environment["POWERTOOLS_SERVICE_NAME"], output, stack.Time).Write(recorded.Data);
        var kept = LambdaLogLevelFilter.Kept(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), ApplicationLogLevel(service));
        Assert.Contains(kept, line => Matches(line, metric, service));
    }

    private static string ApplicationLogLevel(string handler)
    {
        var properties = Template.Functions().Single(f => f.Handler == handler).Properties;
        return (SamTemplate.Child(properties, "LoggingConfig", "ApplicationLogLevel") as YamlScalarNode)?.Value
            ?? ((YamlScalarNode)SamTemplate.Child(Template.Root, "Globals", "Function", "LoggingConfig", "ApplicationLogLevel")!).Value!;
    }

    /// <summary>The EMF line declares namespace AmiAutomation, the dimension set [service] = <paramref name="service"/> and the metric.</summary>
    private static bool Matches(string line, string metric, string service)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        return directive.GetProperty("Namespace").GetString() == "AmiAutomation"
            && directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()).SequenceEqual(["service"])
            && directive.GetProperty("Metrics").EnumerateArray().Any(m => m.GetProperty("Name").GetString() == metric)
            && root.GetProperty("service").GetString() == service
            && root.TryGetProperty(metric, out _);
    }

    /// <summary>Runs the case that should raise the alarm of (<paramref name="metric"/>, <paramref name="service"/>).</summary>
    private static async Task<MetricsRecorder> FailingCaseAsync(SimulatedStack stack, string metric, string service)
    {
        var old = stack.Ec2.AddImage(SimulatedStack.Home, b => b.Named("alarm-app-1").Tagged(TagNames.Family, "alarm-app")
            .CreatedDaysAgo(400).DeprecatedAt(SimulatedStack.Start.AddDays(-60)).WithSnapshot(8));
        stack.Ec2.AddImage(SimulatedStack.Home, b => b.Named("alarm-app-2").Tagged(TagNames.Family, "alarm-app").CreatedDaysAgo(1).WithSnapshot(8));
        var overrides = new Dictionary<string, string> { [CommonSettings.RunLeaseWaitSecondsVariable] = "0", ["EXPIRE_KEEP_NEWEST"] = "1" };
        var payload = """{"source": "schedule"}""";
        switch (metric)
        {
            case var _ when metric == MetricNames.InventorySourcesFailed:
                stack.Ec2.Faults.FailAlways("DescribeLaunchTemplates", "InternalError", HttpStatusCode.InternalServerError);
                break;
            case var _ when metric == MetricNames.RunsBlocked:
                await stack.RunLease.TryAcquireAsync(
                    new RunLeaseHolder(SimulatedStack.Home, "other-run", "expire", SimulatedStack.Start, SimulatedStack.Start.AddHours(1)),
                    SimulatedStack.Start,
                    CancellationToken.None);
                if (service == "restore")
                {
                    payload = $$"""{"imageId": "{{old}}"}""";
                }

                break;
            case var _ when metric == MetricNames.DestructiveRunAborted:
                stack.Ec2.Faults.FailAlways("ListImagesInRecycleBin", "UnauthorizedOperation", HttpStatusCode.Forbidden);
                break;
            case var _ when metric == MetricNames.ActionsFailed && service == "deprecate":
                foreach (var days in new[] { 400, 300, 1 })
                {
                    stack.Ec2.AddImage(SimulatedStack.Home, b => b.Named($"alarm-stale-{days}").Tagged(TagNames.Family, "alarm-stale").CreatedDaysAgo(days).WithSnapshot(8));
                }

                stack.Ec2.Faults.FailAlways("EnableImageDeprecation", "InternalError", HttpStatusCode.InternalServerError);
                break;
            case var _ when metric == MetricNames.ActionsFailed && service == "expire":
                stack.Ec2.Faults.FailAlways("DeregisterImage", "InternalError", HttpStatusCode.InternalServerError);
                break;
            case var _ when metric == MetricNames.ActionsFailed && service == "copy":
                var source = stack.Ec2.AddImage(SimulatedStack.Home, b => b.Named("alarm-web-1").Tagged(TagNames.Family, "alarm-web")
                    .Tagged(TagNames.CopyTo, SimulatedStack.UsEast).CreatedAgo(TimeSpan.FromHours(1)).WithSnapshot(8));
                stack.Ec2.Faults.FailAlways("CopyImage", "InternalError", HttpStatusCode.InternalServerError);
                payload = SimulatedStack.AmiStateChange(SimulatedStack.Home, source, "available");
                break;
            case var _ when metric == MetricNames.ActionsFailed && service == "restore":
                payload = """{"imageId": "ami-0000000000000dead"}""";
                break;
            default:
                break;
        }

        var function = stack.Create(service, overrides: overrides);
        try
        {
            await stack.InvokeAsync(function, payload);
        }
#pragma warning disable CA1031 // A failing restore is also a function error; the metrics were recorded before it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return stack.LastMetrics;
    }
}
