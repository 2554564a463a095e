using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>Inventory → expiry plan → execution against the in-memory EC2 simulator.</summary>
public sealed class Ec2PlanExecutorSimulatorTests
{
    private const string Region = "us-east-1";
    private static readonly ExpiryPolicy Policy = new() { KeepNewest = 1, DeprecatedForDays = 30, MaxDeregistrationsPerRun = 1000 };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Ec2Simulator _sim;

    public Ec2PlanExecutorSimulatorTests()
    {
        _sim = new Ec2Simulator(_time);
    }

    private string AddExpiredImage(string family, int ageDays, int snapshots = 1) =>
        _sim.AddImage(Region, b =>
        {
            b.Named($"{family}-{ageDays:D4}").Tagged(TagNames.Family, family).CreatedDaysAgo(ageDays).DeprecatedAt(_time.GetUtcNow().AddDays(-60));
            if (snapshots > 1)
            {
                b.WithSnapshot(8); // the builder's default root device, made explicit
                for (var i = 1; i < snapshots; i++)
                {
                    b.WithSnapshot(20);
                }
            }
        });

    private async Task<Plan> PlanAsync(Ec2RateLimiterRegistry limiters)
    {
        var snapshot = await new Ec2InventoryReader(_sim.ClientFactory, new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(_sim), limiters).ReadAsync(Region, InventoryOptions.Default, CancellationToken.None);
        Assert.True(snapshot.IsComplete, string.Join("; ", snapshot.FailedSources.Select(s => s.Error)));
        return ExpiryPlanner.Plan(snapshot, Policy, PlanSelection.All, _time.GetUtcNow());
    }

    private Task<IReadOnlyList<ActionOutcome>> ExecuteAsync(Plan plan, ExecutionOptions options, Ec2RateLimiterRegistry limiters) =>
        new Ec2PlanExecutor(_sim.ClientFactory, new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(_sim), limiters, _time).ExecuteAsync(plan, options, CancellationToken.None);

    private static ExecutionOptions Real() => new() { DryRun = false, Protection = Policy.ToProtectionOptions(), AccountId = "123456789012" };

    [Fact]
    public async Task Execute_ExpiryPlan_DeregistersWithSnapshotsAndKeepsProtectedImages()
    {
        var oldest = AddExpiredImage("web", 300, snapshots: 2);
        var inUse = AddExpiredImage("web", 200);
        var older = AddExpiredImage("web", 100);
        var newest = AddExpiredImage("web", 10);
        _sim.AddInstance(Region, inUse);
        var limiters = TestLimits.Registry();

        var plan = await PlanAsync(limiters);
        var outcomes = await ExecuteAsync(plan, Real(), limiters);

        Assert.Equal(new[] { oldest, older }.Order(), outcomes.Select(o => o.Decision.Image.ImageId).Order());
        Assert.All(outcomes, o => Assert.Equal(OutcomeStatus.Succeeded, o.Status));
        Assert.True(_sim.IsImageGone(Region, oldest));
        Assert.True(_sim.IsImageGone(Region, older));
        Assert.False(_sim.IsImageGone(Region, inUse));
        Assert.False(_sim.IsImageGone(Region, newest));
        var snapshots = outcomes.Single(o => o.Decision.Image.ImageId == oldest).Snapshots;
        Assert.Equal(2, snapshots.Count);
        Assert.All(snapshots, s => Assert.True(s.Deleted, s.ReturnCode));
        Assert.Equal(28, snapshots.Sum(s => s.SizeGiB));
    }

    [Fact]
    public async Task Execute_DryRun_ChangesNothingAndReportsDryRun()
    {
        var target = AddExpiredImage("web", 300);
        AddExpiredImage("web", 10);
        var limiters = TestLimits.Registry();

        var outcomes = await ExecuteAsync(await PlanAsync(limiters), Real() with { DryRun = true }, limiters);

        Assert.Equal(OutcomeStatus.DryRun, Assert.Single(outcomes).Status);
        Assert.False(_sim.IsImageGone(Region, target));
        Assert.Contains(_sim.Calls.All, c => c.Action == "DeregisterImage" && c.DryRun);
    }

