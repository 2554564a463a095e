namespace AmiAutomation.Cli.Planning;

/// <summary>How one inventory source fared (see <see cref="AmiAutomation.Core.Inventory.SourceReport"/>).</summary>
public sealed record PlanSource(string Source, string Status, int Items, int Calls, string? Error);
