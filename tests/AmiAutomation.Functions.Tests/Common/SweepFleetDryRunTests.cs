using AmiAutomation.Functions.Common;
using AmiAutomation.Simulation.Fleet;

namespace AmiAutomation.Functions.Tests.Common;

/// <summary>Broad dry runs over a generated fleet: nothing changes, only DryRun mutations are sent.</summary>
public sealed class SweepFleetDryRunTests
{
    [Fact]
    public async Task DryRun_GeneratedFleet_BothFunctionsChangeNothing()
    {
        var h = new SweepHarness();
        FleetGenerator.Generate(h.Ec2, new FleetOptions { ImageCount = 400, Regions = [SweepHarness.Region, "us-east-1"], Seed = 7 });
        h.Environment[CommonSettings.MaxDestructiveActionsPerRunVariable] = "1000";
        var before = h.WorldFingerprint();

        var deprecate = await h.InvokeAsync(h.Deprecate());
        var expire = await h.InvokeAsync(h.Expire());

        Assert.True(deprecate.DryRun);
        Assert.True(expire.DryRun);
        Assert.True(deprecate.Outcomes.GetValueOrDefault(OutcomeNames.DryRun) > 0, "the fleet should give deprecate something to do");
        Assert.True(expire.Outcomes.GetValueOrDefault(OutcomeNames.DryRun) > 0, "the fleet should give expire something to do");
        Assert.DoesNotContain(OutcomeNames.Failed, deprecate.Outcomes.Keys);
        Assert.DoesNotContain(OutcomeNames.Failed, expire.Outcomes.Keys);
        Assert.Equal(before, h.WorldFingerprint());
        Assert.Empty(h.LiveMutations());
        Assert.Empty(h.Ledger.Calls);
    }
}
