using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>
/// Every EC2 call the executor sends first takes one token from its action's bucket, so a long sweep paces itself under
/// EC2's own per-action limits instead of collecting RequestLimitExceeded. Buckets of 50 on a clock that never moves: a
/// bucket's tokens left = 50 − the calls sent.
/// </summary>
public sealed class Ec2PlanExecutorRateLimitTests : PlanExecutorTestBase
{
    private const int Capacity = 50;
    private readonly Ec2RateLimiterRegistry _registry = new(
        new FakeTimeProvider(), new Ec2RateLimits(Enum.GetValues<Ec2ActionClass>().ToDictionary(c => c, _ => new TokenBucketLimit(Capacity, 1))));

    private async Task<IReadOnlyList<ActionOutcome>> RunLimitedAsync(Plan plan, ExecutionOptions options) =>
        await new Ec2PlanExecutor(new FixedEc2ClientFactory(Ec2.Client), Apis, _registry, Time).ExecuteAsync(plan, options, CancellationToken.None);

    private double Used(string action) => Capacity - _registry.ForRegion("us-east-1").Available(action);

    [Fact]
    public async Task ExecuteAsync_Deregistration_EveryCallTakesOneTokenFromItsActionsBucket()
    {
        var old = WebFamilyOfTwo();
        Ec2.AddTemplate("lt-1", "ami-00000002");
        Ec2.Client.DeregisterImageAsync(Arg.Any<DeregisterImageRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DeregisterImageResponse { Return = true });
        Ec2.Client.DescribeSnapshotsAsync(Arg.Any<DescribeSnapshotsRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeSnapshotsResponse { Snapshots = [] });
        var options = Real() with { FamilyRecount = new FamilyKeepRule(FamilyResolver.Default, 1) };

        var outcome = Assert.Single(await RunLimitedAsync(Plans.Of(Plans.Deregister(old)), options));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        // The re-check's read of the image, then the family re-count's two listings (tagged, by name).
        Assert.Equal((3, 3), (Ec2.Calls("DescribeImages"), Used("DescribeImages")));
        Assert.Equal(1, Used("DescribeImageAttribute"));
        Assert.Equal(1, Used("DescribeImageReferences"));
        Assert.Equal(1, Used("DescribeInstances"));
        Assert.Equal(1, Used("DescribeLaunchTemplates"));
        Assert.Equal(1, Used("DescribeLaunchTemplateVersions"));
        Assert.Equal(1, Used("DeregisterImage"));
        Assert.Equal(1, Used("DescribeSnapshots"));
    }

    [Fact]
    public async Task ExecuteAsync_DeprecationAndDisable_EachCallTakesOneTokenFromItsActionsBucket()
    {
        var deprecate = Plans.Deprecate(Image("ami-00000001"), Time.GetUtcNow().AddDays(30));
        var disable = Plans.Deregister(Image("ami-00000002", i => i.LastLaunchedTime = "2024-01-01T00:00:00Z")) with { Action = DecisionAction.Disable };
        Ec2.Client.DisableImageAsync(Arg.Any<DisableImageRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DisableImageResponse { Return = true });
        var options = Real() with
        {
            DisableGuard = new RecordingDisableGuard(),
            AccountId = "123456789012",
            Protection = new ProtectionOptions { SharedImages = SharedImageRule.Allow },
        };

        var outcomes = await RunLimitedAsync(Plans.Of(deprecate, disable), options);

        Assert.Equal([OutcomeStatus.Succeeded, OutcomeStatus.Succeeded], outcomes.Select(o => o.Status));
        Assert.Equal(1, Used("EnableImageDeprecation"));
        Assert.Equal(1, Used("DisableImage"));
        // The disable's re-check: the image, its instances.
        Assert.Equal(1, Used("DescribeImages"));
        Assert.Equal(1, Used("DescribeInstances"));
    }
}
