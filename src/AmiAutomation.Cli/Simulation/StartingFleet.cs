namespace AmiAutomation.Cli.Simulation;

/// <summary>The fleet at the start of a simulated run, counted from the simulator.</summary>
public sealed record StartingFleet(
    int Images,
    int Families,
    int Instances,
    int LaunchTemplates,
    int ImagesManagedByOthers,
    IReadOnlyDictionary<string, int> ImagesByRegion);
