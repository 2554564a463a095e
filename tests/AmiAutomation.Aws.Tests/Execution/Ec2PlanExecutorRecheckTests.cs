using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tagging;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The re-check right before each deregistration.</summary>
public sealed class Ec2PlanExecutorRecheckTests : PlanExecutorTestBase
{
    [Fact]
    public async Task ExecuteAsync_NowUsedByAnInstance_SkippedOnRecheckAndNotDeregistered()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));
        Ec2.AddInstance("i-new", "ami-00000001");

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("i-new", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
        var instances = Assert.Single(Ec2.RequestsOf<DescribeInstancesRequest>());
        Assert.Equal(["ami-00000001"], instances.Filters.Single(f => f.Name == "image-id").Values);
    }

    [Fact]
    public async Task ExecuteAsync_NowReferencedBySsmParameter_SkippedOnRecheck()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = "ami-00000001", ResourceType = "ssm:Parameter", Arn = "arn:ssm:golden" });

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("arn:ssm:golden", outcome.Detail, StringComparison.Ordinal);
        var request = Assert.Single(Ec2.RequestsOf<DescribeImageReferencesRequest>());
        Assert.Equal(["ami-00000001"], request.ImageIds);
        Assert.True(request.IncludeAllResourceTypes);
    }

    [Fact]
    public async Task ExecuteAsync_KeepTagAddedAfterPlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.Tags = [new Tag(TagNames.Keep, "true")];

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.KeepTag), outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ProtectionEnabledAfterPlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.DeregistrationProtection = "enabled-with-cooldown";

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.DeregistrationProtected), outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ImageGoneSincePlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        Ec2.Images.Remove(image);

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Equal("image no longer exists", outcome.Detail);
    }

    [Fact]
    public async Task ExecuteAsync_StateChangedSincePlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001");
        var plan = Plans.Of(Plans.Deregister(image));
        image.State = Amazon.EC2.ImageState.Disabled;

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("state changed from Available to Disabled", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_DeprecationCancelledSincePlanning_SkippedOnRecheck()
    {
        var image = Image("ami-00000001", i => i.DeprecationTime = "2025-12-01T00:00:00Z");
        var plan = Plans.Of(Plans.Deregister(image));
        image.DeprecationTime = null;

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("deprecation was cancelled", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_LaunchedSincePlanningPerAttribute_SkippedOnRecheck()
    {
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")));
        Ec2.LastLaunched["ami-00000001"] = "2026-02-28T23:00:00Z";

        var outcome = Assert.Single(await RunAsync(plan, Real()));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("launched at 2026-02-28T23:00:00.000Z since planning", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains(Ec2.RequestsOf<DescribeImageAttributeRequest>(), r => r.Attribute == Amazon.EC2.ImageAttributeName.LastLaunchedTime);
    }

    [Fact]
    public async Task ExecuteAsync_RecentLaunchWindow_ProtectsRecentlyLaunchedImage()
    {
        var image = Image("ami-00000001", i => i.LastLaunchedTime = "2026-02-20T00:00:00Z");
        var options = Real() with { Protection = new ProtectionOptions { RecentLaunchWindow = TimeSpan.FromDays(30) } };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(image)), options));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.RecentlyLaunched), outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Ec2.RequestsOf<DescribeImageAttributeRequest>().Count(r => r.Attribute == Amazon.EC2.ImageAttributeName.LastLaunchedTime));
    }

    [Fact]
    public async Task ExecuteAsync_NotOwnedByTheConfiguredAccount_SkippedOnRecheck()
    {
        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real() with { AccountId = "999988887777" }));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.NotOwned), outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DescribeImageReferences", FaultKind.NotImplemented, "HTTP500")]
    [InlineData("DescribeInstances", FaultKind.Throttled, "RequestLimitExceeded")]
    [InlineData("DescribeImageAttribute", FaultKind.Unauthorized, "UnauthorizedOperation")]
    [InlineData("DescribeImages", FaultKind.Network, "HttpRequestException")]
    public async Task ExecuteAsync_RecheckCannotComplete_FailedAndNotDeregistered(string action, FaultKind kind, string code)
    {
        Ec2.Faults.Add(new Fault(action, 0, kind));

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real()));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Contains("not deregistered", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }

    [Fact]
    public async Task ExecuteAsync_DisabledRecheckSources_AreNotCalled()
    {
        var options = Real() with
        {
            DisabledRecheckSources = new HashSet<InventorySource> { InventorySource.ImageReferences, InventorySource.LastLaunchedTime },
        };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), options));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal(0, Ec2.Calls("DescribeImageReferences"));
        Assert.Equal(1, Ec2.Calls("DescribeImageAttribute"));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringRecheck_NotStarted()
    {
        using var cts = new CancellationTokenSource();
        Ec2.OnCall = action =>
        {
            if (action == "DescribeImageReferences")
            {
                cts.Cancel();
            }
        };

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deregister(Image("ami-00000001"))), Real(), cts.Token));

        Assert.Equal(OutcomeStatus.NotStarted, outcome.Status);
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }
}