    [Fact]
    public async Task Execute_InstanceLaunchedAfterPlanning_SkippedOnRecheck()
    {
        var target = AddExpiredImage("web", 300);
        AddExpiredImage("web", 10);
        var limiters = TestLimits.Registry();
        var plan = await PlanAsync(limiters);
        _sim.AddInstance(Region, target);

        var outcome = Assert.Single(await ExecuteAsync(plan, Real(), limiters));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.False(_sim.IsImageGone(Region, target));
    }

    [Fact]
    public async Task Execute_LaunchedAfterPlanning_SkippedOnRecheck()
    {
        var target = AddExpiredImage("web", 300);
        AddExpiredImage("web", 10);
        var limiters = TestLimits.Registry();
        var plan = await PlanAsync(limiters);
        _sim.SetLastLaunched(Region, target, _time.GetUtcNow().AddMinutes(-5));

        var outcome = Assert.Single(await ExecuteAsync(plan, Real(), limiters));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(nameof(ReasonCode.RecentlyLaunched), outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ImageReferencesNotImplemented_FailsClosed()
    {
        var target = AddExpiredImage("web", 300);
        AddExpiredImage("web", 10);
        var limiters = TestLimits.Registry();
        var plan = await PlanAsync(limiters);
        _sim.Faults.NotImplemented("DescribeImageReferences");

        var outcome = Assert.Single(await ExecuteAsync(plan, Real(), limiters));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("HTTP500", outcome.ErrorCode);
        Assert.False(_sim.IsImageGone(Region, target));
    }

    [Fact]
    public async Task Execute_DeregisteredElsewhereBetweenRecheckAndCall_SucceededAsAlreadyGone()
    {
        AddExpiredImage("web", 300);
        AddExpiredImage("web", 10);
        var limiters = TestLimits.Registry();
        var plan = await PlanAsync(limiters);
        _sim.Faults.FailNext("DeregisterImage", 1, "InvalidAMIID.NotFound");

        var outcome = Assert.Single(await ExecuteAsync(plan, Real(), limiters));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Contains("already deregistered", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_DeregisterAnswersUnavailable_FailedAndTheImageIsStillThere()
    {
        var target = AddExpiredImage("web", 300);
        AddExpiredImage("web", 10);
        var limiters = TestLimits.Registry();
        var plan = await PlanAsync(limiters);
        _sim.Faults.FailNext("DeregisterImage", 1, "InvalidAMIID.Unavailable");

        var outcome = Assert.Single(await ExecuteAsync(plan, Real(), limiters));

        Assert.Equal((OutcomeStatus.Failed, "InvalidAMIID.Unavailable"), (outcome.Status, outcome.ErrorCode));
        Assert.False(_sim.IsImageGone(Region, target));
    }

    [Fact]
    public async Task InventoryAndExecute_ThrottledSimulatorOnFakeClock_NoRequestLimitExceeded()
    {
        _sim.Options.ThrottlingEnabled = true;
        for (var i = 0; i < 1200; i++)
        {
            AddExpiredImage("fam-" + (i % 4), 400 - (i % 300));
        }

        var limiters = new Ec2RateLimiterRegistry(_time);
        var started = _time.GetUtcNow();

        var plan = await FakeClock.DriveAsync(_time, PlanAsync(limiters), TimeSpan.FromMilliseconds(25), TimeSpan.FromMinutes(10));
        var deregister = plan.Actions.Take(220).ToList();
        var outcomes = await FakeClock.DriveAsync(
            _time,
            ExecuteAsync(plan with { Decisions = deregister }, Real() with { MaxDestructiveActions = 1000 }, limiters),
            TimeSpan.FromMilliseconds(25),
            TimeSpan.FromMinutes(10));

        Assert.Equal(220, outcomes.Count(o => o.Status == OutcomeStatus.Succeeded));
        Assert.DoesNotContain(_sim.Calls.All, c => c.ErrorCode == "RequestLimitExceeded");
        Assert.Equal(120 + 220, _sim.Calls.CountOf("DescribeImageReferences")); // inventory batches + one re-check per image

        // Paced, not idle: 220 deregistrations need (220 - 100) / 5 = 24 s after the burst; the 5 re-check describes per
        // image share their 20/s buckets (440 DescribeImageAttribute calls ≈ 17 s).
        var elapsed = _time.GetUtcNow() - started;
        Assert.InRange(elapsed, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(60));
    }
}
