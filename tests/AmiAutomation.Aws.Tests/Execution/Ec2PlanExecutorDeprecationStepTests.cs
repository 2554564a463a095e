using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Execution;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The deprecation step: the time sent (raised to the earliest EC2 takes, saying so), dry run, and the call's
/// answers.</summary>
public sealed class Ec2PlanExecutorDeprecationStepTests : PlanExecutorTestBase
{
    private const string Id = "ami-00000001";

    [Fact]
    public async Task ExecuteAsync_FutureTime_SentAsPlannedWithoutNote()
    {
        var at = Time.GetUtcNow().AddDays(1);

        var outcome = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Image(Id), at)), Real()));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal($"deprecation set to {Ec2Time.Format(at)}", outcome.Detail);
        Assert.Equal(at.UtcDateTime, Assert.Single(Ec2.RequestsOf<EnableImageDeprecationRequest>()).DeprecateAt);
    }

    [Fact]
    public async Task ExecuteAsync_TimePassedByTheCall_RaisedToEarliestAndSaysSo()
    {
        var planned = Time.GetUtcNow().AddHours(-1);
        var earliest = DeprecationLimits.Earliest(Time.GetUtcNow());

        var dryRun = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Image(Id), planned)), new ExecutionOptions()));
        var real = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Ec2.Images[0], planned)), Real()));

        var note = $" (planned {Ec2Time.Format(planned)}, which had passed by the call)";
        Assert.Equal($"would have been allowed: deprecate at {Ec2Time.Format(earliest)}{note}", dryRun.Detail);
        Assert.Equal($"deprecation set to {Ec2Time.Format(earliest)}{note}", real.Detail);
        Assert.All(Ec2.RequestsOf<EnableImageDeprecationRequest>(), r => Assert.Equal(earliest.UtcDateTime, r.DeprecateAt));
    }

    [Fact]
    public async Task ExecuteAsync_NoDeprecateAt_FailedNothingSent()
    {
        var decision = Plans.Deprecate(Image(Id), Time.GetUtcNow().AddDays(1)) with { DeprecateAt = null };

        var outcome = Assert.Single(await RunAsync(Plans.Of(decision), Real()));

        Assert.Equal((OutcomeStatus.Failed, ExecutionErrorCodes.MissingDeprecateAt), (outcome.Status, outcome.ErrorCode));
        Assert.Equal("the Deprecate decision carries no DeprecateAt; nothing sent", outcome.Detail);
        Assert.Equal(0, Ec2.Calls("EnableImageDeprecation"));
    }

    [Fact]
    public async Task ExecuteAsync_DeprecationRefusedOrFalse_Failed()
    {
        Ec2.ErrorCodes["EnableImageDeprecation"] = "UnauthorizedOperation";
        var refused = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Image(Id), Time.GetUtcNow().AddDays(1))), Real()));
        Ec2.Client.EnableImageDeprecationAsync(Arg.Any<EnableImageDeprecationRequest>(), Arg.Any<CancellationToken>())
            .Returns(new EnableImageDeprecationResponse { Return = false });
        var returnedFalse = Assert.Single(await RunAsync(Plans.Of(Plans.Deprecate(Ec2.Images[0], Time.GetUtcNow().AddDays(1))), Real()));

        Assert.Equal((OutcomeStatus.Failed, "UnauthorizedOperation"), (refused.Status, refused.ErrorCode));
        Assert.StartsWith("EnableImageDeprecation failed: UnauthorizedOperation", refused.Detail, StringComparison.Ordinal);
        Assert.Equal((OutcomeStatus.Failed, ExecutionErrorCodes.ReturnFalse, "EnableImageDeprecation returned false"), (returnedFalse.Status, returnedFalse.ErrorCode, returnedFalse.Detail));
    }
}
