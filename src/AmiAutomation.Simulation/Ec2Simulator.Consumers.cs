using AmiAutomation.Simulation.State;

namespace AmiAutomation.Simulation;

/// <summary>Seeding and inspection of the launchers other than instances and launch templates: Auto Scaling launch
/// configurations, Spot Instance requests, Spot Fleet requests and EC2 Fleets.</summary>
public sealed partial class Ec2Simulator
{
    private static readonly HashSet<string> SpotRequestStates = new(StringComparer.Ordinal) { "open", "active", "closed", "cancelled", "failed", "disabled" };

    private static readonly HashSet<string> SpotFleetStates = new(StringComparer.Ordinal)
    {
        "submitted", "active", "cancelled", "failed", "cancelled_running", "cancelled_terminating", "modifying",
    };

    private static readonly HashSet<string> FleetStates = new(StringComparer.Ordinal)
    {
        "submitted", "active", "modifying", "deleted", "failed", "deleted_running", "deleted_terminating",
    };

    /// <summary>An Auto Scaling launch configuration named <paramref name="name"/> launching <paramref name="imageId"/>.</summary>
    public void AddLaunchConfiguration(string region, string name, string imageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(imageId);
        Locked(now =>
        {
            var state = RegionLocked(CheckRegion(region));
            if (state.LaunchConfigurations.Contains(name))
            {
                throw new ArgumentException($"Launch configuration {name} already exists in {region}.", nameof(name));
            }

            state.LaunchConfigurations.Add(name, new SimLaunchConfiguration { Name = name, ImageId = imageId, CreatedTime = now });
            return 0;
        });
    }

    public void DeleteLaunchConfiguration(string region, string name) =>
        Locked(_ => RegionLocked(CheckRegion(region)).LaunchConfigurations.Remove(name)
            ? 0
            : throw new ArgumentException($"Launch configuration {name} does not exist in {region}.", nameof(name)));

    /// <summary>A Spot Instance request for <paramref name="imageId"/> (state open|active|closed|cancelled|failed|disabled,
    /// type persistent|one-time). Returns its id (sir-…).</summary>
    public string AddSpotRequest(string region, string imageId, string state = "open", string type = "persistent", string? instanceId = null)
    {
        CheckState(SpotRequestStates, state, "Spot request");
        if (type is not ("persistent" or "one-time"))
        {
            throw new ArgumentException($"Unknown Spot request type '{type}'.", nameof(type));
        }

        return Locked(now =>
        {
            var request = new SimSpotRequest
            {
                SpotInstanceRequestId = Ids.Next("sir"), ImageId = imageId, CreateTime = now, Type = type, State = state, InstanceId = instanceId,
            };
            RegionLocked(CheckRegion(region)).SpotRequests.Add(request.SpotInstanceRequestId, request);
            return request.SpotInstanceRequestId;
        });
    }

    public void SetSpotRequestState(string region, string requestId, string state, string? instanceId = null)
    {
        CheckState(SpotRequestStates, state, "Spot request");
        Locked(_ =>
        {
            var request = RegionLocked(CheckRegion(region)).SpotRequests.Find(requestId)
                ?? throw new ArgumentException($"Spot request {requestId} does not exist in {region}.", nameof(requestId));
            request.State = state;
            request.InstanceId = instanceId;
            return 0;
        });
    }

    /// <summary>A Spot Fleet request with one launch specification per image id and optional launch-template configs
    /// (template id, version). Returns its id (sfr-…).</summary>
    public string AddSpotFleet(string region, IEnumerable<string> launchSpecificationImageIds, string state = "active", IEnumerable<(string TemplateId, string Version)>? launchTemplateConfigs = null)
    {
        ArgumentNullException.ThrowIfNull(launchSpecificationImageIds);
        CheckState(SpotFleetStates, state, "Spot Fleet");
        return Locked(now =>
        {
            var fleet = new SimSpotFleet { SpotFleetRequestId = Ids.Next("sfr"), CreateTime = now, State = state };
            fleet.LaunchSpecificationImageIds.AddRange(launchSpecificationImageIds);
            fleet.LaunchTemplateConfigs.AddRange(launchTemplateConfigs ?? []);
            RegionLocked(CheckRegion(region)).SpotFleets.Add(fleet.SpotFleetRequestId, fleet);
            return fleet.SpotFleetRequestId;
        });
    }

    public void SetSpotFleetState(string region, string fleetId, string state)
    {
        CheckState(SpotFleetStates, state, "Spot Fleet");
        Locked(_ =>
        {
            (RegionLocked(CheckRegion(region)).SpotFleets.Find(fleetId)
                ?? throw new ArgumentException($"Spot Fleet {fleetId} does not exist in {region}.", nameof(fleetId))).State = state;
            return 0;
        });
    }

    /// <summary>An EC2 Fleet (type instant|maintain|request) on a launch template, with image ids in its overrides.
    /// Returns its id (fleet-…).</summary>
    public string AddFleet(string region, string type, string launchTemplateId, IEnumerable<string>? overrideImageIds = null, string state = "active")
    {
        CheckState(FleetStates, state, "EC2 Fleet");
        if (type is not ("instant" or "maintain" or "request"))
        {
            throw new ArgumentException($"Unknown EC2 Fleet type '{type}'.", nameof(type));
        }

        return Locked(now =>
        {
            var fleet = new SimFleet { FleetId = Ids.Next("fleet"), CreateTime = now, Type = type, State = state, LaunchTemplateId = launchTemplateId };
            fleet.OverrideImageIds.AddRange(overrideImageIds ?? []);
            RegionLocked(CheckRegion(region)).Fleets.Add(fleet.FleetId, fleet);
            return fleet.FleetId;
        });
    }

    public int LaunchConfigurationCount(string region) => Locked(_ => RegionLocked(CheckRegion(region)).LaunchConfigurations.Count);

    /// <summary>
    /// Every image something in the region can still launch, by kind: instances not terminated, launch template versions,
    /// launch configurations, Spot requests that are open/active/disabled, Spot Fleets that can launch (launch
    /// specifications and their launch templates' versions), EC2 Fleets that are not deleted (overrides, templates) and
    /// references only DescribeImageReferences reports. What a safety check must never see deregistered.
    /// </summary>
    public IReadOnlyList<(string ImageId, string Kind, string ResourceId)> ImagesInUse(string region) =>
        Locked(_ => (IReadOnlyList<(string, string, string)>)SimulatedConsumers.Of(RegionLocked(CheckRegion(region))).ToList());

    private static void CheckState(HashSet<string> known, string state, string what)
    {
        if (!known.Contains(state))
        {
            throw new ArgumentException($"Unknown {what} state '{state}'.", nameof(state));
        }
    }
}
