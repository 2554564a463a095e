using System.Globalization;
using System.Text;
using System.Text.Json;
using AmiAutomation.Cli.Commands;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Restore;
using Spectre.Console;

namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// <c>restore list</c> and <c>restore &lt;image-id&gt;</c> through the restore function, under the functions' dry-run
/// rule: live only with <c>--live</c>, <c>--set DRY_RUN=false</c> or DRY_RUN=false in the environment; otherwise (and
/// always with <c>--dry-run</c>) only EC2 DryRun calls are made and the output says how to go live.
/// </summary>
internal static class RestoreRunner
{
    public static async Task<int> RunAsync(CliContext context, RestoreRequest request, CancellationToken cancellationToken)
    {
        var payload = request.ImageId is null
            ? "{\"action\":\"list\"}"
            : request.DryRun ? $"{{\"imageId\":\"{request.ImageId}\",\"dryRun\":true}}" : $"{{\"imageId\":\"{request.ImageId}\"}}";
        var flag = DryRunOptions.Flag(request.DryRun, request.Live);
        var result = await FunctionHost.InvokeAsync(
            context, "restore", Encoding.UTF8.GetBytes(payload), request.Simulate, request.Region, request.Settings,
            flag, request.Verbose, cancellationToken);
        if (request.ImageId is not null && !request.DryRun && IsDryRun(result.Response))
        {
            context.Console.Error.WriteLine(
                "note: a dry run (DRY_RUN is true or unset): nothing was restored. Pass --live (or DRY_RUN=false) to restore.");
        }

        if (request.Json || result.Error is not null || result.Response is null)
        {
            return await InvocationOutput.WriteAsync(context, result, request.Json);
        }

        Render(context.Console.Ansi, JsonSerializer.Deserialize(result.Response, RestoreJsonContext.Default.RestoreOutput)!);
        return ResponseStatus.ExitCodeFor(ResponseStatus.Of(result.Response));
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

    internal static bool IsDryRun(byte[]? response)
    {
        if (response is null)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(response);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("dryRun", out var dryRun) && dryRun.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
