using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Functions.Tests.Expire.Layers;

/// <summary>
/// What every layer-necessity test shares: a live expire run in which exactly one safety layer stands between a
/// needed image and its deregistration, and a positive control (an expired image nothing protects) that the same run
/// deregisters, so a test cannot pass because the run did nothing. tests/break-each-layer.sh makes each layer inert in a
/// scratch copy and checks that these tests catch it.
/// </summary>
public abstract class LayerNecessityScenario : ExpireScenarioTests
{
    protected const string Region = SweepHarness.Region;

    /// <summary>The positive control: expired, unprotected, in its own family (whose newest image is kept).</summary>
    protected string Control { get; }

    protected LayerNecessityScenario()
    {
        Control = Expired(family: "control", daysOld: 300);
        Newest(family: "control");
        Newest();
    }

    protected Task<RunSummary> RunAsync() => _h.InvokeAsync(_h.Expire());

    /// <summary>An expired image of family svc, older than the control so both are decided by the rules alone.</summary>
    protected string Needed(Action<ImageBuilder>? more = null) => Expired(daysOld: 250, more: more);

    /// <summary>The control went, the needed image did not, and only the control's DeregisterImage was sent.</summary>
    protected void AssertOnlyControlDeregistered(RunSummary summary, params string[] needed)
    {
        Assert.False(Exists(Control), "the positive control was not deregistered: the run proves nothing");
        Assert.Equal(OutcomeNames.Succeeded, Line(summary, Control).Outcome);
        foreach (var id in needed)
        {
            Assert.True(Exists(id), $"{id} was deregistered although its layer should have kept it");
        }

        Assert.Equal(1, _h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.Equal(1, summary.Deregistration!.Deregistered);
        Assert.Single(_h.Ledger.Records);
    }

    protected static void AssertSkippedFor(RunSummary summary, string imageId, string reason)
    {
        var line = Line(summary, imageId);
        Assert.Equal(OutcomeNames.Skipped, line.Outcome);
        Assert.Equal(reason, line.Reason);
    }
}
