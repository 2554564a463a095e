using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Runtime.Functions;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>DRY_RUN (the default) and the manual dryRun flag: EC2 DryRun calls only, nothing changes anywhere.</summary>
public sealed class CopyDryRunTests
{
    [Fact]
    public async Task DryRunByDefault_EventReconcileAndFinish_ChangeNothing()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource($"{UsEast},{Frankfurt}", b => b.SharedWithAccount("444455556666").DeprecatedAt(Start.AddDays(9)));
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        var copy = harness.SingleCopy(UsEast, source).ImageId;
        var other = harness.AddSource(Frankfurt);
        harness.Environment.Remove(CommonSettings.DryRunVariable);
        var before = harness.WorldFingerprint();
        var callsBefore = harness.Ec2.Calls.All.Count;

        var onEvent = await harness.AvailableAsync(harness.Function(), other);
        var onFinish = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);
        var onReconcile = await harness.InvokeAsync(harness.Function(UsEast), Reconcile);

        Assert.Equal(before, harness.WorldFingerprint());
        Assert.DoesNotContain(harness.Ec2.Calls.All.Skip(callsBefore), c => !c.DryRun && !Tests.Common.SweepHarness.IsReadOnly(c.Action));
        Assert.True(onEvent.Summary.DryRun);
        Assert.Equal(OutcomeNames.DryRun, Assert.Single(onEvent.Copies).Outcome);
        Assert.Equal(OutcomeNames.DryRun, Assert.Single(onFinish.Copies).Outcome);
        Assert.Equal(OutcomeNames.DryRun, Assert.Single(onReconcile.Copies).Outcome);
        Assert.Equal(0, onEvent.Counts.Started + onFinish.Counts.Finished);
        Assert.Equal(1, onEvent.Counts.DryRun);
        Assert.Contains(harness.Ec2.Calls.All.Skip(callsBefore), c => c.Action == "CopyImage" && c.DryRun && c.ErrorCode == "DryRunOperation");
        Assert.Contains(harness.Ec2.Calls.All.Skip(callsBefore), c => c.Action == "ModifyImageAttribute" && c.DryRun);
        Assert.Contains(harness.Ec2.Calls.All.Skip(callsBefore), c => c.Action == "EnableImageDeprecation" && c.DryRun);
    }

    [Fact]
    public async Task ManualDryRun_OnALiveFunction_ChangesNothing()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        var before = harness.WorldFingerprint();

        var output = await harness.InvokeAsync(harness.Function(), $$"""{"imageId": "{{source}}", "regions": ["{{Frankfurt}}"], "dryRun": true}""");

        Assert.Equal(before, harness.WorldFingerprint());
        Assert.Empty(harness.LiveMutations());
        var line = Assert.Single(output.Copies);
        Assert.Equal(Frankfurt, line.TargetRegion);
        Assert.Equal(OutcomeNames.DryRun, line.Outcome);
    }

    [Fact]
    public async Task ManualLiveRequest_WhileDryRunConfigured_Rejected()
    {
        var harness = new CopyHarness();
        harness.Environment[CommonSettings.DryRunVariable] = "true";
        var source = harness.AddSource(UsEast);

        var error = await Assert.ThrowsAsync<InvalidEventException>(
            () => harness.InvokeAsync(harness.Function(), $$"""{"imageId": "{{source}}", "dryRun": false}"""));

        Assert.Contains("DRY_RUN=true", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Ec2.Calls.All);
    }

    [Fact]
    public async Task ManualRequest_RegionsOverrideTheTag()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);

        var output = await harness.InvokeAsync(harness.Function(), $$"""{"imageId": "{{source}}", "regions": ["{{Frankfurt}}", "{{Home}}"]}""");

        Assert.Single(harness.CopiesOf(Frankfurt, source));
        Assert.Empty(harness.CopiesOf(UsEast, source));
        Assert.Equal(1, output.Counts.Skipped[nameof(Core.Planning.ReasonCode.TargetIsOwnRegion)]);
        Assert.Equal("manual", output.Trigger);
    }
}
