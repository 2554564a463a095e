using System.Globalization;
using System.Text.Json;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Cli.Errors;
using AmiAutomation.Cli.Hosting;
using AmiAutomation.Cli.Planning;
using AmiAutomation.Cli.Serialization;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Cli.Explain;

/// <summary>
/// <c>explain</c>: reads each region as <c>plan</c> does (the same inventory reader and planners, per-image references
/// read for the images asked about too), then explains each image from the planners' decisions. Read-only.
/// Exit 2 when an id is not found or not owned (bad input), else 1 when an inventory was incomplete, else 0.
/// </summary>
internal static class ExplainRunner
{
    public static async Task<int> RunAsync(CliContext context, ExplainRequest request, CancellationToken cancellationToken)
    {
        using var logs = FunctionLogs.Create(request.Verbose, context.Console.Error, TimeProvider.System);
        using var target = PlanningTarget.Open(request.Simulate, request.Regions, request.Settings, context.Environment, logs);
        var deprecate = DeprecateSettings.Read(target.Environment);
        var expire = ExpireSettings.Read(target.Environment);
        var copy = CopySettings.Read(target.Environment);
        var at = target.At(request.At);
        var ids = request.ImageIds.Distinct(StringComparer.Ordinal).ToList();

        var planner = new RegionPlanner(target.Clients, target.Apis, new Ec2RateLimiterRegistry(TimeProvider.System), logs.CreateLogger("explain"));
        var found = new Dictionary<string, ImageExplanation>(StringComparer.Ordinal);
        var incomplete = new List<string>();
        var accountId = string.Empty;
        foreach (var region in target.Regions)
        {
            var result = await planner.PlanAsync(region, "all", deprecate, expire, copy, at, cancellationToken, ids);
            if (result.Inventory.Sources.Single(s => s.Source == InventorySource.Images) is { IsComplete: false } images)
            {
                throw new AwsAccessException($"Could not read the images in {region}: {images.Error ?? images.Status.ToString()}");
            }

            accountId = result.Inventory.AccountId;
            if (!result.Inventory.IsComplete)
            {
                incomplete.Add(region);
            }

            var mine = result.Inventory.Images.Where(i => ids.Contains(i.ImageId) && !found.ContainsKey(i.ImageId)).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var bin = await RecycleBinOutlook.ReadAsync(target.Apis, region, expire.RequireRecycleBin, cancellationToken);
            foreach (var image in mine)
            {
                found[image.ImageId] = ExplanationBuilder.Build(image, result.Inventory, result.Decisions, deprecate.Policy, expire.Policy, at, bin.Describe(image));
            }
        }

        foreach (var id in ids.Where(id => !found.ContainsKey(id)))
        {
            found[id] = await ExplainLookup.FindAsync(target.Clients, target.Regions, accountId, id, cancellationToken);
        }

        var report = new ExplainReport
        {
            GeneratedAt = target.Now,
            ExplainedAt = at,
            Simulated = target.Simulated,
            Settings = EffectiveSettings.Of(deprecate, expire),
            Images = [.. ids.Select(id => found[id])],
        };
        if (request.Output == "json")
        {
            await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Indented.ExplainReport));
        }
        else
        {
            ExplainRenderer.Render(context.Console.Ansi, report);
        }

        var missing = report.Images.Where(i => i.Status is ImageExplanation.NotFound or ImageExplanation.NotOwned).ToList();
        foreach (var image in missing)
        {
            context.Console.WriteError(image.Message!);
        }

        if (missing.Count > 0)
        {
            return ExitCodes.BadUsage;
        }

        if (incomplete.Count > 0)
        {
            context.Console.WriteError(string.Create(CultureInfo.InvariantCulture,
                $"the inventory was incomplete in {string.Join(", ", incomplete)}: destructive actions are blocked there (fail closed); the reasons above say which source failed."));
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Ok;
    }
}
