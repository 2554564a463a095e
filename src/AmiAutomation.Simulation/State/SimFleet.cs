namespace AmiAutomation.Simulation.State;

/// <summary>An EC2 Fleet: type instant|maintain|request, state, its launch template and the image ids of its overrides
/// (honoured by EC2 only for instant fleets).</summary>
internal sealed class SimFleet
{
    public required string FleetId { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string Type { get; init; }

    /// <summary>submitted|active|modifying|deleted|failed|deleted_running|deleted_terminating.</summary>
    public string State { get; set; } = "active";

    public required string LaunchTemplateId { get; init; }
    public string Version { get; init; } = "$Default";
    public List<string> OverrideImageIds { get; } = [];
}
