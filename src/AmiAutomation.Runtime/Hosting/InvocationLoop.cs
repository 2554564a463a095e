using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// <c>next</c> → invoke → post, strictly one at a time, until cancelled (exit 0), after one event in run-once mode
/// (exit 0), until the Runtime API fails (exit <see cref="BootstrapExitCodes.RuntimeApiFailed"/>), or until the host
/// itself fails outside a handler (exit <see cref="BootstrapExitCodes.HostFailed"/>).
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
            return await StopAsync(ex, BootstrapExitCodes.RuntimeApiFailed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return BootstrapExitCodes.Success;
        }
        catch (Exception ex)
        {
            return await StopAsync(ex, BootstrapExitCodes.HostFailed);
        }
    }

    private async Task<int> StopAsync(Exception ex, int exitCode)
    {
        var problem = ex is RuntimeApiException ? ex.Message : $"the host failed: {ex.GetType().Name}: {ex.Message}";
        await errorOutput.WriteLineAsync($"bootstrap: stopping: {problem}");
        await errorOutput.FlushAsync(CancellationToken.None);
        try
        {
            log.LogCritical(ex, "Stopping: {Problem}", problem);
        }
        catch (IOException)
        {
            // stdout itself may be what failed; stderr already has the message.
        }

        return exitCode;
    }
}
