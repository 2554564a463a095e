namespace AmiAutomation.Cli.Hosting;

internal static class RestoreRunner
{
    public static Task<int> RunAsync(CliContext context, RestoreRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("RestoreRunner: in progress");
}
