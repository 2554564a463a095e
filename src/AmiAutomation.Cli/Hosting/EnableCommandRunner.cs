using System.Text;
using System.Text.Json;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Restore;
using Spectre.Console;

namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// <c>enable &lt;image-id&gt;…</c> through the restore function's <c>{"enable": [...]}</c> payload. Like <c>restore</c>,
/// the command says what to do, so it runs live (DRY_RUN=false) unless <c>--dry-run</c> is given; <c>--set DRY_RUN=true</c>
/// still wins.
/// </summary>
internal static class EnableCommandRunner
{
    public static async Task<int> RunAsync(CliContext context, EnableRequest request, CancellationToken cancellationToken)
    {
        var ids = string.Join(",", request.ImageIds.Select(id => $"\"{id}\""));
        var payload = request.DryRun ? $"{{\"enable\":[{ids}],\"dryRun\":true}}" : $"{{\"enable\":[{ids}]}}";
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

        var output = JsonSerializer.Deserialize(result.Response, RestoreJsonContext.Default.RestoreOutput)!;
        Render(context.Console.Ansi, output);
        return output.RunStatus == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.RunFailed;
    }

    private static void Render(IAnsiConsole console, RestoreOutput output)
    {
        console.MarkupLine(Markup.Escape($"{output.Region}: {output.Message}"));
        foreach (var line in output.Enabled ?? [])
        {
            var held = line.HeldUntil is { } until ? $", held until {until:u}" : string.Empty;
            console.MarkupLine(Markup.Escape($"  {line.ImageId} → {line.Status}{held}"));
            foreach (var permission in line.Reapplied)
            {
                console.MarkupLine(Markup.Escape($"    re-shared: {permission}"));
            }

            foreach (var permission in line.Skipped)
            {
                console.MarkupLine(Markup.Escape($"    not re-shared: {permission}"));
            }

            foreach (var text in line.Notes.Select(n => "note: " + n).Concat(line.Problems.Select(p => "problem: " + p)))
            {
                console.MarkupLine(Markup.Escape($"    {text}"));
            }
        }
    }
}
