using AmiAutomation.Core.Images;

namespace AmiAutomation.Cli.Simulation;

/// <summary>A family the simulated build pipeline keeps building: where, how often, and what each build looks like.</summary>
internal sealed class BuildFamily
{
    public required string Key { get; init; }
    public required string Region { get; init; }
    public required TimeSpan Cadence { get; init; }
    public required DateTimeOffset NextBuildAt { get; set; }

    /// <summary>The newest build: tags, snapshot sizes and encryption are carried over to the next one.</summary>
    public required AmiImage Latest { get; set; }

    /// <summary>Running instances launched from this family's images (rolled on each new build).</summary>
    public List<string> Instances { get; } = [];

    public string? LaunchTemplateId { get; set; }

    public int Builds { get; set; }
}
