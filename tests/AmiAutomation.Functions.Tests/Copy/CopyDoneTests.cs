using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using Amazon.EC2.Model;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>A copy once seen available is done for good: deleting it on purpose never brings it back.</summary>
public sealed class CopyDoneTests
{
    [Fact]
    public async Task FinishedCopyDeletedWithinTheHour_ReconcilerNeverCopiesAgain()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        var copy = harness.SingleCopy(UsEast, source).ImageId;
        await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);
        await harness.Ec2.ClientFor(UsEast).DeregisterImageAsync(new DeregisterImageRequest { ImageId = copy });

        for (var run = 1; run <= 4; run++)
        {
            harness.Advance(TimeSpan.FromHours(1));
            var output = await harness.InvokeAsync(harness.Function(), Reconcile);

            Assert.Equal(0, output.Counts.Started);
            Assert.Equal(0, output.Counts.Failed);
            Assert.DoesNotContain(output.Summary.Decisions, d => d.Reason == nameof(ReasonCode.CopyFailed));
        }

        Assert.Equal(1, harness.CopyImageCalls(UsEast));
        Assert.Equal(CopyAttempts.DoneValue, harness.Tags(Home, source)[CopyAttempts.KeyFor(UsEast)]);
    }

    [Fact]
    public async Task CopyFinishedByTheDestinationsReconciler_SourceMarkedDone()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();

        await harness.InvokeAsync(harness.Function(UsEast), Reconcile);

        Assert.Equal(CopyAttempts.DoneValue, harness.Tags(Home, source)[CopyAttempts.KeyFor(UsEast)]);
    }
}
