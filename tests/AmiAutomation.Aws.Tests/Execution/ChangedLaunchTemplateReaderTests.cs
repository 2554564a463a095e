using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Aws.Tests.Support;
using Amazon.EC2;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The re-check's incremental launch template read: only templates with versions past the watermark, from the
/// next version on; the watermarks it keeps; and the answers it refuses.</summary>
public sealed class ChangedLaunchTemplateReaderTests
{
    private readonly FakeEc2 _ec2 = new();

    private ChangedLaunchTemplateReader Reader(IReadOnlyDictionary<string, long>? seen = null) =>
        new(_ec2.Client, TestLimits.Registry().ForRegion("us-east-1"), seen);

    private static async Task<Dictionary<string, List<ImageReference>>> RefreshAsync(ChangedLaunchTemplateReader reader)
    {
        var byImage = new Dictionary<string, List<ImageReference>>(StringComparer.Ordinal);
        await reader.RefreshAsync(byImage, CancellationToken.None);
        return byImage;
    }

    [Fact]
    public async Task RefreshAsync_NoWatermarks_ReadsEveryVersionWithFullRequestFields()
    {
        _ec2.AddTemplate("lt-1", "ami-00000001", null, "ami-00000003");

        var byImage = await RefreshAsync(Reader());

        Assert.Equal(["lt-1:1"], byImage["ami-00000001"].Select(r => r.ResourceId));
        Assert.Equal(["lt-1:3"], byImage["ami-00000003"].Select(r => r.ResourceId));
        Assert.Equal(2, byImage.Count);
        var list = Assert.Single(_ec2.RequestsOf<DescribeLaunchTemplatesRequest>());
        Assert.Equal(200, list.MaxResults);
        Assert.True(list.IncludeManagedResources);
        var versions = Assert.Single(_ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>());
        Assert.Equal("lt-1", versions.LaunchTemplateId);
        Assert.Null(versions.MinVersion);
        Assert.Equal(200, versions.MaxResults);
        Assert.True(versions.ResolveAlias);
        Assert.True(versions.IncludeManagedResources);
    }

    [Fact]
    public async Task RefreshAsync_Watermark_ReadsFromNextVersionOnlyForTemplatesThatGrew()
    {
        _ec2.AddTemplate("lt-1", "ami-00000001", "ami-00000002", "ami-00000003");
        _ec2.AddTemplate("lt-2", "ami-00000004");
        _ec2.TemplateHeads["lt-1"] = (1, 3);
        _ec2.TemplateHeads["lt-2"] = (1, 1);

        await RefreshAsync(Reader(new Dictionary<string, long> { ["lt-1"] = 2, ["lt-2"] = 1 }));

        var versions = Assert.Single(_ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>());
        Assert.Equal(("lt-1", "3"), (versions.LaunchTemplateId, versions.MinVersion));
    }

    [Fact]
    public async Task RefreshAsync_SecondRefresh_StartsAfterHighestVersionReadInAnyOrder()
    {
        _ec2.AddTemplate("lt-1", "ami-00000001", "ami-00000002", "ami-00000003", "ami-00000004");
        _ec2.Templates["lt-1"].Reverse(); // newest first: the highest version is not the last one listed
        _ec2.TemplateHeads["lt-1"] = (1, 4);
        var reader = Reader(new Dictionary<string, long> { ["lt-1"] = 2 });

        await RefreshAsync(reader);
        var unchanged = await RefreshAsync(reader);
        _ec2.TemplateHeads["lt-1"] = (1, 5);
        await RefreshAsync(reader);

        Assert.Empty(unchanged);
        Assert.Equal(["3", "5"], _ec2.RequestsOf<DescribeLaunchTemplateVersionsRequest>().Select(r => r.MinVersion));
    }

    [Fact]
    public async Task RefreshAsync_TemplateDeletedSinceListing_Tolerated()
    {
        _ec2.AddTemplate("lt-1", "ami-00000001");
        _ec2.AddTemplate("lt-2", "ami-00000002");
        _ec2.OnCall = action =>
        {
            if (action == "DescribeLaunchTemplateVersions")
            {
                _ec2.Templates.Remove("lt-1");
            }
        };

        var byImage = await RefreshAsync(Reader());

        Assert.Equal(["ami-00000002"], byImage.Keys);
    }

    [Fact]
    public async Task RefreshAsync_VersionsReadRefused_Throws()
    {
        _ec2.AddTemplate("lt-1", "ami-00000001");
        _ec2.Faults.Add(new Fault("DescribeLaunchTemplateVersions", 0, FaultKind.Unauthorized));

        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() => RefreshAsync(Reader()));

        Assert.Equal("UnauthorizedOperation", ex.ErrorCode);
    }

    [Fact]
    public async Task RefreshAsync_UnresolvedAlias_ThrowsNamingVersionAndAlias()
    {
        _ec2.AddTemplate("lt-1", "ami-00000001", "resolve:ssm:/golden/ami");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => RefreshAsync(Reader()));

        Assert.Contains("lt-1:2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'resolve:ssm:/golden/ami'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_ExactlyFullTemplatePageConfirmedByProbe_ReadsEveryTemplate()
    {
        for (var t = 0; t < 199; t++)
        {
            _ec2.Templates[$"lt-{t:D3}"] = [];
        }

        _ec2.AddTemplate("lt-last", "ami-00000009");

        var byImage = await RefreshAsync(Reader());

        Assert.Equal("lt-last:1", Assert.Single(byImage["ami-00000009"]).ResourceId);
        var lists = _ec2.RequestsOf<DescribeLaunchTemplatesRequest>();
        Assert.Equal([200, 199], lists.Select(r => r.MaxResults));
        Assert.All(lists, r => Assert.Null(r.NextToken));
    }

    [Fact]
    public async Task RefreshAsync_FullTemplatePageCutShortAndProbeNotPaged_ThrowsTruncated()
    {
        for (var t = 0; t < 200; t++)
        {
            _ec2.Templates[$"lt-{t:D3}"] = [];
        }

        _ec2.AddTemplate("lt-cut", "ami-00000009");
        _ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 0, FaultKind.DroppedToken));
        _ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 1, FaultKind.DroppedToken));

        var ex = await Assert.ThrowsAsync<PagingTruncatedException>(() => RefreshAsync(Reader()));

        Assert.Contains("DescribeLaunchTemplates returned a full page (200 items, page size 200) without a NextToken", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ec2.Calls("DescribeLaunchTemplateVersions"));
    }
}
