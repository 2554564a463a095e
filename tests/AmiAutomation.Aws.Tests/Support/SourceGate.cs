using System.Collections.Concurrent;
using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.RecycleBin;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>
/// An EC2 and Auto Scaling whose six fleet-wide listings each answer one page only once every one of them has been
/// called: a reader that reads them one after another waits forever on the first (and times out after
/// <see cref="Patience"/>). <see cref="FailAfterStart"/> makes one action throw once all have started; <see cref="Order"/>
/// records the order the answers were released in (reversed from the calls, so the slowest-first source finishes last).
/// </summary>
internal sealed class SourceGate : IRegionalApiClients, IAutoScalingClient
{
    public static readonly string[] Actions =
    [
        "DescribeImages", "DescribeInstances", "DescribeLaunchTemplates", "autoscaling:DescribeLaunchConfigurations",
        "DescribeSpotInstanceRequests", "DescribeSpotFleetRequests",
    ];

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _released = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _started = new();
    private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SourceGate()
    {
        Client = Substitute.For<IAmazonEC2>();
        Client.DescribeImagesAsync(Arg.Any<DescribeImagesRequest>(), Arg.Any<CancellationToken>()).Returns(ci => EnterAsync(
            "DescribeImages",
            new DescribeImagesResponse { Images = [new Image { ImageId = "ami-00000001", OwnerId = "123456789012", State = Amazon.EC2.ImageState.Available, CreationDate = "2024-01-01T00:00:00.000Z", Name = "web" }] },
            ci.Arg<CancellationToken>()));
        Client.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(ci => EnterAsync(
            "DescribeInstances",
            new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [new Instance { InstanceId = "i-1", ImageId = "ami-00000001" }] }] },
            ci.Arg<CancellationToken>()));
        Client.DescribeLaunchTemplatesAsync(Arg.Any<DescribeLaunchTemplatesRequest>(), Arg.Any<CancellationToken>()).Returns(ci => EnterAsync(
            "DescribeLaunchTemplates", new DescribeLaunchTemplatesResponse { LaunchTemplates = [] }, ci.Arg<CancellationToken>()));
        Client.DescribeSpotInstanceRequestsAsync(Arg.Any<DescribeSpotInstanceRequestsRequest>(), Arg.Any<CancellationToken>()).Returns(ci => EnterAsync(
            "DescribeSpotInstanceRequests",
            new DescribeSpotInstanceRequestsResponse { SpotInstanceRequests = [new SpotInstanceRequest { SpotInstanceRequestId = "sir-1", State = SpotInstanceState.Open, LaunchSpecification = new LaunchSpecification { ImageId = "ami-00000001" } }] },
            ci.Arg<CancellationToken>()));
        Client.DescribeSpotFleetRequestsAsync(Arg.Any<DescribeSpotFleetRequestsRequest>(), Arg.Any<CancellationToken>()).Returns(ci => EnterAsync(
            "DescribeSpotFleetRequests", new DescribeSpotFleetRequestsResponse { SpotFleetRequestConfigs = [] }, ci.Arg<CancellationToken>()));
        Client.DescribeImageReferencesAsync(Arg.Any<DescribeImageReferencesRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeImageReferencesResponse { ImageReferences = [] });
    }

    public IAmazonEC2 Client { get; }

    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>This action throws (after every source has started) instead of answering.</summary>
    public string? FailAfterStart { get; init; }

    /// <summary>Once all have started, every listing waits until cancelled instead of answering.</summary>
    public bool HoldAfterStart { get; init; }

    /// <summary>Actions in the order they were first called.</summary>
    public IReadOnlyList<string> Started => [.. _started];

    /// <summary>Completes once every listing has been called.</summary>
    public Task AllStarted => _allStarted.Task;

    public IAutoScalingClient AutoScaling(string region) => this;

    public IRecycleBinRules RecycleBinRules(string region) => throw new NotSupportedException();

    public Task<LaunchConfigurationPage> DescribeLaunchConfigurationsAsync(string? nextToken, int maxRecords, CancellationToken cancellationToken) =>
        EnterAsync("autoscaling:DescribeLaunchConfigurations", new LaunchConfigurationPage([new LaunchConfigurationInfo("lc-1", "ami-00000001")], null), cancellationToken);

    public Task<AutoScalingGroupLaunchSpec?> DescribeAutoScalingGroupAsync(string groupName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the inventory never reads Auto Scaling groups");

    private async Task<T> EnterAsync<T>(string action, T response, CancellationToken cancellationToken)
    {
        if (_released.TryAdd(action, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)))
        {
            _started.Enqueue(action);
            if (_started.Count == Actions.Length)
            {
                _allStarted.TrySetResult();
            }
        }

        await _allStarted.Task.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
        if (HoldAfterStart)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        if (action == FailAfterStart)
        {
            throw new HttpRequestException($"{action}: connection reset by the gate");
        }

        return response;
    }
}
