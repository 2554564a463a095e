using System.Text;
using System.Text.Json;
using AmiAutomation.Cli.Commands;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Restore;
using Spectre.Console;

namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// <c>enable &lt;image-id&gt;…</c> through the restore function's <c>{"enable": [...]}</c> payload, under the functions'
/// dry-run rule like <c>restore</c>: live only with <c>--live</c>, <c>--set DRY_RUN=false</c> or DRY_RUN=false in the
/// environment; otherwise (and always with <c>--dry-run</c>) a dry run that says how to go live.
/// </summary>
internal static class EnableCommandRunner
{
    public static async Task<int> RunAsync(CliContext context, EnableRequest request, CancellationToken cancellationToken)
    {
        var ids = string.Join(",", request.ImageIds.Select(id => $"\"{id}\""));
        var payload = request.DryRun ? $"{{\"enable\":[{ids}],\"dryRun\":true}}" : $"{{\"enable\":[{ids}]}}";
        var flag = DryRunOptions.Flag(request.DryRun, request.Live);
        var result = await FunctionHost.InvokeAsync(
            context, "restore", Encoding.UTF8.GetBytes(payload), request.Simulate, request.Region, request.Settings,
            flag, request.Verbose, cancellationToken);
        if (!request.DryRun && RestoreRunner.IsDryRun(result.Response))
        {
            context.Console.Error.WriteLine(
                "note: a dry run (DRY_RUN is true or unset): nothing was enabled. Pass --live (or DRY_RUN=false) to enable.");
        }
        if (request.Json || result.Error is not null || result.Response is null)
        {
            return await InvocationOutput.WriteAsync(context, result, request.Json);
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
