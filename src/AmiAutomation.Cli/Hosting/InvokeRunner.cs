using AmiAutomation.Cli.Errors;

namespace AmiAutomation.Cli.Hosting;

/// <summary><c>invoke</c>: reads the payload file (exit 2 when it is not JSON) and runs the function once (AWS or <c>--simulate</c>).</summary>
internal static class InvokeRunner
{
    public static async Task<int> RunAsync(CliContext context, InvokeRequest request, CancellationToken cancellationToken)
    {
        byte[] payload;
        try
        {
            payload = await File.ReadAllBytesAsync(request.EventFile.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot read the event file '{request.EventFile.FullName}': {ex.Message}", ex);
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(payload);
        }
        catch (System.Text.Json.JsonException ex)
        {
            // Lambda would hand the function bytes it cannot read; say so here, as bad input (exit 2).
            throw new CliUsageException($"The event file '{request.EventFile.FullName}' is not JSON: {ex.Message}", ex);
        }

        var result = await FunctionHost.InvokeAsync(
            context, request.Function, payload, request.Simulate, request.Region, request.Settings,
            request.Live ? false : null, request.Verbose, cancellationToken);
        return await InvocationOutput.WriteAsync(context, result, request.Json);
    }
}
