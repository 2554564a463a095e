using System.Text.Json;
using AmiAutomation.Cli.Serialization;

namespace AmiAutomation.Cli.Hosting;

/// <summary>Prints a local invocation like Lambda returns it: the response JSON, or the error as {errorType, errorMessage}.</summary>
internal static class InvocationOutput
{
    /// <summary>Function errors that mean the caller's input was wrong (the payload or a setting): exit 2, not 1.</summary>
    public static readonly IReadOnlySet<string> InputErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(AmiAutomation.Runtime.Functions.InvalidEventException),
        nameof(AmiAutomation.Functions.Restore.RestoreInvalidImageIdException),
        nameof(AmiAutomation.Runtime.Configuration.ConfigurationException),
    };

    /// <returns>0 when the function succeeded with status <c>succeeded</c> (or none); 2 when it rejected the payload or
    /// a setting (<see cref="InputErrors"/>); 1 when it failed otherwise or reported <c>partial</c>, <c>failed</c> or
    /// <c>blocked</c>.</returns>
    public static async Task<int> WriteAsync(CliContext context, InvocationResult result, bool json)
    {
        var console = context.Console;
        if (result.Error is { } error)
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(error, CliJson.Indented.LambdaError));
            if (InputErrors.Contains(error.ErrorType))
            {
                console.WriteError($"the {result.FunctionName} function rejected its input ({result.RequestId}): {error.ErrorType}: {error.ErrorMessage}");
                return ExitCodes.BadUsage;
            }

            console.WriteError($"the {result.FunctionName} function failed ({result.RequestId}): {error.ErrorType}: {error.ErrorMessage}");
            return ExitCodes.RunFailed;
        }

        await console.Out.WriteLineAsync(Format(result.Response, indented: !json));
        if (ResponseStatus.Of(result.Response) is { } status && ResponseStatus.ExitCodeFor(status) != ExitCodes.Ok)
        {
            console.WriteError($"the {result.FunctionName} run ({result.RequestId}) reported status '{status}'");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Ok;
    }

    public static string Format(byte[]? response, bool indented)
    {
        if (response is null || response.Length == 0)
        {
            return "null";
        }

        using var document = JsonDocument.Parse(response);
        return JsonSerializer.Serialize(document.RootElement, indented ? CliJson.Indented.JsonElement : CliJson.Compact.JsonElement);
    }
}
