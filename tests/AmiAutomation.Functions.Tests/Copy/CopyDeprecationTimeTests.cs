using System.Globalization;
using static AmiAutomation.Functions.Tests.Copy.CopyHarness;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>The deprecation time sent to EC2 is worked out when the call is made, never before: EC2 refuses past times.</summary>
public sealed class CopyDeprecationTimeTests
{
    [Fact]
    public async Task SourceDeprecatedInThePast_ClockMovesDuringTheFinish_DeprecationStillInTheFuture()
    {
        var harness = new CopyHarness();
        var source = harness.AddSource(UsEast, b => b.SharedWithAccount("444455556666").DeprecatedAt(Start.AddDays(-1)));
        await harness.AvailableAsync(harness.Function(), source);
        harness.CopiesComplete();
        var copy = harness.SingleCopy(UsEast, source).ImageId;
        // The share takes ten minutes to go through: the plan's "now" is stale by the time the deprecation is set.
        harness.Ec2.Lies.AfterCall("ModifyImageAttribute", 1, () => harness.Advance(TimeSpan.FromMinutes(10)));
        var before = harness.Time.GetUtcNow();

        var output = await harness.AvailableAsync(harness.Function(UsEast), copy, UsEast);

        Assert.Equal(0, output.Counts.Failed);
        Assert.Equal(1, output.Counts.Finished);
        var deprecation = DateTimeOffset.Parse(harness.Ec2.FindImage(UsEast, copy)!.DeprecationTime, CultureInfo.InvariantCulture);
        Assert.True(deprecation > before.AddMinutes(10), $"deprecation {deprecation:O}, call at {before.AddMinutes(10):O}");
    }
}
