using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Diagnostics;

namespace AmiAutomation.Lambda.Tests.Iam.Recording;

public sealed class InvocationRequestsTests
{
    private static readonly DateTimeOffset At = SimulatedStack.Start;
    private static readonly AuthorizationScope Scope = new(new Ec2Simulator(), SimulatedStack.Home);

    [Fact]
    public void Collect_NamespacedCallLogEntries_BecomeRequestsOnTheirResource()
    {
        var collected = InvocationRequests.Collect(
            [Call("autoscaling:DescribeLaunchConfigurations"), Call("rbin:ListRules"), Call("rbin:GetRule"), Call("rbin:GetRule")], [], [], Scope, "arn:ledger");

        Assert.Empty(collected.Bypassed);
        Assert.Equal(
            ["autoscaling:DescribeLaunchConfigurations on *", "rbin:ListRules on *", $"rbin:GetRule on arn:aws:rbin:{SimulatedStack.Home}:{Scope.AccountId}:rule/a1B2c3D4e5F"],
            collected.Requests.Select(r => $"{r.Action} on {r.Resource}"));
    }

    [Fact]
    public void Collect_Ec2CallsTheProxySaw_AddNothing_OthersAreReportedAsBypassed()
    {
        var seen = new IamRequest("ec2:DescribeImages", "*");
        var collected = InvocationRequests.Collect(
            [Call("DescribeImages"), Call("DescribeImages"), Call("ec2:DescribeSnapshots")], [seen], ["ec2:DescribeImages"], Scope, "arn:ledger");

        Assert.Equal(
            ["ec2:DescribeImages: 2 calls reached the simulator, 1 passed the recording proxy", "ec2:DescribeSnapshots: 1 calls reached the simulator, 0 passed the recording proxy"],
            collected.Bypassed);
        Assert.Equal(["ec2:DescribeImages", "ec2:DescribeImages", "ec2:DescribeSnapshots"], collected.Requests.Select(r => r.Action));
    }

    [Fact]
    public void Collect_ActionsRecordedByName_GetTheLedgerTableOrStar()
    {
        var log = new PermissionLog();
        log.Add("dynamodb:PutItem");
        log.Add("sqs:SendMessage");

        var collected = InvocationRequests.Collect([], log.Since(0), [], Scope, "arn:aws:dynamodb:eu-west-1:123456789012:table/t");

        Assert.Equal(["arn:aws:dynamodb:eu-west-1:123456789012:table/t", "*"], collected.Requests.Select(r => r.Resource));
    }

    private static RecordedCall Call(string action) => new(action, SimulatedStack.Home, At, DryRun: false, ErrorCode: null);
}
