using System.Globalization;
using System.Text;
using System.Text.Json;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Restore;
using Spectre.Console;

namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// <c>restore list</c> and <c>restore &lt;image-id&gt;</c> through the restore function. The command says what to do,
/// so it runs live (DRY_RUN=false) unless <c>--dry-run</c> is given; <c>--set DRY_RUN=true</c> still wins.
/// </summary>
internal static class RestoreRunner
{
    public static async Task<int> RunAsync(CliContext context, RestoreRequest request, CancellationToken cancellationToken)
    {
        var payload = request.ImageId is null
            ? "{\"action\":\"list\"}"
            : request.DryRun ? $"{{\"imageId\":\"{request.ImageId}\",\"dryRun\":true}}" : $"{{\"imageId\":\"{request.ImageId}\"}}";
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CommonSettings.DryRunVariable] = request.DryRun ? "true" : "false",
        };
        var result = await FunctionHost.InvokeAsync(
            context, "restore", Encoding.UTF8.GetBytes(payload), request.Simulate, request.Region, request.Settings,
            defaults, request.Verbose, cancellationToken).ConfigureAwait(false);
        if (request.Json || result.Error is not null || result.Response is null)
        {
            return await InvocationOutput.WriteAsync(context, result, request.Json).ConfigureAwait(false);
        }

        Render(context.Console.Ansi, JsonSerializer.Deserialize(result.Response, RestoreJsonContext.Default.RestoreOutput)!);
        return ExitCodes.Ok;
    }

    private static void Render(IAnsiConsole console, RestoreOutput output)
    {
        console.MarkupLine(Markup.Escape($"{output.Region}: {output.Message}"));
        if (output.Images is { } images)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("Image").AddColumn("Name").AddColumn("Family").AddColumn("Deregistered").AddColumn("Purged at").AddColumn("Ledger").AddColumn("Snapshots");
            foreach (var image in images)
            {
                table.AddRow(image.ImageId, Markup.Escape(image.Name), Markup.Escape(image.Family), Time(image.EnteredAt), Time(image.ExitsAt),
                    image.InLedger ? "yes" : "no", image.Snapshots.Count.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(table);
            return;
        }

        foreach (var step in output.Steps ?? [])
        {
            var detail = step.Detail is null ? string.Empty : $": {step.Detail}";
            var code = step.ErrorCode is null ? string.Empty : $" ({step.ErrorCode})";
            console.MarkupLine(Markup.Escape($"  {step.Step} {step.Target} → {step.Outcome}{code}{detail}"));
        }

        foreach (var note in output.Notes ?? [])
        {
            console.MarkupLine(Markup.Escape($"  note: {note}"));
        }
    }

    private static string Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
