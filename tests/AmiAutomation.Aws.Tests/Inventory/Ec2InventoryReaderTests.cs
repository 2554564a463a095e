using System.Globalization;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using Amazon.EC2.Model;
using ImageReference = Amazon.EC2.Model.ImageReference;

namespace AmiAutomation.Aws.Tests.Inventory;

public sealed class Ec2InventoryReaderTests
{
    private const string Region = "us-east-1";
    private readonly FakeEc2 _ec2 = new();

    private static string Ami(int i) => "ami-" + i.ToString("x8", CultureInfo.InvariantCulture);

    private Task<InventorySnapshot> ReadAsync(InventoryOptions? options = null, CancellationToken cancellationToken = default) =>
        new Ec2InventoryReader(new FixedEc2ClientFactory(_ec2.Client), TestLimits.Registry())
            .ReadAsync(Region, options ?? InventoryOptions.Default, cancellationToken);

    private static SourceReport Source(InventorySnapshot snapshot, InventorySource source) => snapshot.Sources.Single(s => s.Source == source);

    [Fact]
    public async Task ReadAsync_HealthyRegion_IsCompleteWithEveryReference()
    {
        _ec2.AddImage(Ami(1), i => i.LastLaunchedTime = "2025-01-01T00:00:00Z");
        _ec2.AddImage(Ami(2));
        _ec2.AddImage(Ami(3));
        _ec2.AddInstance("i-1", Ami(1));
        _ec2.AddInstance("i-2", Ami(2), "stopped");
        _ec2.AddTemplate("lt-1", Ami(3), null, "ami-foreign");
        _ec2.References.Add(new ImageReference { ImageId = Ami(3), ResourceType = "ssm:Parameter", Arn = "arn:aws:ssm:us-east-1:1:parameter/golden" });

        var snapshot = await ReadAsync();

        Assert.True(snapshot.IsComplete);
        Assert.Empty(snapshot.FailedSources);
        Assert.Equal(Region, snapshot.Region);
        Assert.Equal("123456789012", snapshot.AccountId);
        Assert.Equal(3, snapshot.Images.Count);
        Assert.Equal(["i-1"], snapshot.References.For(Ami(1)).Select(r => r.ResourceId));
        Assert.Equal(ReferenceKind.Instance, snapshot.References.For(Ami(2)).Single().Kind);
        Assert.Equal(
            [(ReferenceKind.LaunchTemplateVersion, "lt-1:1"), (ReferenceKind.ImageReferencesApi, "arn:aws:ssm:us-east-1:1:parameter/golden")],
            snapshot.References.For(Ami(3)).Select(r => (r.Kind, r.ResourceId)));
        Assert.True(snapshot.References.IsReferenced("ami-foreign"));
        Assert.Equal(1, Source(snapshot, InventorySource.LastLaunchedTime).Items);
        Assert.Equal(0, Source(snapshot, InventorySource.LastLaunchedTime).Calls);
        Assert.Equal([InventorySource.Images, InventorySource.Instances, InventorySource.LaunchTemplates, InventorySource.ImageReferences, InventorySource.LastLaunchedTime], snapshot.Sources.Select(s => s.Source));
    }

    [Fact]
    public async Task ReadAsync_DescribeImages_SendsOwnerSelfDeprecatedDisabledAndPageSize()
    {
        _ec2.AddImage(Ami(1));

        await ReadAsync();

        var request = Assert.Single(_ec2.RequestsOf<DescribeImagesRequest>());
        Assert.Equal(["self"], request.Owners);
        Assert.True(request.IncludeDeprecated);
        Assert.True(request.IncludeDisabled);
        Assert.Equal(1000, request.MaxResults);
        Assert.Null(request.ImageIds);
    }

    [Fact]
    public async Task ReadAsync_ManyPages_ReadsEveryImage()
    {
        for (var i = 0; i < 23; i++)
        {
            _ec2.AddImage(Ami(i));
        }

        var snapshot = await ReadAsync(new InventoryOptions { ImagePageSize = 5 });

        Assert.True(snapshot.IsComplete);
        Assert.Equal(23, snapshot.Images.Count);
        Assert.Equal(5, Source(snapshot, InventorySource.Images).Calls);
        Assert.Equal([null, "p5", "p10", "p15", "p20"], _ec2.RequestsOf<DescribeImagesRequest>().Select(r => r.NextToken));
    }

