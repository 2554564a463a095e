using System.Net;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Services;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Layer necessity of the consumer sources, end to end through the expire function on the simulator: every other
/// reference source is switched off, every image's expiry tag has passed, so the consumer source under test (its
/// inventory read and its re-check) is all that stands between the pinned image and its deregistration. An unused image
/// of the same family is deregistered in the same run (positive control).
/// </summary>
public sealed class ExpireConsumerTests
{
    private const string Past = "2026-01-01";

    public enum Consumer
    {
        LaunchConfiguration,
        InterruptedPersistentSpotRequest,
        DisabledSpotRequest,
        SpotFleet,
    }

    private static readonly Dictionary<string, string> OtherSources = new(StringComparer.Ordinal)
    {
        ["LaunchConfigurations"] = "instances,launch-templates,image-references,last-launched-time,spot-requests,spot-fleets",
        ["SpotRequests"] = "instances,launch-templates,image-references,last-launched-time,launch-configurations,spot-fleets",
        ["SpotFleets"] = "instances,launch-templates,image-references,last-launched-time,launch-configurations,spot-requests",
    };

    private static (SweepHarness H, string Pinned, string Unused, string Newest) Family(string onlySource)
    {
        var h = new SweepHarness();
        h.Live()
            .Set(ExpireSettings.KeepNewestVariable, "1")
            .Set(CommonSettings.DisabledReferenceSourcesVariable, OtherSources[onlySource]);
        var pinned = h.AddImage(b => b.Named("svc-001").Tagged(TagNames.Family, "svc").CreatedDaysAgo(300).Tagged(TagNames.ExpiresAt, Past));
        var unused = h.AddImage(b => b.Named("svc-002").Tagged(TagNames.Family, "svc").CreatedDaysAgo(200).Tagged(TagNames.ExpiresAt, Past));
        var newest = h.AddImage(b => b.Named("svc-003").Tagged(TagNames.Family, "svc").CreatedDaysAgo(1).Tagged(TagNames.ExpiresAt, Past));
        return (h, pinned, unused, newest);
    }

    private static string Pin(SweepHarness h, Consumer consumer, string imageId) => consumer switch
    {
        Consumer.LaunchConfiguration => PinWithLaunchConfiguration(h, imageId),
        Consumer.InterruptedPersistentSpotRequest => h.Ec2.AddSpotRequest(SweepHarness.Region, imageId, "open", "persistent", instanceId: null),
        Consumer.DisabledSpotRequest => h.Ec2.AddSpotRequest(SweepHarness.Region, imageId, "disabled", "persistent", instanceId: null),
        _ => h.Ec2.AddSpotFleet(SweepHarness.Region, ["ami-0aaaaaaaaaaaaaaa1", imageId], "active"),
    };

    private static string PinWithLaunchConfiguration(SweepHarness h, string imageId)
    {
        h.Ec2.AddLaunchConfiguration(SweepHarness.Region, "web-asg-lc-2024", imageId);
        return "web-asg-lc-2024";
    }

    private static string SourceOf(Consumer consumer) => consumer switch
    {
        Consumer.LaunchConfiguration => "LaunchConfigurations",
        Consumer.SpotFleet => "SpotFleets",
        _ => "SpotRequests",
    };

    [Theory]
    [InlineData(Consumer.LaunchConfiguration)]
    [InlineData(Consumer.InterruptedPersistentSpotRequest)]
    [InlineData(Consumer.DisabledSpotRequest)]
    [InlineData(Consumer.SpotFleet)]
    public async Task LiveRun_ImageNamedOnlyByConsumer_SurvivesWhileUnusedImageIsDeregistered(Consumer consumer)
    {
        var (h, pinned, unused, newest) = Family(SourceOf(consumer));
        var resource = Pin(h, consumer, pinned);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.NotNull(h.Image(pinned));
        Assert.Null(h.Image(unused));
        Assert.NotNull(h.Image(newest));
        Assert.Equal(1, summary.Deregistration!.Deregistered);
        var decision = summary.Decisions.Single(d => d.ImageId == pinned);
        Assert.Equal("InUse", decision.Reason);
        Assert.Contains(resource, string.Join(" ", decision.Reasons), StringComparison.Ordinal);
        Assert.Equal(0, h.Ec2.Calls.CountOf("DescribeInstances"));
        Assert.Equal(0, h.Ec2.Calls.CountOf("DescribeImageReferences"));
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("cancelled")]
    [InlineData("failed")]
    public async Task LiveRun_SpotRequestThatCannotLaunch_DoesNotPin(string state)
    {
        var (h, pinned, unused, _) = Family("SpotRequests");
        h.Ec2.AddSpotRequest(SweepHarness.Region, pinned, state, "one-time");

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.Null(h.Image(pinned));
        Assert.Null(h.Image(unused));
        Assert.Equal(2, summary.Deregistration!.Deregistered);
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("cancelled_running")]
    [InlineData("failed")]
    public async Task LiveRun_SpotFleetThatCannotLaunch_DoesNotPin(string state)
    {
        var (h, pinned, _, _) = Family("SpotFleets");
        h.Ec2.AddSpotFleet(SweepHarness.Region, [pinned], state);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.Null(h.Image(pinned));
        Assert.Equal(2, summary.Deregistration!.Deregistered);
    }

