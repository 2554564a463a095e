using System.Globalization;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Tagging;
using Amazon.EC2.Model;
using LaunchPermission = AmiAutomation.Core.Images.LaunchPermission;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>What a copy must carry is recorded when it starts, so finishing it never depends on the source still
/// existing.</summary>
public sealed class CopyRecordTests
{
    private const string Account = "444455556666";
    private const string Org = "arn:aws:organizations::123456789012:organization/o-abcdef1234";
    private static readonly DateTimeOffset Deprecation = new(2026, 4, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SourceDeregisteredBeforeTheFinish_CopyCarriesWhatWasRecordedAtStart()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast, b => b
            .SharedWithAccount(Account).SharedWithOrganization(Org).Public().DeprecatedAt(Deprecation).Tagged("cost-centre", "42"));
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        var copy = harness.SingleCopy(UsEast, source).ImageId;
        await harness.Ec2.ClientFor(Home).DeregisterImageAsync(new DeregisterImageRequest { ImageId = source });

        var output = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(1, output.Counts.Finished);
        Assert.Equal(
            [new LaunchPermission(LaunchPermissionKind.Account, Account), new LaunchPermission(LaunchPermissionKind.Organization, Org)],
            harness.Ec2.LaunchPermissionsOf(UsEast, copy).OrderBy(p => p.Kind));
        var image = harness.Ec2.FindImage(UsEast, copy)!;
        Assert.NotEqual(true, image.Public);
        Assert.Equal(Deprecation, DateTimeOffset.Parse(image.DeprecationTime, CultureInfo.InvariantCulture));
        var tags = harness.Tags(UsEast, copy);
        Assert.Equal("42", tags["cost-centre"]);
        Assert.Equal("web", tags["team"]);
        Assert.True(tags.ContainsKey(TagNames.CopyFinishedAt));
    }

    [Fact]
    public async Task SourceDeregisteredBeforeTheFinish_PublicAllowed_RecordedPublicPermissionApplied()
    {
        var harness = new CopyHarness();
        harness.Environment["COPY_ALLOW_PUBLIC"] = "true";
        var source = harness.AddSource(UsEast, b => b.Public());
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        var copy = harness.SingleCopy(UsEast, source).ImageId;
        await harness.Ec2.ClientFor(Home).DeregisterImageAsync(new DeregisterImageRequest { ImageId = source });

        await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.True(harness.Ec2.FindImage(UsEast, copy)!.Public);
    }

    [Fact]
    public async Task OlderCopyWithoutRecord_SourceGone_NoPermissionsInvented_ReportedClearly()
    {
        var harness = new CopyHarness();
        harness.Environment["COPY_ALLOW_PUBLIC"] = "true";
        const string gone = "ami-0aaaaaaaaaaaaaaa1";
        var copy = harness.Ec2.AddImage(UsEast, b => b.Named("legacy-copy").CopiedFrom(gone, Home).CreatedAgo(TimeSpan.FromHours(2)).WithSnapshot(8)
            .Tagged(TagNames.SourceImage, gone).Tagged(TagNames.SourceRegion, Home).Tagged(TagNames.ManagedBy, TagNames.ManagedByValue));

        var output = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(1, output.Counts.Finished);
        Assert.Empty(harness.Ec2.LaunchPermissionsOf(UsEast, copy));
        Assert.NotEqual(true, harness.Ec2.FindImage(UsEast, copy)!.Public);
        var decision = Assert.Single(output.Summary.Decisions, d => d.ImageId == copy && d.Action == "FinishCopy");
        Assert.Contains(decision.Reasons, r => r.Contains("nothing was recorded", StringComparison.Ordinal) && r.Contains("private", StringComparison.Ordinal));
        Assert.Contains(harness.Logger.Entries, e => e.Message.Contains("nothing was recorded", StringComparison.Ordinal));
    }
}
