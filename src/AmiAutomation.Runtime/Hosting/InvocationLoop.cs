using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// <c>next</c> → invoke → post, strictly one at a time, until cancelled (exit 0), after one event in run-once mode
/// (exit 0), or until the Runtime API fails (exit <see cref="BootstrapExitCodes.RuntimeApiFailed"/>).
/// </summary>
internal sealed class InvocationLoop(RuntimeApiClient client, InvocationRunner runner, bool runOnce, ILogger log, TextWriter errorOutput)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                InvocationRequest request;
                try
                {
                    request = await client.GetNextAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                await runner.RunAsync(request, cancellationToken);
                if (runOnce)
                {
                    break;
                }
            }

            return BootstrapExitCodes.Success;
        }
        catch (RuntimeApiException ex)
        {
            log.LogCritical(ex, "Stopping: {Problem}", ex.Message);
            await errorOutput.WriteLineAsync($"bootstrap: stopping: {ex.Message}");
            await errorOutput.FlushAsync(CancellationToken.None);
            return BootstrapExitCodes.RuntimeApiFailed;
        }
    }
}
