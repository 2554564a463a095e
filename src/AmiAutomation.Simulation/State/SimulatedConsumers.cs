namespace AmiAutomation.Simulation.State;

/// <summary>
/// The simulator's ground truth of "in use": everything in a region that can still launch an image. EC2 Fleet overrides
/// are left out on purpose: EC2 honours their image id only for <c>instant</c> fleets, which launch once at creation and
/// never again (maintain/request fleets take the image from their launch template, listed with the templates).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_FleetLaunchTemplateOverrides.html
/// </summary>
internal static class SimulatedConsumers
{
    public static readonly IReadOnlySet<string> LaunchableSpotRequestStates = new HashSet<string>(StringComparer.Ordinal) { "open", "active", "disabled" };

    public static readonly IReadOnlySet<string> LaunchableSpotFleetStates = new HashSet<string>(StringComparer.Ordinal) { "submitted", "active", "modifying" };

    public static IEnumerable<(string ImageId, string Kind, string ResourceId)> Of(RegionState region)
    {
        foreach (var instance in region.Instances.All.Where(i => i.State != "terminated"))
        {
            yield return (instance.ImageId, "instance", instance.InstanceId);
        }

        foreach (var template in region.LaunchTemplates.All)
        {
            foreach (var version in template.Versions.Where(v => v.ImageId is not null))
            {
                yield return (version.ImageId!, "launch-template", $"{template.LaunchTemplateId}:{version.VersionNumber}");
            }
        }

        foreach (var configuration in region.LaunchConfigurations.All)
        {
            yield return (configuration.ImageId, "launch-configuration", configuration.Name);
        }

        foreach (var request in region.SpotRequests.All.Where(r => LaunchableSpotRequestStates.Contains(r.State)))
        {
            yield return (request.ImageId, "spot-request", request.SpotInstanceRequestId);
        }

        foreach (var fleet in region.SpotFleets.All.Where(f => LaunchableSpotFleetStates.Contains(f.State)))
        {
            foreach (var imageId in fleet.LaunchSpecificationImageIds)
            {
                yield return (imageId, "spot-fleet", fleet.SpotFleetRequestId);
            }
        }

        foreach (var reference in region.AllExternalReferences)
        {
            yield return (reference.ImageId, reference.ResourceType, reference.Arn);
        }
    }
}
