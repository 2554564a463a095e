namespace AmiAutomation.Cli.Hosting;

internal static class InvokeRunner
{
    public static Task<int> RunAsync(CliContext context, InvokeRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("InvokeRunner: in progress");
}
