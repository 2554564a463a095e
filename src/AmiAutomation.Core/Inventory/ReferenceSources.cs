namespace AmiAutomation.Core.Inventory;

/// <summary>The inventory sources that find what still launches from an image (the in-use check). With all of them
/// switched off, nothing checks whether an image is in use.</summary>
public static class ReferenceSources
{
    public static IReadOnlySet<InventorySource> All { get; } = new HashSet<InventorySource>
    {
        InventorySource.Instances,
        InventorySource.LaunchTemplates,
        InventorySource.ImageReferences,
        InventorySource.LaunchConfigurations,
        InventorySource.SpotRequests,
        InventorySource.SpotFleets,
    };
}
