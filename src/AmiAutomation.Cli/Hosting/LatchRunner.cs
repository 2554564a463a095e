using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.Ledger;
using AmiAutomation.Cli.Aws;
using AmiAutomation.Cli.Commands;
using AmiAutomation.Cli.Errors;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Common;

namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// <c>latch show|clear</c> directly on the ledger table (<c>LEDGER_TABLE_NAME</c>, standard credentials and endpoint
/// overrides, as <c>invoke</c> uses). Clearing records who, why and when, exactly as the expire payload
/// <c>{"clearLatch": …}</c> does.
/// </summary>
/// <remarks>dynamodb:GetItem (show), dynamodb:UpdateItem (clear) on the ledger table.</remarks>
internal static class LatchRunner
{
    public static async Task<int> RunAsync(CliContext context, LatchRequest request, CancellationToken cancellationToken)
    {
        var environment = SettingOverrides.Layer(request.Settings, context.Environment);
        var table = environment.Get(CommonSettings.LedgerTableNameVariable)
            ?? throw new CliUsageException($"{CommonSettings.LedgerTableNameVariable} is not set: name the stack's ledger table (env or --set {CommonSettings.LedgerTableNameVariable}=…).");
        var options = AwsAccess.ClientOptions(environment);
        var region = AwsAccess.Regions(request.Region is null ? [] : [request.Region], environment, options.Ec2EndpointUrl is not null)[0];
        options = AwsAccess.WithCredentials(options, environment);
        using var dynamo = DynamoDbClientFactory.Create(region, options);
        return await RunAsync(context.Console.Out, new DynamoDbDeregistrationLedger(dynamo, table), region, request, TimeProvider.System, cancellationToken);
    }

    /// <summary>The command against any ledger: exit 1 while the latch is set (show) or when there was nothing to clear.</summary>
    public static async Task<int> RunAsync(TextWriter output, IDeregistrationLedger ledger, string region, LatchRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        if (!request.Clear)
        {
            var latch = await ledger.GetLatchAsync(region, cancellationToken);
            await output.WriteLineAsync($"{region}: {latch?.Describe() ?? "no Recycle Bin latch was ever set"}");
            return latch is { IsSet: true } ? ExitCodes.RunFailed : ExitCodes.Ok;
        }

        var by = string.IsNullOrWhiteSpace(request.By) ? $"{Environment.UserName} (ami-automation latch clear)" : request.By.Trim();
        var cleared = await ledger.ClearLatchAsync(region, by, request.Reason!.Trim(), time.GetUtcNow(), cancellationToken);
        if (cleared is null)
        {
            await output.WriteLineAsync($"{region}: the Recycle Bin latch was not set; nothing cleared");
            return ExitCodes.RunFailed;
        }

        await output.WriteLineAsync($"{region}: {cleared.Describe()}");
        return ExitCodes.Ok;
    }
}
