using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>
/// An NSubstitute <see cref="IAmazonEC2"/> backed by lists, paging with real NextTokens, honouring MaxResults and the
/// filters the product sends, with injectable <see cref="Fault"/>s. Records every request.
/// </summary>
internal sealed partial class FakeEc2
{
    private const string LoopToken = "loop-token";
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    public FakeEc2()
    {
        Client = Substitute.For<IAmazonEC2>();
        Client.DescribeImagesAsync(Arg.Any<DescribeImagesRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeImages", ci.Arg<DescribeImagesRequest>().NextToken, () => DescribeImages(ci.Arg<DescribeImagesRequest>())));
        Client.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeInstances", ci.Arg<DescribeInstancesRequest>().NextToken, () => DescribeInstances(ci.Arg<DescribeInstancesRequest>())));
        Client.DescribeLaunchTemplatesAsync(Arg.Any<DescribeLaunchTemplatesRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeLaunchTemplates", ci.Arg<DescribeLaunchTemplatesRequest>().NextToken, () => DescribeLaunchTemplates(ci.Arg<DescribeLaunchTemplatesRequest>())));
        Client.DescribeLaunchTemplateVersionsAsync(Arg.Any<DescribeLaunchTemplateVersionsRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeLaunchTemplateVersions", ci.Arg<DescribeLaunchTemplateVersionsRequest>().NextToken, () => DescribeVersions(ci.Arg<DescribeLaunchTemplateVersionsRequest>())));
        Client.DescribeImageReferencesAsync(Arg.Any<DescribeImageReferencesRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeImageReferences", ci.Arg<DescribeImageReferencesRequest>().NextToken, () => DescribeReferences(ci.Arg<DescribeImageReferencesRequest>())));
        Client.DescribeSpotInstanceRequestsAsync(Arg.Any<DescribeSpotInstanceRequestsRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeSpotInstanceRequests", ci.Arg<DescribeSpotInstanceRequestsRequest>().NextToken, () => DescribeSpotRequests(ci.Arg<DescribeSpotInstanceRequestsRequest>())));
        Client.DescribeSpotFleetRequestsAsync(Arg.Any<DescribeSpotFleetRequestsRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeSpotFleetRequests", ci.Arg<DescribeSpotFleetRequestsRequest>().NextToken, () => DescribeSpotFleets(ci.Arg<DescribeSpotFleetRequestsRequest>())));
        Client.DescribeImageAttributeAsync(Arg.Any<DescribeImageAttributeRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DescribeImageAttribute", null, () => DescribeAttribute(ci.Arg<DescribeImageAttributeRequest>())));
        Client.DeregisterImageAsync(Arg.Any<DeregisterImageRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("DeregisterImage", null, () => Deregister(ci.Arg<DeregisterImageRequest>())));
        Client.EnableImageDeprecationAsync(Arg.Any<EnableImageDeprecationRequest>(), Arg.Any<CancellationToken>())
            .Returns(ci => Run("EnableImageDeprecation", null, () => Deprecate(ci.Arg<EnableImageDeprecationRequest>())));
    }

    public IAmazonEC2 Client { get; }

    public string OwnerId { get; set; } = "123456789012";

    public List<Image> Images { get; } = [];

    public List<Instance> Instances { get; } = [];

    /// <summary>Launch template id → its versions.</summary>
    public Dictionary<string, List<LaunchTemplateVersion>> Templates { get; } = new(StringComparer.Ordinal);

    /// <summary>Launch template id → the DefaultVersionNumber and LatestVersionNumber DescribeLaunchTemplates names (none when absent).</summary>
    public Dictionary<string, (long? Default, long? Latest)> TemplateHeads { get; } = new(StringComparer.Ordinal);

    public List<ImageReference> References { get; } = [];

    public List<SpotInstanceRequest> SpotRequests { get; } = [];

    public List<SpotFleetRequestConfig> SpotFleets { get; } = [];

    /// <summary>Answers DescribeSpotInstanceRequests as if its filters were not there (an emulator that ignores them).</summary>
    public bool IgnoreSpotFilters { get; set; }

    public Dictionary<string, string> LastLaunched { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<LaunchPermission>> Permissions { get; } = new(StringComparer.Ordinal);

    public List<Fault> Faults { get; } = [];

    public List<Fault> Triggered { get; } = [];

    /// <summary>Per action: error code to answer instead of a normal result (e.g. DeregisterImage → InvalidAMIID.Unavailable).</summary>
    public Dictionary<string, string> ErrorCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>DryRun answer: DryRunOperation unless set (e.g. UnauthorizedOperation).</summary>
    public string DryRunAnswer { get; set; } = "DryRunOperation";

    /// <summary>Called before each request is answered (action name): lets tests act mid-run.</summary>
    public Action<string>? OnCall { get; set; }

    public List<object> Requests { get; } = [];

    public int Calls(string action) => _calls.GetValueOrDefault(action);

    public int TotalCalls => _calls.Values.Sum();

    public IEnumerable<T> RequestsOf<T>() => Requests.OfType<T>();

    public Image AddImage(string imageId, Action<Image>? configure = null)
    {
        var image = new Image
        {
            ImageId = imageId,
            Name = "img-" + imageId,
            OwnerId = OwnerId,
            CreationDate = "2024-01-01T00:00:00.000Z",
            State = Amazon.EC2.ImageState.Available,
            RootDeviceType = DeviceType.Ebs,
            BlockDeviceMappings =
            [
                new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = "snap-" + imageId[4..], VolumeSize = 8 } },
            ],
        };
        configure?.Invoke(image);
        Images.Add(image);
        return image;
    }

    public Instance AddInstance(string instanceId, string imageId, string state = "running")
    {
        var instance = new Instance { InstanceId = instanceId, ImageId = imageId, State = new InstanceState { Name = state } };
        Instances.Add(instance);
        return instance;
    }

    public void AddTemplate(string templateId, params string?[] imageIds)
    {
        Templates[templateId] = [.. imageIds.Select((imageId, i) => new LaunchTemplateVersion
        {
            LaunchTemplateId = templateId,
            VersionNumber = i + 1,
            LaunchTemplateData = new ResponseLaunchTemplateData { ImageId = imageId },
        })];
    }

    public SpotInstanceRequest AddSpotRequest(string requestId, string imageId, string state = "open")
    {
        var request = new SpotInstanceRequest
        {
            SpotInstanceRequestId = requestId,
            State = SpotInstanceState.FindValue(state),
            LaunchSpecification = new LaunchSpecification { ImageId = imageId },
        };
        SpotRequests.Add(request);
        return request;
    }

    public SpotFleetRequestConfig AddSpotFleet(string fleetId, string state, params string[] imageIds)
    {
        var fleet = new SpotFleetRequestConfig
        {
            SpotFleetRequestId = fleetId,
            SpotFleetRequestState = BatchState.FindValue(state),
            ConfigData = new SpotFleetRequestConfigData { LaunchSpecifications = [.. imageIds.Select(id => new SpotFleetLaunchSpecification { ImageId = id })] },
        };
        SpotFleets.Add(fleet);
        return fleet;
    }

    /// <summary>The loop token pages from the start again (its answer carries the same token: the listing loops).</summary>
    private static int Offset(string? token) =>
        token is null or LoopToken ? 0 : int.Parse(token.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> all, string? token, int? maxResults, int defaultSize)
    {
        var offset = Offset(token);
        var size = maxResults ?? defaultSize;
        var page = all.Skip(offset).Take(size).ToList();
        return (page, offset + size < all.Count ? "p" + (offset + size).ToString(CultureInfo.InvariantCulture) : null);
    }

    private Task<T> Run<T>(string action, string? requestToken, Func<T> answer)
        where T : class
    {
        var call = _calls.GetValueOrDefault(action);
        _calls[action] = call + 1;
        OnCall?.Invoke(action);
        var fault = Faults.FirstOrDefault(f => f.Action == action && f.OnCall == call);
        if (fault is not null)
        {
            Triggered.Add(fault);
            switch (fault.Kind)
            {
                case FaultKind.Throttled: return Task.FromException<T>(Ec2Exceptions.Throttled());
                case FaultKind.NotImplemented: return Task.FromException<T>(Ec2Exceptions.NotImplemented());
                case FaultKind.Unauthorized: return Task.FromException<T>(Ec2Exceptions.Code("UnauthorizedOperation"));
                case FaultKind.Network: return Task.FromException<T>(new HttpRequestException("connection reset by the fake"));
                case FaultKind.NullResponse: return Task.FromResult<T>(null!);
                default: break;
            }
        }

        if (requestToken == LoopToken)
        {
            return Task.FromResult(WithToken(answer(), LoopToken));
        }

        try
        {
            var response = answer();
            return Task.FromResult(fault?.Kind switch
            {
                FaultKind.RepeatedToken => WithToken(response, requestToken ?? LoopToken),
                FaultKind.UnresolvedAlias => WithAlias(response),
                FaultKind.EmptyPage => WithoutItems(response, requestToken ?? "p0"),
                FaultKind.DroppedToken => WithToken(response, null),
                _ => response,
            });
        }
        catch (AmazonEC2Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private static T WithToken<T>(T response, string? token)
    {
        switch (response)
        {
            case DescribeImagesResponse r: r.NextToken = token; break;
            case DescribeInstancesResponse r: r.NextToken = token; break;
            case DescribeLaunchTemplatesResponse r: r.NextToken = token; break;
            case DescribeLaunchTemplateVersionsResponse r: r.NextToken = token; break;
            case DescribeImageReferencesResponse r: r.NextToken = token; break;
            case DescribeSpotInstanceRequestsResponse r: r.NextToken = token; break;
            case DescribeSpotFleetRequestsResponse r: r.NextToken = token; break;
            default: throw new InvalidOperationException($"{typeof(T).Name} is not paginated.");
        }

        return response;
    }

    private static T WithoutItems<T>(T response, string token)
    {
        switch (response)
        {
            case DescribeImagesResponse r: r.Images = null; break;
            case DescribeInstancesResponse r: r.Reservations = [new Reservation { ReservationId = "r-empty", Instances = null }]; break;
            case DescribeImageReferencesResponse r: r.ImageReferences = null; break;
            case DescribeSpotInstanceRequestsResponse r: r.SpotInstanceRequests = null; break;
            case DescribeSpotFleetRequestsResponse r: r.SpotFleetRequestConfigs = null; break;
            default: throw new InvalidOperationException($"{typeof(T).Name} has no empty page here.");
        }

        return WithToken(response, token);
    }

    private static T WithAlias<T>(T response)
    {
        if (response is DescribeLaunchTemplateVersionsResponse { LaunchTemplateVersions: [var first, ..] })
        {
            first.LaunchTemplateData = new ResponseLaunchTemplateData { ImageId = "resolve:ssm:/golden/ami" };
        }

        return response;
    }
}
