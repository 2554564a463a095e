using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>The destination side: the same stack in the copy's region finishes the copy when it becomes available.</summary>
public sealed class CopyFinishTests
{
    private const string Account = "444455556666";
    private const string Org = "arn:aws:organizations::123456789012:organization/o-abcdef1234";
    private const string Ou = "arn:aws:organizations::123456789012:ou/o-abcdef1234/ou-ab12-cdef3456";
    private static readonly DateTimeOffset Deprecation = new(2026, 4, 3, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(CopyHarness Harness, string Source, string Copy)> CopiedAsync(Action<CopyHarness>? configure = null, bool complete = true)
    {
        var harness = new CopyHarness();
        configure?.Invoke(harness);
        var source = harness.AddSource(UsEast, b => b
            .SharedWithAccount(Account).SharedWithOrganization(Org).SharedWithOrganizationalUnit(Ou).Public()
            .DeprecatedAt(Deprecation));
        await harness.AvailableAsync(harness.Function(), source);
        if (complete)
        {
            harness.CopiesComplete();
        }

        return (harness, source, harness.SingleCopy(UsEast, source).ImageId);
    }

    [Fact]
    public async Task CopyAvailableEvent_CarriesOverSharesAndDeprecation_NeverPublic()
    {
        var (harness, _, copy) = await CopiedAsync();

        var output = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(1, output.Counts.Finished);
        var permissions = harness.Ec2.LaunchPermissionsOf(UsEast, copy);
        Assert.Equal(
            [new LaunchPermission(LaunchPermissionKind.Account, Account), new LaunchPermission(LaunchPermissionKind.Organization, Org), new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, Ou)],
            permissions.OrderBy(p => p.Kind));
        Assert.NotEqual(true, harness.Ec2.FindImage(UsEast, copy)!.Public);
        Assert.Equal(Deprecation, DateTimeOffset.Parse(harness.Ec2.FindImage(UsEast, copy)!.DeprecationTime, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(TagTime.TryParse(harness.Tags(UsEast, copy)[TagNames.CopyFinishedAt], out var finishedAt));
        Assert.Equal(harness.Time.GetUtcNow(), finishedAt);
        Assert.Contains(output.Summary.Decisions, d => d.Reasons.Any(r => r.StartsWith(nameof(ReasonCode.PublicImage), StringComparison.Ordinal)));
        Assert.Equal(1, harness.Metric(CopyMetricNames.CopiesFinished));
    }

    [Fact]
    public async Task CopyAvailableEvent_CopyCarriesTheCopyToTag_LoopGuardCopiesNothing()
    {
        var (harness, source, copy) = await CopiedAsync(h => h.Environment[CopySettings.TargetRegionsVariable] = $"{Home},{Frankfurt}");
        Assert.Equal(UsEast, harness.Tags(UsEast, copy)[TagNames.CopyTo]);
        var callsBefore = harness.CopyImageCalls();

        var output = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(callsBefore, harness.CopyImageCalls());
        Assert.Equal(1, output.Counts.Skipped[nameof(ReasonCode.IsOwnCopy)]);
        Assert.Single(harness.Ec2.ListImages(Home), i => i.ImageId == source);
    }

    [Fact]
    public async Task CopiesOfCopiesAllowed_CopiedOnwardButNeverBackToTheOrigin()
    {
        var (harness, source, copy) = await CopiedAsync();
        harness.Environment[CopySettings.AllowCopiesOfCopiesVariable] = "true";
        harness.Environment[CopySettings.TargetRegionsVariable] = $"{Home},{Frankfurt}";
        await harness.Ec2.ClientFor(UsEast).DeleteTagsAsync(new Amazon.EC2.Model.DeleteTagsRequest
        {
            Resources = [copy],
            Tags = [new Amazon.EC2.Model.Tag { Key = TagNames.CopyTo }],
        });

        var output = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Single(harness.CopiesOf(Frankfurt, copy));
        Assert.Empty(harness.CopiesOf(Home, copy));
        Assert.Contains(output.Copies, c => c.TargetRegion == Frankfurt && c.Outcome == OutcomeNames.Succeeded);
        var onward = harness.SingleCopy(Frankfurt, copy).ImageId;
        Assert.Equal(copy, harness.Tags(Frankfurt, onward)[TagNames.SourceImage]);
        Assert.False(harness.Tags(Frankfurt, onward).ContainsKey(TagNames.CopyFinishedAt));
        Assert.Single(harness.CopiesOf(UsEast, source));
    }

    [Fact]
    public async Task PublicAllowed_CopyMadePublic()
    {
        var (harness, _, copy) = await CopiedAsync(h => h.Environment[CopySettings.AllowPublicVariable] = "true");

        await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.True(harness.Ec2.FindImage(UsEast, copy)!.Public);
    }

    [Fact]
    public async Task CopyEventBeforeTheCopyIsAvailable_NothingChanged_ReconcilerFinishesLater()
    {
        var (harness, _, copy) = await CopiedAsync(complete: false);

        var early = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(0, early.Counts.Finished);
        Assert.Equal(1, early.Counts.Skipped[nameof(ReasonCode.CopyPending)]);
        Assert.False(harness.Tags(UsEast, copy).ContainsKey(TagNames.CopyFinishedAt));

        harness.CopiesComplete();
        var reconciled = await harness.InvokeAsync(harness.Function(UsEast), Reconcile);

        Assert.Equal(1, reconciled.Counts.Finished);
        Assert.True(harness.Tags(UsEast, copy).ContainsKey(TagNames.CopyFinishedAt));
        Assert.Equal(3, harness.Ec2.LaunchPermissionsOf(UsEast, copy).Count);
    }

    [Fact]
    public async Task ReconcilerInDestination_FinishesACopyWhoseEventWasMissed_Once()
    {
        var (harness, _, copy) = await CopiedAsync();
        var function = harness.Function(UsEast);

        var first = await harness.InvokeAsync(function, Reconcile);
        var second = await harness.InvokeAsync(function, Reconcile);

        Assert.Equal(1, first.Counts.Finished);
        Assert.Equal(copy, Assert.Single(first.Copies).ImageId);
        Assert.Equal(0, second.Counts.Finished);
        Assert.Empty(second.Copies);
    }

    [Fact]
    public async Task SourceGone_CopyMarkedFinishedWithTheSharesRecordedAtStart_NeverPublic()
    {
        var (harness, source, copy) = await CopiedAsync();
        await harness.Ec2.ClientFor(Home).DeregisterImageAsync(new Amazon.EC2.Model.DeregisterImageRequest { ImageId = source });

        var output = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(1, output.Counts.Finished);
        Assert.Equal(3, harness.Ec2.LaunchPermissionsOf(UsEast, copy).Count);
        Assert.NotEqual(true, harness.Ec2.FindImage(UsEast, copy)!.Public);
        Assert.True(harness.Tags(UsEast, copy).ContainsKey(TagNames.CopyFinishedAt));
    }

    [Fact]
    public async Task FinishCallFails_NotMarkedFinished_ReconcilerRetries()
    {
        var (harness, _, copy) = await CopiedAsync();
        harness.Ec2.Faults.FailNext("EnableImageDeprecation", 1, "InternalError", System.Net.HttpStatusCode.InternalServerError, UsEast);

        var failed = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(1, failed.Counts.Failed);
        Assert.Contains("EnableImageDeprecation", Assert.Single(failed.Copies).Detail, StringComparison.Ordinal);
        Assert.False(harness.Tags(UsEast, copy).ContainsKey(TagNames.CopyFinishedAt));

        var retried = await harness.InvokeAsync(harness.Function(UsEast), Reconcile);

        Assert.Equal(1, retried.Counts.Finished);
        Assert.True(harness.Tags(UsEast, copy).ContainsKey(TagNames.CopyFinishedAt));
    }

    [Fact]
    public async Task FailedCopyEvent_ReportedAsFailedCopy()
    {
        var harness = new CopyHarness();
        const string Key = "arn:aws:kms:us-east-1:123456789012:key/bad";
        harness.Environment[CopySettings.KmsKeysVariable] = $"{UsEast}={Key}";
        harness.Ec2.MarkKmsKeyUnusable(Key);
        var source = harness.AddSource(UsEast);
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        var copy = harness.SingleCopy(UsEast, source);
        Assert.Equal("failed", copy.State.Value);

        var output = await harness.InvokeAsync(harness.Function(UsEast), Event(UsEast, copy.ImageId, "failed", "KMS key not usable"));

        Assert.Equal(1, output.Counts.Failed);
        Assert.Equal(1, harness.Metric(CopyMetricNames.CopiesFailed));
        var decision = Assert.Single(output.Summary.Decisions);
        Assert.Equal(nameof(ReasonCode.CopyFailed), decision.Reason);
        Assert.Contains("KMS key not usable", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedEventForAnImageThatIsNotACopy_NoOp()
    {
        var harness = new CopyHarness();
        var image = harness.Ec2.AddImage(Home, b => b.Named("build-1").Failed());

        var output = await harness.InvokeAsync(harness.Function(), Event(Home, image, "failed", "build failed"));

        Assert.Contains("not a copy made by ami-automation", output.NoOpReason, StringComparison.Ordinal);
        Assert.Equal(0, output.Counts.Failed);
    }
}
