using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Cli.Aws;
using AmiAutomation.Cli.Commands;
using AmiAutomation.Cli.Simulation;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Hosting;

/// <summary>Runs one function once, against AWS (standard credentials, endpoint overrides) or against the simulated
/// workbench, and returns what Lambda would have returned. Both follow the functions' dry-run rule: DRY_RUN from
/// <c>--set</c>, then the command's flag (<c>--live</c> / <c>--dry-run</c>), then the environment, default true.</summary>
internal static class FunctionHost
{
    /// <summary>What the ledger table is called when LEDGER_TABLE_NAME is unset (deprecate and copy never use it).</summary>
    public const string UnsetLedgerTable = "ledger-table-not-set";

    public static async Task<InvocationResult> InvokeAsync(
        CliContext context, string function, byte[] payload, bool simulate, string? region, IReadOnlyList<string> settings,
        bool? dryRunFlag, bool verbose, CancellationToken cancellationToken)
    {
        region ??= EventRegion(payload);
        var flags = dryRunFlag is { } flag
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [CommonSettings.DryRunVariable] = flag ? "true" : "false" }
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var environment = SettingOverrides.Layer(settings, new CommandDefaults(context.Environment, flags));
        if (simulate)
        {
            var clock = new SimulationClock(SimulatedAccount.DefaultStart);
            using var simLogs = FunctionLogs.Create(verbose, context.Console.Error, clock);
            // The workbench's own setup runs live (it must really expire images for restore to find); the caller's
            // invocation gets the caller's DRY_RUN, default true, exactly as against AWS.
            var account = await SimulatedWorkbench.CreateAsync(region ?? SimulationOptions.DefaultRegions[0], function, payload, settings, clock, simLogs, context.Console.Error, cancellationToken);
            var dryRun = environment.Get(CommonSettings.DryRunVariable) ?? "true";
            var simulated = account.Function(account.HomeRegion, function, new SettingOverrides(
                new Dictionary<string, string>(StringComparer.Ordinal) { [CommonSettings.DryRunVariable] = dryRun }, account.Environment));
            return await account.Invoker.InvokeAsync(simulated, account.HomeRegion, payload, cancellationToken);
        }

        var options = AwsAccess.ClientOptions(environment);
        var stackRegion = AwsAccess.Regions(region is null ? [] : [region], environment, options.Ec2EndpointUrl is not null)[0];
        options = AwsAccess.WithCredentials(options, environment);
        using var clients = new Ec2ClientFactory(options);
        using var dynamo = DynamoDbClientFactory.Create(stackRegion, options);
        var services = new FunctionServices
        {
            Region = stackRegion,
            Ec2 = ProgressEc2ClientFactory.Watch(clients, context.Progress),
            Apis = new SignedRegionalApiClients(options),
            Ledger = new DynamoDbDeregistrationLedger(dynamo, environment.Get(CommonSettings.LedgerTableNameVariable) ?? UnsetLedgerTable),
            // The same lease item as the deployed stack's: a CLI run and a scheduled run exclude each other.
            RunLease = new DynamoDbRunLease(dynamo, environment.Get(CommonSettings.LedgerTableNameVariable) ?? UnsetLedgerTable),
            Time = TimeProvider.System,
            Environment = environment,
        };
        var instance = FunctionCatalog.Create(function, services);
        using var logs = FunctionLogs.Create(verbose, context.Console.Error, TimeProvider.System);
        var invoker = new LocalInvoker(TimeProvider.System, logs, "local", environment.Get(CommonSettings.AccountIdVariable));
        try
        {
            return await invoker.InvokeAsync(instance, stackRegion, payload, cancellationToken);
        }
        finally
        {
            context.Progress.Clear();
        }
    }

    /// <summary>An EventBridge event's <c>region</c>: the stack it reaches is that region's (null when absent).</summary>
    private static string? EventRegion(byte[] payload)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(payload);
            using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("detail-type", out _)
                && document.RootElement.TryGetProperty("region", out var region)
                && region.ValueKind == System.Text.Json.JsonValueKind.String
                && AmiAutomation.Aws.Regions.RegionName.IsValid(region.GetString())
                ? region.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The process environment, with <paramref name="defaults"/> winning (the command's --live / --dry-run).</summary>
    private sealed class CommandDefaults(IEnvironmentVariables inner, IReadOnlyDictionary<string, string> defaults) : IEnvironmentVariables
    {
        public string? Get(string name) => defaults.TryGetValue(name, out var value) ? value : inner.Get(name);
    }
}
