using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.References;

namespace AmiAutomation.Core.Tests.Support;

internal static class TestInventory
{
    public static IReadOnlyList<SourceReport> CompleteSources { get; } =
        [.. Enum.GetValues<InventorySource>().Select(s => new SourceReport(s, SourceStatus.Complete, 10, 1))];

    public static InventorySnapshot Of(params AmiImage[] images) => Of(images, []);

    public static InventorySnapshot Of(IEnumerable<AmiImage> images, IEnumerable<ImageReference> references, IReadOnlyList<SourceReport>? sources = null) =>
        new(TestImages.Region, TestImages.Account, [.. images], new ReferenceIndex(references), sources ?? CompleteSources);

    public static InventorySnapshot WithSource(this InventorySnapshot inventory, InventorySource source, SourceStatus status, string? error = null) =>
        inventory with
        {
            Sources = [.. inventory.Sources.Select(s => s.Source == source ? new SourceReport(source, status, 0, 1, error) : s)],
        };
}
