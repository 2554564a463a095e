using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>The source side: an image becomes available in the stack's region and is copied.</summary>
public sealed class CopyEventTests
{
    [Fact]
    public async Task AvailableEvent_TaggedSource_CopiesToEveryTaggedRegionThroughTheDestinationClient()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource($"{UsEast},{Frankfurt}");

        var output = await harness.AvailableAsync(harness.Function(), source);

        Assert.Equal(2, output.Counts.Started);
        Assert.Equal(1, harness.CopyImageCalls(UsEast));
        Assert.Equal(1, harness.CopyImageCalls(Frankfurt));
        Assert.Equal(0, harness.CopyImageCalls(Home));
        var sourceImage = harness.Ec2.FindImage(Home, source)!;
        foreach (var region in new[] { UsEast, Frankfurt })
        {
            var copy = harness.SingleCopy(region, source);
            Assert.Equal("pending", copy.State.Value);
            Assert.Equal(sourceImage.Name, copy.Name);
            Assert.Equal(Home, copy.SourceImageRegion);
            Assert.StartsWith($"Copy of {source} from {Home} by ami-automation", copy.Description, StringComparison.Ordinal);
            var tags = harness.Tags(region, copy.ImageId);
            Assert.Equal(source, tags[TagNames.SourceImage]);
            Assert.Equal(Home, tags[TagNames.SourceRegion]);
            Assert.Equal(TagNames.ManagedByValue, tags[TagNames.ManagedBy]);
            Assert.Equal("web", tags["team"]);
            Assert.Contains(output.Copies, c => c.TargetRegion == region && c.NewImageId == copy.ImageId && c.Outcome == OutcomeNames.Succeeded);
        }

