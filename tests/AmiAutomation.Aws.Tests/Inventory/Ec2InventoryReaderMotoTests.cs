using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using AmiAutomation.TestKit.Moto;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>The inventory against moto_server through the production client factory (endpoint override).</summary>
[Collection(MotoCollection.Name)]
public sealed class Ec2InventoryReaderMotoTests(MotoServerFixture moto) : IAsyncLifetime, IDisposable
{
    private const string Region = "eu-west-1";
    private Ec2ClientFactory? _factory;
    private AmazonEC2Client? _setup;

    private AmazonEC2Client Setup => _setup!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        _factory = moto.CreateEc2ClientFactory();
        _setup = moto.CreateEc2Client(Region);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _factory?.Dispose();
        _setup?.Dispose();
    }

    private Task<InventorySnapshot> ReadAsync(InventoryOptions options) =>
        new Ec2InventoryReader(_factory!, new SignedRegionalApiClients(moto.ClientOptions()), TestLimits.Registry()).ReadAsync(Region, options, CancellationToken.None);

    private async Task<string> RunInstanceAsync(string imageId)
    {
        var response = await Setup.RunInstancesAsync(new RunInstancesRequest { ImageId = imageId, MinCount = 1, MaxCount = 1, InstanceType = InstanceType.T3Micro });
        return response.Reservation.Instances[0].InstanceId;
    }

    private async Task<List<string>> CreateImagesAsync(int count)
    {
        var source = await RunInstanceAsync("ami-12c6146b");
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var image = await Setup.CreateImageAsync(new CreateImageRequest
            {
                InstanceId = source,
                Name = $"web-{i:D3}",
                TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Image, Tags = [new Tag("team", "web")] }],
            });
            ids.Add(image.ImageId);
        }

        await Setup.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [source] });
        return ids;
    }

    [Fact]
    public async Task ReadAsync_Moto_ReadsOwnedImagesInstancesAndEveryLaunchTemplateVersion()
    {
        var images = await CreateImagesAsync(7);
        var running = await RunInstanceAsync(images[0]);
        var stopped = await RunInstanceAsync(images[1]);
        await Setup.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [stopped] });
        var terminated = await RunInstanceAsync(images[2]);
        await Setup.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [terminated] });
        var template = await Setup.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = "web",
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = images[3] },
        });
        await Setup.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateId = template.LaunchTemplate.LaunchTemplateId,
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = images[4] },
        });
        await Setup.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
        {
            LaunchTemplateId = template.LaunchTemplate.LaunchTemplateId,
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = images[5] },
        });

        var snapshot = await ReadAsync(new InventoryOptions { DisabledSources = new HashSet<InventorySource> { InventorySource.ImageReferences } });

        Assert.True(snapshot.IsComplete, string.Join("; ", snapshot.FailedSources.Select(s => $"{s.Source}: {s.Error}")));
        Assert.Equal(MotoServerFixture.AccountId, snapshot.AccountId);
        Assert.Equal(images.Order(), snapshot.Images.Select(i => i.ImageId).Order());
        Assert.All(snapshot.Images, i => Assert.Equal("web", i.Tag("team")));
        Assert.Equal([running], snapshot.References.For(images[0]).Select(r => r.ResourceId));
        Assert.Equal([stopped], snapshot.References.For(images[1]).Select(r => r.ResourceId));
        Assert.False(snapshot.References.IsReferenced(images[2]));
        var templateId = template.LaunchTemplate.LaunchTemplateId;
        Assert.Equal([$"{templateId}:1"], snapshot.References.For(images[3]).Select(r => r.ResourceId));
        Assert.Equal([$"{templateId}:2"], snapshot.References.For(images[4]).Select(r => r.ResourceId));
        Assert.Equal([$"{templateId}:3"], snapshot.References.For(images[5]).Select(r => r.ResourceId));
        Assert.All(snapshot.References.For(images[5]), r => Assert.Equal(ReferenceKind.LaunchTemplateVersion, r.Kind));
        Assert.False(snapshot.References.IsReferenced(images[6]));
    }

    // moto 5.2 pages DescribeInstances properly, answers DescribeImages in one page whatever MaxResults says, and cuts
    // DescribeLaunchTemplate(Version)s at MaxResults WITHOUT a NextToken; so launch templates keep the production page
    // size here (fixtures ≤ 15) and image/template paging is covered by the fake-EC2 tests.
    [Fact]
    public async Task ReadAsync_MotoSmallInstancePages_FollowsNextTokenAndReadsEveryTemplateVersion()
    {
        await CreateImagesAsync(6);
        for (var t = 0; t < 5; t++)
        {
            var template = await Setup.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
            {
                LaunchTemplateName = $"lt-{t}",
                LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0fffffffffffffff0" },
            });
            for (var v = 0; v < 4; v++)
            {
                await Setup.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
                {
                    LaunchTemplateId = template.LaunchTemplate.LaunchTemplateId,
                    LaunchTemplateData = new RequestLaunchTemplateData { ImageId = $"ami-{t:D8}{v:D9}" },
                });
            }
        }

        for (var i = 0; i < 7; i++)
        {
            await RunInstanceAsync("ami-12c6146b");
        }

        var snapshot = await ReadAsync(new InventoryOptions
        {
            ImagePageSize = 2,
            InstancePageSize = 5,
            DisabledSources = new HashSet<InventorySource> { InventorySource.ImageReferences },
        });

        Assert.True(snapshot.IsComplete, string.Join("; ", snapshot.FailedSources.Select(s => $"{s.Source}: {s.Error}")));
        Assert.Equal(6, snapshot.Images.Count);
        var instances = snapshot.Sources.Single(s => s.Source == InventorySource.Instances);
        Assert.Equal(2, instances.Calls);
        Assert.Equal(7, instances.Items);
        Assert.Equal(7, snapshot.References.For("ami-12c6146b").Count);
        var templates = snapshot.Sources.Single(s => s.Source == InventorySource.LaunchTemplates);
        Assert.Equal(25, templates.Items);
        Assert.Equal(1 + 5, templates.Calls);
        Assert.Equal(5, snapshot.References.For("ami-0fffffffffffffff0").Count);
        Assert.All(
            Enumerable.Range(0, 5).SelectMany(t => Enumerable.Range(0, 4).Select(v => $"ami-{t:D8}{v:D9}")),
            id => Assert.True(snapshot.References.IsReferenced(id), id));
    }

    [Fact]
    public async Task ReadAsync_MotoWithoutImageReferences_SourceFailedSnapshotIncomplete()
    {
        await CreateImagesAsync(2);

        var snapshot = await ReadAsync(InventoryOptions.Default);

        Assert.False(snapshot.IsComplete);
        var failed = Assert.Single(snapshot.FailedSources);
        Assert.Equal(InventorySource.ImageReferences, failed.Source);
        Assert.Equal(SourceStatus.Failed, failed.Status);
        Assert.Contains("DescribeImageReferences failed", failed.Error, StringComparison.Ordinal);
        Assert.Equal(2, snapshot.Images.Count);
    }

    // moto returns at most MaxResults (200) launch templates or versions and never a NextToken: a full last page is
    // not the end of the listing, so the source must not be reported Complete.
    [Fact]
    public async Task ReadAsync_MotoMoreThan200LaunchTemplates_ReportsLaunchTemplatesTruncated()
    {
        var images = await CreateImagesAsync(1);
        for (var t = 0; t < 205; t++)
        {
            await Setup.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
            {
                LaunchTemplateName = $"lt-{t:D3}",
                LaunchTemplateData = new RequestLaunchTemplateData { ImageId = images[0] },
            });
        }

        var snapshot = await ReadAsync(new InventoryOptions { DisabledSources = new HashSet<InventorySource> { InventorySource.ImageReferences } });

        var source = snapshot.Sources.Single(s => s.Source == InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("DescribeLaunchTemplates", source.Error, StringComparison.Ordinal);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_MotoMoreThan200Versions_ReportsLaunchTemplatesTruncated()
    {
        var images = await CreateImagesAsync(1);
        var template = await Setup.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest
        {
            LaunchTemplateName = "many-versions",
            LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-0fffffffffffffff0" },
        });
        for (var v = 0; v < 204; v++)
        {
            await Setup.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest
            {
                LaunchTemplateId = template.LaunchTemplate.LaunchTemplateId,
                LaunchTemplateData = new RequestLaunchTemplateData { ImageId = images[0] },
            });
        }

        var snapshot = await ReadAsync(new InventoryOptions { DisabledSources = new HashSet<InventorySource> { InventorySource.ImageReferences } });

        var source = snapshot.Sources.Single(s => s.Source == InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.False(snapshot.IsComplete);
    }
}
