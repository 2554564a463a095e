using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>The launch template source: the requests it sends, versions on later pages, the versions it reports read,
/// and every way it refuses to call a listing complete.</summary>
public sealed class LaunchTemplateSourceTests : InventoryReaderTestBase
{
    [Fact]
    public async Task ReadAsync_ExactlyFullPages_ProbedWithSameFieldsAndComplete()
    {
        Ec2.AddTemplate("lt-1", Ami(1), Ami(2));
        Ec2.AddTemplate("lt-2", Ami(3), Ami(4));

        var snapshot = await ReadAsync(new InventoryOptions { LaunchTemplatePageSize = 2, LaunchTemplateVersionPageSize = 2 });

        Assert.Equal(SourceStatus.Complete, Source(snapshot, InventorySource.LaunchTemplates).Status);
        Assert.Equal(["lt-2:2"], snapshot.References.For(Ami(4)).Select(r => r.ResourceId));
        var lists = Ec2.RequestsOf<DescribeLaunchTemplatesRequest>().ToList();
        Assert.Equal([2, 1], lists.Select(r => r.MaxResults));
        Assert.All(lists, r => Assert.True(r.IncludeManagedResources));
        var versions = Ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>().ToList();
        Assert.Equal([("lt-1", 2), ("lt-1", 1), ("lt-2", 2), ("lt-2", 1)], versions.Select(r => (r.LaunchTemplateId, r.MaxResults ?? 0)));
        Assert.All(versions, r =>
        {
            Assert.True(r.ResolveAlias);
            Assert.True(r.IncludeManagedResources);
        });
    }

    [Fact]
    public async Task ReadAsync_ManagedResourcesExcluded_NotAskedForInAnyRequest()
    {
        Ec2.AddInstance("i-1", Ami(1));
        Ec2.AddTemplate("lt-1", Ami(1), Ami(2));
        Ec2.AddTemplate("lt-2", Ami(3));

        // Exactly full pages, so the probes are sent too.
        var snapshot = await ReadAsync(new InventoryOptions { IncludeManagedResources = false, LaunchTemplatePageSize = 2, LaunchTemplateVersionPageSize = 2 });

        Assert.True(snapshot.IsComplete);
        Assert.All(Ec2.RequestsOf<DescribeLaunchTemplatesRequest>(), r => Assert.Null(r.IncludeManagedResources));
        Assert.All(Ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>(), r => Assert.Null(r.IncludeManagedResources));
        Assert.Null(Assert.Single(Ec2.RequestsOf<DescribeInstancesRequest>()).IncludeManagedResources);
        Assert.Equal(2, Ec2.RequestsOf<DescribeLaunchTemplatesRequest>().Count());
        Assert.Equal(3, Ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>().Count());
    }

    [Fact]
    public async Task ReadAsync_VersionsOnLaterPages_ReportsHighestVersionReadPerTemplate()
    {
        Ec2.AddTemplate("lt-1", Ami(1), Ami(2), Ami(3), Ami(4), Ami(5));
        Ec2.AddTemplate("lt-2", Ami(6));

        var snapshot = await ReadAsync(new InventoryOptions { LaunchTemplateVersionPageSize = 2 });

        Assert.Equal(new Dictionary<string, long> { ["lt-1"] = 5, ["lt-2"] = 1 }, snapshot.LaunchTemplateVersionsRead);
        Assert.Equal(["lt-1:5"], snapshot.References.For(Ami(5)).Select(r => r.ResourceId));
        Assert.Equal([null, "p2", "p4"], Ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>().Where(r => r.LaunchTemplateId == "lt-1").Select(r => r.NextToken));
    }

    [Fact]
    public async Task ReadAsync_VersionWithoutNumber_ReferenceStillRecorded()
    {
        Ec2.AddTemplate("lt-1", Ami(1));
        Ec2.Templates["lt-1"][0].VersionNumber = null;

        var snapshot = await ReadAsync();

        Assert.Equal(["lt-1:?"], snapshot.References.For(Ami(1)).Select(r => r.ResourceId));
    }

