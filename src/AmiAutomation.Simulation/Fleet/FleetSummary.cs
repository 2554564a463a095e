namespace AmiAutomation.Simulation.Fleet;

/// <summary>What <see cref="FleetGenerator.Generate"/> put into the simulator.</summary>
public sealed record FleetSummary
{
    public required int Images { get; init; }
    public required int Copies { get; init; }
    public required int Snapshots { get; init; }
    public required int Instances { get; init; }
    public required int LaunchTemplates { get; init; }
    public required int LaunchTemplateVersions { get; init; }
    public required int ExternalReferences { get; init; }
    public required IReadOnlyDictionary<string, int> ImagesByRegion { get; init; }
    public required IReadOnlyList<string> Families { get; init; }

    /// <summary>Images per notable trait (public, shared, disabled, deprecated, protected, keep, instance-store,
    /// dlm, aws-backup, image-builder, failed, pending, expires-at).</summary>
    public required IReadOnlyDictionary<string, int> Traits { get; init; }
}
