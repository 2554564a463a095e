using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Families;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>
/// A family re-count cut short never counts: the images read before the cut may be only part of the family, and a
/// partial count could let an image go that the whole family would keep (or the reverse). Cancellation of the
/// invocation propagates; a cancellation nobody asked for (an SDK timeout) fails closed.
/// </summary>
public sealed class FamilyRecheckerCancellationTests
{
    private const string Region = "us-east-1";
    private const string Account = FamilyImages.Account;
    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();

    private static readonly Image Old = FamilyImages.Member("ami-00000001", "web-20240101", "2024-01-01T00:00:00.000Z", "web");
    private static readonly Image Newer = FamilyImages.Member("ami-00000002", "web-20250101", "2025-01-01T00:00:00.000Z", "web");

    /// <summary>The tag listing answers both members (enough for the old one to go); the name listing runs <paramref name="onNameListing"/>.</summary>
    private void Answer(Func<Task<DescribeImagesResponse>> onNameListing) =>
        _ec2.DescribeImagesAsync(Arg.Any<DescribeImagesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
            ci.Arg<DescribeImagesRequest>().Filters?.Any(f => f.Name.StartsWith("tag:", StringComparison.Ordinal)) == true
                ? Task.FromResult(new DescribeImagesResponse { Images = [Old, Newer] })
                : onNameListing());

    private Task<FamilyRecheckResult?> CheckAsync(CancellationToken cancellationToken) =>
        new FamilyRechecker(Region, _ec2, TestLimits.Registry().ForRegion(Region)).CheckAsync(
            Plans.Deregister(Old) with { Family = "web" }, Ec2ImageMapper.ToAmiImage(Old, Region), new FamilyKeepRule(FamilyResolver.Default, 1), Account, cancellationToken);

    [Fact]
    public async Task CheckAsync_InvocationCancelledDuringTheSecondListing_ThrowsInsteadOfCountingWhatWasRead()
    {
        using var cancellation = new CancellationTokenSource();
        Answer(() =>
        {
            cancellation.Cancel();
            return Task.FromException<DescribeImagesResponse>(new OperationCanceledException(cancellation.Token));
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CheckAsync(cancellation.Token));
    }

    [Fact]
    public async Task CheckAsync_SdkTimeoutWithoutCancellation_FailsClosedNamingIt()
    {
        Answer(() => Task.FromException<DescribeImagesResponse>(new TaskCanceledException("The request timed out")));

        var result = await CheckAsync(CancellationToken.None);

        Assert.NotNull(result);
        Assert.False(result.Skipped);
        Assert.Equal(nameof(TaskCanceledException), result.ErrorCode);
        Assert.Equal("family re-count failed: The request timed out; not deregistered", result.Detail);
    }
}
