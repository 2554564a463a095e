using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Expiry;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Policies;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Services;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>
/// The window between planning and deregistration: a consumer that appears after the inventory (a launch template or a
/// new version of one, a launch configuration, a Spot request, a Spot Fleet) stops the deregistration at the re-check.
/// Inventory → plan → change the world → execute, on the simulator.
/// </summary>
public sealed class Ec2PlanExecutorConsumerRecheckTests
{
    private const string Region = "us-east-1";
    private static readonly ExpiryPolicy Policy = new() { KeepNewest = 1, DeprecatedForDays = 30, MaxDeregistrationsPerRun = 1000 };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Ec2Simulator _sim;
    private readonly string _target;

    public Ec2PlanExecutorConsumerRecheckTests()
    {
        _sim = new Ec2Simulator(_time);
        _target = AddExpiredImage(300);
        AddExpiredImage(10);
    }

    private string AddExpiredImage(int ageDays) =>
        _sim.AddImage(Region, b => b.Named($"web-{ageDays:D4}").Tagged(TagNames.Family, "web").CreatedDaysAgo(ageDays).DeprecatedAt(_time.GetUtcNow().AddDays(-60)));

    private async Task<(Plan Plan, InventorySnapshot Inventory)> PlanAsync()
    {
        var snapshot = await new Ec2InventoryReader(_sim.ClientFactory, new SimulatedRegionalApiClients(_sim), TestLimits.Registry())
            .ReadAsync(Region, InventoryOptions.Default, CancellationToken.None);
        Assert.True(snapshot.IsComplete, string.Join("; ", snapshot.FailedSources.Select(s => s.Error)));
        var plan = ExpiryPlanner.Plan(snapshot, Policy, PlanSelection.All, _time.GetUtcNow());
        Assert.Equal(_target, Assert.Single(plan.Actions).Image.ImageId);
        return (plan, snapshot);
    }

    private async Task<ActionOutcome> ExecuteAsync(Plan plan, ExecutionOptions options) =>
        Assert.Single(await new Ec2PlanExecutor(_sim.ClientFactory, new SimulatedRegionalApiClients(_sim), TestLimits.Registry(), _time)
            .ExecuteAsync(plan, options, CancellationToken.None));

    /// <summary>DescribeImageReferences also reports launch templates: it is off here (as on moto and LocalStack, issue 13
    /// item 8), so the launch template re-check alone stands between a new version and the deregistration.</summary>
    private static ExecutionOptions Real(InventorySnapshot inventory) => new()
    {
        DisabledRecheckSources = new HashSet<InventorySource> { InventorySource.ImageReferences },
        DryRun = false,
        Protection = Policy.ToProtectionOptions(),
        AccountId = "123456789012",
        LaunchTemplateVersionsSeen = inventory.LaunchTemplateVersionsRead,
    };

    [Fact]
    public async Task Execute_TemplateGainsVersionNamingImageAfterPlanning_SkippedOnRecheckReadingOnlyTheNewVersion()
    {
        const string Other = "ami-0aaaaaaaaaaaaaaa1";
        var unrelated = _sim.AddLaunchTemplate(Region, "unrelated", Other, Other);
        var template = _sim.AddLaunchTemplate(Region, "web", Other);
        var (plan, inventory) = await PlanAsync();
        _sim.AddLaunchTemplateVersion(Region, template, _target);
        _sim.Calls.Clear();

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains($"{template}:2", outcome.Detail, StringComparison.Ordinal);
        Assert.False(_sim.IsImageGone(Region, _target));
        Assert.Equal(1, _sim.Calls.CountOf("DescribeLaunchTemplateVersions")); // the changed template only, not "unrelated"
        Assert.NotNull(unrelated);
    }

    [Fact]
    public async Task Execute_TemplateCreatedAfterPlanning_SkippedOnRecheck()
    {
        var (plan, inventory) = await PlanAsync();
        _sim.AddLaunchTemplate(Region, "new-web", _target);

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.False(_sim.IsImageGone(Region, _target));
    }

    [Fact]
    public async Task Execute_TemplateVersionWithoutInventoryWatermarks_ReReadsEveryVersionAndSkips()
    {
        var template = _sim.AddLaunchTemplate(Region, "web", "ami-0aaaaaaaaaaaaaaa1");
        var (plan, inventory) = await PlanAsync();
        _sim.AddLaunchTemplateVersion(Region, template, _target);

        var outcome = await ExecuteAsync(plan, Real(inventory) with { LaunchTemplateVersionsSeen = null });

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
    }

    [Fact]
    public async Task Execute_NoTemplateChange_Deregistered()
    {
        _sim.AddLaunchTemplate(Region, "web", "ami-0aaaaaaaaaaaaaaa1", "ami-0aaaaaaaaaaaaaaa2");
        var (plan, inventory) = await PlanAsync();
        _sim.Calls.Clear();

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.True(_sim.IsImageGone(Region, _target));
        Assert.Equal(0, _sim.Calls.CountOf("DescribeLaunchTemplateVersions"));
    }

