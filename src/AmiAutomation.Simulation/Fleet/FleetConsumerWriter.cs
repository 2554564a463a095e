namespace AmiAutomation.Simulation.Fleet;

/// <summary>
/// The launchers besides instances and launch templates, mostly pinning old builds (where a wrong deregistration would
/// hurt): Auto Scaling launch configurations, Spot requests in every state (closed/cancelled/failed pin nothing), Spot
/// Fleets in every state (some with launch-template configs) and instant EC2 Fleets whose overrides name an old build
/// (launched once; they pin nothing). Drawn from <see cref="FleetBuild.ConsumerRandom"/>.
/// </summary>
internal static class FleetConsumerWriter
{
    private static readonly string[] SpotRequestStates = ["open", "active", "disabled", "closed", "cancelled", "failed"];
    private static readonly string[] SpotFleetStates = ["submitted", "active", "modifying", "cancelled", "failed", "cancelled_running", "cancelled_terminating"];

    public static void Write(FleetBuild context, FamilyPlan family, IReadOnlyList<FleetImage> builds, string? templateId)
    {
        var random = context.ConsumerRandom;
        var simulator = context.Simulator;
        var region = family.HomeRegion;
        string OldBuild() => builds[random.Next(Math.Max(1, builds.Count - 1))].ImageId;

        if (random.NextDouble() < 0.08)
        {
            simulator.AddLaunchConfiguration(region, $"{family.Name}-lc-{context.ConsumerCount("launch-configuration")}", OldBuild());
        }

        if (random.NextDouble() < 0.08)
        {
            var state = SpotRequestStates[random.Next(SpotRequestStates.Length)];
            simulator.AddSpotRequest(region, OldBuild(), state, random.NextDouble() < 0.7 ? "persistent" : "one-time");
            context.ConsumerCount("spot-request-" + state);
        }

        if (random.NextDouble() < 0.05)
        {
            var state = SpotFleetStates[random.Next(SpotFleetStates.Length)];
            var configs = templateId is not null && random.NextDouble() < 0.5 ? new[] { (templateId, "$Latest") } : null;
            simulator.AddSpotFleet(region, [OldBuild()], state, configs);
            context.ConsumerCount("spot-fleet-" + state);
        }

        if (templateId is not null && random.NextDouble() < 0.03)
        {
            simulator.AddFleet(region, "instant", templateId, [OldBuild()]);
            context.ConsumerCount("ec2-fleet-instant");
        }
    }
}
