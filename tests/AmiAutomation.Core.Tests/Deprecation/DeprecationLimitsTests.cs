using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Deprecation;

/// <summary>
/// EC2's limits on deprecation times at their exact instants (10 years ahead, 2 years after a public image's creation,
/// the earliest time of a plan), and the clamp reasons an operator reads (found by mutation testing, docs/mutation.md).
/// TestImages.Now is 12:00:30, so the earliest time a plan sets is 12:02 (now + 1 minute, rounded up).
/// </summary>
public sealed class DeprecationLimitsTests
{
    private static readonly DateTimeOffset Earliest = new(2025, 6, 1, 12, 2, 0, TimeSpan.Zero);

    private static AmiImage PublicCreatedAt(DateTimeOffset created) =>
        TestImages.Image("ami-1") with { CreationDate = created, IsPublic = true };

    [Fact]
    public void Target_ZeroDays_IsTheEarliestTimeNotNowRoundedUp()
    {
        // DeprecateInDays = 0 (valid): now rounded up is 12:01, which lies before the earliest time a call can still set.
        Assert.Equal(Earliest, DeprecationLimits.Earliest(TestImages.Now));
        Assert.Equal(Earliest, DeprecationLimits.Target(TestImages.Now, 0));
    }

    [Fact]
    public void FloorToMinute_TimeWithSeconds_DropsThem()
    {
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), DeprecationLimits.FloorToMinute(TestImages.Now));
    }

    [Fact]
    public void Clamp_ExactlyTenYearsAhead_KeptWithoutClamp()
    {
        var latest = new DateTimeOffset(2035, 6, 1, 12, 0, 0, TimeSpan.Zero);

        var (time, clamp) = DeprecationLimits.Clamp(latest, TestImages.Image("ami-1"), TestImages.Now);

        Assert.Equal(latest, time);
        Assert.Null(clamp);
    }

    [Fact]
    public void Clamp_BeyondTenYears_ReasonNamesAskedTimeSetTimeAndLimit()
    {
        var (time, clamp) = DeprecationLimits.Clamp(TestImages.Now.AddYears(20), TestImages.Image("ami-1"), TestImages.Now);

        Assert.Equal(new DateTimeOffset(2035, 6, 1, 12, 0, 0, TimeSpan.Zero), time);
        Assert.NotNull(clamp);
        Assert.Equal(ReasonCode.DeprecationClamped, clamp.Code);
        Assert.Contains("2045-06-01T12:01Z", clamp.Detail, StringComparison.Ordinal);
        Assert.Contains("clamped to 2035-06-01T12:00Z", clamp.Detail, StringComparison.Ordinal);
        Assert.Contains("at most 10 years ahead", clamp.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Clamp_PublicImageExactlyAtItsTwoYearLimit_KeptWithoutClamp()
    {
        var limit = new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);

        var (time, clamp) = DeprecationLimits.Clamp(limit, PublicCreatedAt(limit.AddYears(-2)), TestImages.Now);

        Assert.Equal(limit, time);
        Assert.Null(clamp);
    }

    [Fact]
    public void Clamp_PublicImageBeyondItsTwoYearLimit_ReasonNamesAskedTimeLimitAndRule()
    {
        var limit = new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);

        var (time, clamp) = DeprecationLimits.Clamp(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), PublicCreatedAt(limit.AddYears(-2)), TestImages.Now);

        Assert.Equal(limit, time);
        Assert.NotNull(clamp);
        Assert.Equal(ReasonCode.DeprecationClamped, clamp.Code);
        Assert.Contains("2026-06-01T00:00Z clamped to 2026-01-10T08:00Z", clamp.Detail, StringComparison.Ordinal);
        Assert.Contains("public images at most 2 years after creation", clamp.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Clamp_PublicImageWhoseLimitIsExactlyTheEarliestTime_ClampedToItAsAllowed()
    {
        // The limit is still settable (EC2 accepts it), so the reason must not say it is past the limit.
        var (time, clamp) = DeprecationLimits.Clamp(TestImages.Now.AddDays(30), PublicCreatedAt(Earliest.AddYears(-2)), TestImages.Now);

        Assert.Equal(Earliest, time);
        Assert.NotNull(clamp);
        Assert.Contains("clamped to 2025-06-01T12:02Z", clamp.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("past", clamp.Detail, StringComparison.Ordinal);
        Assert.False(DeprecationLimits.IsPastPublicLimit(PublicCreatedAt(Earliest.AddYears(-2)), TestImages.Now, out var limit));
        Assert.Equal(Earliest, limit);
    }

    [Fact]
    public void Clamp_PublicImagePastItsTwoYearLimit_SetsEarliestAndWarnsEc2MayRefuse()
    {
        var created = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var (time, clamp) = DeprecationLimits.Clamp(TestImages.Now.AddDays(30), PublicCreatedAt(created), TestImages.Now);

        Assert.Equal(Earliest, time);
        Assert.NotNull(clamp);
        Assert.Contains("past EC2's 2-year limit (2025-01-01T00:00Z)", clamp.Detail, StringComparison.Ordinal);
        Assert.Contains("earliest time 2025-06-01T12:02Z", clamp.Detail, StringComparison.Ordinal);
        Assert.Contains("EC2 may refuse", clamp.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IsPastPublicLimit_LimitOneMinuteBeforeTheEarliestTime_IsPast()
    {
        Assert.True(DeprecationLimits.IsPastPublicLimit(PublicCreatedAt(Earliest.AddYears(-2).AddMinutes(-1)), TestImages.Now, out var limit));
        Assert.Equal(Earliest.AddMinutes(-1), limit);
    }

    [Fact]
    public void IsPastPublicLimit_NullImage_Throws()
    {
        Assert.Equal("image", Assert.Throws<ArgumentNullException>(() => DeprecationLimits.IsPastPublicLimit(null!, TestImages.Now, out _)).ParamName);
    }
}
