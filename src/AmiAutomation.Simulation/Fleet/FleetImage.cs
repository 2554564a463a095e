namespace AmiAutomation.Simulation.Fleet;

/// <summary>A generated original, remembered for copies and references.</summary>
internal sealed record FleetImage(string Region, string ImageId, string Name, DateTimeOffset Created, DateTimeOffset? DeprecationTime, bool Usable);
