namespace AmiAutomation.Simulation.State;

/// <summary>A Spot Fleet request: its state, the images of its launch specifications and its launch-template configs.</summary>
internal sealed class SimSpotFleet
{
    public required string SpotFleetRequestId { get; init; }
    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>submitted|active|cancelled|failed|cancelled_running|cancelled_terminating|modifying.</summary>
    public string State { get; set; } = "active";

    public List<string> LaunchSpecificationImageIds { get; } = [];

    /// <summary>(launch template id, version) pairs; overrides carry no image id.</summary>
    public List<(string TemplateId, string Version)> LaunchTemplateConfigs { get; } = [];
}
