using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Families;
using AmiAutomation.Core.Tagging;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The family re-count's two listings (tagged members, members by name), the requests they send, and how it
/// fails closed.</summary>
public sealed class FamilyRecheckerRequestTests
{
    private const string Region = "us-east-1";
    private readonly IAmazonEC2 _ec2 = Substitute.For<IAmazonEC2>();
    private readonly List<DescribeImagesRequest> _requests = [];

    private static Image Member(string id, string name, string created, string? familyTag = null) => FamilyImages.Member(id, name, created, familyTag);

    /// <summary>The tag listing answers <paramref name="tagged"/>, the name (or unfiltered) listing <paramref name="named"/>.</summary>
    private void Answer(List<Image> tagged, List<Image> named) =>
        _ec2.DescribeImagesAsync(Arg.Any<DescribeImagesRequest>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            var request = ci.Arg<DescribeImagesRequest>();
            _requests.Add(request);
            var byTag = request.Filters?.Any(f => f.Name.StartsWith("tag:", StringComparison.Ordinal)) == true;
            return Task.FromResult(new DescribeImagesResponse { Images = [.. byTag ? tagged : named] });
        });

    private Task<FamilyRecheckResult?> CheckAsync(Image current, string family, FamilyKeepRule rule) =>
        new FamilyRechecker(Region, _ec2, TestLimits.Registry().ForRegion(Region)).CheckAsync(
            Plans.Deregister(current) with { Family = family }, Ec2ImageMapper.ToAmiImage(current, Region), rule, "123456789012", CancellationToken.None);

    [Fact]
    public async Task CheckAsync_NewerMemberOnlyTagged_CountedSoTheOldImageMayGo()
    {
        var old = Member("ami-00000001", "web-20240101", "2024-01-01T00:00:00.000Z", "web");
        var newer = Member("ami-00000002", "renamed-build", "2025-01-01T00:00:00.000Z", "web");
        Answer(tagged: [old, newer], named: [old]);

        var result = await CheckAsync(old, "web", new FamilyKeepRule(FamilyResolver.Default, 1));

        Assert.Null(result);
        Assert.Equal(2, _requests.Count);
        Assert.Equal([TagNames.Family], _requests[0].Filters.Select(f => f.Name.Replace("tag:", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(["*web*"], _requests[0].Filters[0].Values);
        Assert.Equal("name", _requests[1].Filters.Single().Name);
        Assert.All(_requests, r =>
        {
            Assert.Equal(["self"], r.Owners);
            Assert.True(r.IncludeDeprecated);
            Assert.True(r.IncludeDisabled);
            Assert.Equal(1000, r.MaxResults);
        });
    }

    [Fact]
    public async Task CheckAsync_OnlyImageOfFamily_SkippedWithReason()
    {
        var only = Member("ami-00000001", "web-20240101", "2024-01-01T00:00:00.000Z", "web");
        Answer(tagged: [only], named: [only]);

        var result = await CheckAsync(only, "web", new FamilyKeepRule(FamilyResolver.Default, 1));

        Assert.NotNull(result);
        Assert.True(result.Skipped);
        Assert.Null(result.ErrorCode);
        Assert.Contains("web", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_FamilyWithWildcards_EscapedInTagFilter()
    {
        var current = Member("ami-00000001", "a*b?c-1", "2024-01-01T00:00:00.000Z", "a*b?c");
        Answer(tagged: [current], named: [current]);

        await CheckAsync(current, "a*b?c", new FamilyKeepRule(FamilyResolver.Default, 1));

        Assert.Equal([@"*a\*b\?c*"], _requests[0].Filters[0].Values);
        Assert.Equal(@"*a\*b\?c*", FamilyRechecker.Contains("a*b?c"));
    }

    [Fact]
    public async Task CheckAsync_RuleWithoutNameFilter_SecondListingUnfiltered()
    {
        var current = Member("ami-00000001", "web-20240101", "2024-01-01T00:00:00.000Z", "web");
        Answer(tagged: [current], named: [current]);

        await CheckAsync(current, "web", new FamilyKeepRule(new FamilyResolver(@"-\d{8}$"), 1));

        Assert.Equal(2, _requests.Count);
        Assert.Null(_requests[1].Filters);
    }

    [Fact]
    public async Task CheckAsync_ListingRefused_FailedNotSkipped()
    {
        _ec2.DescribeImagesAsync(Arg.Any<DescribeImagesRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<DescribeImagesResponse>(Ec2Exceptions.Code("UnauthorizedOperation")));

        var result = await CheckAsync(Member("ami-00000001", "web-1", "2024-01-01T00:00:00.000Z"), "web", new FamilyKeepRule(FamilyResolver.Default, 1));

        Assert.NotNull(result);
        Assert.False(result.Skipped);
        Assert.Equal("UnauthorizedOperation", result.ErrorCode);
        Assert.StartsWith("family re-count failed at DescribeImages: UnauthorizedOperation", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith("; not deregistered", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NetworkFailure_FailedNamingTheError()
    {
        _ec2.DescribeImagesAsync(Arg.Any<DescribeImagesRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<DescribeImagesResponse>(new HttpRequestException("connection reset")));

        var result = await CheckAsync(Member("ami-00000001", "web-1", "2024-01-01T00:00:00.000Z"), "web", new FamilyKeepRule(FamilyResolver.Default, 1));

        Assert.NotNull(result);
        Assert.False(result.Skipped);
        Assert.Equal(nameof(HttpRequestException), result.ErrorCode);
        Assert.Equal("family re-count failed: connection reset; not deregistered", result.Detail);
    }
}
