using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>DescribeSpotInstanceRequests (MaxResults 5–1000, filters state, launch.image-id, type, instance-id,
/// spot-instance-request-id) and DescribeSpotFleetRequests (MaxResults 1–1000, no filters), in creation order.</summary>
internal static class SpotOperations
{
    private static readonly HashSet<string> RequestFilters = new(StringComparer.Ordinal)
    {
        "state", "launch.image-id", "type", "instance-id", "spot-instance-request-id", "create-time",
    };

    public static DescribeSpotInstanceRequestsResponse DescribeRequests(OperationContext context, DescribeSpotInstanceRequestsRequest request)
    {
        const string Scope = "DescribeSpotInstanceRequests";
        PageToken.CheckRange(request.MaxResults, 5, 1000);
        var filters = FilterSet.Compile(request.Filters, RequestFilters);
        var start = PageToken.Decode(Scope, request.NextToken);
        var region = context.Region;
        HashSet<string>? ids = null;
        if (request.SpotInstanceRequestIds is { Count: > 0 } wanted)
        {
            var missing = wanted.Where(id => !region.SpotRequests.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                throw Ec2Errors.Create("InvalidSpotInstanceRequestID.NotFound", $"The spot instance request ID '{missing[0]}' does not exist");
            }

            ids = new HashSet<string>(wanted, StringComparer.Ordinal);
        }

        context.Commit();
        var matches = region.SpotRequests.From(start)
            .Where(e => (ids is null || ids.Contains(e.Item.SpotInstanceRequestId)) && filters.Matches(e.Item, RequestFilterValues));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        return new DescribeSpotInstanceRequestsResponse
        {
            SpotInstanceRequests = SdkLists.OrNull(page.Select(r => new SpotInstanceRequest
            {
                SpotInstanceRequestId = r.SpotInstanceRequestId,
                State = SpotInstanceState.FindValue(r.State),
                Type = SpotInstanceType.FindValue(r.Type),
                InstanceId = r.InstanceId,
                CreateTime = r.CreateTime.UtcDateTime,
                LaunchSpecification = new LaunchSpecification { ImageId = r.ImageId, InstanceType = InstanceType.T3Micro },
            }).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    public static DescribeSpotFleetRequestsResponse DescribeFleets(OperationContext context, DescribeSpotFleetRequestsRequest request)
    {
        const string Scope = "DescribeSpotFleetRequests";
        PageToken.CheckRange(request.MaxResults, 1, 1000);
        var start = PageToken.Decode(Scope, request.NextToken);
        var region = context.Region;
        HashSet<string>? ids = request.SpotFleetRequestIds is { Count: > 0 } wanted ? new HashSet<string>(wanted, StringComparer.Ordinal) : null;
        context.Commit();
        var matches = region.SpotFleets.From(start).Where(e => ids is null || ids.Contains(e.Item.SpotFleetRequestId));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        return new DescribeSpotFleetRequestsResponse
        {
            SpotFleetRequestConfigs = SdkLists.OrNull(page.Select(f => ToSdk(f, context.AccountId)).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    private static SpotFleetRequestConfig ToSdk(SimSpotFleet fleet, string accountId) => new()
    {
        SpotFleetRequestId = fleet.SpotFleetRequestId,
        SpotFleetRequestState = BatchState.FindValue(fleet.State),
        CreateTime = fleet.CreateTime.UtcDateTime,
        ConfigData = new SpotFleetRequestConfigData
        {
            IamFleetRole = $"arn:aws:iam::{accountId}:role/aws-ec2-spot-fleet-tagging-role",
            TargetCapacity = Math.Max(1, fleet.LaunchSpecificationImageIds.Count + fleet.LaunchTemplateConfigs.Count),
            LaunchSpecifications = SdkLists.OrNull(fleet.LaunchSpecificationImageIds
                .Select(imageId => new SpotFleetLaunchSpecification { ImageId = imageId, InstanceType = InstanceType.T3Micro })
                .ToList()),
            LaunchTemplateConfigs = SdkLists.OrNull(fleet.LaunchTemplateConfigs
                .Select(c => new LaunchTemplateConfig
                {
                    LaunchTemplateSpecification = new FleetLaunchTemplateSpecification { LaunchTemplateId = c.TemplateId, Version = c.Version },
                    Overrides = [new LaunchTemplateOverrides { InstanceType = InstanceType.T3Micro }],
                })
                .ToList()),
        },
    };

    private static IEnumerable<string?> RequestFilterValues(SimSpotRequest request, string name) => name switch
    {
        "state" => [request.State],
        "launch.image-id" => [request.ImageId],
        "type" => [request.Type],
        "instance-id" => [request.InstanceId],
        "spot-instance-request-id" => [request.SpotInstanceRequestId],
        "create-time" => [TimeFormat.Iso(request.CreateTime)],
        _ => [],
    };
}
