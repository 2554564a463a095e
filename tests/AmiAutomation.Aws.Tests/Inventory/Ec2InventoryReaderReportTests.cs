using AmiAutomation.TestKit.Logging;
using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Inventory;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>What the reports say: last-launched times, the candidates' snapshot, unimplemented calls, cancellation,
/// the warning log, and every call paced by the rate limiter.</summary>
public sealed class Ec2InventoryReaderReportTests : InventoryReaderTestBase
{
    [Fact]
    public async Task ReadAsync_ImagesComplete_LastLaunchedCompleteCountingImagesWithATime()
    {
        Ec2.AddImage(Ami(1), i => i.LastLaunchedTime = "2024-05-01T00:00:00Z");
        Ec2.AddImage(Ami(2));

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LastLaunchedTime);
        Assert.Equal((SourceStatus.Complete, 1, 0, (string?)null), (source.Status, source.Items, source.Calls, source.Error));
    }

    [Fact]
    public async Task ReadAsync_ImagesTruncated_LastLaunchedTruncatedNamingDescribeImages()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddImage(Ami(2));
        Ec2.Faults.Add(new Fault("DescribeImages", 1, FaultKind.RepeatedToken));

        var snapshot = await ReadAsync(new InventoryOptions { ImagePageSize = 1 });

        var source = Source(snapshot, InventorySource.LastLaunchedTime);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        Assert.Contains("DescribeImages", source.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LastLaunchedDisabled_ReportedDisabled()
    {
        Ec2.AddImage(Ami(1), i => i.LastLaunchedTime = "2024-05-01T00:00:00Z");

        var snapshot = await ReadAsync(new InventoryOptions { DisabledSources = new HashSet<InventorySource> { InventorySource.LastLaunchedTime } });

        Assert.Equal(SourceStatus.Disabled, Source(snapshot, InventorySource.LastLaunchedTime).Status);
    }

    [Fact]
    public async Task ReadAsync_Candidates_SeeFailClosedSnapshotAndReferencesReadForThemOnly()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddImage(Ami(2));
        Ec2.AddTemplate("lt-1", Ami(1), Ami(1));
        InventorySnapshot? seen = null;

        var snapshot = await new Ec2InventoryReader(new FixedEc2ClientFactory(Ec2.Client), Apis, TestLimits.Registry())
            .ReadAsync(Region, InventoryOptions.Default, s => { seen = s; return new HashSet<string>(StringComparer.Ordinal) { Ami(2) }; }, CancellationToken.None);

        var notRead = Source(seen!, InventorySource.ImageReferences);
        Assert.Equal(SourceStatus.Failed, notRead.Status);
        Assert.Contains("not read yet", notRead.Error, StringComparison.Ordinal);
        Assert.False(seen!.IsComplete);
        Assert.Equal([Ami(2)], snapshot.PerImageReferencesReadFor!);
        Assert.Equal([Ami(2)], Assert.Single(Ec2.RequestsOf<DescribeImageReferencesRequest>()).ImageIds);
        Assert.Equal(2, snapshot.LaunchTemplateVersionsRead["lt-1"]);
    }

    [Fact]
    public async Task ReadAsync_ImageReferencesNotImplemented_ErrorNamesTheSettingThatSwitchesItOff()
    {
        Ec2.AddImage(Ami(1));
        Ec2.Faults.Add(new Fault("DescribeImageReferences", 0, FaultKind.NotImplemented));

        var snapshot = await ReadAsync();

        Assert.Contains("DISABLED_REFERENCE_SOURCES=ImageReferences", Source(snapshot, InventorySource.ImageReferences).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ImagesNotImplemented_FailedWithoutOfferingToSwitchImagesOff()
    {
        Ec2.AddImage(Ami(1));
        Ec2.Faults.Add(new Fault("DescribeImages", 0, FaultKind.NotImplemented));

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.Images);
        Assert.Equal(SourceStatus.Failed, source.Status);
        Assert.StartsWith("DescribeImages failed: ", source.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("DISABLED_REFERENCE_SOURCES", source.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CancelledBeforeAnyCall_ErrorSaysNoCallWasUnderway()
    {
        Ec2.AddImage(Ami(1));

        var snapshot = await ReadAsync(cancellationToken: new CancellationToken(true));

        Assert.StartsWith("Cancelled during (none)", Source(snapshot, InventorySource.Images).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SourceFails_WarningNamesSourceRegionAndCause()
    {
        Ec2.AddImage(Ami(1));
        Ec2.Faults.Add(new Fault("DescribeSpotFleetRequests", 0, FaultKind.Unauthorized));
        var logger = new RecordingLogger();

        await new Ec2InventoryReader(new FixedEc2ClientFactory(Ec2.Client), Apis, TestLimits.Registry(), logger)
            .ReadAsync(Region, InventoryOptions.Default, CancellationToken.None);

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning).Message;
        Assert.Contains("SpotFleets", warning, StringComparison.Ordinal);
        Assert.Contains(Region, warning, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EveryCall_TakesOneTokenFromItsActionsBucket()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddInstance("i-1", Ami(1));
        for (var i = 0; i < 7; i++)
        {
            Ec2.AddSpotRequest($"sir-{i}", Ami(10 + i));
            Apis.AutoScalingClient.LaunchConfigurations.Add(new LaunchConfigurationInfo($"lc-{i}", Ami(20 + i)));
        }

        var limits = new Ec2RateLimits(Enum.GetValues<Ec2ActionClass>().ToDictionary(c => c, _ => new TokenBucketLimit(50, 1)));
        var registry = new Ec2RateLimiterRegistry(new FakeTimeProvider(), limits);

        var snapshot = await new Ec2InventoryReader(new FixedEc2ClientFactory(Ec2.Client), Apis, registry)
            .ReadAsync(Region, new InventoryOptions { SpotRequestPageSize = 5, LaunchConfigurationPageSize = 3 }, CancellationToken.None);

        Assert.True(snapshot.IsComplete);
        var limiter = registry.ForRegion(Region);
        Assert.Equal(49, limiter.Available("DescribeInstances"));
        Assert.Equal(49, limiter.Available("DescribeImages"));
        Assert.Equal(48, limiter.Available("DescribeSpotInstanceRequests"));
        Assert.Equal(47, limiter.Available(LaunchConfigurationSource.Action));
    }

    [Fact]
    public async Task ReadAsync_LaunchTemplateVersionMissingAndAliasUnresolved_TruncatedWithBothProblems()
    {
        Ec2.AddImage(Ami(1));
        Ec2.AddTemplate("lt-1", Ami(1));
        Ec2.Client.DescribeLaunchTemplatesAsync(Arg.Any<DescribeLaunchTemplatesRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeLaunchTemplatesResponse
            {
                LaunchTemplates = [new LaunchTemplate { LaunchTemplateId = "lt-1", LaunchTemplateName = "web", DefaultVersionNumber = 9, LatestVersionNumber = 9 }],
            });
        Ec2.Faults.Add(new Fault("DescribeLaunchTemplateVersions", 0, FaultKind.UnresolvedAlias));

        var snapshot = await ReadAsync();

        var source = Source(snapshot, InventorySource.LaunchTemplates);
        Assert.Equal(SourceStatus.Truncated, source.Status);
        var problems = source.Error!.Split(" | ");
        Assert.Equal(2, problems.Length);
        Assert.Contains("were not in the versions listing", problems[0], StringComparison.Ordinal);
        Assert.Contains("did not resolve to an image id", problems[1], StringComparison.Ordinal);
    }
}
