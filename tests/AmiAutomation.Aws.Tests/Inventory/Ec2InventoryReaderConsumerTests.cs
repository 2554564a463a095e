using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;
using Amazon.EC2.Model;
using ImageReference = AmiAutomation.Core.References.ImageReference;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>Launch configurations, Spot requests and Spot Fleets as reference sources: what pins, paging, fail closed.</summary>
public sealed class Ec2InventoryReaderConsumerTests : InventoryReaderTestBase
{
    [Fact]
    public async Task ReadAsync_LaunchConfigurationsOverPages_EveryOneReferencedAndCallsCounted()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 7; i++)
        {
            Apis.AutoScalingClient.LaunchConfigurations.Add(new LaunchConfigurationInfo($"lc-{i}", Ami(100 + i)));
        }

        var snapshot = await ReadAsync(new InventoryOptions { LaunchConfigurationPageSize = 3 });

        var source = Source(snapshot, InventorySource.LaunchConfigurations);
        Assert.Equal(SourceStatus.Complete, source.Status);
        Assert.Equal(7, source.Items);
        Assert.Equal(3, source.Calls);
        Assert.Equal(3, Apis.AutoScalingClient.Calls);
        Assert.Equal(ReferenceKind.LaunchConfiguration, Assert.Single(snapshot.References.For(Ami(106))).Kind);
    }

    [Fact]
    public async Task ReadAsync_LaunchConfigurationsFail_OnlyThatSourceFailed()
    {
        Ec2.AddImage(Ami(1));
        Apis.AutoScalingClient.Fail = new Amazon.Runtime.AmazonServiceException("denied", Amazon.Runtime.ErrorType.Sender, "AccessDenied", "r", System.Net.HttpStatusCode.Forbidden);

        var snapshot = await ReadAsync();

        var failed = Assert.Single(snapshot.FailedSources);
        Assert.Equal(InventorySource.LaunchConfigurations, failed.Source);
        Assert.Equal(SourceStatus.Failed, failed.Status);
        Assert.Contains("AccessDenied", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AutoScalingClientCannotBeBuilt_OnlyThatSourceFailed()
    {
        Ec2.AddImage(Ami(1));

        var snapshot = await new Ec2InventoryReader(new FixedEc2ClientFactory(Ec2.Client), new ThrowingApis(), TestLimits.Registry())
            .ReadAsync("us-east-1", InventoryOptions.Default, CancellationToken.None);

        Assert.Equal(InventorySource.LaunchConfigurations, Assert.Single(snapshot.FailedSources).Source);
    }

    [Fact]
    public async Task ReadAsync_LaunchConfigurationsFullPageWithoutToken_Truncated()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 6; i++)
        {
            Apis.AutoScalingClient.LaunchConfigurations.Add(new LaunchConfigurationInfo($"lc-{i}", Ami(100 + i)));
        }

        Apis.AutoScalingClient.DropTokens = true;

        var snapshot = await ReadAsync(new InventoryOptions { LaunchConfigurationPageSize = 3 });

        var source = Source(snapshot, InventorySource.LaunchConfigurations);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("without a NextToken", source.Error, StringComparison.Ordinal);
        Assert.False(snapshot.IsComplete);
    }

    [Fact]
    public async Task ReadAsync_SpotRequests_OnlyLaunchableStatesPinAndStateFilterSent()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddSpotRequest("sir-open", Ami(10), "open");
        Ec2.AddSpotRequest("sir-active", Ami(11), "active");
        Ec2.AddSpotRequest("sir-disabled", Ami(12), "disabled");
        Ec2.AddSpotRequest("sir-closed", Ami(13), "closed");
        Ec2.AddSpotRequest("sir-cancelled", Ami(14), "cancelled");
        Ec2.AddSpotRequest("sir-failed", Ami(15), "failed");

        var snapshot = await ReadAsync();

        Assert.Equal(SourceStatus.Complete, Source(snapshot, InventorySource.SpotRequests).Status);
        Assert.Equal(["sir-active", "sir-disabled", "sir-open"], All(snapshot, ReferenceKind.SpotRequest).Select(r => r.ResourceId).Order(StringComparer.Ordinal));
        var request = Assert.Single(Ec2.RequestsOf<DescribeSpotInstanceRequestsRequest>());
        Assert.Equal(["active", "disabled", "open"], request.Filters.Single(f => f.Name == "state").Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_SpotRequestsFilterIgnoredByEndpoint_FinalStatesStillDoNotPin()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddSpotRequest("sir-closed", Ami(13), "closed");
        Ec2.AddSpotRequest("sir-open", Ami(10), "open");
        Ec2.IgnoreSpotFilters = true;

        var snapshot = await ReadAsync();

        Assert.Equal("sir-open", Assert.Single(All(snapshot, ReferenceKind.SpotRequest)).ResourceId);
    }

    [Fact]
    public async Task ReadAsync_SpotRequestsRepeatToken_Truncated()
    {
        Ec2.AddImage(Ami(1));
        for (var i = 0; i < 12; i++)
        {
            Ec2.AddSpotRequest($"sir-{i}", Ami(10 + i));
        }

        Ec2.Faults.Add(new Fault("DescribeSpotInstanceRequests", 1, FaultKind.RepeatedToken));

        var snapshot = await ReadAsync(new InventoryOptions { SpotRequestPageSize = 5 });

        Assert.Equal(SourceStatus.Truncated, Source(snapshot, InventorySource.SpotRequests).Status);
    }

    [Fact]
    public async Task ReadAsync_SpotFleets_LaunchableStatesPinEveryLaunchSpecification()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddSpotFleet("sfr-active", "active", Ami(20), Ami(21));
        Ec2.AddSpotFleet("sfr-submitted", "submitted", Ami(22));
        Ec2.AddSpotFleet("sfr-modifying", "modifying", Ami(23));
        Ec2.AddSpotFleet("sfr-cancelled", "cancelled", Ami(24));
        Ec2.AddSpotFleet("sfr-cancelled-running", "cancelled_running", Ami(25));
        Ec2.AddSpotFleet("sfr-failed", "failed", Ami(26));
        Ec2.SpotFleets.Add(new SpotFleetRequestConfig
        {
            SpotFleetRequestId = "sfr-templates",
            SpotFleetRequestState = Amazon.EC2.BatchState.Active,
            ConfigData = new SpotFleetRequestConfigData
            {
                LaunchTemplateConfigs = [new LaunchTemplateConfig { LaunchTemplateSpecification = new FleetLaunchTemplateSpecification { LaunchTemplateId = "lt-1", Version = "1" } }],
            },
        });

        var snapshot = await ReadAsync();

        var pinned = All(snapshot, ReferenceKind.SpotFleet).Select(r => r.ImageId).Order(StringComparer.Ordinal);
        Assert.Equal([Ami(20), Ami(21), Ami(22), Ami(23)], pinned);
        Assert.Equal(SourceStatus.Complete, Source(snapshot, InventorySource.SpotFleets).Status);
    }

    [Fact]
    public async Task ReadAsync_SpotFleetNamesNoImageId_Truncated()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddSpotFleet("sfr-alias", "active", "resolve:ssm:/golden/ami");

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.SpotFleets);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("sfr-alias", source.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ConsumerSourcesDisabled_NotCalledAndReportedDisabled()
    {
        Ec2.AddImage(Ami(1));
        var disabled = new HashSet<InventorySource> { InventorySource.LaunchConfigurations, InventorySource.SpotRequests, InventorySource.SpotFleets };

        var snapshot = await ReadAsync(new InventoryOptions { DisabledSources = disabled });

        Assert.True(snapshot.IsComplete);
        Assert.All(disabled, s => Assert.Equal(SourceStatus.Disabled, Source(snapshot, s).Status));
        Assert.Equal(0, Apis.AutoScalingClient.Calls);
        Assert.Equal(0, Ec2.Calls("DescribeSpotInstanceRequests"));
        Assert.Equal(0, Ec2.Calls("DescribeSpotFleetRequests"));
    }

    private static IEnumerable<ImageReference> All(InventorySnapshot snapshot, ReferenceKind kind) =>
        snapshot.References.ReferencedImageIds.SelectMany(snapshot.References.For).Where(r => r.Kind == kind);

    private sealed class ThrowingApis : AmiAutomation.Aws.Clients.IRegionalApiClients
    {
        public IAutoScalingClient AutoScaling(string region) => throw new NotSupportedException("no Auto Scaling client here");

        public AmiAutomation.Aws.RecycleBin.IRecycleBinRules RecycleBinRules(string region) => throw new NotSupportedException();
    }
}
