using AmiAutomation.TestKit.Logging;
using System.Text;
using System.Text.Json;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Seeding;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>
/// One simulated account in three regions: the stack's source region eu-west-1 and the destinations us-east-1 and
/// eu-central-1 (where the same stack runs too, for finishing). Live runs by default (DRY_RUN=false); copies stay
/// pending for <see cref="SimulatorOptions.CopyDuration"/> (5 minutes) on the fake clock.
/// </summary>
public sealed class CopyHarness
{
    public const string Home = "eu-west-1";
    public const string UsEast = "us-east-1";
    public const string Frankfurt = "eu-central-1";
    public const string AccountId = "123456789012";
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public CopyHarness(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { AccountId = AccountId };
        configure?.Invoke(options);
        Ec2 = new Ec2Simulator(Time, options);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public Ec2Simulator Ec2 { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        [CommonSettings.DryRunVariable] = "false",
    };

    public RecordingLogger Logger { get; private set; } = new();

    public MetricsRecorder Metrics { get; private set; } = new();

    public Ec2ReplicatorOptions ReplicatorOptions { get; set; } = Ec2ReplicatorOptions.Default;

    public CopyFunction Function(string region = Home) => new(Services(region), new Ec2RateLimiterRegistry(Time, Unlimited), ReplicatorOptions);

    public FunctionServices Services(string region) => new()
    {
        Region = region,
        Ec2 = Ec2.ClientFactory,
        Apis = new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(Ec2),
        Ledger = new RecordingLedger(),
        RunLease = new AmiAutomation.Simulation.Ledger.InMemoryRunLease(),
        Time = Time,
        Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>(Environment, StringComparer.Ordinal)),
    };

    public static Ec2RateLimits Unlimited { get; } = new(Enum.GetValues<Ec2ActionClass>().ToDictionary(c => c, _ => new TokenBucketLimit(1_000_000, 1_000_000)));

    /// <summary>A source image in <see cref="Home"/> tagged to be copied to <paramref name="copyTo"/> (null: untagged).</summary>
    public string AddSource(string? copyTo, Action<ImageBuilder>? configure = null) =>
        Ec2.AddImage(Home, b =>
        {
            b.Named("web-" + Guid.NewGuid().ToString("N")[..8]).CreatedAgo(TimeSpan.FromHours(1)).WithSnapshot(8).Tagged("team", "web");
            if (copyTo is not null)
            {
                b.Tagged(TagNames.CopyTo, copyTo);
            }

            configure?.Invoke(b);
        });

    /// <summary>A source copied to us-east-1 carrying <paramref name="userTags"/> user tags in all ("team" and the copy-to
    /// tag, then <c>tag-00</c>, <c>tag-01</c>, …).</summary>
    public string AddSourceWithUserTags(int userTags) =>
        AddSource(UsEast, b =>
        {
            for (var i = 0; i < userTags - 2; i++)
            {
                b.Tagged(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tag-{i:00}"), "value");
            }
        });

    public Task<CopyOutput> AvailableAsync(CopyFunction function, string imageId, string? region = null) =>
        InvokeAsync(function, Event(region ?? Home, imageId, "available"));

    public async Task<CopyOutput> InvokeAsync(CopyFunction function, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        Logger = new RecordingLogger();
        Metrics = new MetricsRecorder();
        var output = await function.InvokeAsync(Encoding.UTF8.GetBytes(json), Context(cancellationToken));
        return JsonSerializer.Deserialize(output, CopyJsonContext.Default.CopyOutput)!;
    }

    /// <summary>The ARN Lambda sends with each invocation; the function takes its account from it.</summary>
    public string? InvokedFunctionArn { get; set; } = $"arn:aws:lambda:{Home}:{AccountId}:function:stack-copy";

    public InvocationContext Context(CancellationToken cancellationToken = default) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N")[..12],
        FunctionName = "copy",
        InvokedFunctionArn = InvokedFunctionArn,
        Deadline = Time.GetUtcNow().AddMinutes(15),
        CancellationToken = cancellationToken,
        TimeProvider = Time,
        Logger = Logger,
        Metrics = Metrics,
    };

    /// <summary>An EC2 AMI State Change event exactly as documented.</summary>
    public static string Event(string region, string imageId, string state, string errorMessage = "", string account = AccountId) => $$"""
        {
          "version": "0",
          "id": "{{Guid.NewGuid()}}",
          "detail-type": "EC2 AMI State Change",
          "source": "aws.ec2",
          "account": "{{account}}",
          "time": "2026-03-04T10:15:30Z",
          "region": "{{region}}",
          "resources": ["arn:aws:ec2:{{region}}::image/{{imageId}}"],
          "detail": { "RequestId": "{{Guid.NewGuid()}}", "ImageId": "{{imageId}}", "State": "{{state}}", "ErrorMessage": "{{errorMessage}}" }
        }
        """;

    public const string Reconcile = """{"action": "reconcile"}""";

    /// <summary>Every image in <paramref name="region"/> that is a copy of <paramref name="sourceId"/> (any state).</summary>
    public IReadOnlyList<Image> CopiesOf(string region, string sourceId) =>
        [.. Ec2.ListImages(region).Where(i => i.SourceImageId == sourceId)];

    public Image SingleCopy(string region, string sourceId) => Assert.Single(CopiesOf(region, sourceId));

    public IReadOnlyDictionary<string, string> Tags(string region, string id) => Ec2.TagsOf(region, id);

    public void Advance(TimeSpan by) => Time.Advance(by);

    public void CopiesComplete() => Time.Advance(Ec2.Options.CopyDuration + TimeSpan.FromSeconds(1));

    public double Metric(string name, string? dimensionValue = null) => Metrics.Data
        .Where(d => d.Name == name && (dimensionValue is null || d.Dimensions.Any(x => x.Value == dimensionValue)))
        .Sum(d => d.Value);

    public int CopyImageCalls(string? region = null) =>
        Ec2.Calls.All.Count(c => c.Action == "CopyImage" && c.Succeeded && !c.DryRun && (region is null || c.Region == region));

    /// <summary>Mutating calls sent without DryRun, in any region.</summary>
    public IReadOnlyList<string> LiveMutations() =>
        [.. Ec2.Calls.All.Where(c => !c.DryRun && !SweepHarness.IsReadOnly(c.Action)).Select(c => $"{c.Action}@{c.Region}")];

    /// <summary>Images (state, deprecation, tags, shares) and snapshot counts of all three regions, as text.</summary>
    public string WorldFingerprint() => string.Join(
        "\n",
        new[] { Home, UsEast, Frankfurt }.SelectMany(region => Ec2.ListImages(region).Select(i =>
            $"{region}|{i.ImageId}|{i.State?.Value}|{i.DeprecationTime}|"
            + string.Join(",", (i.Tags ?? []).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value)) + "|"
            + string.Join(",", Ec2.LaunchPermissionsOf(region, i.ImageId).Select(p => p.Kind + ":" + p.Value)))
            .Append($"{region} snapshots={Ec2.SnapshotCount(region)} images={Ec2.ImageCount(region)}")));
}
