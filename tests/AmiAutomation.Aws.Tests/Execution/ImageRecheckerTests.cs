using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The re-read of one image right before a destructive call: the requests it sends, where it says it failed,
/// what it counts as gone, and the listings it reuses within a run.</summary>
public sealed class ImageRecheckerTests : PlanExecutorTestBase
{
    private const string Id = "ami-00000001";

    private ImageRechecker Rechecker() =>
        new("us-east-1", Ec2.Client, new Lazy<IAutoScalingClient>(() => Apis.AutoScaling("us-east-1")), TestLimits.Registry().ForRegion("us-east-1"), Time);

    private static ExecutionOptions Options(TimeSpan? maxAge = null) => Real() with { RecheckListingMaxAge = maxAge ?? TimeSpan.FromSeconds(10) };

    /// <summary>An image launched long ago (so its launch time is known without DescribeImageAttribute).</summary>
    private Image Launched() => Image(Id, i => i.LastLaunchedTime = "2024-01-01T00:00:00Z");

    [Fact]
    public async Task RecheckAsync_Unused_PassesAfterAskingForDeprecatedDisabledAndLiveInstances()
    {
        var decision = Plans.Deregister(Launched());

        var result = await Rechecker().RecheckAsync(decision, Options(), CancellationToken.None);

        Assert.Null(result.SkipReason);
        Assert.Null(result.Error);
        Assert.Equal(Id, result.Current!.ImageId);
        var images = Assert.Single(Ec2.RequestsOf<DescribeImagesRequest>());
        Assert.Equal([Id], images.ImageIds);
        Assert.True(images.IncludeDeprecated);
        Assert.True(images.IncludeDisabled);
        var instances = Assert.Single(Ec2.RequestsOf<DescribeInstancesRequest>());
        Assert.Equal([Id], instances.Filters.Single(f => f.Name == "image-id").Values);
        Assert.Equal(["pending", "running", "shutting-down", "stopping", "stopped"], instances.Filters.Single(f => f.Name == "instance-state-name").Values);
        Assert.True(instances.IncludeManagedResources);
        Assert.Equal(1000, instances.MaxResults);
    }

    [Theory]
    [InlineData("DescribeImages", false, FaultKind.Unauthorized, "UnauthorizedOperation", "DescribeImages")]
    [InlineData("DescribeImageAttribute", false, FaultKind.Throttled, "RequestLimitExceeded", "DescribeImageAttribute(lastLaunchedTime)")]
    [InlineData("DescribeImageAttribute", true, FaultKind.Throttled, "RequestLimitExceeded", "DescribeImageAttribute(launchPermission)")]
    [InlineData("DescribeImageReferences", true, FaultKind.NotImplemented, "HTTP500", "DescribeImageReferences")]
    [InlineData("DescribeInstances", true, FaultKind.Unauthorized, "UnauthorizedOperation", "DescribeInstances")]
    [InlineData("DescribeLaunchTemplates", true, FaultKind.Throttled, "RequestLimitExceeded", "DescribeLaunchTemplates/DescribeLaunchTemplateVersions")]
    public async Task RecheckAsync_CallFails_FailedNamingTheCall(string action, bool launched, FaultKind kind, string code, string operation)
    {
        var decision = Plans.Deregister(launched ? Launched() : Image(Id));
        Ec2.Faults.Add(new Fault(action, 0, kind));

        var result = await Rechecker().RecheckAsync(decision, Options(), CancellationToken.None);

        Assert.Equal(code, result.ErrorCode);
        Assert.StartsWith($"re-check failed at {operation}: ", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("not deregistered", result.Error, StringComparison.Ordinal);
        Assert.Null(result.SkipReason);
    }

    [Theory]
    [InlineData("DescribeImageReferences")]
    [InlineData("DescribeInstances")]
    public async Task RecheckAsync_ListingLoops_FailedAndTheCauseNamesTheCall(string action)
    {
        var decision = Plans.Deregister(Launched());
        Ec2.Faults.Add(new Fault(action, 0, FaultKind.RepeatedToken));

        var result = await Rechecker().RecheckAsync(decision, Options(), CancellationToken.None);

        Assert.Equal("PagingTruncatedException", result.ErrorCode);
        Assert.StartsWith($"re-check failed at {action}: {action} returned the NextToken ", result.Error, StringComparison.Ordinal);
        Assert.Null(result.SkipReason);
    }

    [Fact]
    public async Task RecheckAsync_LaunchTimeNotATime_FailedNamingTheField()
    {
        var decision = Plans.Deregister(Image(Id));
        Ec2.LastLaunched[Id] = "yesterday";

        var result = await Rechecker().RecheckAsync(decision, Options(), CancellationToken.None);

        Assert.Contains("LastLaunchedTime 'yesterday'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecheckAsync_NoLaunchPermissionAttribute_FailedSayingSo()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.Faults.Add(new Fault("DescribeImageAttribute", 0, FaultKind.NullResponse));

        var result = await Rechecker().RecheckAsync(decision, Options(), CancellationToken.None);

        Assert.Equal(nameof(InvalidOperationException), result.ErrorCode);
        Assert.Contains("DescribeImageAttribute(launchPermission) returned no ImageAttribute", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecheckAsync_ImageNotInAnswer_SkippedAsGone()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.Client.DescribeImagesAsync(Arg.Any<DescribeImagesRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeImagesResponse { Images = [] });

        var result = await Rechecker().RecheckAsync(decision, Options(), CancellationToken.None);

        Assert.Equal("image no longer exists", result.SkipReason);
    }

    [Fact]
    public async Task RecheckAsync_SeveralConsumers_SkipReasonNamesEach()
    {
        var decision = Plans.Deregister(Launched());
        Ec2.AddInstance("i-live", Id);
        Ec2.AddInstance(null!, Id);
        Ec2.AddTemplate("lt-1", Id);
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = Id, ResourceType = "ec2:LaunchTemplate" });
        Ec2.References.Add(new Amazon.EC2.Model.ImageReference { ImageId = Id });

        var result = await Rechecker().RecheckAsync(decision, Options(), CancellationToken.None);

        foreach (var consumer in new[] { "i-live", "(unknown instance)", "lt-1:1", "ec2:LaunchTemplate", "(unknown resource)" })
        {
            Assert.Contains(consumer, result.SkipReason, StringComparison.Ordinal);
        }

        Assert.Contains("; ", result.SkipReason, StringComparison.Ordinal);
    }
}
