using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>What the executor does around the steps: a bad region, an image from another region, an action it does not
/// carry out, an unexpected exception, and cancellation before and during a step.</summary>
public sealed class Ec2PlanExecutorRunEdgeTests : PlanExecutorTestBase
{
    [Fact]
    public async Task ExecuteAsync_PlanRegionNotARegion_ThrowsBeforeAnyCall()
    {
        var plan = new Plan("expire", "us-east-1; drop", Plans.PlannedAt, [Plans.Deregister(Image("ami-00000001"))], []);

        await Assert.ThrowsAsync<InvalidRegionException>(() => RunAsync(plan, Real()));

        Assert.Equal(0, Ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_ImageFromAnotherRegion_FailedNothingSent()
    {
        var decision = Plans.Deregister(Image("ami-00000001"), "eu-west-1");

        var outcome = Assert.Single(await RunAsync(Plans.Of(decision), Real()));

        Assert.Equal((OutcomeStatus.Failed, ExecutionErrorCodes.RegionMismatch), (outcome.Status, outcome.ErrorCode));
        Assert.Equal("image is in eu-west-1 but the plan is for us-east-1; nothing sent", outcome.Detail);
        Assert.Equal(0, Ec2.TotalCalls);
    }

    [Fact]
    public async Task ExecuteAsync_ActionNotCarriedOut_FailedNamingIt()
    {
        var decision = Plans.Deregister(Image("ami-00000001")) with { Action = DecisionAction.Copy };

        var outcome = Assert.Single(await RunAsync(Plans.Of(decision), Real()));

        Assert.Equal((OutcomeStatus.Failed, ExecutionErrorCodes.UnsupportedAction), (outcome.Status, outcome.ErrorCode));
        Assert.Equal("Ec2PlanExecutor carries out Deprecate, Disable and Deregister only, not Copy", outcome.Detail);
    }

    [Fact]
    public async Task ExecuteAsync_NetworkFailureOnDeregister_FailedAndRunGoesOn()
    {
        Ec2.Faults.Add(new Fault("DeregisterImage", 0, FaultKind.Network));
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")));

        var outcomes = await RunAsync(plan, Real());

        Assert.Equal((OutcomeStatus.Failed, nameof(HttpRequestException)), (outcomes[0].Status, outcomes[0].ErrorCode));
        Assert.Equal("Deregister failed: connection reset by the fake", outcomes[0].Detail);
        Assert.Equal(OutcomeStatus.Succeeded, outcomes[1].Status);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringFirstRecheck_BothNotStartedSayingWhen()
    {
        using var cts = new CancellationTokenSource();
        Ec2.OnCall = action =>
        {
            if (action == "DescribeImageReferences")
            {
                cts.Cancel();
            }
        };
        var plan = Plans.Of(Plans.Deregister(Image("ami-00000001")), Plans.Deregister(Image("ami-00000002")));

        var outcomes = await RunAsync(plan, Real(), cts.Token);

        Assert.Equal(
            [
                (OutcomeStatus.NotStarted, "cancelled before the call was sent (deadline approaching)"),
                (OutcomeStatus.NotStarted, "cancelled before it started (deadline approaching)"),
            ],
            outcomes.Select(o => (o.Status, o.Detail)));
        Assert.Equal(0, Ec2.Calls("DeregisterImage"));
    }
}