    [Fact]
    public async Task ReadAsync_EndpointThatDoesNotPage_Truncated()
    {
        Ec2.AddTemplate("lt-1", Ami(1), Ami(2), Ami(3));
        Ec2.Faults.Add(new Fault("DescribeLaunchTemplateVersions", 0, FaultKind.DroppedToken));
        Ec2.Faults.Add(new Fault("DescribeLaunchTemplateVersions", 1, FaultKind.DroppedToken));

        var snapshot = await ReadAsync(new InventoryOptions { LaunchTemplateVersionPageSize = 2 });

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.NotEqual(SourceStatus.Complete, source.Status);
        Assert.Contains("DescribeLaunchTemplateVersions", source.Error, StringComparison.Ordinal);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_TemplateListingThatDoesNotPage_Truncated()
    {
        Ec2.AddTemplate("lt-1", Ami(1));
        Ec2.AddTemplate("lt-2", Ami(2));
        Ec2.AddTemplate("lt-3", Ami(3));
        Ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 0, FaultKind.DroppedToken));
        Ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 1, FaultKind.DroppedToken));

        var snapshot = await ReadAsync(new InventoryOptions { LaunchTemplatePageSize = 2 });

        Assert.NotEqual(SourceStatus.Complete, Source(snapshot, InventorySource.LaunchTemplates).Status);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_VersionsReadRefused_FailedNotTakenForDeletedTemplate()
    {
        Ec2.AddTemplate("lt-1", Ami(1));
        Ec2.Faults.Add(new Fault("DescribeLaunchTemplateVersions", 0, FaultKind.Unauthorized));

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Failed, source.Status);
        Assert.Contains("UnauthorizedOperation", source.Error, StringComparison.Ordinal);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_LatestVersionNotInListing_TruncatedNamingIt()
    {
        Ec2.AddTemplate("lt-1", Ami(1), Ami(2), Ami(3));
        Ec2.AddTemplate("lt-2", Ami(4));
        Ec2.TemplateHeads["lt-1"] = (2, 7);
        Ec2.TemplateHeads["lt-2"] = (1, 1);

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.StartsWith("1 launch template version(s) that DescribeLaunchTemplates names as default or latest", source.Error, StringComparison.Ordinal);
        Assert.EndsWith("cut short: lt-1:7", source.Error, StringComparison.Ordinal);
        Assert.True(snapshot.References.IsReferenced(Ami(3)));
    }

    [Fact]
    public async Task ReadAsync_MissingVersionIsDefaultAndLatest_CountedOnce()
    {
        Ec2.AddTemplate("lt-1", Ami(1));
        Ec2.AddTemplate("lt-2", Ami(2));
        Ec2.AddTemplate("lt-3", Ami(3));
        Ec2.TemplateHeads["lt-1"] = (4, 4);
        Ec2.TemplateHeads["lt-2"] = (5, 5);
        Ec2.TemplateHeads["lt-3"] = (6, 6);

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Equal(
            "3 launch template version(s) that DescribeLaunchTemplates names as default or latest were not in the versions listing, "
                + "so the listing was cut short: lt-1:4, lt-2:5, lt-3:6",
            source.Error);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public async Task ReadAsync_ManyMissingHeads_CountsAllListsFive(int templates, bool ellipsis)
    {
        for (var t = 0; t < templates; t++)
        {
            Ec2.AddTemplate($"lt-{t}", Ami(t));
            Ec2.TemplateHeads[$"lt-{t}"] = (1, 4);
        }

        var snapshot = await ReadAsync();

        var error = Source(snapshot, InventorySource.LaunchTemplates).Error!;
        Assert.StartsWith($"{templates} launch template version(s)", error, StringComparison.Ordinal);
        Assert.Contains("cut short: lt-0:4, lt-1:4, lt-2:4, lt-3:4, lt-4:4", error, StringComparison.Ordinal);
        Assert.DoesNotContain("lt-5:4", error, StringComparison.Ordinal);
        Assert.Equal(ellipsis, error.EndsWith(", …", StringComparison.Ordinal));
        Assert.Equal(!ellipsis, error.EndsWith("lt-4:4", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public async Task ReadAsync_ManyUnresolvedAliases_CountsAllListsFive(int aliases, bool ellipsis)
    {
        Ec2.AddTemplate("lt-1", [.. Enumerable.Range(0, aliases).Select(i => $"resolve:ssm:/golden/{i}")]);

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.StartsWith($"{aliases} launch template version(s) name an image that EC2 did not resolve", source.Error, StringComparison.Ordinal);
        Assert.Contains("lt-1:1 → resolve:ssm:/golden/0, lt-1:2 → resolve:ssm:/golden/1", source.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("golden/5", source.Error, StringComparison.Ordinal);
        Assert.Equal(ellipsis, source.Error!.EndsWith(", …", StringComparison.Ordinal));
        Assert.Equal(!ellipsis, source.Error.EndsWith("golden/4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_MissingHeadAndUnresolvedAlias_BothProblemsReported()
    {
        Ec2.AddTemplate("lt-1", Ami(1), "resolve:ssm:/golden/ami");
        Ec2.TemplateHeads["lt-1"] = (2, 3);

        var snapshot = await ReadAsync();

        var error = Source(snapshot, InventorySource.LaunchTemplates).Error!;
        Assert.Contains("cut short: lt-1:3 | 1 launch template version(s) name an image", error, StringComparison.Ordinal);
        Assert.EndsWith("lt-1:2 → resolve:ssm:/golden/ami", error, StringComparison.Ordinal);
    }
}
