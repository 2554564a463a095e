using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Cli.Aws;
using AmiAutomation.Cli.Commands;
using AmiAutomation.Cli.Simulation;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Cli.Hosting;

/// <summary>Runs one function once, against AWS (standard credentials, endpoint overrides, DRY_RUN from the environment)
/// or against the simulated workbench, and returns what Lambda would have returned.</summary>
internal static class FunctionHost
{
    /// <summary>What the ledger table is called when LEDGER_TABLE_NAME is unset (deprecate and copy never use it).</summary>
    public const string UnsetLedgerTable = "ledger-table-not-set";

    public static async Task<InvocationResult> InvokeAsync(
        CliContext context, string function, byte[] payload, bool simulate, string? region, IReadOnlyList<string> settings,
        IReadOnlyDictionary<string, string> defaults, bool verbose, CancellationToken cancellationToken)
    {
        region ??= EventRegion(payload);
        if (simulate)
        {
            var clock = new SimulationClock(SimulatedAccount.DefaultStart);
            using var simLogs = FunctionLogs.Create(verbose, context.Console.Error, clock);
            // The simulated stacks run live (it is a simulation, and its setup must really expire images); a dry run
            // is asked for in the payload. The defaults are for real accounts only.
            var account = await SimulatedWorkbench.CreateAsync(region ?? SimulationOptions.DefaultRegions[0], function, payload, settings, clock, simLogs, context.Console.Error, cancellationToken).ConfigureAwait(false);
            return await account.InvokeAsync(account.HomeRegion, function, payload, cancellationToken).ConfigureAwait(false);
        }

        var environment = SettingOverrides.Layer(settings, new CommandDefaults(context.Environment, defaults));
        var options = AwsAccess.ClientOptions(environment);
        var stackRegion = AwsAccess.Regions(region is null ? [] : [region], environment, options.Ec2EndpointUrl is not null)[0];
        options = AwsAccess.WithCredentials(options, environment);
        using var clients = new Ec2ClientFactory(options);
        using var dynamo = DynamoDbClientFactory.Create(stackRegion, options);
        var services = new FunctionServices
        {
            Region = stackRegion,
            Ec2 = clients,
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
        return await invoker.InvokeAsync(instance, stackRegion, payload, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The process environment, with <paramref name="defaults"/> winning (a command's own intent, e.g. restore's DRY_RUN).</summary>
    private sealed class CommandDefaults(IEnvironmentVariables inner, IReadOnlyDictionary<string, string> defaults) : IEnvironmentVariables
    {
        public string? Get(string name) => defaults.TryGetValue(name, out var value) ? value : inner.Get(name);
    }
}