    [Fact]
    public async Task ReadAsync_ImagesRepeatNextToken_ImagesTruncatedAndIncomplete()
    {
        for (var i = 0; i < 12; i++)
        {
            _ec2.AddImage(Ami(i));
        }

        _ec2.Faults.Add(new Fault("DescribeImages", 1, FaultKind.RepeatedToken));

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
        _ec2.AddImage(Ami(1));
        _ec2.Faults.Add(new Fault("DescribeInstances", 0, FaultKind.Throttled));

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
        _ec2.AddImage(Ami(1));
        _ec2.Faults.Add(new Fault("DescribeImageReferences", 0, FaultKind.NotImplemented));

        var snapshot = await ReadAsync();

        var failed = Assert.Single(snapshot.FailedSources);
        Assert.Equal(InventorySource.ImageReferences, failed.Source);
        Assert.Contains("HTTP500", failed.Error, StringComparison.Ordinal);
        Assert.Contains("may not implement", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoImages_NeverSendsAnEmptyImageIdList()
    {
        var snapshot = await ReadAsync();

        Assert.True(snapshot.IsComplete);
        Assert.Empty(snapshot.Images);
        Assert.Equal(string.Empty, snapshot.AccountId);
        Assert.Equal(0, _ec2.Calls("DescribeImageReferences"));
    }

    [Fact]
    public async Task ReadAsync_AccountIdOption_WinsOverImageOwner()
    {
        _ec2.AddImage(Ami(1));

        var snapshot = await ReadAsync(new InventoryOptions { AccountId = "999988887777" });

        Assert.Equal("999988887777", snapshot.AccountId);
    }

    [Fact]
    public async Task ReadAsync_25Images_ReferencesInBatchesOfAtMostTenWithAllResourceTypes()
    {
        for (var i = 0; i < 25; i++)
        {
            _ec2.AddImage(Ami(i));
        }

        await ReadAsync();

        var requests = _ec2.RequestsOf<DescribeImageReferencesRequest>().ToList();
        Assert.Equal([10, 10, 5], requests.Select(r => r.ImageIds.Count));
        Assert.All(requests, r => Assert.True(r.IncludeAllResourceTypes));
        Assert.Equal(25, requests.SelectMany(r => r.ImageIds).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_ReferencePages_AreFollowed()
    {
        _ec2.AddImage(Ami(1));
        for (var i = 0; i < 60; i++)
        {
            _ec2.References.Add(new ImageReference { ImageId = Ami(1), ResourceType = "ec2:Instance", Arn = $"arn:aws:ec2:us-east-1:1:instance/i-{i}" });
        }

        var snapshot = await ReadAsync();

        Assert.Equal(60, snapshot.References.For(Ami(1)).Count);
        Assert.Equal(3, _ec2.Calls("DescribeImageReferences"));
    }

    [Fact]
    public async Task ReadAsync_Instances_AllStatesButTerminated()
    {
        _ec2.AddInstance("i-run", Ami(1));
        _ec2.AddInstance("i-stop", Ami(2), "stopped");
        _ec2.AddInstance("i-pend", Ami(3), "pending");
        _ec2.AddInstance("i-gone", Ami(4), "terminated");

        var snapshot = await ReadAsync();

        var request = Assert.Single(_ec2.RequestsOf<DescribeInstancesRequest>());
        Assert.Equal(["pending", "running", "shutting-down", "stopping", "stopped"], request.Filters.Single(f => f.Name == "instance-state-name").Values);
        Assert.Equal(1000, request.MaxResults);
        Assert.True(request.IncludeManagedResources);
        Assert.Equal(["i-pend", "i-run", "i-stop"], snapshot.References.ReferencedImageIds.SelectMany(snapshot.References.For).Select(r => r.ResourceId).Order());
    }

    [Fact]
    public async Task ReadAsync_LaunchTemplates_EveryVersionOfEveryTemplateAcrossPages()
    {
        for (var t = 0; t < 7; t++)
        {
            _ec2.AddTemplate($"lt-{t}", [.. Enumerable.Range(0, 5).Select(v => Ami((t * 10) + v))]);
        }

        var snapshot = await ReadAsync(new InventoryOptions { LaunchTemplatePageSize = 3, LaunchTemplateVersionPageSize = 2 });

        Assert.True(snapshot.IsComplete);
        Assert.Equal(35, snapshot.References.Count);
        Assert.Equal(["lt-6:1", "lt-6:5"], new[] { Ami(60), Ami(64) }.Select(id => snapshot.References.For(id).Single().ResourceId));
        Assert.Equal(3, _ec2.Calls("DescribeLaunchTemplates"));
        Assert.Equal(7 * 3, _ec2.Calls("DescribeLaunchTemplateVersions"));
        Assert.All(_ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>(), r =>
        {
            Assert.True(r.ResolveAlias);
            Assert.Equal(2, r.MaxResults);
            Assert.StartsWith("lt-", r.LaunchTemplateId, StringComparison.Ordinal);
            Assert.Null(r.Versions);
        });
        Assert.Equal(35, Source(snapshot, InventorySource.LaunchTemplates).Items);
    }

    [Fact]
    public async Task ReadAsync_UnresolvedSsmAlias_LaunchTemplatesTruncatedNamingTheVersion()
    {
        _ec2.AddTemplate("lt-1", Ami(1), "resolve:ssm:/golden/ami");

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("lt-1:2 → resolve:ssm:/golden/ami", source.Error, StringComparison.Ordinal);
        Assert.True(snapshot.References.IsReferenced(Ami(1)));
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_TemplateDeletedBetweenListAndRead_IsTolerated()
    {
        _ec2.AddTemplate("lt-1", Ami(1));
        _ec2.AddTemplate("lt-2", Ami(2));
        _ec2.OnCall = action =>
        {
            if (action == "DescribeLaunchTemplateVersions")
            {
                _ec2.Templates.Remove("lt-1");
            }
        };

        var snapshot = await ReadAsync();

        Assert.True(snapshot.IsComplete);
        Assert.False(snapshot.References.IsReferenced(Ami(1)));
        Assert.True(snapshot.References.IsReferenced(Ami(2)));
    }

    [Fact]
    public async Task ReadAsync_DisabledSource_ReportedDisabledAndNeverCalled()
    {
        _ec2.AddImage(Ami(1));

        var snapshot = await ReadAsync(new InventoryOptions { DisabledSources = new HashSet<InventorySource> { InventorySource.ImageReferences, InventorySource.LaunchTemplates } });

        Assert.True(snapshot.IsComplete);
        Assert.Equal(SourceStatus.Disabled, Source(snapshot, InventorySource.ImageReferences).Status);
        Assert.Equal(SourceStatus.Disabled, Source(snapshot, InventorySource.LaunchTemplates).Status);
        Assert.Equal(0, _ec2.Calls("DescribeImageReferences"));
        Assert.Equal(0, _ec2.Calls("DescribeLaunchTemplates"));
    }

    [Fact]
    public async Task ReadAsync_UnmappableImage_ImagesFailedKeepingTheOthers()
    {
        _ec2.AddImage(Ami(1));
        _ec2.AddImage(Ami(2), i => i.CreationDate = "last tuesday");

        var snapshot = await ReadAsync();

        var images = Source(snapshot, InventorySource.Images);
        Assert.Equal(SourceStatus.Failed, images.Status);
        Assert.Contains(Ami(2), images.Error, StringComparison.Ordinal);
        Assert.Equal([Ami(1)], snapshot.Images.Select(i => i.ImageId));
    }

    [Fact]
    public async Task ReadAsync_NetworkFailure_SourceFailedNotThrown()
    {
        _ec2.AddImage(Ami(1));
        _ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 0, FaultKind.Network));

        var snapshot = await ReadAsync();

        var failed = Assert.Single(snapshot.FailedSources);
        Assert.Equal(InventorySource.LaunchTemplates, failed.Source);
        Assert.Contains("HttpRequestException", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_EverySourceFailedAndSnapshotReturned()
    {
        _ec2.AddImage(Ami(1));

        var snapshot = await ReadAsync(cancellationToken: new CancellationToken(true));

        Assert.False(snapshot.IsComplete);
        Assert.Contains("Cancelled", Source(snapshot, InventorySource.Images).Error, StringComparison.Ordinal);
        Assert.Contains("Cancelled", Source(snapshot, InventorySource.Instances).Error, StringComparison.Ordinal);
        Assert.Contains("Cancelled", Source(snapshot, InventorySource.LaunchTemplates).Error, StringComparison.Ordinal);
        Assert.Equal(SourceStatus.Failed, Source(snapshot, InventorySource.LastLaunchedTime).Status);
        Assert.Equal(0, _ec2.TotalCalls);
    }

    [Theory]
    [InlineData(1, 1, 1, 1, 1)]
    [InlineData(999, 1, 100, 3, 7)]
    [InlineData(2345, 3, 235, 0, 0)]
    [InlineData(10_000, 10, 1000, 250, 210)]
    public async Task ReadAsync_NImages_CallsAreImagePagesPlusReferenceBatchesPlusListings(int images, int imagePages, int batches, int instancesCount, int templates)
    {
        for (var i = 0; i < images; i++)
        {
            _ec2.AddImage(Ami(i));
        }

        for (var i = 0; i < instancesCount; i++)
        {
            _ec2.AddInstance($"i-{i}", Ami(i));
        }

        for (var t = 0; t < templates; t++)
        {
            _ec2.AddTemplate($"lt-{t}", Ami(t));
        }

        var snapshot = await ReadAsync();

        var templatePages = Math.Max(1, (int)Math.Ceiling(templates / 200.0));
        Assert.True(snapshot.IsComplete);
        Assert.Equal(imagePages, _ec2.Calls("DescribeImages"));
        Assert.Equal(batches, _ec2.Calls("DescribeImageReferences"));
        Assert.Equal(1, _ec2.Calls("DescribeInstances"));
        Assert.Equal(templatePages, _ec2.Calls("DescribeLaunchTemplates"));
        Assert.Equal(templates, _ec2.Calls("DescribeLaunchTemplateVersions"));
        Assert.Equal(imagePages + batches + 1 + templatePages + templates, _ec2.TotalCalls);
        Assert.Equal(0, _ec2.Calls("DescribeImageAttribute"));
        Assert.Equal(_ec2.TotalCalls, snapshot.Sources.Sum(s => s.Calls));
    }

    [Fact]
    public async Task ReadAsync_InvalidOptions_ThrowsListingEveryProblem()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReadAsync(new InventoryOptions { InstancePageSize = 2, ImageReferenceBatchSize = 11 }));

        Assert.Contains("InstancePageSize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ImageReferenceBatchSize", ex.Message, StringComparison.Ordinal);
    }
}
