using AmiAutomation.TestKit.Logging;
using System.Text;
using System.Text.Json;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Ledger;
using AmiAutomation.Simulation.Seeding;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>
/// One simulated account and region for the sweep functions: a <see cref="FakeTimeProvider"/>, the EC2 simulator, a
/// recording ledger, environment variables, and helpers to invoke a function with a JSON payload.
/// </summary>
public sealed class SweepHarness
{
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";

    /// <summary>What the template's schedules send.</summary>
    public const string ScheduleJson = """{"source": "schedule"}""";
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public SweepHarness()
    {
        Ec2 = new Ec2Simulator(Time, new SimulatorOptions { AccountId = AccountId });
        Ec2.AddRecycleBinRule(Region, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 30));
        Ec2.AddRecycleBinRule(Region, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, 30));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public Ec2Simulator Ec2 { get; }

    public RecordingLedger Ledger { get; } = new();

    /// <summary>The run lease every function built by this harness shares (one account and region).</summary>
    public InMemoryRunLease RunLease { get; } = new();

    /// <summary>Environment of the functions; tests set policy variables before building a function.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        [CommonSettings.LedgerTableNameVariable] = "ami-ledger",
    };

    public RecordingLogger Logger { get; private set; } = new();

    public MetricsRecorder Metrics { get; private set; } = new();

    /// <summary>Client-side limits that never make a test wait on the fake clock.</summary>
    public Ec2RateLimiterRegistry RateLimiters => new(Time, Unlimited);

    public static Ec2RateLimits Unlimited { get; } = new(Enum.GetValues<Ec2ActionClass>().ToDictionary(c => c, _ => new TokenBucketLimit(1_000_000, 1_000_000)));

    public FunctionServices Services => new()
    {
        Region = Region,
        Ec2 = Ec2.ClientFactory,
        Apis = new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(Ec2),
        Ledger = Ledger,
        RunLease = RunLease,
        Time = Time,
        Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>(Environment, StringComparer.Ordinal)),
    };

    public DeprecateFunction Deprecate() => new(Services, RateLimiters);

    public ExpireFunction Expire() => new(Services, RateLimiters, TimeSpan.FromSeconds(2));

    public HarnessOptions Live()
    {
        Environment[CommonSettings.DryRunVariable] = "false";
        return new HarnessOptions(this);
    }

    public string AddImage(Action<ImageBuilder>? configure = null) => Ec2.AddImage(Region, configure);

    public Amazon.EC2.Model.Image? Image(string imageId) => Ec2.FindImage(Region, imageId);

    public InvocationContext Context(CancellationToken cancellationToken = default) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N")[..12],
        FunctionName = "test",
        Deadline = Time.GetUtcNow().AddMinutes(15),
        CancellationToken = cancellationToken,
        TimeProvider = Time,
        Logger = Logger,
        Metrics = Metrics,
    };

    /// <summary>Invokes <paramref name="function"/> with <paramref name="json"/> as the payload and reads its output back.</summary>
    /// <remarks>The default payload is the schedule's: the run uses the configured DRY_RUN (a manual <c>{}</c> is a dry run).</remarks>
    public async Task<RunSummary> InvokeAsync(ILambdaFunction function, string json = ScheduleJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        Logger = new RecordingLogger();
        Metrics = new MetricsRecorder();
        var output = await function.InvokeAsync(Encoding.UTF8.GetBytes(json), Context(cancellationToken));
        return JsonSerializer.Deserialize(output, FunctionsJsonContext.Default.RunSummary)!;
    }

    /// <summary>
    /// Like <see cref="InvokeAsync"/>, advancing the fake clock while the invocation waits on it (Recycle Bin polling).
    /// </summary>
    public async Task<RunSummary> InvokeAdvancingClockAsync(ILambdaFunction function, string json = ScheduleJson)
    {
        var task = InvokeAsync(function, json);
        while (!task.IsCompleted)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        return await task;
    }

    /// <summary>Everything a sweep could change in the region, as text: images (state, deprecation, tags, shares) and snapshot count.</summary>
    public string WorldFingerprint() =>
        string.Join(
            "\n",
            Ec2.ListImages(Region).Select(i =>
                $"{i.ImageId}|{i.State?.Value}|{i.DeprecationTime}|{i.Public}|"
                + string.Join(",", (i.Tags ?? []).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value)) + "|"
                + string.Join(",", Ec2.LaunchPermissionsOf(Region, i.ImageId).Select(p => p.Kind + ":" + p.Value))))
        + $"\nsnapshots={Ec2.SnapshotCount(Region)} images={Ec2.ImageCount(Region)}";

    public double Metric(string name, string? dimensionValue = null) => Metrics.Data
        .Where(d => d.Name == name && (dimensionValue is null || d.Dimensions.Any(x => x.Value == dimensionValue)))
        .Sum(d => d.Value);

    /// <summary>Names of mutating EC2 calls that were sent without DryRun.</summary>
    public IReadOnlyList<string> LiveMutations() =>
        [.. Ec2.Calls.All.Where(c => !c.DryRun && !IsReadOnly(c.Action)).Select(c => c.Action)];

    /// <summary>Describe/List/Get calls of any service (namespaced actions such as <c>autoscaling:Describe…</c> included).</summary>
    public static bool IsReadOnly(string action)
    {
        action = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return action.StartsWith("Describe", StringComparison.Ordinal) || action.StartsWith("List", StringComparison.Ordinal) || action.StartsWith("Get", StringComparison.Ordinal);
    }
}
