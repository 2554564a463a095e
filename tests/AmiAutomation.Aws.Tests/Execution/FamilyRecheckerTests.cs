using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Services;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>
/// The family re-count right before DeregisterImage reads a family with the same rule as the planner. With the
/// built-in rule a family is not always a substring of its names (<c>amzn2-ami-kernel-5-hvm-2-x86_64-gp2</c> from
/// <c>amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-x86_64-gp2</c>): the name filter must still list every member.
/// </summary>
public sealed class FamilyRecheckerTests
{
    private const string Region = "us-east-1";
    private static readonly ExpiryPolicy Policy = new() { KeepNewest = 1, DeprecatedForDays = 30, MaxDeregistrationsPerRun = 1000 };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Ec2Simulator _sim;

    public FamilyRecheckerTests()
    {
        _sim = new Ec2Simulator(_time);
    }

    [Fact]
    public async Task Execute_FamilyNotASubstringOfItsNames_RecountFindsTheNewerBuildsAndDeregisters()
    {
        var oldest = AddDeprecated("amzn2-ami-kernel-5.10-hvm-2.0.20240109.0-x86_64-gp2", 300);
        var older = AddDeprecated("amzn2-ami-kernel-5.10-hvm-2.0.20240306.2-x86_64-gp2", 200);
        var newest = AddDeprecated("amzn2-ami-kernel-5.10-hvm-2.0.20250101.0-x86_64-gp2", 10);
        var otherLine = AddDeprecated("amzn2-ami-kernel-6.1-hvm-2.0.20240109.0-x86_64-gp2", 400);

        var outcomes = await PlanAndExecuteAsync();

        Assert.Equal(new[] { oldest, older }.Order(), outcomes.Where(o => o.Status == OutcomeStatus.Succeeded).Select(o => o.Decision.Image.ImageId).Order());
        Assert.True(_sim.IsImageGone(Region, oldest));
        Assert.False(_sim.IsImageGone(Region, newest));
        Assert.False(_sim.IsImageGone(Region, otherLine)); // the last image of the kernel-6 line
    }

    [Fact]
    public async Task Execute_NewerBuildRemovedAfterPlanning_RecountKeepsTheLastImageOfTheLine()
    {
        var oldest = AddDeprecated("centos-7.8-20240101", 300);
        var newest = AddDeprecated("centos-7.9-20250101", 10);
        _ = AddDeprecated("centos-8.5-20250101", 5);
        var limiters = TestLimits.Registry();
        var plan = await PlanAsync(limiters);
        Assert.Contains(plan.Decisions, d => d.Image.ImageId == oldest && d.IsDestructive);

        // Someone else removes the newer centos-7 build meanwhile; centos-8 images must not count for centos-7.
        await _sim.ClientFactory.ForRegion(Region).DeregisterImageAsync(new Amazon.EC2.Model.DeregisterImageRequest { ImageId = newest });
        var outcomes = await ExecuteAsync(plan, limiters);

        var outcome = outcomes.Single(o => o.Decision.Image.ImageId == oldest);
        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.False(_sim.IsImageGone(Region, oldest));
    }

    private string AddDeprecated(string name, int ageDays) =>
        _sim.AddImage(Region, b => b.Named(name).CreatedDaysAgo(ageDays).DeprecatedAt(_time.GetUtcNow().AddDays(-60)));

    private async Task<IReadOnlyList<ActionOutcome>> PlanAndExecuteAsync()
    {
        var limiters = TestLimits.Registry();
        return await ExecuteAsync(await PlanAsync(limiters), limiters);
    }

    private async Task<Plan> PlanAsync(Ec2RateLimiterRegistry limiters)
    {
        var snapshot = await new Ec2InventoryReader(_sim.ClientFactory, new SimulatedRegionalApiClients(_sim), limiters).ReadAsync(Region, InventoryOptions.Default, CancellationToken.None);
        Assert.True(snapshot.IsComplete, string.Join("; ", snapshot.FailedSources.Select(s => s.Error)));
        return ExpiryPlanner.Plan(snapshot, Policy, PlanSelection.All, _time.GetUtcNow());
    }

    private Task<IReadOnlyList<ActionOutcome>> ExecuteAsync(Plan plan, Ec2RateLimiterRegistry limiters) =>
        new Ec2PlanExecutor(_sim.ClientFactory, new SimulatedRegionalApiClients(_sim), limiters, _time).ExecuteAsync(
            plan,
            new ExecutionOptions
            {
                DryRun = false,
                Protection = Policy.ToProtectionOptions(),
                AccountId = "123456789012",
                FamilyRecount = new FamilyKeepRule(FamilyResolver.Default, Policy.KeepNewest),
            },
            CancellationToken.None);
}
