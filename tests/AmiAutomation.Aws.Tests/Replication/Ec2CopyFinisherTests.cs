using System.Net;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using static AmiAutomation.Aws.Tests.Replication.ReplicationSetup;

namespace AmiAutomation.Aws.Tests.Replication;

public sealed class Ec2CopyFinisherTests
{
    private static async Task<(ReplicationSetup Setup, CopyFinishPlan Plan)> PlanAsync(int accounts = 3, Ec2ReplicatorOptions? options = null)
    {
        var setup = new ReplicationSetup(options);
        var deprecateAt = setup.Time.GetUtcNow().AddDays(20);
        var source = setup.AddSource(b =>
        {
            b.DeprecatedAt(deprecateAt);
            for (var i = 0; i < accounts; i++)
            {
                b.SharedWithAccount($"4444555566{i:D2}");
            }
        });
        var started = await setup.Starter.StartAsync(Planned(source), false, CancellationToken.None);
        setup.Time.Advance(TimeSpan.FromHours(1));
        var copy = setup.Describe(Destination, started.NewImageId!);
        var permissions = await setup.Finder.GetLaunchPermissionsAsync(Home, source.ImageId, CancellationToken.None);
        return (setup, CopyFinishPlanner.Plan(copy, "web", setup.Describe(Home, source.ImageId), permissions, new CopyPolicy(), setup.Time.GetUtcNow()));
    }

    [Fact]
    public async Task FinishAsync_AddsPermissionsSetsDeprecationThenTags()
    {
        var (setup, plan) = await PlanAsync();

        var outcome = await setup.Finisher.FinishAsync(plan, false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal(3, setup.Ec2.LaunchPermissionsOf(Destination, plan.Copy.ImageId).Count);
        Assert.NotNull(setup.Ec2.FindImage(Destination, plan.Copy.ImageId)!.DeprecationTime);
        Assert.Equal(TagTime.Format(setup.Time.GetUtcNow()), setup.Ec2.TagsOf(Destination, plan.Copy.ImageId)[TagNames.CopyFinishedAt]);
    }

    [Fact]
    public async Task FinishAsync_ManyPermissions_SentInBatches()
    {
        var (setup, plan) = await PlanAsync(accounts: 5, new Ec2ReplicatorOptions { LaunchPermissionBatchSize = 2 });

        await setup.Finisher.FinishAsync(plan, false, CancellationToken.None);

        Assert.Equal(3, setup.Ec2.Calls.CountOf("ModifyImageAttribute", Destination));
        Assert.Equal(5, setup.Ec2.LaunchPermissionsOf(Destination, plan.Copy.ImageId).Count);
    }

    [Fact]
    public async Task FinishAsync_StepFails_NamesTheStepAndDoesNotTag()
    {
        var (setup, plan) = await PlanAsync();
        setup.Ec2.Faults.FailNext("ModifyImageAttribute", 1, "InvalidAMIAttributeItemValue", HttpStatusCode.BadRequest);

        var outcome = await setup.Finisher.FinishAsync(plan, false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("InvalidAMIAttributeItemValue", outcome.ErrorCode);
        Assert.StartsWith("ModifyImageAttribute", outcome.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(TagNames.CopyFinishedAt, setup.Ec2.TagsOf(Destination, plan.Copy.ImageId).Keys);
    }

    [Fact]
    public async Task FinishAsync_DryRun_EveryCallDryNothingChanged()
    {
        var (setup, plan) = await PlanAsync();
        var before = setup.Ec2.Calls.All.Count;

        var outcome = await setup.Finisher.FinishAsync(plan, true, CancellationToken.None);

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.All(setup.Ec2.Calls.All.Skip(before), c => Assert.True(c.DryRun));
        Assert.Equal(["ModifyImageAttribute", "EnableImageDeprecation", "CreateTags"], setup.Ec2.Calls.All.Skip(before).Select(c => c.Action));
        Assert.Empty(setup.Ec2.LaunchPermissionsOf(Destination, plan.Copy.ImageId));
        Assert.DoesNotContain(TagNames.CopyFinishedAt, setup.Ec2.TagsOf(Destination, plan.Copy.ImageId).Keys);
        Assert.Equal(LaunchPermissionKind.Account, plan.PermissionsToAdd[0].Kind);
    }

    [Fact]
    public async Task FinishAsync_ClockAdvancesBetweenPlanAndCall_DeprecationWorkedOutAtTheCall()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource(b => b.DeprecatedAt(setup.Time.GetUtcNow().AddDays(-3)));
        var started = await setup.Starter.StartAsync(Planned(source), false, CancellationToken.None);
        setup.Time.Advance(TimeSpan.FromHours(1));
        var copy = setup.Describe(Destination, started.NewImageId!);
        var plan = CopyFinishPlanner.Plan(copy, "web", setup.Describe(Home, source.ImageId), [], new CopyPolicy(), setup.Time.GetUtcNow());
        var planned = plan.DeprecateAt!.Value;
        setup.Time.Advance(TimeSpan.FromMinutes(30));

        var outcome = await setup.Finisher.FinishAsync(plan, false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        var set = DateTimeOffset.Parse(setup.Ec2.FindImage(Destination, plan.Copy.ImageId)!.DeprecationTime, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(set > setup.Time.GetUtcNow(), $"set {set:O}, now {setup.Time.GetUtcNow():O}");
        Assert.True(set > planned);
        Assert.Contains(TagTime.Format(set), outcome.Detail, StringComparison.Ordinal);
    }
}