    [Theory]
    [InlineData("SpotRequests")]
    [InlineData("SpotFleets")]
    public async Task LiveRun_LiveSpotConsumerWithoutImageId_SourceTruncatedNamingItAndNothingDeregistered(string source)
    {
        // An emulator that lies (AWS requires the image id): the consumer may launch either image, so none may go.
        var (h, pinned, unused, _) = Family(source);
        var resource = source == "SpotFleets"
            ? h.Ec2.AddSpotFleet(SweepHarness.Region, [string.Empty], "active")
            : h.Ec2.AddSpotRequest(SweepHarness.Region, string.Empty, "open", "persistent", instanceId: null);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        var failure = Assert.Single(summary.FailedSources);
        Assert.Equal((source, "Truncated"), (failure.Source, failure.Status));
        Assert.Contains($"name no image id, so the images they launch are unknown: {resource}", failure.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Empty(h.Ledger.Calls);
        Assert.NotNull(h.Image(pinned));
        Assert.NotNull(h.Image(unused));
    }

    [Fact]
    public async Task LiveRun_SpotFleetOfLaunchTemplatesOnly_NotTruncated()
    {
        var (h, pinned, unused, _) = Family("SpotFleets");
        var template = h.Ec2.AddLaunchTemplate(SweepHarness.Region, "batch", "ami-0aaaaaaaaaaaaaaa1");
        h.Ec2.AddSpotFleet(SweepHarness.Region, [], "active", [(template, "1")]);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.Null(h.Image(pinned));
        Assert.Null(h.Image(unused));
    }

    [Fact]
    public async Task LiveRun_InstantFleetOverride_DoesNotPinAndFleetsAreNotRead()
    {
        var (h, pinned, _, _) = Family("SpotFleets");
        var template = h.Ec2.AddLaunchTemplate(SweepHarness.Region, "batch", "ami-0aaaaaaaaaaaaaaa1");
        h.Ec2.AddFleet(SweepHarness.Region, "instant", template, [pinned]);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Null(h.Image(pinned));
        Assert.Equal(2, summary.Deregistration!.Deregistered);
        Assert.Equal(0, h.Ec2.Calls.CountOf("DescribeFleets"));
    }

    [Theory]
    [InlineData(SimulatedAutoScalingClient.DescribeLaunchConfigurationsAction, "LaunchConfigurations")]
    [InlineData("DescribeSpotInstanceRequests", "SpotRequests")]
    [InlineData("DescribeSpotFleetRequests", "SpotFleets")]
    public async Task LiveRun_ConsumerSourceFails_NothingDeregistered(string action, string source)
    {
        var (h, pinned, unused, _) = Family(source);
        h.Ec2.Faults.FailAlways(action, "InternalError", HttpStatusCode.InternalServerError);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Contains(summary.FailedSources, s => s.Source == source && s.Status == "Failed");
        Assert.Equal(0, h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Empty(h.Ledger.Calls);
        Assert.NotNull(h.Image(pinned));
        Assert.NotNull(h.Image(unused));
    }

    [Fact]
    public async Task LiveRun_LaunchConfigurationsDenied_NothingDeregistered()
    {
        var (h, pinned, unused, _) = Family("LaunchConfigurations");
        h.Ec2.Access.Deny(SimulatedAutoScalingClient.DescribeLaunchConfigurationsAction);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Contains(summary.FailedSources, s => s.Source == "LaunchConfigurations" && s.Status == "Failed");
        Assert.Equal(0, h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.NotNull(h.Image(pinned));
        Assert.NotNull(h.Image(unused));
    }

    [Fact]
    public async Task LiveRun_ExactlyOneFullPageOfLaunchConfigurations_ProbedReadAndNotBlocked()
    {
        // The pinning one + 99 others = exactly one page of 100 with no NextToken: the one-fewer probe shows that the
        // endpoint pages, so the listing is trusted (an endpoint that cuts short stays Truncated: Ec2InventoryReaderConsumerTests).
        var (h, pinned, unused, _) = Family("LaunchConfigurations");
        PinWithLaunchConfiguration(h, pinned);
        for (var i = 0; i < 99; i++)
        {
            h.Ec2.AddLaunchConfiguration(SweepHarness.Region, $"lc-{i:D3}", "ami-0aaaaaaaaaaaaaaa1");
        }

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.DoesNotContain(summary.FailedSources, s => s.Source == "LaunchConfigurations");
        Assert.NotNull(h.Image(pinned));
        Assert.Null(h.Image(unused));
    }

    [Fact]
    public async Task LiveRun_LaunchConfigurationsOverSeveralPages_AllRead()
    {
        var (h, pinned, unused, _) = Family("LaunchConfigurations");
        for (var i = 0; i < 250; i++)
        {
            h.Ec2.AddLaunchConfiguration(SweepHarness.Region, $"lc-{i:D3}", "ami-0aaaaaaaaaaaaaaa1");
        }

        h.Ec2.AddLaunchConfiguration(SweepHarness.Region, "lc-last", pinned);

        var summary = await h.InvokeAdvancingClockAsync(h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.NotNull(h.Image(pinned));
        Assert.Null(h.Image(unused));

        // 3 inventory pages; the re-check of the one deregistration reads the listing once more.
        Assert.Equal(6, h.Ec2.Calls.CountOf(SimulatedAutoScalingClient.DescribeLaunchConfigurationsAction));
    }
}
