using System.Text.Json;
using AmiAutomation.Functions.Common;

namespace AmiAutomation.Cli.Hosting;

/// <summary>Reads a function response's run status for the exit code: only <c>succeeded</c> exits 0.</summary>
public static class ResponseStatus
{
    /// <summary>The run's verdict in a response: <c>runStatus</c> (restore) or <c>status</c> (the sweeps, copy) when it is
    /// one of <see cref="RunStatus.All"/>; null when the response carries none (restore's list action).</summary>
    public static string? Of(byte[]? response)
    {
        if (response is null || response.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in (ReadOnlySpan<string>)["runStatus", "status"])
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    && RunStatus.All.Contains(value.GetString()))
                {
                    return value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>0 for <c>succeeded</c> (or no status), 1 for <c>partial</c>, <c>failed</c> and <c>blocked</c>.</summary>
    public static int ExitCodeFor(string? status) => status is null || RunStatus.IsClean(status) ? ExitCodes.Ok : ExitCodes.RunFailed;
}
