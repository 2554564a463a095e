using System.Globalization;
using System.Text.Json;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Cli.Errors;
using AmiAutomation.Cli.Hosting;
using AmiAutomation.Cli.Serialization;
using AmiAutomation.Core.Inventory;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;

namespace AmiAutomation.Cli.Planning;

/// <summary><c>plan</c>: settings as the deployed functions read them, one inventory per region, the planners, the report.
/// Exit 0 when every inventory was complete, 1 when a source failed (destructive actions are then blocked).</summary>
internal static class PlanRunner
{
    public static async Task<int> RunAsync(CliContext context, PlanRequest request, CancellationToken cancellationToken)
    {
        using var logs = FunctionLogs.Create(request.Verbose, context.Console.Error, TimeProvider.System);
        using var target = PlanningTarget.Open(request.Simulate, request.Regions, request.Settings, context.Environment, logs);
        var deprecate = DeprecateSettings.Read(target.Environment);
        var expire = ExpireSettings.Read(target.Environment);
        var copy = CopySettings.Read(target.Environment);
        var now = target.Now;
        var at = target.At(request.At);

        var planner = new RegionPlanner(ProgressEc2ClientFactory.Watch(target.Clients, context.Progress), target.Apis, new Ec2RateLimiterRegistry(TimeProvider.System), logs.CreateLogger("plan"));
        var plans = new List<RegionPlan>();
        var rows = new List<PlanRow>();
        foreach (var region in target.Regions)
        {
            var result = await planner.PlanAsync(region, request.Function, deprecate, expire, copy, at, cancellationToken);
            if (result.Inventory.Sources.Single(s => s.Source == InventorySource.Images) is { IsComplete: false } images)
            {
                throw new AwsAccessException($"Could not read the images in {region}: {images.Error ?? images.Status.ToString()}");
            }

            plans.Add(result.Plan);
            rows.AddRange(PlanRows.Of(region, result.Inventory, result.Decisions, at)
                .Where(r => request.All || r.Acts || r.Functions.Any(f => f.Reason == nameof(Core.Planning.ReasonCode.InventoryIncomplete))));
        }

        context.Progress.Clear();
        var report = new PlanReport
        {
            GeneratedAt = now,
            PlannedFor = at,
            Function = request.Function,
            Regions = plans,
            Warnings = deprecate.Common.NoInUseCheck ? [CommonSettings.NoInUseCheckWarning] : [],
            Settings = EffectiveSettings.Of(deprecate, expire),
            Rows = [.. PlanRows.Sort(PlanRows.Filter(rows, request.Family, request.Action), request.Sort)],
            AllImages = request.All,
            Simulated = target.Simulated,
        };
        switch (request.Output)
        {
            case "json":
                await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Indented.PlanReport));
                break;
            case "csv":
                PlanCsv.Write(context.Console.Out, report, request.Function == "all" ? ["deprecate", "expire", "copy"] : [request.Function]);
                break;
            default:
                PlanRenderer.Render(context.Console.Ansi, report, context.Console.IsTerminal);
                break;
        }

        if (!report.Complete)
        {
            context.Console.WriteError(string.Create(CultureInfo.InvariantCulture,
                $"the inventory was incomplete in {string.Join(", ", plans.Where(p => !p.InventoryComplete).Select(p => p.Region))}: destructive actions are blocked there (fail closed)."));
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Ok;
    }
}
