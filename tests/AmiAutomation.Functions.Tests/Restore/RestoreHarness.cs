using AmiAutomation.TestKit.Logging;
using System.Text;
using System.Text.Json;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Ledger;
using AmiAutomation.Simulation.Seeding;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Functions.Tests.Restore;

/// <summary>
/// One simulated account and region for the restore function: a fake clock, the EC2 simulator with Recycle Bin rules
/// for images and snapshots, the in-memory ledger, and helpers that retire an image the way the expire function does
/// (ledger record, then DeregisterImage with its snapshots) and invoke the function while advancing the clock.
/// </summary>
public sealed class RestoreHarness
{
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:stack-restore";
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public RestoreHarness(int imageRetentionDays = 30, int snapshotRetentionDays = 30)
    {
        Ec2 = new Ec2Simulator(Time, new SimulatorOptions { AccountId = AccountId, SnapshotRestoreDuration = TimeSpan.FromMinutes(2) });
        Ec2.AddRecycleBinRule(Region, new RecycleBinRule(RecycleBinResourceType.Ec2Image, imageRetentionDays));
        Ec2.AddRecycleBinRule(Region, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, snapshotRetentionDays));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public Ec2Simulator Ec2 { get; }

    public InMemoryDeregistrationLedger Ledger { get; } = new();

    public InMemoryRunLease RunLease { get; } = new();

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        [CommonSettings.DryRunVariable] = "false",
        [CommonSettings.LedgerTableNameVariable] = "ami-ledger",
    };

    public RecordingLogger Logger { get; private set; } = new();

    public MetricsRecorder Metrics { get; private set; } = new();

    /// <summary>The function's ARN in the context (the account the owner check uses when ACCOUNT_ID is unset).</summary>
    public string? InvokedFunctionArn { get; set; } = FunctionArn;

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

    public RestoreFunction Function() => new(Services, new Ec2RateLimiterRegistry(Time, SweepHarness.Unlimited));

    public string AddImage(Action<ImageBuilder>? configure = null) => Ec2.AddImage(Region, configure);

    /// <summary>Retires an image like the expire function: ledger record first (unless <paramref name="withRecord"/> is
    /// false), then DeregisterImage with DeleteAssociatedSnapshots, then the record marked Deregistered.</summary>
    public async Task<LedgerRecord?> RetireAsync(string imageId, string family = "web-server", bool withRecord = true)
    {
        var image = Ec2ImageMapper.ToAmiImage(Ec2.FindImage(Region, imageId) ?? throw new ArgumentException(imageId), Region);
        LedgerRecord? record = null;
        if (withRecord)
        {
            record = new LedgerRecord
            {
                ImageId = imageId,
                Region = Region,
                Name = image.Name,
                Description = image.Description,
                Family = family,
                Tags = new Dictionary<string, string>(image.Tags, StringComparer.Ordinal),
                Snapshots = image.Snapshots,
                LaunchPermissions = Ec2.LaunchPermissionsOf(Region, imageId),
                DeprecationTime = image.DeprecationTime,
                Reasons = ["DeprecatedLongEnough: deprecated 40 days ago"],
                RunId = "run-expire-1",
                RecordedAt = Time.GetUtcNow(),
                ExpiresAt = Time.GetUtcNow().AddDays(30),
            };
            await Ledger.PutAsync(record, CancellationToken.None);
        }

        var response = await Ec2.ClientFor(Region).DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId, DeleteAssociatedSnapshots = true });
        Assert.All(response.DeleteSnapshotResults, r => Assert.Equal("success", r.ReturnCode.Value));
        Assert.True(Ec2.IsImageInRecycleBin(Region, imageId));
        if (withRecord)
        {
            await Ledger.UpdateStatusAsync(Region, imageId, LedgerStatus.Deregistered, Time.GetUtcNow(), CancellationToken.None);
        }

        return withRecord ? await Ledger.GetAsync(Region, imageId, CancellationToken.None) : null;
    }

    public InvocationContext Context(CancellationToken cancellationToken = default) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N")[..12],
        FunctionName = "stack-restore",
        InvokedFunctionArn = InvokedFunctionArn,
        Deadline = Time.GetUtcNow().AddMinutes(15),
        CancellationToken = cancellationToken,
        TimeProvider = Time,
        Logger = Logger,
        Metrics = Metrics,
    };

    /// <summary>Invokes the function with <paramref name="json"/>, advancing the fake clock while it waits on it.</summary>
    public async Task<RestoreOutput> InvokeAsync(string json, CancellationToken cancellationToken = default, RestoreFunction? function = null)
    {
        Logger = new RecordingLogger();
        Metrics = new MetricsRecorder();
        var task = (function ?? Function()).InvokeAsync(Encoding.UTF8.GetBytes(json), Context(cancellationToken));
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
        }

        var output = await task;
        return JsonSerializer.Deserialize(output, RestoreJsonContext.Default.RestoreOutput)!;
    }

    public async Task<TException> InvokeFailingAsync<TException>(string json)
        where TException : Exception =>
        await Assert.ThrowsAsync<TException>(() => InvokeAsync(json));

    public double Metric(string name) => Metrics.Data.Where(d => d.Name == name).Sum(d => d.Value);

    /// <summary>Mutating EC2 calls sent without DryRun after the first <paramref name="skip"/> calls.</summary>
    public IReadOnlyList<string> LiveMutations(int skip = 0) =>
        [.. Ec2.Calls.All.Skip(skip).Where(c => !c.DryRun && !SweepHarness.IsReadOnly(c.Action)).Select(c => c.Action)];

    public IReadOnlyDictionary<string, string> Tags(string imageId) => Ec2.TagsOf(Region, imageId);
}
