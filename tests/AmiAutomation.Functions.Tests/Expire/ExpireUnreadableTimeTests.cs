using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>An image whose CreationDate EC2 reports in a form we cannot read: that image alone is kept (age unknown),
/// the region's inventory is not failed for it, and every other image is judged as usual.</summary>
public sealed class ExpireUnreadableTimeTests : ExpireScenarioTests
{
    [Theory]
    [InlineData("not-a-date")]
    [InlineData("2024-02-30T10:00:00.000Z")]
    public async Task MalformedCreationDate_ThatImageKeptWithReason_OthersStillExpire(string creationDate)
    {
        var odd = Expired();
        var other = Expired();
        var newest = Newest();
        _h.Ec2.Lies.ReportCreationDate(odd, creationDate);

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Empty(summary.FailedSources);
        Assert.Equal(("skipped", "UnreadableTime"), (Line(summary, odd).Outcome, Line(summary, odd).Reason));
        Assert.Contains(Line(summary, odd).Reasons, r => r.Contains(creationDate, StringComparison.Ordinal));
        Assert.True(Exists(odd));
        Assert.Equal(("succeeded", "DeprecatedLongEnough"), (Line(summary, other).Outcome, Line(summary, other).Reason));
        Assert.False(Exists(other));
        Assert.Equal("NewestInFamily", Line(summary, newest).Reason);
    }

    [Fact]
    public async Task MalformedCreationDateOnTheNewest_DoesNotMakeAnOlderImageLookNewest_NothingLostThatWouldNotBe()
    {
        // The newest image's date is unreadable: it counts as oldest (never as newer than anything), so the real
        // second-newest becomes the family's kept newest instead of being expired on the word of an unknown date.
        var old = Expired(daysOld: 300);
        var second = Expired(daysOld: 100);
        var newest = Newest();
        _h.Ec2.Lies.ReportCreationDate(newest, "garbage");

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("UnreadableTime", Line(summary, newest).Reason);
        Assert.Equal("NewestInFamily", Line(summary, second).Reason);
        Assert.True(Exists(newest));
        Assert.True(Exists(second));
        Assert.Equal("succeeded", Line(summary, old).Outcome);
    }
}
