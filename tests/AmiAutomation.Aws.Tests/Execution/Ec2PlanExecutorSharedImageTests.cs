using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using ImageUsageReport = AmiAutomation.Core.Images.ImageUsageReport;
using LaunchPermission = AmiAutomation.Core.Images.LaunchPermission;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The re-check right before DeregisterImage catches a share added after planning.</summary>
public sealed class Ec2PlanExecutorSharedImageTests
{
    private const string Region = "us-east-1";
    private const string Account = "123456789012";
    private const string Consumer = "444455556666";
    private const string Latecomer = "777788889999";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Ec2Simulator _sim;
    private readonly string _old;

    public Ec2PlanExecutorSharedImageTests()
    {
        _sim = new Ec2Simulator(_time);
        _old = _sim.AddImage(Region, b => b.Named("web-0300").Tagged(TagNames.Family, "web").CreatedDaysAgo(300).DeprecatedAt(_time.GetUtcNow().AddDays(-60)));
        _sim.AddImage(Region, b => b.Named("web-0001").Tagged(TagNames.Family, "web").CreatedDaysAgo(1));
    }

    private Ec2RateLimiterRegistry Limiters => new(_time, TestLimits.Unlimited);

    private async Task<Plan> PlanAsync(ExpiryPolicy policy, Func<AmiImage, AmiImage> known)
    {
        var snapshot = await new Ec2InventoryReader(_sim.ClientFactory, new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(_sim), Limiters).ReadAsync(Region, InventoryOptions.Default, CancellationToken.None);
        var plan = ExpiryPlanner.Plan(snapshot with { Images = [.. snapshot.Images.Select(known)] }, policy, PlanSelection.All, _time.GetUtcNow());
        Assert.Equal(DecisionAction.Deregister, plan.Decisions.Single(d => d.Image.ImageId == _old).Action);
        return plan;
    }

    private Task Share(string account) =>
        _sim.ClientFor(Region).ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = _old,
            LaunchPermission = new LaunchPermissionModifications { Add = [new Amazon.EC2.Model.LaunchPermission { UserId = account }] },
        });

    private async Task<ActionOutcome> ExecuteAsync(Plan plan, ExpiryPolicy policy)
    {
        var options = new ExecutionOptions { DryRun = false, Protection = policy.ToProtectionOptions(), AccountId = Account };
        var outcomes = await new Ec2PlanExecutor(_sim.ClientFactory, new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(_sim), Limiters, _time).ExecuteAsync(plan, options, CancellationToken.None);
        return outcomes.Single(o => o.Decision.Image.ImageId == _old);
    }

    [Fact]
    public async Task Execute_ShareAddedAfterPlanning_SkippedOnRecheck()
    {
        var policy = new ExpiryPolicy { KeepNewest = 1 };
        var plan = await PlanAsync(policy, i => i with { LaunchPermissions = [] });
        await Share(Consumer);

        var outcome = await ExecuteAsync(plan, policy);

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("SharedImage: shared with account " + Consumer, outcome.Detail, StringComparison.Ordinal);
        Assert.NotNull(_sim.FindImage(Region, _old));
    }

    [Fact]
    public async Task Execute_WhenUnused_NewShareSinceTheReport_SkippedOnRecheck_ControlDeregisters()
    {
        var policy = new ExpiryPolicy { KeepNewest = 1, SharedImages = SharedImageRule.KeepUnlessUnused };
        var report = new ImageUsageReport { ReportId = "amiur-1", State = UsageReportState.Available, CreatedAt = _time.GetUtcNow().AddDays(-1) };
        await Share(Consumer);
        AmiImage Known(AmiImage i) => i with { LaunchPermissions = [new LaunchPermission(LaunchPermissionKind.Account, Consumer)], UsageReport = report };

        var plan = await PlanAsync(policy, Known);
        await Share(Latecomer);
        var outcome = await ExecuteAsync(plan, policy);

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains($"shared with Account {Latecomer} since planning", outcome.Detail, StringComparison.Ordinal);

        var control = await ExecuteAsync(await PlanAsync(policy, i => i with { LaunchPermissions = [new LaunchPermission(LaunchPermissionKind.Account, Consumer), new LaunchPermission(LaunchPermissionKind.Account, Latecomer)], UsageReport = report }), policy);
        Assert.Equal(OutcomeStatus.Succeeded, control.Status);
    }
}
