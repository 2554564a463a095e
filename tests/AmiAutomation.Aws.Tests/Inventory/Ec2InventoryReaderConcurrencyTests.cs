using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>The fleet-wide sources are read side by side: they overlap, one failing does not touch the others, and the
/// reports and references come out in the same order whatever finished first.</summary>
public sealed class Ec2InventoryReaderConcurrencyTests
{
    private static readonly InventorySource[] ReportOrder =
    [
        InventorySource.Images, InventorySource.Instances, InventorySource.LaunchTemplates, InventorySource.ImageReferences,
        InventorySource.LastLaunchedTime, InventorySource.LaunchConfigurations, InventorySource.SpotRequests, InventorySource.SpotFleets,
    ];

    private static Task<InventorySnapshot> ReadAsync(SourceGate gate, CancellationToken cancellationToken = default) =>
        new Ec2InventoryReader(new FixedEc2ClientFactory(gate.Client), gate, TestLimits.Registry())
            .ReadAsync("us-east-1", InventoryOptions.Default, _ => new HashSet<string>(StringComparer.Ordinal), cancellationToken);

    [Fact]
    public async Task ReadAsync_EachSourceWaitsForAllToStart_AllOverlapAndComplete()
    {
        var gate = new SourceGate();

        var snapshot = await ReadAsync(gate);

        // Read one after another, the first listing would have waited for the others until the gate gave up (Failed).
        Assert.True(gate.AllStarted.IsCompletedSuccessfully);
        Assert.Equal(SourceGate.Actions.Order(StringComparer.Ordinal), gate.Started.Order(StringComparer.Ordinal));
        Assert.True(snapshot.IsComplete, string.Join("; ", snapshot.FailedSources.Select(s => $"{s.Source}: {s.Error}")));
        Assert.Equal(ReportOrder, snapshot.Sources.Select(s => s.Source));
        Assert.Equal(
            [(ReferenceKind.Instance, "i-1"), (ReferenceKind.LaunchConfiguration, "lc-1"), (ReferenceKind.SpotRequest, "sir-1")],
            snapshot.References.For("ami-00000001").Select(r => (r.Kind, r.ResourceId)));
    }

    [Theory]
    [InlineData("DescribeImages", InventorySource.Images)]
    [InlineData("DescribeInstances", InventorySource.Instances)]
    [InlineData("autoscaling:DescribeLaunchConfigurations", InventorySource.LaunchConfigurations)]
    [InlineData("DescribeSpotFleetRequests", InventorySource.SpotFleets)]
    public async Task ReadAsync_OneSourceThrowsWhileOthersRun_OnlyItFailsAndAllAreReported(string action, InventorySource failing)
    {
        var gate = new SourceGate { FailAfterStart = action };

        var snapshot = await ReadAsync(gate);

        Assert.Equal(ReportOrder, snapshot.Sources.Select(s => s.Source));
        var failed = Assert.Single(snapshot.FailedSources, s => s.Source != InventorySource.LastLaunchedTime);
        Assert.Equal(failing, failed.Source);
        Assert.Equal(SourceStatus.Failed, failed.Status);
        Assert.Contains("connection reset by the gate", failed.Error, StringComparison.Ordinal);
        Assert.All(
            snapshot.Sources.Where(s => s.Source != failing && s.Source != InventorySource.LastLaunchedTime),
            s => Assert.Equal(SourceStatus.Complete, s.Status));
        Assert.Equal(failing != InventorySource.Instances, snapshot.References.For("ami-00000001").Any(r => r.Kind == ReferenceKind.Instance));
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileSourcesWait_EverySourceReportedFailedNothingThrown()
    {
        using var cancel = new CancellationTokenSource();
        var gate = new SourceGate { Patience = TimeSpan.FromMinutes(5), HoldAfterStart = true };
        var read = ReadAsync(gate, cancel.Token);

        await gate.AllStarted.WaitAsync(TimeSpan.FromSeconds(10));
        cancel.Cancel();
        var snapshot = await read.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ReportOrder, snapshot.Sources.Select(s => s.Source));
        Assert.False(snapshot.IsComplete);
        Assert.All(
            snapshot.Sources.Where(s => s.Source is not (InventorySource.ImageReferences or InventorySource.LastLaunchedTime)),
            s => Assert.Equal(SourceStatus.Failed, s.Status));
        Assert.Contains(snapshot.Sources, s => s.Error?.StartsWith("Cancelled during", StringComparison.Ordinal) == true);
    }
}
