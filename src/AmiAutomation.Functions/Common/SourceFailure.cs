namespace AmiAutomation.Functions.Common;

/// <summary>An inventory source that failed or looked truncated (names from <see cref="AmiAutomation.Core.Inventory.InventorySource"/>).</summary>
public sealed record SourceFailure(string Source, string Status, string? Error);
