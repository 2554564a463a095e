using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Cli.Planning;

/// <summary>One region planned: the summary for the report, the inventory read and every decision by function
/// (<c>deprecate</c>, <c>expire</c>, <c>copy</c>: what <c>plan --all</c> lists and <c>explain</c> reads).</summary>
internal sealed record RegionResult(RegionPlan Plan, InventorySnapshot Inventory, IReadOnlyDictionary<string, IReadOnlyList<Decision>> Decisions);
