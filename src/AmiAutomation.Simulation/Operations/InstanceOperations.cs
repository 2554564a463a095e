using AmiAutomation.Simulation.State;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Operations;

/// <summary>DescribeInstances (terminated instances stay visible for <see cref="SimulatorOptions.TerminatedInstanceVisibility"/>;
/// MaxResults 5–1000 and not with InstanceIds), plus RunInstances (by image or launch template; a disabled image fails, see <see cref="SimulatedErrorCodes.LaunchDisabledImage"/>)/TerminateInstances for test setups.</summary>
internal static class InstanceOperations
{
    private const string Scope = "DescribeInstances";

    private static readonly HashSet<string> KnownFilters = new(StringComparer.Ordinal)
    {
        "image-id", "instance-id", "instance-state-name", "instance-state-code", "instance-type", "reservation-id",
        "tag-key", "tag-value", "launch-time",
    };

    public static DescribeInstancesResponse Describe(OperationContext context, DescribeInstancesRequest request)
    {
        var byId = request.InstanceIds is { Count: > 0 };
        if (byId && request.MaxResults is not null)
        {
            throw Ec2Errors.InvalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        }

        PageToken.CheckRange(request.MaxResults, 5, 1000);
        var filters = FilterSet.Compile(request.Filters, KnownFilters);
        var start = PageToken.Decode(Scope, request.NextToken);
        var region = context.Region;
        IEnumerable<(int, SimInstance)> candidates;
        if (byId)
        {
            var ids = request.InstanceIds!.Distinct(StringComparer.Ordinal).ToList();
            var malformed = ids.Find(id => !ResourceIds.IsInstanceId(id));
            if (malformed is not null)
            {
                throw Ec2Errors.Create("InvalidInstanceID.Malformed", $"Invalid id: \"{malformed}\"");
            }

            var unknown = ids.Where(id => region.Instances.Find(id) is not { } i || !IsVisible(context, i)).ToList();
            if (unknown.Count > 0)
            {
                throw Ec2Errors.Create("InvalidInstanceID.NotFound", $"The instance IDs '{string.Join(", ", unknown)}' do not exist");
            }

            candidates = ids.Select((id, position) => (position, region.Instances.Find(id)!)).Where(e => e.position >= start);
        }
        else if (filters.LiteralValues("image-id") is { } imageIds)
        {
            // Index path: only the instances of the named images, in their global order.
            candidates = imageIds.SelectMany(region.InstancesOf)
                .Select(i => (Position: region.Instances.PositionOf(i.InstanceId), Instance: i))
                .Where(e => e.Position >= start)
                .OrderBy(e => e.Position)
                .Select(e => (e.Position, e.Instance));
        }
        else
        {
            candidates = region.Instances.From(start);
        }

        context.Commit();
        var matches = candidates.Where(e => !context.Blind && IsVisible(context, e.Item2) && filters.Matches(e.Item2, FilterValues));
        var (page, next) = PageToken.Page(matches, request.MaxResults, Scope);
        var reservations = new List<Reservation>();
        foreach (var instance in page)
        {
            if (reservations.Count == 0 || reservations[^1].ReservationId != instance.ReservationId)
            {
                reservations.Add(new Reservation { ReservationId = instance.ReservationId, OwnerId = context.AccountId, Instances = [] });
            }

            reservations[^1].Instances.Add(ToSdk(instance));
        }

        return new DescribeInstancesResponse { Reservations = SdkLists.OrNull(reservations), NextToken = next, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static RunInstancesResponse Run(OperationContext context, RunInstancesRequest request)
    {
        var image = ImageAccess.Registered(context, ImageIdOf(context, request));
        if (image.Status == ImageStatus.Disabled)
        {
            throw Ec2Errors.Create(SimulatedErrorCodes.LaunchDisabledImageFor(context.World.Options), $"The image id '[{image.ImageId}]' is not available: it is disabled");
        }

        if (image.Status != ImageStatus.Available)
        {
            throw Ec2Errors.ImageUnavailable(image.ImageId, $"it is {ImageMapper.StateOf(image.Status).Value}");
        }

        var count = request.MaxCount ?? request.MinCount ?? 1;
        if (count < 1 || (request.MinCount ?? 1) > count)
        {
            throw Ec2Errors.InvalidParameterValue("MinCount and MaxCount must be at least 1 and MinCount ≤ MaxCount.");
        }

        var tagSpecifications = TagSpecifications.Validate(request.TagSpecifications, "instance", "volume", "network-interface");
        context.Commit();
        var world = context.World;
        var reservationId = world.Ids.Next("r");
        var instances = new List<Instance>();
        for (var i = 0; i < count; i++)
        {
            var instance = new SimInstance
            {
                InstanceId = world.Ids.Next("i"),
                ReservationId = reservationId,
                ImageId = image.ImageId,
                LaunchTime = context.Now,
                InstanceType = request.InstanceType?.Value ?? "m1.small",
                State = "running",
            };
            TagSpecifications.Apply(tagSpecifications, "instance", instance.Tags);
            context.Region.AddInstance(instance);
            var launched = ToSdk(instance);
            launched.State = new InstanceState { Name = InstanceStateName.Pending, Code = 0 };
            instances.Add(launched);
        }

        image.LastLaunchedTime = context.Now;
        return new RunInstancesResponse
        {
            Reservation = new Reservation { ReservationId = reservationId, OwnerId = context.AccountId, Instances = instances },
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };
    }

    /// <summary>The request's ImageId, else its launch template version's (a version number, <c>$Latest</c> or
    /// <c>$Default</c>; omitted = <c>$Default</c>), as EC2 resolves a launch from a template.</summary>
    private static string? ImageIdOf(OperationContext context, RunInstancesRequest request)
    {
        if (!string.IsNullOrEmpty(request.ImageId) || request.LaunchTemplate is not { } spec)
        {
            return request.ImageId;
        }

        var template = spec.LaunchTemplateId is { } id
            ? LaunchTemplateOperations.ById(context.Region, id)
            : context.Region.LaunchTemplatesByName.GetValueOrDefault(spec.LaunchTemplateName ?? string.Empty)
                ?? throw LaunchTemplateOperations.NameNotFound(spec.LaunchTemplateName ?? string.Empty);
        return LaunchTemplateOperations.Resolve(template, string.IsNullOrEmpty(spec.Version) ? "$Default" : spec.Version).ImageId
            ?? throw Ec2Errors.MissingParameter("ImageId");
    }

    public static TerminateInstancesResponse Terminate(OperationContext context, TerminateInstancesRequest request)
    {
        if (request.InstanceIds is not { Count: > 0 })
        {
            throw Ec2Errors.MissingParameter("InstanceId");
        }

        var region = context.Region;
        var targets = request.InstanceIds.Select(id => region.Instances.Find(id)
            ?? throw Ec2Errors.Create("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist")).ToList();
        context.Commit();
        var changes = new List<InstanceStateChange>();
        foreach (var instance in targets)
        {
            var previous = instance.State;
            if (previous != "terminated")
            {
                instance.State = "terminated";
                instance.TerminatedAt = context.Now;
            }

            changes.Add(new InstanceStateChange
            {
                InstanceId = instance.InstanceId,
                PreviousState = new InstanceState { Name = InstanceStateName.FindValue(previous), Code = SimInstance.StateCode(previous) },
                CurrentState = previous == "terminated"
                    ? new InstanceState { Name = InstanceStateName.Terminated, Code = 48 }
                    : new InstanceState { Name = InstanceStateName.ShuttingDown, Code = 32 },
            });
        }

        return new TerminateInstancesResponse { TerminatingInstances = changes, HttpStatusCode = System.Net.HttpStatusCode.OK };
    }

    public static bool IsVisible(OperationContext context, SimInstance instance) =>
        instance.TerminatedAt is not { } at || context.Now - at < context.World.Options.TerminatedInstanceVisibility;

    private static Instance ToSdk(SimInstance instance) => new()
    {
        InstanceId = instance.InstanceId,
        ImageId = instance.ImageId,
        InstanceType = InstanceType.FindValue(instance.InstanceType),
        LaunchTime = instance.LaunchTime.UtcDateTime,
        State = new InstanceState { Name = InstanceStateName.FindValue(instance.State), Code = SimInstance.StateCode(instance.State) },
        Tags = ImageMapper.Tags(instance.Tags),
    };

    private static IEnumerable<string?> FilterValues(SimInstance instance, string name) => name switch
    {
        "image-id" => [instance.ImageId],
        "instance-id" => [instance.InstanceId],
        "instance-state-name" => [instance.State],
        "instance-state-code" => [SimInstance.StateCode(instance.State).ToString(System.Globalization.CultureInfo.InvariantCulture)],
        "instance-type" => [instance.InstanceType],
        "reservation-id" => [instance.ReservationId],
        "launch-time" => [TimeFormat.Iso(instance.LaunchTime)],
        _ => FilterSet.TagValues(instance.Tags, name),
    };
}