    [Fact]
    public async Task Execute_LaunchTemplatesDisabledForRecheck_NotRead()
    {
        var (plan, inventory) = await PlanAsync();
        _sim.AddLaunchTemplate(Region, "new-web", _target);
        _sim.Calls.Clear();

        var outcome = await ExecuteAsync(plan, Real(inventory) with { DisabledRecheckSources = new HashSet<InventorySource> { InventorySource.LaunchTemplates, InventorySource.ImageReferences } });

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal(0, _sim.Calls.CountOf("DescribeLaunchTemplates"));
    }

    [Fact]
    public async Task Execute_LaunchConfigurationCreatedAfterPlanning_SkippedOnRecheck()
    {
        var (plan, inventory) = await PlanAsync();
        _sim.AddLaunchConfiguration(Region, "web-lc", _target);

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains("launch configuration web-lc", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SpotRequestCreatedAfterPlanning_SkippedOnRecheck()
    {
        var (plan, inventory) = await PlanAsync();
        var request = _sim.AddSpotRequest(Region, _target, "open");

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(request, outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SpotFleetCreatedAfterPlanning_SkippedOnRecheck()
    {
        var (plan, inventory) = await PlanAsync();
        var fleet = _sim.AddSpotFleet(Region, [_target], "submitted");

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, outcome.Status);
        Assert.Contains(fleet, outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Execute_SpotConsumerWithoutImageIdAfterPlanning_FailedNamingItAndNotDeregistered(bool fleet)
    {
        var (plan, inventory) = await PlanAsync();
        var consumer = fleet ? _sim.AddSpotFleet(Region, [string.Empty], "active") : _sim.AddSpotRequest(Region, string.Empty, "disabled");

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Contains($"{consumer} names no image id", outcome.Detail, StringComparison.Ordinal);
        Assert.False(_sim.IsImageGone(Region, _target));
        Assert.Equal(0, _sim.Calls.CountOf("DeregisterImage"));
    }

    [Theory]
    [InlineData(SimulatedAutoScalingClient.DescribeLaunchConfigurationsAction)]
    [InlineData("DescribeSpotInstanceRequests")]
    [InlineData("DescribeSpotFleetRequests")]
    [InlineData("DescribeLaunchTemplates")]
    public async Task Execute_ConsumerRecheckFails_FailedAndNotDeregistered(string action)
    {
        var (plan, inventory) = await PlanAsync();
        _sim.Faults.FailAlways(action, "InternalError", System.Net.HttpStatusCode.InternalServerError);

        var outcome = await ExecuteAsync(plan, Real(inventory));

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.False(_sim.IsImageGone(Region, _target));
    }

    [Fact]
    public async Task Execute_ConsumerRecheckSourcesDisabled_NotCalled()
    {
        var (plan, inventory) = await PlanAsync();
        _sim.Calls.Clear();
        var disabled = new HashSet<InventorySource> { InventorySource.LaunchConfigurations, InventorySource.SpotRequests, InventorySource.SpotFleets };

        var outcome = await ExecuteAsync(plan, Real(inventory) with { DisabledRecheckSources = disabled });

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal(0, _sim.Calls.CountOf(SimulatedAutoScalingClient.DescribeLaunchConfigurationsAction));
        Assert.Equal(0, _sim.Calls.CountOf("DescribeSpotInstanceRequests"));
        Assert.Equal(0, _sim.Calls.CountOf("DescribeSpotFleetRequests"));
    }

    [Fact]
    public async Task Execute_ManyDeregistrations_ListingsReadOncePerBound()
    {
        for (var i = 0; i < 5; i++)
        {
            AddExpiredImage(100 + i);
        }

        var (_, inventory) = await PlanAsyncAllowingMany();
        var plan = ExpiryPlanner.Plan(inventory, Policy, PlanSelection.All, _time.GetUtcNow());
        _sim.Calls.Clear();

        var outcomes = await new Ec2PlanExecutor(_sim.ClientFactory, new SimulatedRegionalApiClients(_sim), TestLimits.Registry(), _time)
            .ExecuteAsync(plan, Real(inventory), CancellationToken.None);

        Assert.Equal(6, outcomes.Count(o => o.Status == OutcomeStatus.Succeeded));
        Assert.Equal(1, _sim.Calls.CountOf(SimulatedAutoScalingClient.DescribeLaunchConfigurationsAction));
        Assert.Equal(1, _sim.Calls.CountOf("DescribeSpotFleetRequests"));
        Assert.Equal(1, _sim.Calls.CountOf("DescribeLaunchTemplates"));
        Assert.Equal(1, _sim.Calls.CountOf("DescribeSpotInstanceRequests"));
    }

    private async Task<(Plan Plan, InventorySnapshot Inventory)> PlanAsyncAllowingMany()
    {
        var snapshot = await new Ec2InventoryReader(_sim.ClientFactory, new SimulatedRegionalApiClients(_sim), TestLimits.Registry())
            .ReadAsync(Region, InventoryOptions.Default, CancellationToken.None);
        return (ExpiryPlanner.Plan(snapshot, Policy, PlanSelection.All, _time.GetUtcNow()), snapshot);
    }
}
