using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>The scheduled reconciler in the source region: missed events, retries, stuck copies.</summary>
public sealed class CopyReconcileTests
{
    private const string BadKey = "arn:aws:kms:us-east-1:123456789012:key/bad";

    [Fact]
    public async Task FailedCopy_RetriedByTheReconciler_BoundedByMaxAttempts()
    {
        var harness = new CopyHarness();
        harness.Environment[CopySettings.KmsKeysVariable] = $"{UsEast}={BadKey}";
        harness.Ec2.MarkKmsKeyUnusable(BadKey);
        var source = harness.AddSource(UsEast);
        var function = harness.Function();
        await harness.AvailableAsync(function, source);

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            harness.CopiesComplete();
            var retry = await harness.InvokeAsync(function, Reconcile);

            var line = Assert.Single(retry.Copies);
            Assert.Equal(OutcomeNames.Succeeded, line.Outcome);
            Assert.Equal(attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), harness.Tags(Home, source)[CopyAttempts.KeyFor(UsEast)]);
        }

        harness.CopiesComplete();
        var givenUp = await harness.InvokeAsync(function, Reconcile);

        Assert.Empty(givenUp.Copies);
        var decision = Assert.Single(givenUp.Summary.Decisions);
        Assert.Equal(nameof(ReasonCode.CopyFailed), decision.Reason);
        Assert.Contains("3 of 3 attempts", decision.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(3, harness.CopyImageCalls(UsEast));
        Assert.Equal(3, harness.CopiesOf(UsEast, source).Count);
        Assert.All(harness.CopiesOf(UsEast, source), c => Assert.Equal("failed", c.State.Value));
    }

    [Fact]
    public async Task FailedCopyHoldsTheName_RetryUsesAnAttemptName()
    {
        var harness = new CopyHarness();
        harness.Environment[CopySettings.KmsKeysVariable] = $"{UsEast}={BadKey}";
        harness.Ec2.MarkKmsKeyUnusable(BadKey);
        var source = harness.AddSource(UsEast);
        var name = harness.Ec2.FindImage(Home, source)!.Name;
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();

        await harness.InvokeAsync(harness.Function(), Reconcile);

        Assert.Contains(harness.CopiesOf(UsEast, source), c => c.Name == $"{name} (copy attempt 2)");
    }

    [Fact]
    public async Task MissedSourceEvent_ReconcilerCopiesRecentImagesOnly()
    {
        var harness = new CopyHarness();
        var recent = harness.AddSource(UsEast);
        var old = harness.AddSource(UsEast, b => b.CreatedAgo(TimeSpan.FromDays(60)));

        var output = await harness.InvokeAsync(harness.Function(), Reconcile);

        Assert.Single(harness.CopiesOf(UsEast, recent));
        Assert.Empty(harness.CopiesOf(UsEast, old));
        Assert.Equal(1, output.Counts.Started);
        Assert.Equal(1, output.Settled[nameof(ReasonCode.NotSelected)]);
    }

    [Fact]
    public async Task LookbackZero_ReconcilerCopiesOldImagesToo()
    {
        var harness = new CopyHarness();
        harness.Environment[CopySettings.ReconcileLookbackDaysVariable] = "0";
        var old = harness.AddSource(UsEast, b => b.CreatedAgo(TimeSpan.FromDays(60)));

        await harness.InvokeAsync(harness.Function(), Reconcile);

        Assert.Single(harness.CopiesOf(UsEast, old));
    }

    [Fact]
    public async Task CopyPendingTooLong_ReportedAsStuck()
    {
        var harness = new CopyHarness(o => o.CopyDuration = TimeSpan.FromHours(6));
        var source = harness.AddSource(UsEast);
        await harness.AvailableAsync(harness.Function(), source);
        harness.Advance(TimeSpan.FromHours(3));

        var output = await harness.InvokeAsync(harness.Function(), Reconcile);

        var stuck = Assert.Single(output.Stuck);
        Assert.Equal(harness.SingleCopy(UsEast, source).ImageId, stuck.CopyImageId);
        Assert.Equal(source, stuck.SourceImageId);
        Assert.Equal(180, stuck.PendingMinutes);
        Assert.Equal(1, output.Counts.Stuck);
        Assert.Equal(1, harness.Metric(CopyMetricNames.CopiesStuck));
        Assert.Single(harness.CopiesOf(UsEast, source));
    }

    [Fact]
    public async Task CopyPendingLessThanThreshold_NotStuck()
    {
        var harness = new CopyHarness(o => o.CopyDuration = TimeSpan.FromHours(6));
        var source = harness.AddSource(UsEast);
        await harness.AvailableAsync(harness.Function(), source);
        harness.Advance(TimeSpan.FromMinutes(119));

        var output = await harness.InvokeAsync(harness.Function(), Reconcile);

        Assert.Empty(output.Stuck);
        Assert.Equal(0, harness.Metric(CopyMetricNames.CopiesStuck));
    }

    [Fact]
    public async Task CopySeenAvailable_MarkedDone_NotRemadeAfterItIsDeregistered()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        var function = harness.Function();
        await harness.AvailableAsync(function, source);
        harness.CopiesComplete();
        await harness.InvokeAsync(function, Reconcile);
        Assert.Equal(CopyAttempts.DoneValue, harness.Tags(Home, source)[CopyAttempts.KeyFor(UsEast)]);
        await harness.Ec2.ClientFor(UsEast).DeregisterImageAsync(new Amazon.EC2.Model.DeregisterImageRequest { ImageId = harness.SingleCopy(UsEast, source).ImageId });

        var output = await harness.InvokeAsync(function, Reconcile);

        Assert.Empty(harness.CopiesOf(UsEast, source));
        Assert.Equal(0, output.Counts.Started);
        Assert.Equal(1, harness.CopyImageCalls(UsEast));
    }

    [Fact]
    public async Task DestinationListingFails_NothingCopiedThere_ErrorNamed()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource($"{UsEast},{Frankfurt}");
        harness.Ec2.Faults.FailAlways("DescribeImages", "UnauthorizedOperation", System.Net.HttpStatusCode.Forbidden, Frankfurt);

        var output = await harness.InvokeAsync(harness.Function(), Reconcile);

        Assert.Single(harness.CopiesOf(UsEast, source));
        Assert.Empty(harness.CopiesOf(Frankfurt, source));
        Assert.Contains(output.Summary.Errors, e => e.Contains(Frankfurt, StringComparison.Ordinal) && e.Contains("UnauthorizedOperation", StringComparison.Ordinal));
        Assert.Contains(output.Copies, c => c.TargetRegion == Frankfurt && c.Outcome == OutcomeNames.Failed);
    }

    [Fact]
    public async Task SettledImages_CountedNotListed()
    {
        var harness = new CopyHarness();
        harness.AddSource(null);
        harness.Ec2.AddImage(Home, b => b.Named("copy-of-x").CopiedFrom("ami-0bbbbbbbbbbbbbbbb", UsEast).Tagged(TagNames.SourceImage, "ami-0bbbbbbbbbbbbbbbb").Tagged(TagNames.CopyFinishedAt, "2026-03-01T00:00:00Z"));

        var output = await harness.InvokeAsync(harness.Function(), Reconcile);

        Assert.Empty(output.Summary.Decisions);
        Assert.Equal(1, output.Settled[nameof(ReasonCode.NotSelected)]);
        Assert.Equal(1, output.Settled[nameof(ReasonCode.IsOwnCopy)]);
    }
}
