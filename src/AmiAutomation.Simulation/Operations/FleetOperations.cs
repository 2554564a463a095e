using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>DescribeFleets (EC2 Fleet; MaxResults 1–1000, filters fleet-state and type), in creation order.</summary>
internal static class FleetOperations
{
    private static readonly HashSet<string> Filters = new(StringComparer.Ordinal) { "fleet-state", "type" };

    public static DescribeFleetsResponse Describe(OperationContext context, DescribeFleetsRequest request)
    {
        const string Scope = "DescribeFleets";
        PageToken.CheckRange(request.MaxResults, 1, 1000);
        var filters = FilterSet.Compile(request.Filters, Filters, allowTagFilters: false);
        var start = PageToken.Decode(Scope, request.NextToken);
        HashSet<string>? ids = request.FleetIds is { Count: > 0 } wanted ? new HashSet<string>(wanted, StringComparer.Ordinal) : null;
        context.Commit();
        var matches = context.Region.Fleets.From(start)
            .Where(e => (ids is null || ids.Contains(e.Item.FleetId)) && filters.Matches(e.Item, FilterValues));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        return new DescribeFleetsResponse
        {
            Fleets = SdkLists.OrNull(page.Select(ToSdk).ToList()),
            NextToken = next,
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    private static FleetData ToSdk(SimFleet fleet) => new()
    {
        FleetId = fleet.FleetId,
        FleetState = FleetStateCode.FindValue(fleet.State),
        Type = FleetType.FindValue(fleet.Type),
        CreateTime = fleet.CreateTime.UtcDateTime,
        LaunchTemplateConfigs =
        [
            new FleetLaunchTemplateConfig
            {
                LaunchTemplateSpecification = new FleetLaunchTemplateSpecification { LaunchTemplateId = fleet.LaunchTemplateId, Version = fleet.Version },
                Overrides = SdkLists.OrNull(fleet.OverrideImageIds.Select(imageId => new FleetLaunchTemplateOverrides { ImageId = imageId }).ToList()),
            },
        ],
    };

    private static IEnumerable<string?> FilterValues(SimFleet fleet, string name) => name switch
    {
        "fleet-state" => [fleet.State],
        "type" => [fleet.Type],
        _ => [],
    };
}
