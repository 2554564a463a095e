using System.Globalization;
using System.Text.Json;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Cli.Aws;
using AmiAutomation.Cli.Commands;
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
        var environment = new PlanEnvironment(SettingOverrides.Layer(request.Settings, context.Environment));
        var deprecate = DeprecateSettings.Read(environment);
        var expire = ExpireSettings.Read(environment);
        var copy = CopySettings.Read(environment);
        var options = AwsAccess.ClientOptions(environment);
        var regions = AwsAccess.Regions(request.Regions, environment, options.Ec2EndpointUrl is not null);
        options = AwsAccess.WithCredentials(options, environment);
        var now = TimeProvider.System.GetUtcNow();
        var at = request.At is { } text && PlanTime.TryParse(text, now, out var parsed) ? parsed : now;

        using var clients = new Ec2ClientFactory(options);
        using var logs = FunctionLogs.Create(request.Verbose, context.Console.Error, TimeProvider.System);
        var planner = new RegionPlanner(ProgressEc2ClientFactory.Watch(clients, context.Progress), new SignedRegionalApiClients(options), new Ec2RateLimiterRegistry(TimeProvider.System), logs.CreateLogger("plan"));
        var plans = new List<RegionPlan>();
        foreach (var region in regions)
        {
            var (plan, inventory) = await planner.PlanAsync(region, request.Function, deprecate, expire, copy, at, cancellationToken).ConfigureAwait(false);
            if (inventory.Sources.Single(s => s.Source == InventorySource.Images) is { IsComplete: false } images)
            {
                throw new AwsAccessException($"Could not read the images in {region}: {images.Error ?? images.Status.ToString()}");
            }

            plans.Add(plan);
        }

        context.Progress.Clear();
        var report = new PlanReport
        {
            GeneratedAt = now,
            PlannedFor = at,
            Function = request.Function,
            Regions = plans,
            Warnings = deprecate.Common.NoInUseCheck ? [CommonSettings.NoInUseCheckWarning] : [],
        };
        if (request.Json)
        {
            await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Indented.PlanReport)).ConfigureAwait(false);
        }
        else
        {
            PlanRenderer.Render(context.Console.Ansi, report);
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
