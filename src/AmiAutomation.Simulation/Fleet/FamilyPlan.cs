namespace AmiAutomation.Simulation.Fleet;

/// <summary>One generated family: where it is built, how often, what traits it carries.</summary>
internal sealed record FamilyPlan
{
    public required string Name { get; init; }
    public required FamilyStyle Style { get; init; }
    public required string HomeRegion { get; init; }
    public required int Builds { get; init; }
    public required double CadenceDays { get; init; }
    public required bool FamilyTagged { get; init; }
    public required IReadOnlyList<string> CopyTo { get; init; }
    public required bool Encrypted { get; init; }
    public required int? DeprecateAfterDays { get; init; }
    public required bool HasLaunchTemplate { get; init; }
    public required bool HasSsmParameter { get; init; }
}
