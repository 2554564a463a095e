using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>The copy function copies only this account's images, taking the account from the function's ARN when
/// ACCOUNT_ID is not set (the template does not set it).</summary>
public sealed class CopyOwnershipTests
{
    private const string Foreign = "999988887777";

    [Fact]
    public async Task ManualRequest_ForeignPublicImage_NotCopied()
    {
        var harness = new CopyHarness();
        var foreign = harness.Ec2.AddImage(Home, b => b.Named("vendor-os-2026").OwnedBy(Foreign, "amazon").Public().WithSnapshot(8)
            .Tagged(TagNames.CopyTo, UsEast).CreatedAgo(TimeSpan.FromHours(1)));

        var output = await harness.InvokeAsync(harness.Function(), $$"""{"imageId": "{{foreign}}", "regions": ["{{UsEast}}"]}""");

        Assert.Equal(0, harness.CopyImageCalls());
        Assert.Empty(harness.CopiesOf(UsEast, foreign));
        Assert.Equal(0, output.Counts.Started);
        Assert.True(output.Counts.Skipped.ContainsKey(nameof(ReasonCode.NotOwned)), string.Join(", ", output.Counts.Skipped.Keys));
    }

    [Fact]
    public async Task AvailableEvent_OurAccountButForeignImage_NotCopied_AccountFromTheArn()
    {
        var harness = new CopyHarness();
        Assert.False(harness.Environment.ContainsKey("ACCOUNT_ID"));
        var foreign = harness.Ec2.AddImage(Home, b => b.Named("vendor-os-2026-02").OwnedBy(Foreign, "amazon").Public().WithSnapshot(8)
            .Tagged(TagNames.CopyTo, UsEast).CreatedAgo(TimeSpan.FromHours(1)));

        var output = await harness.AvailableAsync(harness.Function(), foreign);

        Assert.Equal(0, harness.CopyImageCalls());
        Assert.Equal(1, output.Counts.Skipped[nameof(ReasonCode.NotOwned)]);
        Assert.Contains(output.Summary.Decisions, d => d.Reasons.Any(r => r.Contains(AccountId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AvailableEvent_FromAnotherAccount_RejectedNamingTheAccounts()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast);

        var error = await Assert.ThrowsAsync<InvalidEventException>(
            () => harness.InvokeAsync(harness.Function(), Event(Home, source, "available", account: Foreign)));

        Assert.Contains(Foreign, error.Message, StringComparison.Ordinal);
        Assert.Contains(AccountId, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.CopyImageCalls());
    }

    [Fact]
    public async Task Invoke_AccountIdOtherThanTheArn_RefusedAsConfiguration()
    {
        var harness = new CopyHarness();
        harness.Environment["ACCOUNT_ID"] = "111122223333";
        var source = harness.AddSource(UsEast);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => harness.AvailableAsync(harness.Function(), source));

        Assert.Contains("ACCOUNT_ID=111122223333", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.CopyImageCalls());
    }

    [Fact]
    public async Task Invoke_NoAccountKnown_RefusesToCopy()
    {
        var harness = new CopyHarness { InvokedFunctionArn = null };
        var source = harness.AddSource(UsEast);

        await Assert.ThrowsAsync<ConfigurationException>(() => harness.AvailableAsync(harness.Function(), source));

        Assert.Equal(0, harness.CopyImageCalls());
    }
}