        var sourceTags = harness.Tags(Home, source);
        Assert.Equal("1", sourceTags[CopyAttempts.KeyFor(UsEast)]);
        Assert.Equal("1", sourceTags[CopyAttempts.KeyFor(Frankfurt)]);
        Assert.Equal(2, harness.Metric(CopyMetricNames.CopiesStarted));
    }

    [Fact]
    public async Task DuplicateEvent_MakesOneCopy()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        var function = harness.Function();
        var json = Event(Home, source, "available");

        await harness.InvokeAsync(function, json);
        var second = await harness.InvokeAsync(function, json);

        Assert.Single(harness.CopiesOf(UsEast, source));
        Assert.Equal(0, second.Counts.Started);
        Assert.Equal(1, second.Counts.Skipped[nameof(Core.Planning.ReasonCode.CopyPending)]);
    }

    [Fact]
    public async Task ConcurrentDuplicateEvents_MakeOneCopy()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource($"{UsEast} {Frankfurt}");
        var function = harness.Function();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => harness.AvailableAsync(function, source)));

        Assert.Single(harness.CopiesOf(UsEast, source));
        Assert.Single(harness.CopiesOf(Frankfurt, source));
    }

    [Fact]
    public async Task RetriedEvent_CopyInvisibleToTheLookup_ClientTokenStillGivesTheSameCopy()
    {
        var harness = new CopyHarness { ReplicatorOptions = new() { FindCopiesBySourceImage = false } };
        var source = harness.AddSource(UsEast);
        var function = harness.Function();
        var first = await harness.AvailableAsync(function, source);
        var copyId = Assert.Single(first.Copies).NewImageId!;
        await harness.Ec2.ClientFor(UsEast).DeleteTagsAsync(new Amazon.EC2.Model.DeleteTagsRequest
        {
            Resources = [copyId],
            Tags = [new Amazon.EC2.Model.Tag { Key = TagNames.SourceImage }],
        });
        await harness.Ec2.ClientFor(Home).DeleteTagsAsync(new Amazon.EC2.Model.DeleteTagsRequest
        {
            Resources = [source],
            Tags = [new Amazon.EC2.Model.Tag { Key = CopyAttempts.KeyFor(UsEast) }],
        });

        var second = await harness.AvailableAsync(function, source);

        Assert.Single(harness.CopiesOf(UsEast, source));
        Assert.Equal(copyId, Assert.Single(second.Copies).NewImageId);
    }

    [Fact]
    public async Task LateSourceEvent_AfterTheCopyWasFinished_AlreadyCopiedNothingNew()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        await harness.AvailableAsync(harness.Function(UsEast), harness.SingleCopy(UsEast, source).ImageId, UsEast);

        var late = await harness.AvailableAsync(harness.Function(), source);

        Assert.Single(harness.CopiesOf(UsEast, source));
        Assert.Equal(1, late.Counts.Skipped[nameof(Core.Planning.ReasonCode.AlreadyCopied)]);
        Assert.Equal(CopyAttempts.DoneValue, harness.Tags(Home, source)[CopyAttempts.KeyFor(UsEast)]);
    }

    [Fact]
    public async Task PolicyRegions_UsedWhenNoTag_OwnRegionSkipped()
    {
        var harness = new CopyHarness();
        harness.Environment[CopySettings.TargetRegionsVariable] = $"{Home},{UsEast}";
        var source = harness.AddSource(null);

        var output = await harness.AvailableAsync(harness.Function(), source);

        Assert.Single(harness.CopiesOf(UsEast, source));
        Assert.Empty(harness.CopiesOf(Home, source));
        Assert.Equal(1, output.Counts.Skipped[nameof(Core.Planning.ReasonCode.TargetIsOwnRegion)]);
        Assert.Contains(output.Summary.Decisions, d => d.Reason == nameof(Core.Planning.ReasonCode.CopyPolicy) && d.Outcome == OutcomeNames.Succeeded);
    }

    [Fact]
    public async Task TagWithInvalidRegionNames_ValidOnesCopiedBadOnesReportedByName()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource($"{UsEast},eu-wst-1,mars");

        var output = await harness.AvailableAsync(harness.Function(), source);

        Assert.Single(harness.CopiesOf(UsEast, source));
        Assert.Equal([$"{source}: 'eu-wst-1'", $"{source}: 'mars'"], output.InvalidTargets);
        Assert.Contains(output.Summary.Errors, e => e.Contains("'eu-wst-1'", StringComparison.Ordinal) && e.Contains("'mars'", StringComparison.Ordinal));
        Assert.True(harness.Metric(MetricNames.Errors) >= 1);
    }

    [Fact]
    public async Task KmsKeyMap_CopyEncryptedWithTheDestinationsKey()
    {
        const string Key = "arn:aws:kms:us-east-1:123456789012:key/1111aaaa-2222-bbbb-3333-cccc4444dddd";
        var harness = new CopyHarness();
        harness.Environment[CopySettings.KmsKeysVariable] = $"{UsEast}={Key}";
        var source = harness.AddSource($"{UsEast},{Frankfurt}");

        await harness.AvailableAsync(harness.Function(), source);

        var encrypted = harness.SingleCopy(UsEast, source).BlockDeviceMappings.Single(m => m.Ebs is not null).Ebs;
        Assert.True(encrypted.Encrypted);
        Assert.Equal(Key, encrypted.KmsKeyId);
        var plain = harness.SingleCopy(Frankfurt, source).BlockDeviceMappings.Single(m => m.Ebs is not null).Ebs;
        Assert.NotEqual(true, plain.Encrypted);
    }

    [Fact]
    public async Task CopyLimitReached_DeferredNotFailed_ThenReconcilerStartsIt()
    {
        var harness = new CopyHarness(o => o.MaxConcurrentCopiesPerRegion = 1);
        var first = harness.AddSource(UsEast);
        var second = harness.AddSource(UsEast);
        var function = harness.Function();
        await harness.AvailableAsync(function, first);

        var deferred = await harness.AvailableAsync(function, second);

        Assert.Equal(1, deferred.Counts.Deferred);
        Assert.Equal(0, deferred.Counts.Failed);
        Assert.Equal(OutcomeNames.Deferred, Assert.Single(deferred.Copies).Outcome);
        Assert.Contains("too many copies in flight", deferred.Copies[0].Detail, StringComparison.Ordinal);
        Assert.Equal(1, harness.Metric(CopyMetricNames.CopiesDeferred));
        Assert.Equal(0, harness.Metric(MetricNames.Errors));
        Assert.Empty(harness.CopiesOf(UsEast, second));

        harness.CopiesComplete();
        var reconciled = await harness.InvokeAsync(function, Reconcile);

        Assert.Equal(1, reconciled.Counts.Started);
        Assert.Single(harness.CopiesOf(UsEast, second));
    }

    [Fact]
    public async Task RunCap_ExtraCopiesDeferred()
    {
        var harness = new CopyHarness();
        harness.Environment[CopySettings.MaxStartsPerRunVariable] = "1";
        var source = harness.AddSource($"{UsEast},{Frankfurt}");

        var output = await harness.AvailableAsync(harness.Function(), source);

        Assert.Equal(1, output.Counts.Started);
        Assert.Equal(1, output.Counts.Deferred);
        Assert.Contains(output.Copies, c => c.Outcome == OutcomeNames.Deferred && c.Detail!.Contains("COPY_MAX_STARTS_PER_RUN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttled_FailedWithTheErrorCode()
    {
        var harness = new CopyHarness();
        harness.Ec2.Faults.FailAlways("CopyImage", "RequestLimitExceeded", System.Net.HttpStatusCode.ServiceUnavailable);
        var source = harness.AddSource(UsEast);

        var output = await harness.AvailableAsync(harness.Function(), source);

        var line = Assert.Single(output.Copies);
        Assert.Equal(OutcomeNames.Failed, line.Outcome);
        Assert.Equal("RequestLimitExceeded", line.ErrorCode);
        Assert.Equal(1, output.Counts.Failed);
        Assert.Equal(1, harness.Metric(CopyMetricNames.CopiesFailed));
        Assert.False(harness.Tags(Home, source).ContainsKey(CopyAttempts.KeyFor(UsEast)));
    }

    [Fact]
    public async Task AwsBackupImage_NeverCopiedEvenWhenTagged()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast, b => b.Named("AwsBackup_job-1234"));

        var output = await harness.AvailableAsync(harness.Function(), source);

        Assert.Empty(harness.CopiesOf(UsEast, source));
        Assert.Equal(1, output.Counts.Skipped[nameof(Core.Planning.ReasonCode.ManagedByAwsBackup)]);
    }

    [Fact]
    public async Task EventForAnImageThatIsGone_NoOpWithReason()
    {
        var harness = new CopyHarness();

        var output = await harness.AvailableAsync(harness.Function(), "ami-0aaaaaaaaaaaaaaaa");

        Assert.Contains("does not exist", output.NoOpReason, StringComparison.Ordinal);
        Assert.Empty(output.Summary.Decisions);
    }

    [Fact]
    public async Task EveryDecision_OneStructuredLogLineWithItsDestination()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource($"{UsEast},{Home},{Frankfurt}");

        await harness.AvailableAsync(harness.Function(), source);

        var lines = harness.Logger.Entries.Where(e => e.Template == "copy {ImageId} {Action} {TargetRegion} {Outcome} {Reason} {NewImageId} {Detail}").ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal([Frankfurt, Home, UsEast], lines.Select(l => (string)l["TargetRegion"]!).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.Equal(source, l["ImageId"]));
        Assert.Equal(OutcomeNames.Skipped, lines.Single(l => (string)l["TargetRegion"]! == Home)["Outcome"]);
        Assert.Equal(1, harness.Metric(MetricNames.SkippedImages, nameof(Core.Planning.ReasonCode.TargetIsOwnRegion)));
    }

    [Fact]
    public async Task DeadlineAlreadyReached_StopsEarlyAndReports()
    {
        var harness = new CopyHarness();
        harness.AddSource(UsEast);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var output = await harness.InvokeAsync(harness.Function(), Reconcile, cancelled.Token);

        Assert.True(output.Summary.StoppedEarly);
        Assert.False(output.Summary.Completed);
        Assert.Equal(0, harness.CopyImageCalls());
    }

    [Fact]
    public async Task EventImageUnreadable_RunFailsLoudlySoLambdaRetries()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);
        harness.Ec2.Faults.FailAlways("DescribeImages", "InternalError", System.Net.HttpStatusCode.InternalServerError, Home);

        var error = await Assert.ThrowsAsync<CopyRunFailedException>(() => harness.AvailableAsync(harness.Function(), source));

        Assert.Contains("InternalError", error.Message, StringComparison.Ordinal);
        Assert.Contains(Home, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.CopyImageCalls());
        Assert.True(harness.Metric(MetricNames.Errors) >= 1);
    }
}
