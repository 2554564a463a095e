using System.Globalization;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Core.Planning;

namespace AmiAutomation.Cli.Planning;

/// <summary>Turns a region's decisions into one <see cref="PlanRow"/> per AMI (the planners' reasons, unchanged),
/// then filters and sorts them as <c>plan</c> was asked.</summary>
internal static class PlanRows
{
    public static readonly string[] Sorts = ["family", "age", "id"];

    /// <summary>Every image of the inventory, one row each.</summary>
    public static IEnumerable<PlanRow> Of(string region, InventorySnapshot inventory, IReadOnlyDictionary<string, IReadOnlyList<Decision>> decisions, DateTimeOffset at)
    {
        var byImage = new Dictionary<string, List<(string Function, Decision Decision)>>(StringComparer.Ordinal);
        foreach (var function in new[] { "deprecate", "expire", "copy" }.Where(decisions.ContainsKey))
        {
            foreach (var decision in decisions[function])
            {
                if (!byImage.TryGetValue(decision.Image.ImageId, out var list))
                {
                    byImage[decision.Image.ImageId] = list = [];
                }

                list.Add((function, decision));
            }
        }

        foreach (var image in inventory.Images)
        {
            var mine = byImage.TryGetValue(image.ImageId, out var list) ? list : [];
            yield return new PlanRow
            {
                Region = region,
                ImageId = image.ImageId,
                Name = image.Name,
                Family = mine.Count > 0 ? mine[0].Decision.Family : string.Empty,
                CreationDate = image.CreationDate,
                AgeDays = (long)Math.Floor((at - image.CreationDate).TotalDays),
                State = image.State.ToString().ToLowerInvariant() + (image.DeprecationTime is { } d && d <= at ? ", deprecated" : string.Empty),
                DeprecationTime = image.DeprecationTime,
                Functions = [.. mine.GroupBy(m => m.Function, StringComparer.Ordinal).Select(g => Cell(g.Key, [.. g.Select(m => m.Decision)]))],
            };
        }
    }

    /// <summary>A function's decisions for one image (copy has one per destination) as one cell; acting ones first.</summary>
    private static PlanCell Cell(string function, IReadOnlyList<Decision> decisions)
    {
        var acting = decisions.Where(d => d.Acts).ToList();
        if (acting.Count == 0)
        {
            var first = decisions[0];
            return new PlanCell(function, PlanCell.Keep, first.PrimaryReason.ToString(), [.. decisions.SelectMany(d => d.Reasons).Select(r => r.ToString()).Distinct(StringComparer.Ordinal)], null);
        }

        var when = string.Join(", ", acting.Select(d => d.DeprecateAt is { } at ? at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : d.TargetRegion).Where(w => w is not null));
        return new PlanCell(function, acting[0].Action.ToString(), acting[0].PrimaryReason.ToString(),
            [.. acting.SelectMany(d => d.Reasons).Select(r => r.ToString()).Distinct(StringComparer.Ordinal)], when.Length > 0 ? when : null);
    }

    /// <summary>Rows kept by <paramref name="family"/> (exact) and <paramref name="action"/> (an action such as
    /// <c>deprecate</c>, <c>deregister</c>, <c>copy</c>, <c>keep</c>, or a reason code such as <c>NewestInFamily</c>; any case).</summary>
    public static IEnumerable<PlanRow> Filter(IEnumerable<PlanRow> rows, string? family, string? action) =>
        rows.Where(r => family is null || string.Equals(r.Family, family, StringComparison.Ordinal))
            .Where(r => action is null || r.Functions.Any(f => Matches(f, action)));

    private static bool Matches(PlanCell cell, string action) =>
        string.Equals(cell.Action, action, StringComparison.OrdinalIgnoreCase)
        || string.Equals(cell.Action.Replace("FinishCopy", "finish-copy", StringComparison.Ordinal), action, StringComparison.OrdinalIgnoreCase)
        || string.Equals(cell.Reason, action, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>family</c>: by family, newest first within it; <c>age</c>: oldest first; <c>id</c>: by image id.</summary>
    public static IEnumerable<PlanRow> Sort(IEnumerable<PlanRow> rows, string sort) => sort switch
    {
        "age" => rows.OrderBy(r => r.CreationDate).ThenBy(r => r.ImageId, StringComparer.Ordinal),
        "id" => rows.OrderBy(r => r.ImageId, StringComparer.Ordinal).ThenBy(r => r.Region, StringComparer.Ordinal),
        _ => rows.OrderBy(r => r.Family, StringComparer.Ordinal).ThenByDescending(r => r.CreationDate).ThenBy(r => r.ImageId, StringComparer.Ordinal),
    };
}
