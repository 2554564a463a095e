using AmiAutomation.Aws.Errors;
using AmiAutomation.Aws.Paging;
using AmiAutomation.Core.Inventory;
using Amazon.Runtime;

namespace AmiAutomation.Aws.Inventory;

/// <summary>Runs one source and turns whatever happens into its <see cref="SourceRun"/>: never throws, so sources read
/// side by side cannot cancel or corrupt one another (each writes only its own run and collections).</summary>
internal static class SourceRunner
{
    /// <summary>Disabled sources are not called; a failure, token loop or cancellation marks the run Failed/Truncated.</summary>
    public static async Task<SourceRun> RunAsync(InventorySource source, InventoryOptions options, Func<SourceRun, Task> read, CancellationToken cancellationToken)
    {
        var run = new SourceRun(source);
        if (!options.IsEnabled(source))
        {
            return run.Disable();
        }

        try
        {
            await read(run);
        }
        catch (PagingTruncatedException ex)
        {
            run.Truncate(ex.Message);
        }
        catch (AmazonServiceException ex) when (source != InventorySource.Images && UnimplementedCall.Matches(ex))
        {
            run.Fail(UnimplementedCall.Describe(run.Operation, source, ex));
        }
        catch (AmazonServiceException ex)
        {
            run.Fail($"{run.Operation} failed: {Ec2ErrorCodes.Describe(ex)}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Fail($"Cancelled during {run.Operation} before the source was read to the end.");
        }
#pragma warning disable CA1031 // Fail closed: any other error (network, timeout, mapping) makes this source Failed, never the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run.Fail($"{run.Operation} failed: {ex.GetType().Name}: {ex.Message}");
        }

        return run;
    }
}
