using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Operations;

public sealed class UsageReportOperationsTests
{
    private const string Consumer = "444455556666";
    private readonly TestWorld _w = new();

    private static CreateImageUsageReportRequest Request(string imageId, params string[] accounts) => new()
    {
        ImageId = imageId,
        ResourceTypes = [new ImageUsageResourceTypeRequest { ResourceType = "ec2:Instance" }, new ImageUsageResourceTypeRequest { ResourceType = "ec2:LaunchTemplate" }],
        AccountIds = accounts.Length == 0 ? null : [.. accounts],
    };

    private async Task<ImageUsageReport> ReportAsync(string reportId) =>
        Assert.Single((await _w.EastClient.DescribeImageUsageReportsAsync(new DescribeImageUsageReportsRequest { ReportIds = [reportId] })).ImageUsageReports);

    private async Task<List<ImageUsageReportEntry>> EntriesAsync(DescribeImageUsageReportEntriesRequest request) =>
        (await _w.EastClient.DescribeImageUsageReportEntriesAsync(request)).ImageUsageReportEntries ?? [];

    [Fact]
    public async Task Create_PendingUntilDelay_ThenAvailableWithSeededUsage()
    {
        var image = _w.Image();
        _w.Simulator.SetExternalUsage(TestWorld.East, image, Consumer, "ec2:Instance", 3);
        _w.Simulator.SetExternalUsage(TestWorld.East, image, "777788889999", "ec2:LaunchTemplate", 1);

        var id = (await _w.EastClient.CreateImageUsageReportAsync(Request(image))).ReportId;

        Assert.StartsWith("amiur-", id, StringComparison.Ordinal);
        var pending = await ReportAsync(id);
        Assert.Equal("pending", pending.State);
        Assert.Equal(TestWorld.Start.UtcDateTime, pending.CreationTime);
        Assert.Equal(TestWorld.Start.AddDays(30).UtcDateTime, pending.ExpirationTime);
        Assert.Empty(await EntriesAsync(new DescribeImageUsageReportEntriesRequest { ReportIds = [id] }));

        _w.Time.Advance(_w.Simulator.Options.UsageReportDelay);
        Assert.Equal("available", (await ReportAsync(id)).State);
        var entries = await EntriesAsync(new DescribeImageUsageReportEntriesRequest { ReportIds = [id] });
        Assert.Equal(4, entries.Sum(e => e.UsageCount));
        var filtered = Assert.Single(await EntriesAsync(new DescribeImageUsageReportEntriesRequest
        {
            ImageIds = [image],
            Filters = [new Filter("account-id", [Consumer]), new Filter("resource-type", ["ec2:Instance"])],
        }));
        Assert.Equal(3, filtered.UsageCount);
    }

    [Fact]
    public async Task Create_SecondWhilePending_FailsOncePerImage()
    {
        var image = _w.Image();
        await _w.EastClient.CreateImageUsageReportAsync(Request(image));

        await Errors.Expect("ResourceLimitExceeded", () => _w.EastClient.CreateImageUsageReportAsync(Request(image)));
        await _w.EastClient.CreateImageUsageReportAsync(Request(_w.Image()));

        _w.Time.Advance(TimeSpan.FromHours(1));
        await _w.EastClient.CreateImageUsageReportAsync(Request(image));
    }

    [Fact]
    public async Task Create_ScopedToAccounts_CountsOnlyThoseAndEchoesScope()
    {
        var image = _w.Image();
        _w.Simulator.SetExternalUsage(TestWorld.East, image, Consumer, "ec2:Instance", 2);
        _w.Simulator.SetExternalUsage(TestWorld.East, image, "777788889999", "ec2:Instance", 5);

        var id = (await _w.EastClient.CreateImageUsageReportAsync(Request(image, Consumer))).ReportId;
        _w.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal([Consumer], (await ReportAsync(id)).AccountIds);
        Assert.Equal(2, Assert.Single(await EntriesAsync(new DescribeImageUsageReportEntriesRequest { ReportIds = [id] })).UsageCount);
    }

    [Fact]
    public async Task InjectedFailure_EndsInError_AndReportsExpireAfter30Days()
    {
        var image = _w.Image();
        _w.Simulator.FailNextUsageReport(TestWorld.East, image, "InternalError");
        var id = (await _w.EastClient.CreateImageUsageReportAsync(Request(image)));
        _w.Time.Advance(TimeSpan.FromHours(1));

        var report = await ReportAsync(id.ReportId);
        Assert.Equal("error", report.State);
        Assert.Equal("InternalError", report.StateReason);

        _w.Time.Advance(TimeSpan.FromDays(30));
        Assert.Null((await _w.EastClient.DescribeImageUsageReportsAsync(new DescribeImageUsageReportsRequest { ImageIds = [image] })).ImageUsageReports);
    }

    [Fact]
    public async Task Describe_FiltersAndPages()
    {
        var images = Enumerable.Range(0, 5).Select(_ => _w.Image()).ToList();
        foreach (var image in images)
        {
            await _w.EastClient.CreateImageUsageReportAsync(Request(image));
        }

        _w.Time.Advance(TimeSpan.FromHours(1));
        await _w.EastClient.CreateImageUsageReportAsync(Request(images[0]));

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _w.EastClient.DescribeImageUsageReportsAsync(new DescribeImageUsageReportsRequest { MaxResults = 2, NextToken = token });
            seen.AddRange(page.ImageUsageReports.Select(r => r.ReportId));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(6, seen.Distinct().Count());
        var pending = await _w.EastClient.DescribeImageUsageReportsAsync(new DescribeImageUsageReportsRequest { Filters = [new Filter("state", ["pending"])] });
        Assert.Equal(images[0], Assert.Single(pending.ImageUsageReports).ImageId);
        await Errors.Expect("InvalidParameterValue", () => _w.EastClient.DescribeImageUsageReportsAsync(new DescribeImageUsageReportsRequest { Filters = [new Filter("image-id", [images[0]])] }));
    }

    [Fact]
    public async Task Create_DryRunAndValidation()
    {
        var image = _w.Image();

        var dryRun = Request(image);
        dryRun.DryRun = true;
        await Errors.Expect("DryRunOperation", () => _w.EastClient.CreateImageUsageReportAsync(dryRun));
        Assert.Empty(_w.Simulator.UsageReportsOf(TestWorld.East, image));
        await Errors.Expect("MissingParameter", () => _w.EastClient.CreateImageUsageReportAsync(new CreateImageUsageReportRequest { ImageId = image }));
        await Errors.Expect("InvalidParameterValue", () => _w.EastClient.CreateImageUsageReportAsync(Request(image, "not-an-account")));
    }
}
