using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The re-check's listings within one run (kept for RecheckListingMaxAge, launch templates read incrementally
/// and kept across refreshes), the consumers it cannot judge, and changes to the image since planning.</summary>
public sealed class ImageRecheckerListingTests : PlanExecutorTestBase
{
    private const string Id = "ami-00000001";

    private ImageRechecker Rechecker() =>
        new("us-east-1", Ec2.Client, new Lazy<IAutoScalingClient>(() => Apis.AutoScaling("us-east-1")), TestLimits.Registry().ForRegion("us-east-1"), Time);

    private static ExecutionOptions Options(TimeSpan maxAge) => Real() with { RecheckListingMaxAge = maxAge };

    private Image Launched() => Image(Id, i => i.LastLaunchedTime = "2024-01-01T00:00:00Z");

    [Fact]
    public async Task RecheckAsync_TemplateVersionReadByEarlierRefresh_StillProtectsLater()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.AddTemplate("lt-1", Id);
        Ec2.TemplateHeads["lt-1"] = (1, 1);
        var rechecker = Rechecker();

        var first = await rechecker.RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);
        var second = await rechecker.RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Contains("lt-1:1", first.SkipReason, StringComparison.Ordinal);
        Assert.Contains("lt-1:1", second.SkipReason, StringComparison.Ordinal);
        Assert.Equal(2, Ec2.Calls("DescribeLaunchTemplates"));
        Assert.Equal(1, Ec2.Calls("DescribeLaunchTemplateVersions"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RecheckAsync_ExactlyFullPageOfTemplates_ProceedsUnlessTheEndpointCutShort(bool cutShort)
    {
        var decision = Plans.Deregister(Launched());
        for (var t = 0; t < 199; t++)
        {
            Ec2.Templates[$"lt-{t:D3}"] = [];
        }

        Ec2.AddTemplate("lt-pins", Id);
        if (cutShort)
        {
            // 201 templates, cut at 200 without a token, and the one-fewer probe is not paged either.
            Ec2.AddTemplate("lt-beyond", "ami-0other");
            Ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 0, FaultKind.DroppedToken));
            Ec2.Faults.Add(new Fault("DescribeLaunchTemplates", 1, FaultKind.DroppedToken));
        }

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        if (cutShort)
        {
            Assert.Equal(nameof(AmiAutomation.Aws.Paging.PagingTruncatedException), result.ErrorCode);
            Assert.Contains("DescribeLaunchTemplates returned a full page", result.Error, StringComparison.Ordinal);
            Assert.Null(result.SkipReason);
        }
        else
        {
            Assert.Null(result.Error);
            Assert.Contains("lt-pins:1", result.SkipReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecheckAsync_WithinMaxAge_ListingReusedThenReadAgain()
    {
        var decision = Plans.Deregister(Launched());
        var rechecker = Rechecker();

        await rechecker.RecheckAsync(decision, Options(TimeSpan.FromSeconds(10)), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(5));
        await rechecker.RecheckAsync(decision, Options(TimeSpan.FromSeconds(10)), CancellationToken.None);
        var callsWithin = Ec2.Calls("DescribeSpotInstanceRequests");
        Time.Advance(TimeSpan.FromSeconds(5));
        await rechecker.RecheckAsync(decision, Options(TimeSpan.FromSeconds(10)), CancellationToken.None);

        Assert.Equal(1, callsWithin);
        Assert.Equal(2, Ec2.Calls("DescribeSpotInstanceRequests"));
    }

    [Fact]
    public async Task RecheckAsync_SpotRequestGoneOnReread_NoLongerProtects()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.AddSpotRequest("sir-1", Id);
        var rechecker = Rechecker();

        var first = await rechecker.RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);
        Ec2.SpotRequests.Clear();
        var second = await rechecker.RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Contains("sir-1", first.SkipReason, StringComparison.Ordinal);
        Assert.Null(second.SkipReason);
        Assert.Null(second.Error);
    }

    [Fact]
    public async Task RecheckAsync_ConsumerNamingNoImageId_FailedNamingIt()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.AddSpotRequest("sir-1", "resolve:ssm:/golden");

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(nameof(InvalidOperationException), result.ErrorCode);
        Assert.Contains("SpotRequest sir-1 names 'resolve:ssm:/golden', which is not an image id", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task RecheckAsync_SpotRequestWithoutImage_FailedNamingIt(string? imageId)
    {
        var decision = Plans.Deregister(Launched());
        Ec2.AddSpotRequest("sir-1", "ami-0other").LaunchSpecification.ImageId = imageId;

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(nameof(InvalidOperationException), result.ErrorCode);
        Assert.Contains("SpotRequest sir-1 names no image id", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("not deregistered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecheckAsync_SpotFleetSpecificationWithoutImage_FailedNamingFleet()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.AddSpotFleet("sfr-1", "active", "ami-0other").ConfigData.LaunchSpecifications[0].ImageId = null;

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(nameof(InvalidOperationException), result.ErrorCode);
        Assert.Contains("SpotFleet sfr-1 names no image id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecheckAsync_SpotFleetOfLaunchTemplatesOnly_NotAFailure()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.AddSpotFleet("sfr-1", "active").ConfigData.LaunchTemplateConfigs =
            [new LaunchTemplateConfig { LaunchTemplateSpecification = new FleetLaunchTemplateSpecification { LaunchTemplateId = "lt-9", Version = "1" } }];

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Null(result.SkipReason);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00Z", false)]
    [InlineData("2024-01-01T00:00:01Z", true)]
    public async Task RecheckAsync_LaunchTimeMovedForward_Skipped(string now, bool skipped)
    {
        var decision = Plans.Deregister(Launched());
        Ec2.Images[0].LastLaunchedTime = now;

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(skipped, result.SkipReason?.Contains("since planning", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RecheckAsync_InUseAndLaunchedSincePlanning_SkipReasonNamesBothSeparated()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.Images[0].LastLaunchedTime = "2026-02-01T00:00:00Z";
        Ec2.AddInstance("i-0abc", Id);

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Null(result.Error);
        var reasons = result.SkipReason!.Split("; ");
        Assert.Equal(2, reasons.Length);
        Assert.Contains("i-0abc", reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("launched at 2026-02-01T00:00:00", reasons[1], StringComparison.Ordinal);
        Assert.EndsWith("since planning", reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecheckAsync_DeprecationMovedLater_SkippedNamingBothTimes()
    {
        var decision = Plans.Deregister(Image(Id, i =>
        {
            i.LastLaunchedTime = "2024-01-01T00:00:00Z";
            i.DeprecationTime = "2025-01-01T00:00:00.000Z";
        }));
        Ec2.Images[0].DeprecationTime = "2027-01-01T00:00:00.000Z";

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Contains("deprecation moved from 2025-01-01T00:00:00", result.SkipReason, StringComparison.Ordinal);
        Assert.Contains("to 2027-01-01T00:00:00", result.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecheckAsync_DeprecationMovedEarlier_NotAReason()
    {
        var decision = Plans.Deregister(Image(Id, i =>
        {
            i.LastLaunchedTime = "2024-01-01T00:00:00Z";
            i.DeprecationTime = "2025-06-01T00:00:00.000Z";
        }));
        Ec2.Images[0].DeprecationTime = "2025-01-01T00:00:00.000Z";

        var result = await Rechecker().RecheckAsync(decision, Options(TimeSpan.Zero), CancellationToken.None);

        Assert.Null(result.SkipReason);
        Assert.Null(result.Error);
    }
}
