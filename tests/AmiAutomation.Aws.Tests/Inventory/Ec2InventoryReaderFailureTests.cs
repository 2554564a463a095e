using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>Fail closed: every way a source can fail or look truncated.</summary>
public sealed class Ec2InventoryReaderFailureTests : InventoryReaderTestBase
{
    [Fact]
    public async Task ReadAsync_ImagesRepeatNextToken_ImagesTruncatedAndIncomplete()
    {
        for (var i = 0; i < 12; i++)
        {
            Ec2.AddImage(Ami(i));
        }

        Ec2.Faults.Add(new Fault("DescribeImages", 1, FaultKind.RepeatedToken));

        var snapshot = await ReadAsync(new InventoryOptions { ImagePageSize = 5 });

        Assert.False(snapshot.IsComplete);
        var images = Source(snapshot, InventorySource.Images);
        Assert.Equal(SourceStatus.Truncated, images.Status);
        Assert.Contains("a second time", images.Error, StringComparison.Ordinal);
        Assert.Equal(SourceStatus.Truncated, Source(snapshot, InventorySource.LastLaunchedTime).Status);
    }

    [Fact]
    public async Task ReadAsync_InstancesThrottledPastRetries_OnlyInstancesFailed()
    {
        Ec2.AddImage(Ami(1));
        Ec2.Faults.Add(new Fault("DescribeInstances", 0, FaultKind.Throttled));

        var snapshot = await ReadAsync();

        Assert.False(snapshot.IsComplete);
        var failed = Assert.Single(snapshot.FailedSources);
        Assert.Equal(InventorySource.Instances, failed.Source);
        Assert.Equal(SourceStatus.Failed, failed.Status);
        Assert.Contains("DescribeInstances failed: RequestLimitExceeded", failed.Error, StringComparison.Ordinal);
        Assert.Single(snapshot.Images);
    }

    [Fact]
    public async Task ReadAsync_ImageReferencesNotImplemented_FailedWithHint()
    {
        Ec2.AddImage(Ami(1));
        Ec2.Faults.Add(new Fault("DescribeImageReferences", 0, FaultKind.NotImplemented));

        var snapshot = await ReadAsync();

        var failed = Assert.Single(snapshot.FailedSources);
        Assert.Equal(InventorySource.ImageReferences, failed.Source);
        Assert.Contains("HTTP500", failed.Error, StringComparison.Ordinal);
        Assert.Contains("may not implement", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnresolvedSsmAlias_LaunchTemplatesTruncatedNamingTheVersion()
    {
        Ec2.AddTemplate("lt-1", Ami(1), "resolve:ssm:/golden/ami");

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("lt-1:2 → resolve:ssm:/golden/ami", source.Error, StringComparison.Ordinal);
        Assert.True(snapshot.References.IsReferenced(Ami(1)));
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_DisabledSource_ReportedDisabledAndNeverCalled()
    {
        Ec2.AddImage(Ami(1));

        var snapshot = await ReadAsync(new InventoryOptions { DisabledSources = new HashSet<InventorySource> { InventorySource.ImageReferences, InventorySource.LaunchTemplates } });

        Assert.True(snapshot.IsComplete);
        Assert.Equal(SourceStatus.Disabled, Source(snapshot, InventorySource.ImageReferences).Status);
        Assert.Equal(SourceStatus.Disabled, Source(snapshot, InventorySource.LaunchTemplates).Status);
        Assert.Equal(0, Ec2.Calls("DescribeImageReferences"));
        Assert.Equal(0, Ec2.Calls("DescribeLaunchTemplates"));
    }

    [Fact]
    public async Task ReadAsync_UnreadableCreationDate_ImagesCompleteThatImageMarkedUnreadable()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddImage(Ami(2), i => i.CreationDate = "last tuesday");

        var snapshot = await ReadAsync();

        // One odd image must not fail the region's inventory; it alone is protected (UnreadableTime) by the planners.
        Assert.Equal(SourceStatus.Complete, Source(snapshot, InventorySource.Images).Status);
        Assert.Equal([Ami(1), Ami(2)], snapshot.Images.Select(i => i.ImageId).Order(StringComparer.Ordinal));
        Assert.Empty(snapshot.Images.Single(i => i.ImageId == Ami(1)).UnreadableTimes);
        Assert.Equal(["CreationDate 'last tuesday'"], snapshot.Images.Single(i => i.ImageId == Ami(2)).UnreadableTimes);
    }

    [Fact]
    public async Task ReadAsync_NetworkFailure_SourceFailedNotThrown()
    {
        Ec2.AddImage(Ami(1));
        Ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 0, FaultKind.Network));

        var snapshot = await ReadAsync();

        var failed = Assert.Single(snapshot.FailedSources);
        Assert.Equal(InventorySource.LaunchTemplates, failed.Source);
        Assert.Contains("HttpRequestException", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_EverySourceFailedAndSnapshotReturned()
    {
        Ec2.AddImage(Ami(1));

        var snapshot = await ReadAsync(cancellationToken: new CancellationToken(true));

        Assert.False(snapshot.IsComplete);
        Assert.Contains("Cancelled", Source(snapshot, InventorySource.Images).Error, StringComparison.Ordinal);
        Assert.Contains("Cancelled", Source(snapshot, InventorySource.Instances).Error, StringComparison.Ordinal);
        Assert.Contains("Cancelled", Source(snapshot, InventorySource.LaunchTemplates).Error, StringComparison.Ordinal);
        Assert.Equal(SourceStatus.Failed, Source(snapshot, InventorySource.LastLaunchedTime).Status);
        Assert.Equal(0, Ec2.TotalCalls);
    }

    [Fact]
    public async Task ReadAsync_InvalidOptions_ThrowsListingEveryProblem()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReadAsync(new InventoryOptions { InstancePageSize = 2, ImageReferenceBatchSize = 11 }));

        Assert.Contains("InstancePageSize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ImageReferenceBatchSize", ex.Message, StringComparison.Ordinal);
    }
}
