using AmiAutomation.Core.Images;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.Tests.Support;

namespace AmiAutomation.Core.Tests.Protection;

/// <summary>Which usage report decides when there is no fresh one (found by mutation testing, docs/mutation.md).</summary>
public sealed class UsageReportSelectorTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    [Fact]
    public void Choose_TwoPendingReports_AwaitsTheNewest()
    {
        // EC2 allows one pending report per AMI, but a report created by someone else (or EC2 lagging) must not make the
        // run wait on an older one.
        var older = new ImageUsageReport { ReportId = "amiur-old", State = UsageReportState.Pending, CreatedAt = TestImages.Now.AddDays(-2) };
        var newer = new ImageUsageReport { ReportId = "amiur-new", State = UsageReportState.Pending, CreatedAt = TestImages.Now.AddHours(-1) };

        Assert.Equal(new UsageReportChoice(newer, ReadEntries: false, Request: false), UsageReportSelector.Choose([older, newer], MaxAge, TestImages.Now));
        Assert.Equal(new UsageReportChoice(newer, ReadEntries: false, Request: false), UsageReportSelector.Choose([newer, older], MaxAge, TestImages.Now));
    }

    [Fact]
    public void Choose_NullReports_ThrowsNamingThem()
    {
        Assert.Equal("reports", Assert.Throws<ArgumentNullException>(() => UsageReportSelector.Choose(null!, MaxAge, TestImages.Now)).ParamName);
    }
}
