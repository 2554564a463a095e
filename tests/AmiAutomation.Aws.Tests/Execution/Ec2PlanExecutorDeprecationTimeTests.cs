using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>
/// EC2 checks a deprecation time against its own clock when the call arrives: a plan's time (plan time + 1 minute)
/// is in the past once a large inventory or a slow run took longer than that, so the executor raises it at the call.
/// </summary>
public sealed class Ec2PlanExecutorDeprecationTimeTests
{
    private const string Region = "us-east-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Ec2Simulator _sim;

    public Ec2PlanExecutorDeprecationTimeTests()
    {
        _sim = new Ec2Simulator(_time);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(90)]
    public async Task Execute_PlanOlderThanTheLead_DeprecatesAtLeastAMinuteAfterTheCall(int minutesSincePlanning)
    {
        var old = _sim.AddImage(Region, b => b.Named("web-old").Tagged(TagNames.Family, "web").CreatedDaysAgo(400));
        _sim.AddImage(Region, b => b.Named("web-new").Tagged(TagNames.Family, "web").CreatedDaysAgo(1));
        var limiters = TestLimits.Registry();
        var snapshot = await new Ec2InventoryReader(_sim.ClientFactory, new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(_sim), limiters).ReadAsync(Region, InventoryOptions.Default, CancellationToken.None);
        var plan = DeprecationPlanner.Plan(snapshot, new DeprecationPolicy(), PlanSelection.All, _time.GetUtcNow());
        Assert.Equal(DecisionAction.Deprecate, plan.Decisions.Single(d => d.Image.ImageId == old).Action);

        _time.Advance(TimeSpan.FromMinutes(minutesSincePlanning) + TimeSpan.FromSeconds(30));
        var calledAt = _time.GetUtcNow();
        var outcomes = await new Ec2PlanExecutor(_sim.ClientFactory, new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(_sim), limiters, _time)
            .ExecuteAsync(plan, new ExecutionOptions { DryRun = false }, CancellationToken.None);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        var deprecation = _sim.FindImage(Region, old)!.DeprecationTime;
        Assert.NotNull(deprecation);
        Assert.True(
            DateTimeOffset.Parse(deprecation, System.Globalization.CultureInfo.InvariantCulture) >= calledAt + DeprecationLimits.MinimumLead,
            $"deprecation {deprecation} is less than a minute after the call at {calledAt:O}");
    }
}
